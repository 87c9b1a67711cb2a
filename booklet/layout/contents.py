"""Contents entries collected while laying out -> a table of titles, leader dots and page
numbers, written in reading order (title, then number) for screen readers and search."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

from booklet.text import Paragraph

NUMBER_WIDTH = 28
PLACEHOLDER = [(0, "Contents", 0, None)]


class Contents(TableOfContents):
    """ReportLab's table of contents with the page number in a column of its own.

    The stock one draws number and dots from inside the title's paragraph, which puts the
    number before the title in the PDF's text.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        text_width = availWidth - NUMBER_WIDTH

        def leader_dots(canvas: Canvas, kind: str, label: str) -> None:
            style = self.getLevelStyle(int(label))
            drawPageNumbers(canvas, style, [], text_width - 4, availHeight, " . ")

        self.canv.setNamedCB("contents_dots", leader_dots)
        rows, commands = [], []
        right_to_left = getattr(self.getLevelStyle(0), "direction", "ltr") == "rtl"
        for row, (level, text, page, key) in enumerate(self._lastEntries or PLACEHOLDER):
            style = self.getLevelStyle(level)
            number_style = style.clone(
                "contents_number",
                alignment=TA_LEFT if right_to_left else TA_RIGHT,
                leftIndent=0,
                firstLineIndent=0,
            )
            if right_to_left:
                style = style.clone("contents_rtl", rightIndent=style.leftIndent, leftIndent=0)
            title = f'<a href="#{key}">{text}</a>' if key else text
            number = f'<a href="#{key}">{page}</a>' if key else str(page)
            # the dots are a word of their own: a shaped (Arabic, Hebrew) word cannot hold
            # them; right-to-left titles go without, as their dots would run the wrong way
            dots = f' <onDraw name="contents_dots" label="{level}"/>'
            if right_to_left:
                rows.append([Paragraph(number, number_style), Paragraph(title, style)])
            else:
                rows.append([Paragraph(title + dots, style), Paragraph(number, number_style)])
            commands.append(("TOPPADDING", (0, row), (-1, row), style.spaceBefore))
        widths = (NUMBER_WIDTH, text_width) if right_to_left else (text_width, NUMBER_WIDTH)
        self._table = Table(rows, colWidths=widths)
        self._table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    *commands,
                ]
            )
        )
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height
