"""Render stage: what the booklet and answer-key PDFs hold, read back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import yaml
from conftest import write_yaml
from PIL import Image
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, Table

from booklet.document import Document
from booklet.engine.output import write_outputs
from booklet.model import QuestionKind
from booklet.pdf.blocks import layout_table
from booklet.pdf.compat import broken_lines
from booklet.pdf.make import render_outputs
from booklet.pdf.measured import MeasuredParagraph
from booklet.source.read import load
from booklet.words.labels import Labels
from booklet.words.phrases import LETTERS

CONTENT = """\
title: Knee Care at Home
subtitle: Simple steps for a stronger knee
language: en-GB
brand: brand.yaml
reviewed: 2026-10-15
sources:
  - National knee guidance, 2025 edition
  - Clinic protocol KC-7
sections:
  - title: How your knee works
    body: |
      Your knee is a **hinge** joint. It bends and *straightens* the leg.

      - It carries your weight.
      - It lets you climb stairs.

      1. Warm up first.
      2. Move slowly.
    image:
      file: images/photo.jpg
      caption: The knee joint from the side.
      alt: Drawing of a knee
    callouts:
      - kind: tip
        text: Ice can ease swelling after exercise.
      - kind: note
        text: Everyone heals at a different pace.
      - kind: warning
        text: Call us at once if your knee swells suddenly.
  - title: Exercises
    body: Do these every morning & evening (AT&T <b>not bold</b>).
    stretches:
      - name: Heel slide
        image: images/figure.png
        purpose: Bends the knee gently.
        steps:
          - Lie on your back with both legs straight.
          - Slide your heel toward your buttock.
          - Slide it back out slowly.
        hold: 5 seconds
        repeat: 10
        sets: 2
        sides: each
        frequency: Twice a day
        caution: Stop if your knee hurts sharply.
        video: https://example.org/videos/heel-slide?lang=en&size=large
      - name: Quad set
        id: quad-set
        image: images/figure.png
        steps:
          - Sit with your leg straight.
          - Press the back of your knee down.
        hold: 1 minute
        sides: right
quiz:
  title: Quick check
  instructions: Tick or circle your answers.
  questions:
    - question: The knee is a hinge joint.
      answer: true
      explanation: It bends and straightens like a door hinge.
    - question: Which helps swelling most?
      choices: [Heat, Ice, Running, Kneeling]
      answer: Ice
      explanation: Cold narrows blood vessels.
    - question: Which exercises are in this booklet?
      choices: [Heel slide, Quad set, Deadlift]
      answer: [Heel slide, Quad set]
    - question: Name one sign to call the clinic.
      answer: Sudden swelling of the knee.
      lines: 2
      explanation: Sudden swelling can mean bleeding in the joint.
"""

BRAND = """\
organization: Lakeside Physio Łódź
logo: images/logo.png
colors:
  primary: "#2A6F4E"
  accent: darkorange
page:
  size: a4
  margin: 20mm
contact:
  phone: 555-0199
  email: team@lakeside.example
  website: lakeside.example
  address: 9 Shore Lane
