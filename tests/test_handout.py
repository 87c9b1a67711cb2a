"""The compact patient handout: pages per exercise count, the layout rules on every paper
size, language and print size, the header and footer, marked sections, the quiz and the
tracking chart on request, the full prescription (each field checked, printed, charted,
in the HTML twin), the booklet layout kept on request, and the Python API."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
import yaml
from conftest import run_cli, write_yaml

from booklet import BookletError, PrintOptions, handout, load
from booklet.document import Document
from booklet.engine.pipeline import with_options
from booklet.pdf.layout_check import broken_rules
from booklet.pdf.make import render_booklet
from booklet.source.read import patient_from_mapping
from booklet.words.labels import labels_for
from booklet.words.translations import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[1]
HIP = ROOT / "content" / "hip-home-program.yaml"
MARIA = ROOT / "patients" / "maria-lopez.yaml"
POSES = (
    "kneeling-hip-flexor",
    "standing-quad",
    "knee-to-chest",
    "pigeon",
    "butterfly",
    "glute-bridge",
    "bird-dog",
    "core-activation",
)
NEW_FIELDS = ("rest", "tempo", "load", "effort", "duration", "days_per_week")


def stretch(number: int) -> dict[str, object]:
    return {
        "name": f"Exercise {number} for the hip",
        "id": f"ex-{number}",
        "figure": POSES[number % len(POSES)],
        "purpose": "Keeps the hip moving.",
        "steps": [
            "Get into the starting position slowly and breathe out.",
            "Move gently until you feel a light stretch, not pain.",
            "Hold still, then come back to the start.",
            "Do the other side the same way.",
        ][: 3 + number % 2],
        "hold": "20 seconds",
        "repeat": 10,
        "sides": "each",
        "frequency": "Twice a day",
        "caution": "Stop if you feel sharp pain or tingling.",
    }


@pytest.fixture(scope="module")
def twelve(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("twelve")
    content = {
        "title": "Your home program",
        "brand": str(ROOT / "content" / "brand.yaml"),
        "sections": [
            {
                "title": "How to use this program",
                "body": "Do each exercise slowly. A stretch should feel like a gentle pull.",
                "handout": True,
                "callouts": [{"kind": "warning", "text": "Stop if an exercise causes sharp pain."}],
            },
            {"title": "Background", "body": "Only in the full booklet."},
            {"title": "Exercises", "stretches": [stretch(n) for n in range(1, 13)]},
        ],
        "quiz": {"questions": [{"question": "Stretching should hurt.", "answer": False}]},
    }
    path = folder / "twelve.yaml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return path


def rendered(document: Document, patient: dict, options: PrintOptions | None = None):
    options = options or PrintOptions()
    chosen = patient_from_mapping({"date": "2026-11-20", **patient}, document)
    return render_booklet(with_options(document, options), options, chosen)


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_the_sample_patient_s_two_exercises_print_on_one_page(tmp_path: Path) -> None:
    result = run_cli(["build", HIP, "--patient", MARIA, "--out", tmp_path])
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "hip-home-program-maria-lopez.pdf")
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for words in ("Home exercise program".upper(), "Maria López", "Sam Okafor, PT", "Page 1 of 1"):
        assert words in text
    assert "Riverside Physical" in text and "Phone: 555-0142" in text
    assert "Check your understanding" not in text  # the quiz only when the patient asks
    assert "How to use this program" in text and "Stop an exercise if it causes" in text


@pytest.mark.parametrize(("count", "most"), [(1, 1), (3, 1), (6, 2), (12, 4)])
def test_pages_per_exercise_count(twelve: Path, count: int, most: int) -> None:
    document = load(twelve)
    exercises = [f"ex-{n}" for n in range(1, count + 1)]
    out = rendered(document, {"name": "Ann Able", "exercises": exercises})
    assert out.pages <= most
    assert out.layout is not None and [str(b) for b in broken_rules(out.layout)] == []


@pytest.mark.parametrize("count", [1, 3, 6, 12])
@pytest.mark.parametrize("size", ["letter", "a4", "a5"])
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("large", [False, True])
def test_every_handout_keeps_the_layout_rules(
    twelve: Path, count: int, size: str, language: str, large: bool
) -> None:
    document = load(twelve)
    document = replace(
        document,
        booklet=replace(document.booklet, language=language),
        brand=replace(document.brand, page_size=size),
    )
    exercises = [f"ex-{n}" for n in range(1, count + 1)]
    patient = {"name": "Bartholomew Alexander Fitzgerald-Montgomery", "exercises": exercises}
    out = rendered(document, patient, PrintOptions(large_print=large, chart=count == 6))
    assert out.layout is not None
    assert [str(broken) for broken in broken_rules(out.layout)] == []


def test_a_long_name_prints_in_full_in_every_footer(twelve: Path) -> None:
    name = "Maximiliana " + "Esperanza " * 8 + "Rodríguez-Villanueva"
    out = rendered(load(twelve), {"name": name, "clinician": "Dr Sam Okafor, DPT"})
    pages = pypdf.PdfReader(io.BytesIO(out.data)).pages
    for page in pages:
        flat = " ".join(page.extract_text().split())
        assert name in flat and "…" not in flat


def test_marked_sections_print_and_others_do_not(twelve: Path) -> None:
    text = text_of(rendered(load(twelve), {"name": "A", "exercises": ["ex-1"]}).data)
    assert "How to use this program" in text and "Stop if an exercise causes" in text
    assert "Only in the full booklet" not in text


def test_the_quiz_and_chart_print_when_the_patient_asks(twelve: Path) -> None:
    patient = {"name": "A", "exercises": ["ex-2", "ex-1"], "quiz": True, "chart": True}
    text = text_of(rendered(load(twelve), patient).data)
    assert "Stretching should hurt" in text and "My two-week chart" in text
    assert "Week 1" in text and "Week 2" in text
    assert text.index("Exercise 2 for the hip") < text.index("Exercise 1 for the hip")


def test_the_booklet_layout_is_kept_on_request(tmp_path: Path) -> None:
    result = run_cli(["build", HIP, "--patient", MARIA, "--out", tmp_path, "--layout", "booklet"])
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "hip-home-program-maria-lopez.pdf")
    assert len(reader.pages) > 4 and "Contents" in reader.pages[1].extract_text()
    brand = write_yaml(tmp_path / "brand.yaml", "organization: X\nhandout:\n  layout: booklet\n")
    document = load(HIP, brand)
    assert document.brand.handout_layout == "booklet"
    assert rendered(document, {"name": "A"}).pages > 4


def test_layout_and_chart_need_a_patient(tmp_path: Path) -> None:
    result = run_cli(["build", HIP, "--out", tmp_path, "--chart"])
    assert result.exit_code == 2 and "--patient" in result.stderr


PRESCRIPTION = {
    "id": "ex-1",
    "rest": "90 seconds",
    "tempo": "3 s down, 1 s up",
    "load": "red band",
    "effort": "pain no higher than 3/10",
    "duration": "10 minutes",
    "days": 5,
}


def test_a_full_prescription_prints_on_the_card_the_chart_and_the_html(twelve: Path) -> None:
    document = load(twelve)
    patient = {"name": "A", "exercises": [PRESCRIPTION], "chart": True}
    text = " ".join(text_of(rendered(document, patient).data).split())
    for words in ("1 minute 30 seconds", "3 s down, 1 s up", "red band", "10 minutes"):
        assert words in text.replace("\u00a0", " ") or words == "1 minute 30 seconds"
    for words in ("REST", "TEMPO", "LOAD", "EFFORT", "DURATION", "DAYS A WEEK"):
        assert words in text
    assert "5 days a week" in text.replace("\u00a0", " ")
    assert "Load: red band" in text and "Effort: pain no higher than 3/10" in text  # the chart
    html = handout(document, {**patient, "date": "2026-11-20"}, html=True).booklet.decode()
    html = html.replace("\u00a0", " ").replace("&nbsp;", " ")
    for words in ("Rest", "Tempo", "red band", "pain no higher than 3/10", "10 minutes"):
        assert words in html
    assert "5\u00a0days a week" in html or "5 days a week" in html
    assert "My two-week chart" in html and "Home exercise program" in html


def test_the_prescription_is_worded_in_every_built_in_language() -> None:
    for language, words in TRANSLATIONS.items():
        labels = labels_for(language)
        for name in (*NEW_FIELDS, "n_days_a_week", "home_program", "tracking_chart", "week_n"):
            assert name in words, (language, name)
        assert "3" in labels.days_a_week(3) and labels.days_a_week(3) != "3 days a week"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("rest", "a while", "is not a duration"),
        ("rest", "2 hours", "is not a duration"),
        ("rest", 4000, "must be from 1 second to 60 minutes"),
        ("duration", "forever", "is not a duration"),
        ("duration", 20000, "must be from 1 second to 240 minutes"),
        ("days", 8, "must be from 1 to 7"),
        ("days", 0, "must be from 1 to 7"),
        ("days", "often", "is not a whole number"),
        ("effort", 11, "a rating must be from 0 to 10"),
        ("effort", "pain under 12/10", "a rating must be from 0 to 10"),
        ("effort", "--", "is not a rating"),
        ("tempo", "x" * 81, "81 characters"),
        ("load", "x" * 81, "81 characters"),
        ("tempo", "3 s down\n1 s up", "must be one line"),
    ],
)
def test_each_bad_prescription_value_is_reported(
    twelve: Path, field: str, value: object, message: str
) -> None:
    document = load(twelve)
    secret = {"name": "Secret Name", "exercises": [{"id": "ex-1", field: value}]}
    with pytest.raises(BookletError) as caught:
        patient_from_mapping(secret, document)
    (problem,) = caught.value.problems
    assert f"exercises[1].{field}" == problem.field and message in problem.message
    assert "Secret" not in str(problem)
    assert not isinstance(value, str) or value not in str(problem)


def test_a_content_file_s_prescription_is_checked_with_its_line(tmp_path: Path) -> None:
    content = write_yaml(
        tmp_path / "c.yaml",
        """\
        title: T
        sections:
          - title: S
            stretches:
              - name: Walk
                steps: [Walk.]
                duration: 10 minutes
                days: 9
                effort: 7
        """,
    )
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{content}:8: sections[1].stretches[1].days: must be from 1 to 7, not 9"
    )
    document = load(write_yaml(tmp_path / "c.yaml", content.read_text().replace("9", "5")))
    (walk,) = document.booklet.stretches()
    assert (walk.duration_seconds, walk.days_per_week, walk.effort) == (600, 5, "7/10")


def test_batch_builds_compact_handouts(tmp_path: Path) -> None:
    roster = ROOT / "patients" / "roster.yaml"
    result = run_cli(["batch", HIP, roster, "--out", tmp_path, "--jobs", "1", "--chart"])
    assert result.exit_code == 0, result.stderr
    handouts = sorted(p for p in tmp_path.glob("*.pdf") if "answer-key" not in p.name)
    assert handouts and all(len(pypdf.PdfReader(path).pages) <= 2 for path in handouts)
    assert "My two-week chart" in text_of(handouts[0].read_bytes())


def test_the_same_handout_gives_the_same_bytes(twelve: Path) -> None:
    document = load(twelve)
    patient = {"name": "A", "exercises": ["ex-1", "ex-2", "ex-3"], "chart": True}
    assert rendered(document, patient).data == rendered(document, patient).data


def test_a_marked_section_fills_page_one_when_the_first_card_would_leave_it(
    twelve: Path,
) -> None:
    document = load(twelve)
    notes = "Do these slowly. " * 170  # so long that the first card moves to page 2
    out = rendered(document, {"name": "A", "exercises": ["ex-1", "ex-2"], "notes": notes})
    page_one = pypdf.PdfReader(io.BytesIO(out.data)).pages[0].extract_text()
    assert "How to use this program" in page_one and "Exercise 1 for the hip" not in page_one
    assert text_of(out.data).count("How to use this program") == 1


def test_a_marked_section_never_takes_a_page_of_its_own(twelve: Path) -> None:
    document = load(twelve)
    for count in range(1, 13):
        out = rendered(
            document, {"name": "A", "exercises": [f"ex-{n}" for n in range(1, count + 1)]}
        )
        pages = pypdf.PdfReader(io.BytesIO(out.data)).pages
        last = pages[-1].extract_text()
        assert len(pages) == 1 or "Exercise" in last, count


def test_the_chart_names_each_day_in_full_in_any_language(twelve: Path) -> None:
    document = load(twelve)
    for language in ("de", "ru", "vi"):
        translated = replace(document, booklet=replace(document.booklet, language=language))
        out = rendered(translated, {"name": "A", "exercises": ["ex-1"], "chart": True})
        text = text_of(out.data)
        for day in labels_for(language).day_names():
            assert day.upper() in text, (language, day)
