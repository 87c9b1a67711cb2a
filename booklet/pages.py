"""Page geometry, page templates and the running footer -> a ReportLab document template.

Also the two zero-size flowables the pages rely on: `Anchor`, which turns into a bookmark
and a contents entry where it lands, and `PageCount`, which carries the page total from
one layout pass to the next so every footer can say "Page N of M".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from booklet.colors import reportlab_color
from booklet.markup import escape

FOOTER_HEIGHT = 26
MM = 72 / 25.4
MARK_LENGTH = 5 * MM  # crop marks: 5 mm long, starting just outside the bleed
MARK_GAP = 1 * MM


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
    page_label: Callable[[int, int], str] = lambda page, total: f"Page {page} of {total}"


@dataclass(frozen=True)
class Trim:
    """A page printed larger than it is cut: `bleed` beyond the cut on every side for
    colour that runs off the edge, and crop marks further out, `offset` being the room
    from the sheet's edge to the cut."""

    width: float
    height: float
    bleed: float

    @property
    def offset(self) -> float:
        return self.bleed + MARK_GAP + MARK_LENGTH + MM

    @property
    def sheet(self) -> tuple[float, float]:
        return self.width + 2 * self.offset, self.height + 2 * self.offset

    def box(self, outset: float = 0.0) -> tuple[float, float, float, float]:
        """The cut (TrimBox), or with `outset` = bleed the BleedBox, in sheet coordinates."""
        left, bottom = self.offset - outset, self.offset - outset
        return left, bottom, left + self.width + 2 * outset, bottom + self.height + 2 * outset

    def draw_crop_marks(self, canvas: Canvas) -> None:
        """A short line in line with each cut edge, at each corner, outside the bleed."""
        left, bottom, right, top = self.box()
        near, far = self.bleed + MARK_GAP, self.bleed + MARK_GAP + MARK_LENGTH
        canvas.saveState()
        canvas.setStrokeColorCMYK(1, 1, 1, 1)  # registration black: on every printing plate
        canvas.setLineWidth(0.3)
        for x, outward in ((left, -1), (right, 1)):
            for y, upward in ((bottom, -1), (top, 1)):
                canvas.line(x + outward * near, y, x + outward * far, y)
                canvas.line(x, y + upward * near, x, y + upward * far)
        canvas.restoreState()


class BookletTemplate(BaseDocTemplate):
    """A cover page without footer, then body pages with the running footer; with a Trim,
    every page also gets its TrimBox, BleedBox and crop marks."""

    def __init__(
        self,
        buffer: Any,
        footer: Footer,
        page_count: PageCount,
        trim: Trim | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(buffer, **settings)
        self.trim = trim
        self.footer = footer
        self.page_count = page_count
        self.anchor_pages: dict[str, int] = {}  # each Mark's key -> the page it landed on
        frame = Frame(
            self.leftMargin,
            self.bottomMargin + FOOTER_HEIGHT,
            self.width,
            self.height - FOOTER_HEIGHT,
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

    def beforePage(self) -> None:
        if self.trim is not None:
            self.canv.setTrimBox(self.trim.box())
            self.canv.setBleedBox(self.trim.box(self.trim.bleed))

    def afterPage(self) -> None:
        self.page_count.current = self.page
        if self.trim is not None:
            self.trim.draw_crop_marks(self.canv)

    def afterFlowable(self, flowable: Flowable) -> None:
        mark = getattr(flowable, "mark", None)
        if not isinstance(mark, Mark):
            return
        self.anchor_pages[mark.key] = self.page
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
        canvas.line(self.leftMargin, y + 14, self.leftMargin + self.width, y + 14)
        canvas.setFillColor(reportlab_color(footer.color))
        canvas.setFont(footer.font, footer.size)
        page_label = footer.page_label(doc.page, total)
        room = self.width - stringWidth(page_label, footer.font, footer.size) - 24
        canvas.drawString(
            self.leftMargin, y + 2, fit_text(footer.left, footer.font, footer.size, room)
        )
        canvas.drawRightString(self.leftMargin + self.width, y + 2, page_label)
        canvas.restoreState()


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
