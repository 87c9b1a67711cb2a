"""The page-layout rules, asserted over every variant a clinic prints (paper sizes, large
print, languages, a handout, the exercise log), from the record of where each block
landed; and each rule shown to catch the fault it names."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from booklet.pdf.layout_check import broken_rules
from booklet.pdf.placement import LayoutRecord, Piece, Placement

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "layout_report.py"


def report_script():
    spec = importlib.util.spec_from_file_location("layout_report", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["layout_report"] = module
    spec.loader.exec_module(module)
    return module


REPORT = report_script()


@pytest.mark.parametrize("name", list(REPORT.VARIANTS))
def test_every_variant_keeps_the_layout_rules(name):
    rendered = REPORT.laid_out(REPORT.VARIANTS[name])
    assert rendered.layout is not None
    assert [str(broken) for broken in broken_rules(rendered.layout)] == []


def block(kind: str, *pieces: tuple[int, float, float], label: str = "x", height: float = 0):
    return Placement(kind, label, height, pieces=[Piece(*piece) for piece in pieces])


def record(*placements: Placement, pages: int = 0, part_starts=()) -> LayoutRecord:
    """A record of `placements`, as many pages long as they reach unless `pages` says."""
    filled: dict[int, float] = {}
    for placement in placements:
        for piece in placement.pieces:
            filled[piece.page] = max(filled.get(piece.page, 0), piece.bottom)
    return LayoutRecord(600, pages or max(filled), list(placements), filled, set(part_starts))


def rules(layout: LayoutRecord) -> list[str]:
    return [broken.rule for broken in broken_rules(layout)]


def full(page: int) -> Placement:
    return block("text", (page, 0, 590))


def test_a_card_that_fits_a_page_is_never_split():
    card = block("card", (3, 300, 600), (4, 0, 200), height=500)
    assert "card split" in rules(record(full(2), card, full(4), pages=6))


def test_a_split_card_labels_each_page_it_continues_on():
    card = block("card", (3, 0, 600), (4, 0, 300), height=900, label="Bridge")
    unlabelled = record(full(2), card, block("text", (4, 300, 590)))
    assert rules(unlabelled) == ["card continues unlabelled"]
    continued = block("continued", (4, 0, 20), label="Bridge")
    assert rules(record(full(2), card, continued, block("text", (4, 300, 590)))) == []


def test_a_heading_at_the_foot_of_a_page_is_cut_off():
    layout = record(full(2), block("heading", (3, 500, 560)), block("text", (4, 0, 590)))
    assert "heading cut off" in rules(layout)


def test_a_callout_opening_a_page_is_cut_off_from_its_section():
    layout = record(full(2), block("text", (3, 0, 590)), block("callout", (4, 0, 590)))
    assert rules(layout) == ["callout cut off from its section"]


def test_a_short_last_block_alone_before_a_new_part():
    layout = record(full(2), full(3), block("lead_in_list", (4, 0, 120)), part_starts={5})
    assert rules(layout) == ["short block alone on a page"]


def test_a_page_under_60_percent_full_is_wasted_unless_a_part_starts_next():
    layout = record(full(2), block("text", (3, 0, 200)), full(4), full(5))
    assert rules(layout) == ["page under 60% filled"]
    short_page = [block("text", (3, 0, 100)), block("text", (3, 110, 200))]
    excused = record(full(2), *short_page, full(4), full(5), part_starts={4})
    assert rules(excused) == []


def test_contents_never_leave_a_page_with_one_entry():
    contents = block("contents", (2, 0, 590), (3, 0, 20), height=20)
    assert "contents leave a page with under 3 entries" in rules(record(contents, full(3)))


def test_a_one_word_last_line_on_the_cover_title():
    layout = record(full(2), full(3), full(4), pages=4)
    layout.cover_last_words = (3, 1)
    assert rules(layout) == ["one-word last line"]


def test_a_blank_page_before_a_new_part_is_still_wasted():
    layout = record(full(2), full(3), block("text", (5, 0, 300)), part_starts={5})
    assert rules(layout) == ["blank page"]


def test_a_one_word_last_line_on_a_card_title():
    card = block("card", (2, 0, 590), label="Glute bridge")
    card.title_last_words = (1,)
    assert rules(record(card, full(3))) == ["one-word last line"]
