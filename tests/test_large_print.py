"""Print options: large print (sizes read back from the PDF) and grayscale (no colour)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import problems, run_cli
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.enums import TA_LEFT

from booklet.assets import fonts
from booklet.document import PrintOptions
from booklet.engine.pipeline import render_html, with_options
from booklet.model import FontFamily
from booklet.pdf.make import render_outputs
from booklet.pdf.styles import Look, make_styles
from booklet.source.read import load

SAMPLE = Path(__file__).parent.parent / "content" / "psoas-hip-pain.yaml"
COLOUR_OPERATORS = {b"rg": 3, b"RG": 3, b"k": 4, b"K": 4, b"sc": 3, b"SC": 3, b"scn": 3}


@pytest.fixture(scope="module")
def large_sample() -> bytes:
    return render_outputs(with_options(load(SAMPLE), PrintOptions(large_print=True))).booklet


@pytest.fixture(scope="module")
def gray_sample() -> bytes:
    return render_outputs(with_options(load(SAMPLE), PrintOptions(grayscale=True))).booklet


def text_sizes(pdf: bytes) -> list[tuple[str, float]]:
    """Every piece of text on every page with the font size it is set in."""
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), size * abs(tm[0]) * abs(cm[0] or 1)))

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_large_print_sets_body_text_at_18_points_and_nothing_below_14(large_sample):
    sizes = text_sizes(large_sample)
    body = [size for text, size in sizes if "long, thick muscle" in text]
    assert body and min(body) >= 18
    # the one-letter badges of tips and cautions are marks, not text to read
    assert min(size for text, size in sizes if len(text) > 1) >= 14


def test_regular_print_keeps_its_sizes(sample_outputs):
    sizes = text_sizes(sample_outputs.booklet)
    body = [size for text, size in sizes if "long, thick muscle" in text]
    assert body and max(body) == 12


def test_large_print_styles_are_left_aligned_with_half_again_line_spacing():
    family = fonts.for_look(FontFamily(builtin="Noto Sans"), "en", large_print=True)
    assert family.builtin == "Atkinson Hyperlegible"
    font_set = fonts.register(family)
    styles = make_styles(load_brand(), font_set, font_set, Look(large_print=True))
    for style in (styles.body, styles.step, styles.question, styles.bullet):
        assert style.fontSize >= 18
        assert style.leading / style.fontSize == pytest.approx(1.5)
        assert style.alignment == TA_LEFT


def load_brand():
    return load(SAMPLE).brand


def test_large_print_falls_back_to_the_usual_font_where_it_lacks_the_letters():
    family = FontFamily(builtin="Noto Sans")
    assert fonts.for_look(family, "vi", large_print=True) == family


def test_large_print_is_longer_and_single_column(large_sample, sample_outputs):
    regular = len(PdfReader(io.BytesIO(sample_outputs.booklet)).pages)
    assert len(PdfReader(io.BytesIO(large_sample)).pages) > regular * 1.5


def colour_operations(pdf: bytes) -> list[tuple[bytes, list[float]]]:
    """Colour-setting operators whose operands are not all equal (not a gray), and
    pictures in a colour space other than gray."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []
    for page in reader.pages:
        streams = [page.get_contents()]
        for xobject in (page["/Resources"].get("/XObject") or {}).values():
            obj = xobject.get_object()
            if obj.get("/Subtype") == "/Image" and obj["/ColorSpace"] != "/DeviceGray":
                found.append((b"image", [str(obj["/ColorSpace"])]))
            elif obj.get("/Subtype") == "/Form":
                streams.append(ContentStream(obj, reader))
        for stream in streams:
            for operands, operator in ContentStream(stream, reader).operations:
                if operator in COLOUR_OPERATORS:
                    values = [float(v) for v in operands[: COLOUR_OPERATORS[operator]]]
                    if operator in (b"k", b"K") or len(set(values)) > 1:
                        found.append((operator, values))
    return found


def test_grayscale_output_has_no_colour(gray_sample):
    assert colour_operations(gray_sample) == []


def test_the_usual_output_has_colour(sample_outputs):
    assert colour_operations(sample_outputs.booklet) != []


def test_the_flags_and_the_brand_options_build(tmp_path, make_content, make_brand):
    content = make_content()
    result = run_cli(["build", content, "--large-print", "--grayscale", "--out", tmp_path / "o"])
    assert result.exit_code == 0, result.stderr
    brand = make_brand("organization: X\nprint:\n  large: true\n  grayscale: maybe\n")
    assert problems(content, brand) == [
        f'{brand}:4: print.grayscale: "maybe" must be true or false (or yes or no)'
    ]
    for on, off in (("true", "false"), ("yes", "no"), ("Yes", "NO")):
        brand = make_brand(f"organization: X\nprint:\n  large: {on}\n  grayscale: {off}\n")
        document = load(content, brand)
        assert document.brand.large_print and not document.brand.grayscale


def test_the_html_twin_follows_large_print_grayscale_and_direction(make_content):
    content = make_content(
        {"title": "T", "language": "ar", "sections": [{"title": "\u0628\u0627\u0628"}]}
    )
    plain = render_html(load(content)).booklet.decode()
    assert '<html lang="ar" dir="rtl">' in plain
    assert "grayscale(1)" not in plain and "Atkinson" not in plain
    both = with_options(load(content), PrintOptions(large_print=True, grayscale=True))
    html = render_html(both).booklet.decode()
    assert "filter: grayscale(1)" in html
    assert "font-size: 1.5rem; line-height: 1.5" in html
