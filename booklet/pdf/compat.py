"""ReportLab and pypdf internals, each behind a named function."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from reportlab import rl_config
from reportlab.platypus import Flowable, Frame

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import IndirectObject, PdfObject
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.pdfgen.textobject import PDFTextObject
    from reportlab.platypus import Paragraph, Table
    from reportlab.platypus.doctemplate import BaseDocTemplate

# --- settings ---------------------------------------------------------------------------

# What booklet's PDFs need of ReportLab's process-wide configuration: plain binary streams
# (smaller files, same bytes every time). Applied only while booklet renders.
RENDER_SETTINGS: dict[str, object] = {"useA85": 0}


@contextmanager
def reportlab_settings() -> Iterator[None]:
    """Apply booklet's ReportLab settings for the duration, then restore the caller's."""
    saved = {name: getattr(rl_config, name) for name in RENDER_SETTINGS}
    try:
        for name, value in RENDER_SETTINGS.items():
            setattr(rl_config, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(rl_config, name, value)


# --- paragraphs and text ---------------------------------------------------------------


def broken_lines(paragraph: Paragraph) -> Any | None:
    """The lines ReportLab last broke the paragraph into (its `blPara`), None before any."""
    return paragraph.__dict__.get("blPara")


def set_broken_lines(paragraph: Paragraph, lines: Any) -> None:
    """Replace the lines the paragraph draws (its `blPara`)."""
    paragraph.blPara = lines  # type: ignore[attr-defined]


def ensure_operator_before_rise(text: PDFTextObject) -> None:
    """Give a text object an operator to amend: ReportLab's setRise rewrites the last one
    written (its `_code` list), and a fresh object has none."""
    code = text._code  # type: ignore[attr-defined]
    if not code:
        code.append("")


# --- tables ----------------------------------------------------------------------------

TableClass = TypeVar("TableClass", bound="type[Table]")


def sizes_once_per_width(table_class: TableClass) -> TableClass:
    """Make a Table class size its cells (ReportLab's `Table._calc`) once per width: a size
    is reused only when the table fit the height it was measured in, and fits the height
    now offered (ReportLab may stop measuring the rows of a table taller than that)."""

    def calc_once(self: Table, availWidth: float, availHeight: float) -> None:
        sized_at = self.__dict__.get("booklet_sized_at")
        if sized_at == availWidth and self._height <= availHeight:  # type: ignore[attr-defined]
            return
        super(table_class, self)._calc(availWidth, availHeight)  # type: ignore[arg-type,misc]
        fits = self._height <= availHeight  # type: ignore[attr-defined]
        self.__dict__["booklet_sized_at"] = availWidth if fits else None

    table_class._calc = calc_once  # type: ignore[attr-defined]
    return table_class


# --- documents -------------------------------------------------------------------------


def save_after_build(template: BaseDocTemplate) -> None:
    """Have `build` leave the canvas unsaved (its `_doSave`), as multiBuild does, so the
    caller can draw late numbers before saving it."""
    template._doSave = 0  # type: ignore[attr-defined]


def pdf_document(canvas: Canvas) -> PDFDocument:
    """The PDF document a canvas writes into (its `_doc`), to add objects to it."""
    return canvas._doc  # type: ignore[attr-defined,no-any-return]


def add_object(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """Add a new object to a pypdf writer (pypdf has no public call that does)."""
    return writer._add_object(obj)


# --- where blocks land (the layout record) ---------------------------------------------


def frame_cursor(frame: Frame) -> float:
    """How far down `frame` is filled: the y where its next flowable's top would go."""
    return float(frame._y)


def frame_top(frame: Frame) -> float:
    """The y of the top of `frame`'s writable area."""
    return float(frame._y2 - frame._topPadding)


def frame_bottom(frame: Frame) -> float:
    """The y of the bottom of `frame`'s writable area."""
    return float(frame._y1p)


def line_word_counts(paragraph: Flowable) -> list[int]:
    """How many words each line of a wrapped paragraph shows (empty before it is wrapped);
    words joined by a no-break space count as the words they are."""
    lines = getattr(paragraph.__dict__.get("blPara"), "lines", None) or []
    return [len(line_text(line).split()) for line in lines]


def line_text(line: object) -> str:
    """The text of one broken line: a list of words, or of styled fragments."""
    if isinstance(line, tuple):
        return " ".join(str(word) for word in line[1])
    return " ".join(str(getattr(frag, "text", "")) for frag in getattr(line, "words", []))
