"""Booklet PDF bytes -> saddle-stitch print bytes: the pages in folding order, two up on a
sheet twice as wide as a page, front and back of each sheet in turn, for duplex printing.

A5 pages go on A4 landscape, half-letter on letter landscape, A4 on A3 landscape and
letter on tabloid (11 x 17 in) landscape: the sheet is always two pages side by side.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject

POINTS_PER_MM = 72 / 25.4


def folding_order(count: int) -> list[tuple[int, int]]:
    """(left, right) page indexes, from 0, for each side of each sheet in printing order.

    Sheet 1's front holds the last page and the first (the back and front covers), its
    back the second page and the one before the last; each further sheet nests inside.
    """
    if count % 4:
        raise ValueError(f"a saddle-stitched booklet needs a multiple of 4 pages, not {count}")
    sides: list[tuple[int, int]] = []
    for sheet in range(count // 4):
        outer = 2 * sheet
        sides.append((count - 1 - outer, outer))
        sides.append((outer + 1, count - 2 - outer))
    return sides


def creep_shift(sheet: int, sheets: int, creep_mm: float) -> float:
    """Points each page on `sheet` (0 = outermost) moves toward the fold: nothing on the
    outer sheet, the whole creep on the innermost, in even steps between."""
    if sheets < 2:
        return 0.0
    return creep_mm * POINTS_PER_MM * sheet / (sheets - 1)


def impose(pdf: bytes, creep_mm: float = 0.0) -> bytes:
    """The booklet's pages two up in folding order, as PDF bytes.

    A page count that is not a multiple of 4 is padded with blank pages before the back
    cover; booklet itself pads with useful pages first, so this is only a safety net.
    """
    reader = PdfReader(io.BytesIO(pdf))
    pages: list[PageObject | None] = list(reader.pages)
    short = -len(pages) % 4
    if short:
        pages[-1:-1] = [None] * short
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    writer = PdfWriter()
    sheets = len(pages) // 4
    for side, (left, right) in enumerate(folding_order(len(pages))):
        sheet = writer.add_blank_page(width=2 * width, height=height)
        shift = creep_shift(side // 2, sheets, creep_mm)
        for index, x in ((left, shift), (right, width - shift)):
            page = pages[index]
            if page is not None:
                sheet.merge_transformed_page(page, Transformation().translate(x, 0))
        sheet.compress_content_streams()
    copy_information(reader, writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def copy_information(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, author, subject and producer carried over, so the print file says what it is."""
    info = reader.metadata or {}
    writer.add_metadata(
        {
            NameObject(key): TextStringObject(str(info[key]))
            for key in ("/Title", "/Author", "/Subject", "/Producer", "/Creator")
            if key in info
        }
    )
