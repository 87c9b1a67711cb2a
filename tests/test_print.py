"""Print production: saddle-stitch imposition, padding with useful pages, bleed and crop
marks, and the exercise log and questions pages."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from conftest import problems, run_cli
from reportlab.pdfgen.canvas import Canvas

from booklet.document import PrintOptions
from booklet.model import PAGE_SIZES_PT
from booklet.pdf.imposition import folding_order, impose
from booklet.pdf.make import render_outputs
from booklet.source.read import load
from booklet.words.phrases import times_a_day

A5 = PAGE_SIZES_PT["a5"]
MM = 72 / 25.4


def numbered_pages(count: int, size: tuple[float, float] = A5) -> bytes:
    """A PDF whose page N says only "Source page N"."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1)
    for number in range(1, count + 1):
        canvas.setFont("Helvetica", 24)
        canvas.drawString(60, size[1] / 2, f"Source page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def half_texts(pdf: bytes) -> list[tuple[str, str]]:
    """The text of the left and the right half of every sheet."""
    document = pypdfium2.PdfDocument(pdf)
    halves = []
    for page in document:
        width, height = page.get_size()
        text = page.get_textpage()
        halves.append(
            (
                text.get_text_bounded(0, 0, width / 2, height).strip(),
                text.get_text_bounded(width / 2, 0, width, height).strip(),
            )
        )
    return halves


def page_texts(pdf: bytes) -> list[str]:
    return [page.get_textpage().get_text_range().strip() for page in pypdfium2.PdfDocument(pdf)]


def as_numbers(halves: list[tuple[str, str]]) -> list[tuple[int | None, int | None]]:
    def number(text: str) -> int | None:
        return int(text.removeprefix("Source page ")) if text else None

    return [(number(left), number(right)) for left, right in halves]


def reading_order(sides: list[tuple[int | None, int | None]]) -> list[int | None]:
    """Fold the printed sheets as a person would and read the pages in turn.

    Sheets lie on one another in printing order (front, back, front, back ...) and are
    folded together: the first half of the booklet is each sheet's front right then back
    left, from the outside in; the second half is each back right then front left, from
    the inside out.
    """
    fronts, backs = sides[0::2], sides[1::2]
    first = [
        page for front, back in zip(fronts, backs, strict=True) for page in (front[1], back[0])
    ]
    second = [
        page
        for front, back in reversed(list(zip(fronts, backs, strict=True)))
        for page in (back[1], front[0])
    ]
    return first + second


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (8, [(8, 1), (2, 7), (6, 3), (4, 5)]),
        (12, [(12, 1), (2, 11), (10, 3), (4, 9), (8, 5), (6, 7)]),
        # 13 pages: three blank pages go before the back cover, which stays last
        (
            13,
            [(13, 1), (2, None), (None, 3), (4, None), (12, 5), (6, 11), (10, 7), (8, 9)],
        ),
    ],
)
def test_imposed_sheets_hold_the_source_pages_in_folding_order(count, expected) -> None:
    imposed = impose(numbered_pages(count))
    sides = as_numbers(half_texts(imposed))
    assert sides == expected
    padded = [*range(1, count), *[None] * (-count % 4), count]
    assert reading_order(sides) == padded
    sheet = pypdf.PdfReader(io.BytesIO(imposed)).pages[0]
    assert (float(sheet.mediabox.width), float(sheet.mediabox.height)) == pytest.approx(
        (2 * A5[0], A5[1])
    )


def test_folding_order_needs_a_multiple_of_four() -> None:
    with pytest.raises(ValueError, match="multiple of 4"):
        folding_order(6)


def test_creep_moves_inner_pages_toward_the_fold() -> None:
    plain, crept = impose(numbered_pages(8)), impose(numbered_pages(8), creep_mm=2)

    def first_letter_x(pdf: bytes) -> list[float]:
        document = pypdfium2.PdfDocument(pdf)
        lefts = []
        for page in document:
            text = page.get_textpage()
            lefts.append(text.get_charbox(0)[0])
        return lefts

    # sheet 1 (sides 1-2) is the outer one; sheet 2 (sides 3-4) the inner one
    moved = [c - p for c, p in zip(first_letter_x(crept), first_letter_x(plain), strict=True)]
    assert moved[:2] == pytest.approx([0, 0], abs=0.01)
    assert moved[2:] == pytest.approx([2 * MM, 2 * MM], abs=0.01)


