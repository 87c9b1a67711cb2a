"""Page geometry, page templates and the running footer -> a ReportLab document template.

Also the two zero-size flowables the pages rely on: `Anchor`, which turns into a bookmark
and a contents entry where it lands, and `PageCount`, which carries the page total from
one layout pass to the next so every footer can say "Page N of M".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from booklet.colors import reportlab_color
from booklet.markup import escape
from booklet.text import Paragraph


def footer_height(size: float) -> float:
    """The room the running footer takes at the foot of each page, for its text size."""
    return 2 * size + 8


FOOTER_HEIGHT = footer_height(9)


@dataclass(frozen=True)
class Mark:
    """A place worth a bookmark; `in_contents` also lists it in the table of contents."""

    title: str
    key: str
    level: int
    in_contents: bool = True


class Anchor(Flowable):
    """Zero-size marker: the template bookmarks it on the page where it is drawn."""

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class PageCount(Flowable):
    """Zero-size indexing flowable: remembers how many pages the previous pass made."""

    def __init__(self) -> None:
        super().__init__()
        self.previous = 0
        self.current = 0

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self.previous, self.current = self.current, 0

    def afterBuild(self) -> None:
        return None

    def notify(self, kind: str, stuff: object) -> None:
        return None

    def isSatisfied(self) -> bool:
        return self.previous == self.current

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


@dataclass(frozen=True)
class Footer:
    """What the running footer prints: left text, and the words around the page numbers."""

    left: str
    font: str
    color: str
    rule: str
    size: float = 9
    direction: str = "ltr"
    page_label: Callable[[int, int], str] = lambda page, total: f"Page {page} of {total}"


class BookletTemplate(BaseDocTemplate):
    """A cover page without footer, then body pages with the running footer."""

    def __init__(self, buffer: Any, footer: Footer, page_count: PageCount, **settings: Any) -> None:
        super().__init__(buffer, **settings)
        self.footer = footer
        self.page_count = page_count
        frame = Frame(
            self.leftMargin,
            self.bottomMargin + footer_height(footer.size),
            self.width,
            self.height - footer_height(footer.size),
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        cover = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], autoNextPageTemplate="body"),
                PageTemplate("body", [frame], onPage=self.draw_footer),
            ]
        )

    def afterPage(self) -> None:
        self.page_count.current = self.page

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "mark", None)
        if not isinstance(mark, Mark):
            return
        self.canv.bookmarkPage(mark.key)
        self.canv.addOutlineEntry(mark.title, mark.key, level=mark.level, closed=False)
        self.canv.showOutline()
        if mark.in_contents:
            self.notify("TOCEntry", (mark.level, escape(mark.title), self.page, mark.key))

    def draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        footer = self.footer
        total = self.page_count.previous or self.page
        y = self.bottomMargin
        canvas.saveState()
        canvas.setStrokeColor(reportlab_color(footer.rule))
        canvas.setLineWidth(0.75)
        rule_y = y + footer.size * 1.3 + 2
        canvas.line(self.leftMargin, rule_y, self.leftMargin + self.width, rule_y)
        right = footer_line(footer.page_label(doc.page, total), footer, TA_RIGHT)
        right.wrapOn(canvas, self.width, rule_y - y)
        # measured as set, fallback fonts included, so the label stays on one line
        label_width = max(right.getActualLineWidths0()) + 6
        room = self.width - label_width - 24
        left = footer_line(fit_text(footer.left, footer.font, footer.size, room), footer, TA_LEFT)
        left.wrapOn(canvas, room, rule_y - y)
        left.drawOn(canvas, self.leftMargin, y)
        right.wrapOn(canvas, label_width, rule_y - y)
        right.drawOn(canvas, self.leftMargin + self.width - label_width, y)
        canvas.restoreState()


def footer_line(text: str, footer: Footer, alignment: int) -> Paragraph:
    """One line of the footer as a paragraph, so any script prints in it."""
    style = ParagraphStyle(
        "footer",
        fontName=footer.font,
        fontSize=footer.size,
        leading=footer.size + 3,
        textColor=reportlab_color(footer.color),
        alignment=alignment,
    )
    style.direction = footer.direction
    return Paragraph(escape(text), style)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
