"""The cards a batch reuses from one handout to the next (pdf/card_shelf.py): every handout
is the same bytes as when built alone, and a patient's own prescription is never kept."""

from __future__ import annotations

import dataclasses
import datetime
from pathlib import Path

import pytest
from conftest import write_yaml

from booklet.document import PrintOptions
from booklet.engine import batching
from booklet.pdf.card_shelf import CardShelf
from booklet.pdf.cards import StretchCard
from booklet.pdf.make import PdfSetup, render_booklet_pdf

HIP = Path(__file__).resolve().parent.parent / "content" / "hip-home-program.yaml"
TODAY = datetime.date(2026, 11, 20)
LONG_NAME = "Maximiliana Esperanza de los Ángeles Rodríguez-Villanueva"
ROSTER = f"""\
- name: Ann Able
  exercises: [glute-bridge, bird-dog, kneeling-hip-flexor]
- name: {LONG_NAME} the Second, of the Clinic on the Hill by the River
  exercises: [kneeling-hip-flexor, knee-to-chest, butterfly, glute-bridge, bird-dog,
              core-activation]
  notes: Walk every day, ten minutes after each meal.
- name: Ben Dosed
  exercises: [{{id: bird-dog, sets: 4, hold: 12 seconds}}, glute-bridge]
- name: Cat Cole
  exercises: [bird-dog, glute-bridge, butterfly, knee-to-chest]
- name: Dee Dunn
  exercises: [core-activation, bird-dog, glute-bridge, butterfly, knee-to-chest,
              kneeling-hip-flexor]
  chart: true
- name: Eve Each
"""


def planned(
    tmp_path: Path, options: PrintOptions | None = None, brand: Path | None = None
) -> batching.Plan:
    roster = write_yaml(tmp_path / "roster.yaml", ROSTER)
    return batching.plan(HIP, roster, brand, today=TODAY, options=options)


def small_large_print_brand(tmp_path: Path) -> Path:
    """The sample brand on A5, in large print."""
    text = (HIP.parent / "brand.yaml").read_text(encoding="utf-8")
    text = text.replace("../images/", f"{HIP.parent.parent / 'images'}/")
    text = text.replace("size: letter", "size: a5") + "print:\n  large: true\n"
    path = tmp_path / "brand.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("layout", "a5_large_print"),
    [("compact", False), ("booklet", False), ("compact", True)],
)
def test_a_handout_built_after_others_is_the_bytes_of_one_built_alone(
    tmp_path, layout, a5_large_print
):
    brand = small_large_print_brand(tmp_path) if a5_large_print else None
    plan = planned(tmp_path, PrintOptions(layout=layout), brand)
    assert plan.document.brand.large_print == a5_large_print
    shelf = CardShelf(plan.document.booklet.stretches())
    rows = [row for row in plan.rows if row.patient is not None]
    assert len(rows) == 6
    in_a_batch = [
        render_booklet_pdf(plan.document, row.patient, plan.options, shelf) for row in rows
    ]
    assert shelf.cards, "the batch reused no card"
    for row, made in zip(rows, in_a_batch, strict=True):
        alone = render_booklet_pdf(plan.document, row.patient, plan.options)
        assert made == alone, f"row {row.number} differs when built after the others"


def test_a_batch_writes_the_bytes_of_handouts_built_alone(tmp_path):
    plan = planned(tmp_path)
    results = list(batching.run(plan, tmp_path / "out", jobs=1))
    assert all(result.path is not None for result in results)
    for row, result in zip(plan.rows, results, strict=True):
        assert result.path is not None and row.patient is not None
        alone = render_booklet_pdf(plan.document, row.patient, plan.options)
        assert result.path.read_bytes() == alone


def test_a_prescription_of_the_patients_own_is_never_kept(tmp_path):
    plan = planned(tmp_path)
    dosed = next(row for row in plan.rows if row.patient and row.patient.name == "Ben Dosed")
    assert dosed.patient is not None
    shelf = CardShelf(plan.document.booklet.stretches())
    render_booklet_pdf(plan.document, dosed.patient, plan.options, shelf)
    # bird-dog carries the patient's sets and hold: only the glute bridge is kept
    assert [stretch_id for stretch_id, _ in shelf.cards] == ["glute-bridge"]


def test_a_changed_stretch_is_laid_out_every_time_and_an_own_one_once(monkeypatch):
    document = batching.load(HIP, None, None)
    own = document.booklet.stretches()[0]
    changed = dataclasses.replace(own, sets=9)
    shelf = CardShelf(document.booklet.stretches())
    kit = PdfSetup(document).kit()
    made: list[str] = []

    def sized(card: StretchCard, width: float, page_height: float) -> tuple[Ready, float]:
        made.append(card.stretch.name if card.stretch == own else "changed")
        return Ready(), 1.0

    monkeypatch.setattr(StretchCard, "sized", sized)
    for _ in range(3):
        assert shelf.card(StretchCard(kit, changed, 1), 400, 600) is None
        shelf.card(StretchCard(kit, own, 1), 400, 600)
    assert made == [own.name]
    assert [stretch_id for stretch_id, _ in shelf.cards] == [own.id]


class Ready:
    def ready_again(self) -> None:
        pass
