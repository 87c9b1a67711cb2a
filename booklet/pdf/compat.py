"""ReportLab and pypdf internals, each behind a named function."""

from __future__ import annotations

import re
from typing import Any

from reportlab.pdfgen.textobject import PDFTextObject

# --- languages: spacing, line breaking and shaping of every script ---------------------


def keep_narrow_no_break_spaces() -> None:
    """Make ReportLab's paragraphs keep U+202F (the narrow no-break space French sets before
    : ; ? !) inside a word instead of breaking the line there and printing a full space.

    ReportLab splits words with its module-level `split` and a list of space characters
    (`_wsc`) that includes U+202F; both are replaced by ones without it. Safe to call twice.
    """
    from reportlab.platypus import paragraph

    if getattr(paragraph.split, "keeps_narrow_no_break_space", False):
        return
    breaking = paragraph._wsc.replace("\u202f", "")
    splitter = re.compile(f"[{re.escape(breaking)}]+").split

    def split(text: Any, delim: Any = None) -> list[str]:
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if delim is not None:
            if isinstance(delim, bytes):
                delim = delim.decode("utf8")
            return list(text.split(delim))
        words = splitter(text)
        # as ReportLab's: str.split() drops empty words, its own splitter (used when the
        # text has a no-break space) keeps them
        return words if "\xa0" in text else [word for word in words if word]

    split.keeps_narrow_no_break_space = True  # type: ignore[attr-defined]
    paragraph.split = split
    paragraph._wsc = breaking
    paragraph._wsc_re_split = splitter


def split_part_lines(paragraph: Any) -> Any | None:
    """The lines a paragraph was given when ReportLab split it over two frames, or None.

    ReportLab marks such a part with `_splitpara` and keeps its laid-out lines in `blPara`.
    """
    if getattr(paragraph, "_splitpara", 0) and hasattr(paragraph, "blPara"):
        return paragraph.blPara
    return None


def frag_lines(paragraph: Any, max_widths: list[float], breaker: Any) -> Any:
    """A paragraph's fragments laid out in lines where `breaker` says, as ReportLab's
    `breakLinesCJK` returns them (lines of styled fragments, kind 1).

    `breaker(chars, widths, max_widths, forced)` gives (start, end, next start) per line,
    as booklet.pdf.line_breaks.line_spans does. Uses ReportLab's per-character units
    (`cjkU`), its line builder (`makeCJKParaLine`) and its bullet-width helper.
    """
    from reportlab.platypus import paragraph as rl_paragraph

    rl_paragraph._handleBulletWidth(paragraph.bulletText, paragraph.style, max_widths)
    units: list[Any] = []
    for frag in paragraph.frags:
        text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
        pieces = list(text) if text else [text]
        units += [rl_paragraph.cjkU(piece, frag, "utf8") for piece in pieces]
    widths = [unit_width(unit, max_widths[0]) for unit in units]
    chars = [str(unit) or "\n" for unit in units]
    forced = frozenset(i for i, unit in enumerate(units) if hasattr(unit.frag, "lineBreak"))
    auto_leading = getattr(paragraph, "autoLeading", getattr(paragraph.style, "autoLeading", ""))
    bounds = auto_leading not in ("", "off")
    lines = []
    for number, (start, end, _after) in enumerate(breaker(chars, widths, max_widths, forced)):
        limit = max_widths[min(number, len(max_widths) - 1)]
        used = sum(widths[start:end])
        ends_in_break = end > start and (end - 1) in forced
        lines.append(
            rl_paragraph.makeCJKParaLine(
                units[start:end], limit, used, limit - used, ends_in_break, bounds
            )
        )
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def unit_width(unit: Any, max_width: float) -> float:
    """The width of one of ReportLab's character units; a width given relative to the line
    (an inline picture's) is worked out against `max_width`."""
    width = unit.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        return float(width.normalizedValue(max_width))
    return float(width)


class FontWatchingText(PDFTextObject):
    """A text object told of every font change, through `font_changed`; ReportLab's
    paragraphs change fonts with both `setFont` and the private `_setFont`."""

    def font_changed(self, name: str, size: float) -> None:
        """Called after each change of font; does nothing here."""

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        super().setFont(psfontname, size, leading)
        self.font_changed(psfontname, size)

    def _setFont(self, psfontname: str, size: float) -> None:
        super()._setFont(psfontname, size)
        self.font_changed(psfontname, size)


def set_text_line_width(text: PDFTextObject, width: float) -> None:
    """Write the line width (for outlined, synthetic bold letters) into a text object."""
    text._code.append(f"{width:.3f} w")
