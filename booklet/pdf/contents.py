"""The marks of a story -> the contents: a table of titles, leader dots and page numbers,
written in reading order (title, then number) for screen readers and search.

The page numbers are known only once the whole document is laid out, so each is drawn as
a late number (see `pages.LateNumbers`) and the contents take one layout pass."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, FrameBreak, Table, TableStyle
from reportlab.platypus.tableofcontents import drawPageNumbers

from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.tagging import Place, Tag, aside, tag
from booklet.pdf.template import Bookmark, Finished, LateNumbers
from booklet.words.markup import escape

NUMBER_WIDTH = 28
LEAST_ENTRIES_ON_A_PAGE = 3  # the contents never leave a page with fewer


class PageNumber(Flowable):
    """The page `key` landed on, aligned in its cell (right, or left on right-to-left
    pages) as a one-line paragraph would be, and a link to that page."""

    def __init__(self, key: str, style: ParagraphStyle, numbers: LateNumbers) -> None:
        super().__init__()
        self.key, self.style, self.numbers = key, style, numbers

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, self.style.leading
        return self.width, self.height

    def draw(self) -> None:
        key, style, right, baseline = self.key, self.style, self.width, self.height
        baseline -= style.fontSize  # where a paragraph puts its first line

        def number(canvas: Canvas, finished: Finished) -> None:
            canvas.setFillColor(style.textColor)
            canvas.setFont(style.fontName, style.fontSize)
            page = str(finished.anchors.get(key, ""))
            if style.alignment == TA_LEFT:
                canvas.drawString(0, baseline, page)
            else:
                canvas.drawRightString(right, baseline, page)

        self.numbers.place(self.canv, number)
        self.canv.linkRect("", key, (0, 0, self.width, self.height), relative=1)


class Contents(Flowable):
    """The contents entries (`marks`, set once the story is complete), one row each, with
    the page number in a column of its own."""

    def __init__(self, level_styles: tuple[ParagraphStyle, ...], numbers: LateNumbers) -> None:
        super().__init__()
        self.level_styles, self.numbers = level_styles, numbers
        self.marks: list[Bookmark] = []
        self.table: Table | None = None

    def level_style(self, level: int) -> ParagraphStyle:
        return self.level_styles[min(level, len(self.level_styles) - 1)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.table = self.entries_table(self.entry_rows(availWidth), availWidth)
        self.width, self.height = self.table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def entry_rows(self, availWidth: float) -> list[tuple[list[Flowable], float]]:
        """One row per entry (title and page number, in reading order), each with the space
        above it."""
        text_width = availWidth - NUMBER_WIDTH

        def leader_dots(canvas: Canvas, kind: str, label: str) -> None:
            style = self.level_style(int(label))
            with aside(canvas):  # read as the title alone
                drawPageNumbers(canvas, style, [], text_width - 4, 10_000, " . ")

        self.canv.setNamedCB("contents_dots", leader_dots)
        rows: list[tuple[list[Flowable], float]] = []
        right_to_left = self.right_to_left
        for row, mark in enumerate(self.marks):
            style = self.level_style(mark.level)
            number_style = style.clone(
                "contents_number",
                alignment=TA_LEFT if right_to_left else TA_RIGHT,
                leftIndent=0,
                firstLineIndent=0,
            )
            number = PageNumber(mark.key, number_style, self.numbers)
            tag(number, "P", place=Place("toc", "contents", row, 1), label=mark.title)
            title = f'<a href="#{mark.key}">{escape(mark.title)}</a>'
            entry = Tag(
                "Reference",
                place=Place("toc", "contents", row, 0),
                label=mark.title,
                actual_text=mark.title,  # read without the leader dots
            )
            if right_to_left:
                # no leader dots: they would run the wrong way through a right-to-left line
                style = style.clone("contents_rtl", rightIndent=style.leftIndent, leftIndent=0)
                rows.append(
                    ([number, tag(MeasuredParagraph(title, style), entry)], style.spaceBefore)
                )
            else:
                # the dots are a word of their own: a shaped word cannot hold them
                dots = f' <onDraw name="contents_dots" label="{mark.level}"/>'
                rows.append(
                    (
                        [tag(MeasuredParagraph(title + dots, style), entry), number],
                        style.spaceBefore,
                    )
                )
        return rows

    @property
    def right_to_left(self) -> bool:
        return getattr(self.level_style(0), "direction", "ltr") == "rtl"

    def entries_table(self, rows: list[tuple[list[Flowable], float]], availWidth: float) -> Table:
        text_width = availWidth - NUMBER_WIDTH
        widths = (NUMBER_WIDTH, text_width) if self.right_to_left else (text_width, NUMBER_WIDTH)
        commands = [
            ("TOPPADDING", (0, row), (-1, row), space) for row, (_, space) in enumerate(rows)
        ]
        table = Table([cells for cells, _ in rows] or [["", ""]], colWidths=widths)
        table.setStyle(
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
        return table

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """As many entries as fit, but never fewer than three left for the next page."""
        rows, room = self.entry_rows(availWidth), availHeight - 1
        fitting = 0
        while fitting < len(rows) and self.height_of(rows[: fitting + 1], availWidth) <= room:
            fitting += 1
        fitting = min(fitting, len(rows) - LEAST_ENTRIES_ON_A_PAGE)
        if fitting < LEAST_ENTRIES_ON_A_PAGE:
            return []
        return [
            self.entries_table(rows[:fitting], availWidth),
            FrameBreak(),
            self.entries_table(rows[fitting:], availWidth),
        ]

    def height_of(self, rows: list[tuple[list[Flowable], float]], availWidth: float) -> float:
        return self.entries_table(rows, availWidth).wrapOn(self.canv, availWidth, 10_000)[1]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self.table is not None
        self.table.drawOn(canvas, x, y, _sW)
