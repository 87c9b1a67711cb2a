"""Paragraphs (of any script, see `booklet.pdf.paragraphs`) and tables, measured once per width.

ReportLab measures a flowable whenever its container is measured, and again to draw it:
a paragraph in a card's caution box (a table in a table in a table) was broken into lines
a dozen times. These give the same sizes and lines, measuring again only at a new width.
"""

from __future__ import annotations

from reportlab.platypus import Table

from booklet.pdf import compat
from booklet.pdf.paragraphs import ScriptParagraph


class MeasuredParagraph(ScriptParagraph):
    """A ScriptParagraph that keeps its lines for the width it was last broken to, as long as
    they are still its lines (ReportLab drops them when a split sends it to the next page)."""

    _broken: tuple[float, object] | None = None  # the width, and the lines broken to it

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        broken = self._broken
        if broken and broken[0] == availWidth and compat.broken_lines(self) is broken[1]:
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        # ReportLab breaks no lines in a width too small for any (and then sets no width)
        self._broken = (availWidth, compat.broken_lines(self)) if self.width == availWidth else None
        return size


@compat.sizes_once_per_width
class LayoutTable(Table):
    """A Table that sizes its cells once per width. A size is reused only when the table
    fit the height it was measured in, and fits the height now offered (ReportLab may stop
    measuring the rows of a table taller than the height it is given)."""
