"""Booklet PDF bytes -> saddle-stitch print bytes: the pages in folding order, two up on a
sheet twice as wide as a page, front and back of each sheet in turn, for duplex printing.

A5 pages go on A4 landscape, half-letter on letter landscape, A4 on A3 landscape and
letter on tabloid (11 x 17 in) landscape: the sheet is always two pages side by side.
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
    TextStringObject,
)

from booklet.pdf import compat

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

    Each page is placed whole, as a form XObject clipped to its own page, so nothing is
    parsed or redrawn. The print file has no links or bookmarks: it is for paper.
    A page count that is not a multiple of 4 is padded with blank pages before the back
    cover; booklet itself pads with useful pages first, so this is only a safety net.
    """
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    forms: list[IndirectObject | None] = [page_form(page, writer) for page in reader.pages]
    short = -len(forms) % 4
    forms[-1:-1] = [None] * short
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    sheets = len(forms) // 4
    for side, (left, right) in enumerate(folding_order(len(forms))):
        shift = creep_shift(side // 2, sheets, creep_mm)
        placed = [(forms[left], shift), (forms[right], width - shift)]
        add_sheet(writer, 2 * width, height, [(f, x) for f, x in placed if f is not None])
    copy_information(reader, writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def page_form(page: PageObject, writer: PdfWriter) -> IndirectObject:
    """One page's drawing as a form XObject in `writer`, with the page's resources."""
    contents = page["/Contents"].get_object()
    parts = contents if isinstance(contents, ArrayObject) else [contents]
    form = DecodedStreamObject()
    form.set_data(b"\n".join(stream_data(part) for part in parts))
    box = page.mediabox
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)]
            ),
            NameObject("/Resources"): page["/Resources"],
        }
    )
    return compat.add_object(writer, form.flate_encode().clone(writer))


def add_sheet(
    writer: PdfWriter, width: float, height: float, placed: list[tuple[IndirectObject, float]]
) -> None:
    """A sheet with each form drawn at its distance `x` from the sheet's left edge."""
    sheet = writer.add_blank_page(width=width, height=height)
    names = {NameObject(f"/Page{index}"): form for index, (form, _) in enumerate(placed)}
    drawing = "\n".join(
        f"q 1 0 0 1 {x:.4f} 0 cm {name} Do Q" for name, (_, x) in zip(names, placed, strict=True)
    )
    content = DecodedStreamObject()
    content.set_data(drawing.encode("ascii"))
    sheet[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject(names)}
    )
    sheet[NameObject("/Contents")] = compat.add_object(writer, content.flate_encode())


def stream_data(part: object) -> bytes:
    """The decoded bytes of one content stream of a page."""
    stream = part.get_object() if isinstance(part, IndirectObject) else part
    if not isinstance(stream, StreamObject):
        raise ValueError("a page's contents are not a stream")
    return stream.get_data()


def copy_information(reader: PdfReader, writer: PdfWriter) -> None:
    """Title, author, subject and producer carried over, so the print file says what it is."""
    info: dict[str, object] = dict(reader.metadata or {})
    writer.add_metadata(
        {
            NameObject(key): TextStringObject(str(info[key]))
            for key in ("/Title", "/Author", "/Subject", "/Producer", "/Creator")
            if key in info
        }
    )
