"""The compact patient handout in the structure tree: the header band (the clinic, then
"Home exercise program" as the level-1 heading and the patient), the clinician's notes,
the marked sections, the cards in the clinician's order (each read title, picture, steps,
video, caution, dosage), the two-week tracking chart as a table whose day columns are
read with their week, and the quiz; in every paper size, large print and right to left."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from structure_reading import Node, structure
from test_tagged_pdf import matterhorn_failures

from booklet import PrintOptions, load
from booklet.engine.pipeline import with_options
from booklet.pdf.make import render_booklet
from booklet.source.read import patient_from_mapping

ROOT = Path(__file__).resolve().parents[1]
PATIENT = {
    "name": "Maria López",
    "date": "2026-11-20",
    "clinician": "Sam Okafor, PT",
    "notes": "Start with the **bridge**.",
    "exercises": ["glute-bridge", {"id": "hip-flexor", "repeat": 12, "rest": "90 seconds"}],
    "quiz": True,
    "chart": True,
}


def content(folder: Path, language: str = "en") -> Path:
    """A program with a marked section, two cards (a video and a caution on the second)
    and a quiz."""
    source = {
        "title": "Your hip program",
        "language": language,
        "brand": str(ROOT / "content" / "brand.yaml"),
        "sections": [
            {
                "title": "How to use this program",
                "body": "Do each exercise slowly.",
                "handout": True,
                "callouts": [{"kind": "warning", "text": "Stop if it hurts."}],
            },
            {
                "title": "Exercises",
                "stretches": [
                    {
                        "name": "Kneeling hip flexor stretch",
                        "id": "hip-flexor",
                        "figure": "kneeling-hip-flexor",
                        "purpose": "Stretches the front of the hip.",
                        "steps": ["Kneel on your right knee.", "Shift your hips forward."],
                        "hold": "30 seconds",
                        "video": "https://example.org/videos/hip-flexor",
                        "caution": "Put a towel under your knee.",
                    },
                    {
                        "name": "Glute bridge",
                        "id": "glute-bridge",
                        "figure": "glute-bridge",
                        "steps": ["Lie on your back.", "Lift your hips.", "Lower them slowly."],
                        "repeat": 10,
                    },
                ],
            },
        ],
        "quiz": {"questions": [{"question": "Stretching should hurt.", "answer": False}]},
    }
    path = folder / f"program.{language}.yaml"
    path.write_text(yaml.safe_dump(source, sort_keys=False, allow_unicode=True), "utf-8")
    return path


def compact_handout(folder: Path, language: str = "en", **options: object) -> bytes:
    document = load(content(folder, language))
    if page_size := options.pop("page_size", None):
        document = replace(document, brand=replace(document.brand, page_size=page_size))
    chosen = PrintOptions(**options)  # type: ignore[arg-type]
    patient = patient_from_mapping(PATIENT, document)
    return render_booklet(with_options(document, chosen), chosen, patient).data


def kids(node: Node) -> list[Node]:
    return [kid for kid in node.kids if isinstance(kid, Node)]


@pytest.mark.parametrize(
    "variant",
    [{}, {"page_size": "a5"}, {"large_print": True}, {"language": "ar"}],
    ids=["letter", "a5", "large-print", "arabic"],
)
def test_a_compact_handout_passes_the_matterhorn_conditions(
    tmp_path: Path, variant: dict[str, object]
) -> None:
    assert matterhorn_failures(compact_handout(tmp_path, **variant)) == []  # type: ignore[arg-type]


def test_a_compact_handout_reads_in_its_order(tmp_path: Path) -> None:
    root = structure(compact_handout(tmp_path))
    top = kids(root)
    headings = [" ".join(e.text().split()) for e in root.walk() if e.role in ("H1", "H2")]
    assert headings[0] == "HOME EXERCISE PROGRAM"
    cards = [h for h in headings if h[:1].isdigit()]
    assert cards[0] == "1. Glute bridge"  # in the clinician's order
    assert cards[1].startswith("2. Kneeling hip flexor stretch")
    assert "How to use this program" in headings  # on page 1 or after the cards
    assert headings[-2:] == ["My two-week chart", "Check your understanding"]
    assert [e.role for e in top[:3]] == ["Figure", "P", "P"]  # the logo, the clinic, the title
    assert top[3].role == "H1" and top[4].text() == "Maria López"
    notes = next(e for e in top if e.role == "Div")  # the first box: the clinician's notes
    assert " ".join(notes.text().split()).startswith("Notes from your clinician: Start with")
    cards = [e for e in top if e.role == "Div" and kids(e) and kids(e)[0].text().startswith("2.")]
    assert [kid.role for kid in kids(cards[0])] == ["H2", "Figure", "L", "Div", "Div", "Table"]
    video, caution = kids(cards[0])[3:5]
    assert "video" in video.text().lower() and "Caution" in caution.text()
    dosage = kids(cards[0])[-1]
    header, values = kids(dosage)
    assert "REST" in [cell.text() for cell in kids(header)]
    assert len(kids(header)) == len(kids(values))


def test_the_tracking_chart_is_a_table_read_day_by_day_with_its_week(tmp_path: Path) -> None:
    root = structure(compact_handout(tmp_path))
    chart = next(e for e in root.walk() if e.role == "Sect" and "two-week" in e.text())
    table = next(e for e in chart.walk() if e.role == "Table")
    header, *rows = kids(table)
    said = [str(cell.attributes.get("/ActualText", cell.text())).strip() for cell in kids(header)]
    assert said[0] == "Stretch" and said[1] == "Week 1: Mon" and said[14] == "Week 2: Sun"
    assert [cell.role for cell in kids(header)] == ["TH"] * 15
    assert rows[0].text().startswith("Glute bridge") and rows[1].text().startswith("Kneeling")
    assert all(len(kids(row)) == 15 and kids(row)[0].role == "TH" for row in rows)
    assert kids(rows[-1])[0].text().startswith("Pain score")
