"""Stretch cards laid out for the width they get: the arrangement, the dosage strip, and a
card taller than a page split by steps under a "continued" header in every language."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from reportlab.pdfgen.canvas import Canvas

from booklet.document import PrintOptions
from booklet.engine.pipeline import with_options
from booklet.model import Stretch
from booklet.pdf.card_flow import CardFlow
from booklet.pdf.cards import StretchCard
from booklet.pdf.dosage import dose_cells, even_rows, fits
from booklet.pdf.make import PdfSetup, render_booklet
from booklet.source.read import load
from booklet.words.translations import TRANSLATIONS

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "psoas-hip-pain.yaml"
SPANISH = ROOT / "content" / "psoas-hip-pain.es.yaml"
UNITS = {"seconds", "second", "times", "segundos", "veces", "series", "sets", "lados", "sides"}


def kit_for(content: Path = SAMPLE, page_size: str = "letter", large: bool = False):
    document = load(content)
    document = replace(document, brand=replace(document.brand, page_size=page_size))
    document = with_options(document, PrintOptions(large_print=large))
    return PdfSetup(document).kit(), document


def stretch_named(document, pose: str) -> Stretch:
    return next(s for s in document.booklet.stretches() if s.id.startswith(pose))


def test_an_upright_figure_stands_beside_the_steps_on_a_wide_frame():
    kit, document = kit_for()
    card = StretchCard(kit, stretch_named(document, "standing-quad"), 1)
    assert card.shape(kit.width).beside


@pytest.mark.parametrize(
    ("page_size", "large"), [("a5", False), ("half-letter", False), ("letter", True)]
)
def test_on_a_narrow_frame_the_figure_goes_across_the_top(page_size, large):
    kit, document = kit_for(page_size=page_size, large=large)
    shape = StretchCard(kit, stretch_named(document, "standing-quad"), 1).shape(kit.width)
    assert not shape.beside
    assert shape.caution_beside_figure  # the caution uses the room beside an upright figure


def test_a_figure_lying_down_spans_the_card_instead_of_a_column():
    kit, document = kit_for()
    lying = StretchCard(kit, stretch_named(document, "knee-to-chest"), 1)
    upright = StretchCard(kit, stretch_named(document, "standing-quad"), 1)
    assert not lying.shape(kit.width).beside
    drawn = lying.figure(lying.shape(kit.width).figure_box)
    assert drawn is not None
    assert drawn.width > 1.5 * upright.shape(kit.width).figure_box[0]
    assert drawn.height > 25 * 72 / 25.4  # at least 25 mm tall, not 13


def test_a_card_lays_itself_out_for_any_width_it_is_asked_for():
    kit, document = kit_for()
    stretch = document.booklet.stretches()[0]
    for width in (kit.width, kit.width * 0.6):
        flowables = StretchCard(kit, stretch, 1).laid_out(width, kit.height)
        card = next(f for f in flowables if isinstance(f, CardFlow))
        assert card.wrap(width, kit.height)[0] == pytest.approx(width)
        assert card.height <= kit.height


@pytest.mark.parametrize("content", [SAMPLE, SPANISH])
@pytest.mark.parametrize("width", [560.0, 430.0, 318.0, 250.0])
def test_the_dosage_strip_is_one_row_or_two_even_rows(content, width):
    kit, document = kit_for(content)
    for stretch in document.booklet.stretches():
        cells = dose_cells(kit, stretch)
        if fits(cells, width - 28, whole=True):
            continue
        rows = even_rows(cells, width - 28)
        assert sorted(rows) == [2, 3]  # five cells, never an empty sixth


@pytest.mark.parametrize(
    ("content", "page_size", "large"),
    [(SAMPLE, "letter", False), (SPANISH, "a5", False), (SPANISH, "letter", True)],
)
def test_a_dosage_value_never_breaks_inside_a_word_or_from_its_unit(content, page_size, large):
    _kit, document = kit_for(content, page_size, large)
    pdf = render_booklet(document, PrintOptions(large_print=large)).data
    lines = [
        line.strip()
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for line in page.extract_text().splitlines()
    ]
    assert not [line for line in lines if line in UNITS]  # a unit alone on its line


def long_stretch(stretch: Stretch, steps: int) -> Stretch:
    step = "Move slowly, breathe out, and keep your back flat on the floor while you count. " * 3
    return replace(stretch, steps=tuple(f"{n}. {step}" for n in range(steps)))


def test_a_card_that_fits_a_page_moves_whole_to_the_next_page():
    kit, document = kit_for()
    card = StretchCard(kit, document.booklet.stretches()[0], 1).laid_out(kit.width, kit.height)
    flow = next(f for f in card if isinstance(f, CardFlow))
    flow.wrapOn(Canvas(io.BytesIO()), kit.width, kit.height)
    assert flow.split(kit.width, 40) == []


@pytest.mark.parametrize("language", ["en", *TRANSLATIONS])
def test_a_card_taller_than_a_page_continues_under_a_header_in_its_language(language):
    _kit, document = kit_for(page_size="a5")
    stretch = long_stretch(document.booklet.stretches()[0], 14)
    booklet = replace(
        document.booklet,
        language=language,
        sections=(replace(document.booklet.sections[0], stretches=(stretch,)),),
    )
    rendered = render_booklet(replace(document, booklet=booklet), PrintOptions())
    assert rendered.layout is not None
    cards = [p for p in rendered.layout.placements if p.kind == "card"]
    continued = [p for p in rendered.layout.placements if p.kind == "continued"]
    assert len(cards) == 1 and cards[0].split
    assert {p.first_page for p in continued} == set(cards[0].pages[1:])
    word = PdfSetup(replace(document, booklet=booklet)).labels.continued
    text = pypdf.PdfReader(io.BytesIO(rendered.data)).pages[cards[0].pages[1] - 1].extract_text()
    assert word in unicodedata.normalize("NFKC", text)  # Arabic prints as shaped letters


@pytest.mark.parametrize(
    "change",
    [
        {"steps": ("word " * 2500,)},
        {"caution": "careful " * 900},
        {"steps": tuple(f"Step {n}." for n in range(80))},
        {"figure": None, "steps": ("word " * 1500, "two " * 800)},
    ],
    ids=["one-giant-step", "giant-caution", "eighty-steps", "no-figure"],
)
def test_a_card_longer_than_many_pages_splits_with_every_piece_labelled(change):
    _kit, document = kit_for(page_size="a5", large=True)
    stretch = replace(document.booklet.stretches()[0], **change)
    section = replace(document.booklet.sections[0], stretches=(stretch,))
    booklet = replace(document.booklet, sections=(section,), quiz=None)
    rendered = render_booklet(replace(document, booklet=booklet), PrintOptions(large_print=True))
    assert rendered.layout is not None
    card = next(p for p in rendered.layout.placements if p.kind == "card")
    continued = {p.first_page for p in rendered.layout.placements if p.kind == "continued"}
    assert card.split and continued == set(card.pages[1:])