disclaimer: Education only. Ask your physiotherapist before you start.
"""


def make_pictures(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (4000, 3000), (200, 120, 40)).save(folder / "photo.jpg", quality=80)
    figure = Image.new("RGBA", (600, 450), (0, 0, 0, 0))
    figure.paste((30, 90, 160, 255), (150, 100, 450, 350))
    figure.save(folder / "figure.png")
    Image.new("P", (300, 300), 3).save(folder / "logo.png")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("project")
    (folder / "knee.yaml").write_text(CONTENT, encoding="utf-8")
    (folder / "brand.yaml").write_text(BRAND, encoding="utf-8")
    make_pictures(folder / "images")
    return folder


@pytest.fixture(scope="module")
def document(project: Path) -> Document:
    return load(project / "knee.yaml")


@pytest.fixture(scope="module")
def pdfs(document: Document, project: Path) -> tuple[pypdf.PdfReader, pypdf.PdfReader]:
    booklet_path, key_path = write_outputs(
        {"pdf": render_outputs(document)}, project / "out", "knee"
    )
    return pypdf.PdfReader(booklet_path), pypdf.PdfReader(key_path)


def page_texts(reader: pypdf.PdfReader) -> list[str]:
    return [flat(page.extract_text()) for page in reader.pages]


def flat(text: str) -> str:
    return " ".join(text.split())


def all_text(reader: pypdf.PdfReader) -> str:
    return " ".join(page_texts(reader))


def test_booklet_shows_every_text_of_the_content(document, pdfs):
    text = all_text(pdfs[0])
    booklet = document.booklet
    expected = [booklet.title, booklet.subtitle, *booklet.sources]
    for section in booklet.sections:
        expected.append(section.title)
        expected += [c.text for c in section.callouts]
        for stretch in section.stretches:
            expected += [stretch.name, *stretch.steps]
            expected += [s for s in (stretch.purpose, stretch.caution, stretch.frequency) if s]
    for question in booklet.quiz.questions:
        expected += [question.text, *question.choices]
    missing = [item for item in expected if flat(item) not in text]
    assert missing == []


def test_markup_prints_literally_and_light_markup_formats(pdfs):
    text = all_text(pdfs[0])
    assert "morning & evening (AT&T <b>not bold</b>)" in text
    assert "Your knee is a hinge joint." in text


def test_booklet_holds_no_answers_or_explanations(document, pdfs):
    text = all_text(pdfs[0])
    for question in document.booklet.quiz.questions:
        if question.explanation:
            assert flat(question.explanation) not in text
        if question.kind is QuestionKind.SHORT:
            assert flat(str(question.answer)) not in text
    assert "Answer key" not in text
    assert "Answer:" not in text


def test_answer_key_gives_every_answer_under_the_booklet_number(document, pdfs):
    booklet_text, key_text = all_text(pdfs[0]), all_text(pdfs[1])
    labels = Labels()
    for number, question in enumerate(document.booklet.quiz.questions, start=1):
        assert f"{number}. {flat(question.text)}" in booklet_text
        if question.kind is QuestionKind.TRUE_FALSE:
            answer = labels.true if question.answer else labels.false
        elif question.kind is QuestionKind.SHORT:
            answer = str(question.answer)
        else:
            answer = "; ".join(
                f"{LETTERS[question.choices.index(c)]}. {c}" for c in question.correct_choices()
            )
        pattern = (
            re.escape(f"{number}. {flat(question.text)}") + r".*?" + re.escape(f"Answer: {answer}")
        )
        assert re.search(pattern, key_text), (number, answer)
        if question.explanation:
            assert flat(question.explanation) in key_text


def test_answer_key_names_booklet_organization_and_clinician_use(pdfs):
    first = page_texts(pdfs[1])[0]
    assert "Knee Care at Home" in first
    assert "LAKESIDE PHYSIO ŁÓDŹ" in first
    assert "FOR CLINICIAN USE" in first


def test_every_page_but_the_cover_has_organization_and_page_n_of_m(pdfs):
    for reader in pdfs:
        texts = page_texts(reader)
        total = len(texts)
        for number, text in enumerate(texts, start=1):
            if reader is pdfs[0] and number == 1:
                assert "Page 1 of" not in text
                continue
            assert f"Page {number} of {total}" in text
            assert "Lakeside Physio Łódź" in text


def test_contents_lists_sections_with_their_page_numbers(document, pdfs):
    texts = page_texts(pdfs[0])
    contents = texts[1]
    assert "Contents" in contents
    for section in document.booklet.sections:
        match = re.search(re.escape(section.title) + r" (\d+)", contents)
        assert match, section.title
        page = int(match.group(1))
        assert section.title in texts[page - 1]


def test_metadata_language_and_bookmarks(document, pdfs):
    booklet, key = pdfs
    assert booklet.metadata.title == "Knee Care at Home"
    assert booklet.metadata.author == "Lakeside Physio Łódź"
    assert booklet.metadata.subject == "Simple steps for a stronger knee"
    assert booklet.trailer["/Root"]["/Lang"] == "en-GB"
    assert key.metadata.title == "Answer key: Knee Care at Home"
    titles = [item.title for item in flatten(booklet.outline)]
    for section in document.booklet.sections:
        assert section.title in titles
    assert {"Heel slide", "Quad set", "Quick check"} <= set(titles)


def flatten(outline: list) -> list:
    items = []
    for item in outline:
        items += flatten(item) if isinstance(item, list) else [item]
    return items


def test_links_can_be_clicked(pdfs):
    uris = set()
    for page in pdfs[0].pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(action["/URI"])
    assert "https://example.org/videos/heel-slide?lang=en&size=large" in uris
    assert "mailto:team@lakeside.example" in uris
    assert "https://lakeside.example" in uris


def test_the_video_link_is_over_a_drawn_qr_code(pdfs, project):
    video = "https://example.org/videos/heel-slide?lang=en&size=large"
    data = (project / "out" / "knee.pdf").read_bytes()  # written by `pdfs`
    document = pypdfium2.PdfDocument(data)
    for number, page in enumerate(pypdf.PdfReader(io.BytesIO(data)).pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            left, bottom, right, top = (float(v) for v in annotation["/Rect"])
            if (
                annotation.get("/A", {}).get("/URI") != video
                or abs(right - left - top + bottom) > 1
            ):
                continue  # the link on the QR code is the square one; the address is another
            height = float(page.mediabox.top)
            image = document[number].render(scale=1).to_pil().convert("L")
            square = image.crop((left, height - top, right, height - bottom))
            dark = (
                square.point(lambda value: 255 if value < 128 else 0).histogram()[255]
                / square.width**2
            )
            assert 0.3 < dark < 0.7, dark  # about half of a QR code's modules are dark
            return
    raise AssertionError("no link over a QR code")


def test_the_longest_link_allowed_fits_its_qr_code():
    from booklet.pdf.drawn import QR_QUIET_ZONE, encoded_qr
    from booklet.source.links import MAX_LINK_BYTES

    start = "https://example.org/"
    operators = encoded_qr(start + "a" * (MAX_LINK_BYTES - len(start)), 50.0, "#000000")
    runs = operators.split(" re f")[:-1]
    assert operators.startswith("q 0 0 0 rg ") and operators.endswith(" Q")
    # every run of dark modules lies inside the code, within its quiet zone
    module = min(float(run.split()[-1]) for run in runs)
    assert all(QR_QUIET_ZONE * module - 1e-6 <= float(run.split()[-4]) for run in runs)


def test_each_stretch_card_is_on_one_page(document, pdfs):
    texts = page_texts(pdfs[0])
    for stretch in document.booklet.stretches():
        pages = [
            i
            for i, text in enumerate(texts)
            if f". {stretch.name}" in text and stretch.steps[-1] in text
        ]
        assert pages, stretch.name


def test_dosage_is_printed_in_words(pdfs):
    text = all_text(pdfs[0])
    for words in (
        "5 seconds",
        "10 times",
        "2 sets",
        "Each side",
        "Twice a day",
        "1 minute",
        "Right side",
    ):
        assert words in text


def test_page_size_follows_the_brand(pdfs):
    box = pdfs[0].pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_same_input_gives_same_bytes(document):
    first, second = render_outputs(document), render_outputs(document)
    assert first.booklet == second.booklet
    assert first.answer_key == second.answer_key


def test_large_photo_is_downsampled_and_a_picture_used_twice_is_embedded_once(pdfs):
    placed = []  # (object number, width, height) of every picture placed on a page
    filters = set()
    for page in pdfs[0].pages:
        for ref in (page["/Resources"].get("/XObject") or {}).values():
            image = ref.get_object()
            if image["/Subtype"] == "/Image":
                placed.append((ref.idnum, image["/Width"], image["/Height"]))
                named = image["/Filter"]
                filters.update(named if isinstance(named, list) else [named])
    assert max(width for _, width, _ in placed) < 2400  # the 4000-pixel photo, at about 300 ppi
    assert "/DCTDecode" in filters  # and it stays a JPEG
    assert "/FlateDecode" in filters  # drawings stay lossless
    # photo, figure (on two cards) and logo (cover and back page): each embedded once
    assert len({idnum for idnum, _, _ in placed}) == 3


def test_content_longer_than_a_page_flows_across_pages(tmp_path):
    steps = [
        f"Step {n}: move your leg slowly and keep your back flat on the floor." for n in range(60)
    ]
    paragraph = "Stop if it hurts. " * 270  # within the 5,000-character paragraph limit
    longest_field = "Stop if it hurts. " * 55  # within the 1,000-character field limit
    choices = [f"{letter} " + "Keep breathing slowly. " * 21 for letter in "ABCDEFGH"]
    content = {
        "title": "Long",
        "sections": [
            {
                "title": "Warnings",
                "callouts": [{"kind": "warning", "text": "\n\n".join([paragraph] * 4)}],
            },
            {
                "title": "Card",
                "stretches": [{"name": "Endless", "steps": steps, "caution": longest_field}],
            },
        ],
        "quiz": {
            "questions": [{"question": longest_field, "choices": choices, "answer": choices[0]}]
        },
    }
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(content), encoding="utf-8")
    outputs = render_outputs(load(path))
    reader = pypdf.PdfReader(io.BytesIO(outputs.booklet))
    texts = page_texts(reader)
    text = " ".join(texts)
    assert all(step in text for step in steps)
    assert all(f"Page {n} of {len(texts)}" in page for n, page in enumerate(texts[1:], start=2))


def test_a5_pages_keep_dosage_words_whole(project, tmp_path):
    brand = tmp_path / "a5.yaml"
    brand.write_text(
        BRAND.replace("size: a4", "size: a5")
        .replace("margin: 20mm", "margin: 12mm")
        .replace("images/logo.png", str(project / "images" / "logo.png")),
        encoding="utf-8",
    )
    reader = pypdf.PdfReader(io.BytesIO(render_outputs(load(project / "knee.yaml", brand)).booklet))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (420, 595)
    text = " ".join(page_texts(reader))
    for words in ("5 seconds", "10 times", "2 sets", "Each side", "Twice a day"):
        assert words in text


def test_a_lead_in_and_its_short_list_always_share_a_page(tmp_path):
    items = [f"Item number {n} to bring along" for n in range(1, 7)]
    for filler in range(18, 34):
        body = "\n\n".join(["Walk a little every day and rest when you need to."] * filler)
        body += "\n\nYou will need:\n\n" + "\n".join(f"- {item}" for item in items)
        path = write_yaml(
            tmp_path / f"lead-{filler}.yaml",
            {"title": "Lists", "sections": [{"title": "Before you start", "body": body}]},
        )
        pages = page_texts(pypdf.PdfReader(io.BytesIO(render_outputs(load(path)).booklet)))
        holding = [page for page in pages if "You will need:" in page]
        assert len(holding) == 1
        assert all(item in holding[0] for item in items), filler


def test_a_table_measured_again_sizes_as_a_plain_reportlab_table() -> None:
    text = "Walk a little every day and rest when you need to. " * 8
    style = getSampleStyleSheet()["Normal"]

    def table(make):
        inner = make([[Paragraph(text, style)]], colWidths=["100%"])
        rows = [[inner, Paragraph(text, style)]] + [[Paragraph(text, style)] * 2] * 5
        # with a row span, ReportLab stops measuring rows once past the height offered
        return make(rows, colWidths=["50%", "50%"], style=[("SPAN", (0, 0), (0, 1))])

    reused, plain = table(layout_table), table(Table)
    asked = [(400, 2000), (300, 2000), (300, 20), (300, 2000), (400, 150), (400, 2000)]
    assert [reused.wrap(*size) for size in asked] == [plain.wrap(*size) for size in asked]
    assert len({height for _, height in (plain.wrap(*size) for size in asked)}) > 2
    assert [part.wrap(400, 150) for part in reused.split(400, 150)] == [
        part.wrap(400, 150) for part in plain.split(400, 150)
    ]


def test_a_paragraph_broken_again_has_a_plain_reportlab_paragraphs_lines() -> None:
    text = "Walk a little <b>every</b> day and rest when you need to. " * 6
    style = getSampleStyleSheet()["Normal"]
    measured, plain = MeasuredParagraph(text, style), Paragraph(text, style)
    for width in (400, 150, 150, 0.001, 150, 400, 400):
        assert measured.wrap(width, 500) == plain.wrap(width, 500)
        assert len(broken_lines(measured).lines) == len(broken_lines(plain).lines)
    assert [p.wrap(400, 30) for p in measured.split(400, 30)] == [
        p.wrap(400, 30) for p in plain.split(400, 30)
    ]
    assert measured.split(400, 5) == []  # no room: ReportLab drops the lines it broke
    assert measured.wrap(400, 500) == plain.wrap(400, 500)
    assert len(broken_lines(measured).lines) == len(broken_lines(plain).lines)