def test_impose_gives_the_same_bytes_each_time() -> None:
    assert impose(numbered_pages(12), 1.5) == impose(numbered_pages(12), 1.5)


STRETCHES = """\
title: Knee care
sections:
  - title: Stretches
    body: Do these every day.
    stretches:
      - name: Quad stretch
        steps: [Stand tall., Pull your heel up.]
        hold: 30 seconds
        repeat: 3
        sides: each
        frequency: twice a day
      - name: Calf stretch
        steps: [Lean on a wall.]
        hold: 20
        frequency: once a day
"""


QUIZ = """\
quiz:
  questions:
    - question: Stretch through sharp pain.
      answer: false
"""


@pytest.fixture
def stretch_booklet(make_content):
    """Five pages: cover, contents, stretches, quiz and back page."""
    return load(make_content(STRETCHES + QUIZ))


def test_saddle_pads_with_useful_pages_and_keeps_the_back_page_last(stretch_booklet) -> None:
    plain = page_texts(render_outputs(stretch_booklet).booklet)
    outputs = render_outputs(stretch_booklet, PrintOptions(imposition="saddle"))
    pages = page_texts(outputs.booklet)
    assert (len(plain), len(pages)) == (5, 8)
    added = pages[len(plain) - 1 : -1]
    assert added and all(
        any(title in text for title in ("My exercise log", "My questions", "Notes"))
        for text in added
    )
    assert "Questions? Contact us" in pages[-1]
    assert outputs.imposed is not None
    sides = half_texts(outputs.imposed)
    order = folding_order(len(pages))
    assert len(sides) == len(order)
    for (left_text, right_text), (left, right) in zip(sides, order, strict=True):
        assert normalised(left_text) == normalised(pages[left])
        assert normalised(right_text) == normalised(pages[right])


def normalised(text: str) -> str:
    return " ".join(text.split())


def test_exercise_log_lists_each_stretch_with_its_dosage(make_content) -> None:
    content = make_content(STRETCHES + "exercise_log: true\nquestions_page: true\n")
    pages = page_texts(render_outputs(load(content)).booklet)
    log = next(text for text in pages if "Pain score" in text)
    flat = normalised(log)
    assert "Quad stretch Hold 30 seconds · 3 times · Each side · twice a day" in flat
    assert "Calf stretch Hold 20 seconds · once a day" in flat
    assert "MON TUE WED THU FRI SAT SUN" in flat
    assert "Pain score (0\u201310)" in flat
    assert any("My questions for my clinician" in text for text in pages)
    contents = normalised(pages[1])
    assert "My exercise log" in contents and "My questions for my clinician" in contents


def test_the_command_line_turns_the_pages_on(make_content, tmp_path) -> None:
    content = make_content(STRETCHES)
    result = run_cli(
        ["build", content, "--out", tmp_path / "out", "--exercise-log", "--questions-page"]
    )
    assert result.exit_code == 0, result.stderr
    text = " ".join(page_texts((tmp_path / "out" / "booklet.pdf").read_bytes()))
    assert "My exercise log" in text and "My questions for my clinician" in text


def test_no_log_without_stretches(make_content) -> None:
    content = make_content("title: Hip\nsections:\n  - title: Why\nexercise_log: true\n")
    text = " ".join(page_texts(render_outputs(load(content)).booklet))
    assert "My exercise log" not in text


@pytest.mark.parametrize(
    ("frequency", "boxes"),
    [
        ("twice a day", 2),
        ("Once or twice a day", 2),
        ("3 times a day", 3),
        ("10 times per day", 3),
        ("once a day", 1),
        ("every other day", 1),
        ("twice a week", 1),
        (None, 1),
    ],
)
def test_tick_boxes_a_day_follow_the_frequency(frequency, boxes) -> None:
    assert times_a_day(frequency) == boxes


def test_switches_must_be_true_or_false(make_content) -> None:

    content = make_content(STRETCHES + "exercise_log: yes please\n")
    assert problems(content) == [
        f'{content}:16: exercise_log: "yes please" must be true or false (or yes or no)'
    ]


