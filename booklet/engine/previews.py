"""Pages of a booklet -> PNG pictures (`booklet preview`), and one figure -> a PNG, SVG or
PDF file (`booklet figure`).

Pages are rendered from the same PDF bytes `build` writes, so what you see is what prints.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from booklet.document import Document
from booklet.engine.output import write_files
from booklet.pdf.make import render_outputs
from booklet.source.read import load_figure

PAGE_RANGE = re.compile(r"^\s*([0-9]{1,9})\s*(?:-\s*([0-9]{1,9})\s*)?$")
DEFAULT_SCALE = 1.5  # 108 pixels an inch: sharp on a screen, small enough to mail
MAX_RANGES = 1_000


def parse_pages(text: str) -> list[tuple[int, int]]:
    """'1-3,7' -> [(1, 3), (7, 7)]; raise ValueError for anything else. The ranges are
    checked against the booklet's page count (`chosen_pages`) before they are counted out,
    so `1-50000000` costs nothing."""
    parts = text.split(",")
    if len(parts) > MAX_RANGES:
        raise ValueError(f"list at most {MAX_RANGES:,} pages or ranges")
    ranges = []
    for part in parts:
        match = PAGE_RANGE.match(part)
        if not match:
            raise ValueError(f"{part.strip() or text!r} is not a page or a range such as 1-3")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"{part.strip()}: pages count from 1, the first before the last")
        ranges.append((first, last))
    return ranges


def chosen_pages(ranges: list[tuple[int, int]], count: int) -> list[int]:
    """The pages the ranges name, in order, each once; ValueError past the last page."""
    for first, last in ranges:
        if last > count:
            beyond = first if first > count else count + 1
            raise ValueError(f"page {beyond} is past the end; the booklet has {count} pages")
    return list(dict.fromkeys(page for first, last in ranges for page in range(first, last + 1)))


def preview(
    document: Document,
    out_dir: Path,
    pages: list[tuple[int, int]] | None = None,
    scale: float = DEFAULT_SCALE,
) -> list[Path]:
    """Render the chosen pages (default: the first three) to OUT/<name>-page-NN.png."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(render_outputs(document).booklet)
    try:
        count = len(pdf)
        chosen = chosen_pages(pages or [(1, min(count, 3))], count)
        stem = document.booklet.stem
        files = [
            (out_dir / f"{stem}-page-{page:02d}.png", png_of(pdf[page - 1], scale))
            for page in chosen
        ]
    finally:
        pdf.close()
    return write_files(files, out_dir, document.inputs())


def png_of(page: object, scale: float) -> bytes:
    buffer = io.BytesIO()
    page.render(scale=scale).to_pil().save(buffer, format="PNG")  # type: ignore[attr-defined]
    return buffer.getvalue()


FIGURE_FORMATS = (".png", ".svg", ".pdf")


def figure_file(source: str, out: Path, brand: Path | None = None) -> Path:
    """Draw one figure to `out` (.png, .svg or .pdf) for previewing a pose."""
    from booklet.figures import draw
    from booklet.figures.marks import Colors
    from booklet.pdf import compat

    figure, chosen = load_figure(source, brand)
    drawing = draw.figure_drawing(figure, Colors.from_brand(chosen.primary, chosen.accent))
    suffix = out.suffix.lower()
    with compat.reportlab_settings():
        data = {
            ".png": draw.png_bytes,
            ".svg": draw.svg_bytes,
            ".pdf": draw.pdf_bytes,
        }[suffix](drawing)
    write_files([(out, data)], out.parent)
    return out
