"""Stretch cards in the structure tree: read title, purpose, figure, steps, video, caution
and dosage in every arrangement the card layout chooses (figure beside the steps, across
the top, caution beside the figure), and a card split across pages read as one card."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from structure_reading import Node, structure, untagged_operators

from booklet.document import PrintOptions
from booklet.engine.pipeline import with_options
from booklet.model import Stretch
from booklet.pdf.make import render_booklet
from booklet.source.read import load

SAMPLE = Path(__file__).resolve().parents[1] / "content" / "psoas-hip-pain.yaml"
CARD = ["H3", "P", "Figure", "L", "Div", "Div", "Table"]  # with a video and a caution


def one_card_booklet(page_size: str, large: bool, stretch_change: dict | None = None) -> bytes:
    """The sample's first section with only its first card (it has a video and a caution),
    on `page_size`, in large print or not."""
    document = load(SAMPLE)
    document = replace(document, brand=replace(document.brand, page_size=page_size))
    options = PrintOptions(large_print=large)
    document = with_options(document, options)
    section = next(s for s in document.booklet.sections if s.stretches)
    stretch: Stretch = replace(section.stretches[0], **(stretch_change or {}))
    booklet = replace(
        document.booklet, sections=(replace(section, stretches=(stretch,)),), quiz=None
    )
    return render_booklet(replace(document, booklet=booklet), options).data


def cards(data: bytes) -> list[Node]:
    return [
        e
        for e in structure(data).walk()
        if e.role == "Div" and any(isinstance(k, Node) and k.role == "H3" for k in e.kids)
    ]


def element_kids(node: Node) -> list[Node]:
    return [kid for kid in node.kids if isinstance(kid, Node)]


@pytest.mark.parametrize(
    ("page_size", "large"),
    [("letter", False), ("a5", False), ("half-letter", False), ("letter", True)],
    ids=["figure-beside", "a5-figure-across", "half-letter", "large-print"],
)
def test_a_card_reads_in_its_order_whatever_its_arrangement(page_size: str, large: bool) -> None:
    data = one_card_booklet(page_size, large)
    assert untagged_operators(data) == []
    (card,) = cards(data)
    kids = element_kids(card)
    assert [kid.role for kid in kids] == CARD
    title, purpose, figure, steps, video, caution, dosage = kids
    assert title.text().strip().endswith("Kneeling hip flexor stretch")
    assert purpose.text().startswith("Stretches the psoas")
    assert figure.attributes["/Alt"]
    assert [item.role for item in element_kids(steps)] == ["LI"] * 5
    assert "video" in video.text().lower() and "caution" in caution.text().lower()
    header, values = element_kids(dosage)
    assert [cell.role for cell in element_kids(header)] == ["TH"] * 5
    assert [cell.role for cell in element_kids(values)] == ["TD"] * 5


def test_a_card_split_across_pages_is_one_card_with_one_list_of_steps() -> None:
    step = "Move slowly, breathe out, and keep your back flat on the floor while you count. " * 3
    steps = tuple(f"Step {n}: {step}" for n in range(1, 15))
    data = one_card_booklet("a5", False, {"steps": steps})
    assert untagged_operators(data) == []
    (card,) = cards(data)  # the "continued" header of a later piece is not read again
    kids = element_kids(card)
    assert [kid.role for kid in kids] == CARD
    items = element_kids(kids[3])
    assert len(items) == 14
    read = [item.text() for item in items]
    assert all(f"Step {n}:" in text for n, text in enumerate(read, start=1))
    assert "continued" not in card.text()


@pytest.mark.parametrize(
    "steps", [("word " * 1500, "Then rest."), ("word " * 1500,)], ids=["first-of-two", "only"]
)
def test_a_step_split_inside_itself_stays_one_item_in_its_place(steps: tuple[str, ...]) -> None:
    data = one_card_booklet("a5", True, {"steps": steps})
    assert untagged_operators(data) == []
    (card,) = cards(data)
    kids = element_kids(card)
    assert [kid.role for kid in kids] == CARD
    items = element_kids(kids[3])
    assert len(items) == len(steps)
    assert [kid.role for kid in element_kids(items[0])] == ["Lbl", "LBody"]
    assert items[0].text().count("word") == 1500
