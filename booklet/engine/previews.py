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

PAGE_RANGE = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
DEFAULT_SCALE = 1.5  # 108 pixels an inch: sharp on a screen, small enough to mail


def parse_pages(text: str) -> list[int]:
    """'1-3,7' -> [1, 2, 3, 7]; raise ValueError for anything else."""
    pages: list[int] = []
    for part in text.split(","):
        match = PAGE_RANGE.match(part)
        if not match:
            raise ValueError(f"{part.strip() or text!r} is not a page or a range such as 1-3")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first:
            raise ValueError(f"{part.strip()}: pages count from 1, the first before the last")
        pages += [page for page in range(first, last + 1) if page not in pages]
    return pages


def preview(
    document: Document, out_dir: Path, pages: list[int] | None = None, scale: float = DEFAULT_SCALE
) -> list[Path]:
    """Render the chosen pages (default: the first three) to OUT/<name>-page-NN.png."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument(render_outputs(document).booklet)
    try:
        count = len(pdf)
        chosen = pages or list(range(1, min(count, 3) + 1))
        beyond = [page for page in chosen if page > count]
        if beyond:
            raise ValueError(f"page {beyond[0]} is past the end; the booklet has {count} pages")
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