def test_saddle_build_writes_three_files(make_content, tmp_path) -> None:
    out = tmp_path / "out"
    result = run_cli(["build", make_content(STRETCHES), "--out", out, "--imposition", "saddle"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.split() == [
        str(out / "booklet.pdf"),
        str(out / "booklet-answer-key.pdf"),
        str(out / "booklet-saddle.pdf"),
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["--creep", "1"],
        ["--bleed", "3mm", "--imposition", "saddle"],
        ["--bleed", "3 miles"],
        ["--bleed", "40mm"],
        ["--seed", "4"],
        ["--versions", "27"],
    ],
)
def test_print_options_that_do_not_go_together_are_usage_errors(
    args, make_content, tmp_path
) -> None:
    result = run_cli(["build", make_content(STRETCHES), "--out", tmp_path / "out", *args])
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


# --- bleed and crop marks ---------------------------------------------------------------


def test_bleed_sets_trim_and_bleed_boxes_and_room_for_crop_marks(make_content, make_brand):
    brand = make_brand("organization: Clinic\npage:\n  size: a5\n")
    document = load(make_content(STRETCHES), brand)
    pdf = render_outputs(document, PrintOptions(bleed_pt=3 * MM)).booklet
    width, height = A5
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        assert (float(trim.width), float(trim.height)) == pytest.approx((width, height))
        assert float(bleed.left) == pytest.approx(float(trim.left) - 3 * MM)
        assert float(bleed.right) == pytest.approx(float(trim.right) + 3 * MM)
        assert float(bleed.top) == pytest.approx(float(trim.top) + 3 * MM)
        assert float(bleed.bottom) == pytest.approx(float(trim.bottom) - 3 * MM)
        # room outside the bleed for crop marks
        assert float(media.left) < float(bleed.left) - 5 * MM
        assert float(media.top) > float(bleed.top) + 5 * MM


def test_cover_colour_runs_into_the_bleed_and_stops_there(make_content, make_brand):
    brand = make_brand('organization: Clinic\ncolors:\n  primary: "#1F6F8B"\n')
    document = load(make_content(STRETCHES), brand)
    pdf = render_outputs(document, PrintOptions(bleed_pt=3 * MM)).booklet
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    trim, media_height = page.trimbox, float(page.mediabox.height)
    image = pypdfium2.PdfDocument(pdf)[0].render(scale=1).to_pil().convert("RGB")

    def pixel(x: float, y: float) -> tuple[int, int, int]:
        return image.getpixel((round(x), round(media_height - y)))

    top, left = float(trim.top), float(trim.left)
    assert pixel(left - 1.5 * MM, top + 1.5 * MM) == (0x1F, 0x6F, 0x8B)  # in the bleed
    assert pixel(left - 4.5 * MM, top + 4.5 * MM) == (255, 255, 255)  # past the bleed


def test_the_html_twin_has_the_log_and_the_questions_box(make_content) -> None:
    from booklet.engine.pipeline import render_html

    content = make_content(STRETCHES + "exercise_log: true\nquestions_page: true\n")
    html = render_html(load(content)).booklet.decode()
    assert html.count('type="checkbox" aria-label="Quad stretch, ') == 14  # twice a day
    assert html.count('type="checkbox" aria-label="Calf stretch, ') == 7
    assert html.count('type="number" min="0" max="10"') == 7
    assert '<a href="#exercise-log">My exercise log</a>' in html
    assert '<textarea id="my-questions-text"' in html
    assert '<label class="hint" for="my-questions-text">' in html


def test_imposed_sheets_have_no_links_to_follow(make_content) -> None:
    content = make_content(
        STRETCHES.replace("frequency: once a day", "video: https://example.org/calf")
    )
    outputs = render_outputs(load(content), PrintOptions(imposition="saddle"))
    assert outputs.imposed is not None
    reader = pypdf.PdfReader(io.BytesIO(outputs.imposed))
    assert all("/Annots" not in page for page in reader.pages)
    assert "/Outlines" not in reader.trailer["/Root"]
    assert reader.metadata.title == "Knee care"


def test_padding_finds_a_multiple_of_four_when_fillers_take_more_than_a_page(
    make_brand, tmp_path
) -> None:
    """On half-letter the sample's log takes two pages and the contents grows with the
    fillers' entries, so the first guess at the padding is wrong."""
    sample = Path(__file__).resolve().parent.parent / "content" / "psoas-hip-pain.yaml"
    brand = make_brand("organization: Clinic\npage:\n  size: half-letter\n  margin: 14mm\n")
    outputs = render_outputs(load(sample, brand), PrintOptions(imposition="saddle"))
    pages = page_texts(outputs.booklet)
    assert len(pages) % 4 == 0
    assert "Questions? Contact us" in pages[-1] or "Questions? Contact us" in pages[-2]
    assert outputs.imposed is not None
    assert len(half_texts(outputs.imposed)) == len(pages) // 2
