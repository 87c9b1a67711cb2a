"""Page geometry, page templates and the running footer -> a ReportLab document template.

Also `Anchor`, a zero-size flowable that turns into a bookmark where it lands, and
`LateNumbers`, which lets pages print numbers known only once layout is done (the page
total of "Page N of M", the page a contents entry points to) in a single layout pass.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from booklet.assets.colors import reportlab_color
from booklet.pdf import compat
from booklet.pdf.paragraphs import ScriptParagraph
from booklet.pdf.placement import BlockEnd, BlockStart, LayoutRecord, LayoutRecorder
from booklet.words.markup import escape

MM = 72 / 25.4
MARK_LENGTH = 5 * MM  # crop marks: 5 mm long, starting just outside the bleed
MARK_GAP = 1 * MM


def footer_height(size: float, lines: int = 1) -> float:
    """The room the running footer takes at the foot of each page, for its text size and
    the lines its words take."""
    return 2 * size + 8 + (lines - 1) * footer_leading(size)


def footer_leading(size: float) -> float:
    return size + 3


@dataclass(frozen=True)
class Bookmark:
    """A place worth a bookmark; `in_contents` also lists it in the table of contents."""

    title: str
    key: str
    level: int
    in_contents: bool = True


class Anchor(Flowable):
    """Zero-size marker: the template bookmarks it on the page where it is drawn."""

    def __init__(self, mark: Bookmark) -> None:
        super().__init__()
        self.mark = mark

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


def marks_in(flowables: Iterable[Flowable]) -> list[Bookmark]:
    """Every anchor's Bookmark in `flowables`, in reading order, including those kept together
    with what follows them."""
    found: list[Bookmark] = []
    for flowable in flowables:
        if isinstance(flowable, Anchor):
            found.append(flowable.mark)
        found += marks_in(getattr(flowable, "_content", ()))  # KeepTogether's group
    return found


@dataclass(frozen=True)
class Finished:
    """What is known once the document is laid out: its page total, and the page each
    Bookmark's key landed on."""

    pages: int
    anchors: dict[str, int]
    layout: LayoutRecord | None = None


LateDrawing = Callable[[Canvas, Finished], None]


class LateNumbers:
    """Numbers known only after layout, drawn where they go as forms filled in at the end.

    A page draws a named, still empty PDF form XObject where such a number goes; once the
    last page is laid out, every form gets its drawing, before the PDF is saved. So one
    layout pass does what would otherwise take a second pass over the whole document.
    """

    def __init__(self) -> None:
        self.drawings: dict[str, LateDrawing] = {}

    def place(self, canvas: Canvas, drawing: LateDrawing) -> None:
        """Use, here, a form that `drawing` fills in (in this place's coordinates) later."""
        name = f"late{len(self.drawings)}"
        self.drawings[name] = drawing
        canvas.doForm(name)

    def fill(self, canvas: Canvas, finished: Finished) -> None:
        for name, drawing in self.drawings.items():
            canvas.beginForm(name)
            drawing(canvas, finished)
            canvas.endForm()


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
    lines: int = 1  # over one, the words wrap onto that many lines instead of being cut


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


MAX_PAGES = 2_000  # far beyond a handout; bounds the time and memory of one build


class TooManyPages(Exception):
    """The layout reached a page past MAX_PAGES."""


class BookletTemplate(BaseDocTemplate):
    """A cover page without footer, then body pages with the running footer; with a Trim,
    every page also gets its TrimBox, BleedBox and crop marks."""

    def __init__(
        self,
        buffer: Any,
        footer: Footer,
        numbers: LateNumbers,
        trim: Trim | None = None,
        **settings: Any,
    ) -> None:
        super().__init__(buffer, **settings)
        self.trim = trim
        self.footer = footer
        self.numbers = numbers
        self.anchor_pages: dict[str, int] = {}  # each Bookmark's key -> the page it landed on
        self.recorder = LayoutRecorder()
        self.cursor_before = (0, 0.0)  # the page, and the frame's cursor, before a flowable
        frame = Frame(
            self.leftMargin,
            self.bottomMargin + footer_height(footer.size, footer.lines),
            self.width,
            self.height - footer_height(footer.size, footer.lines),
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
        if self.page > MAX_PAGES:
            raise TooManyPages(self.page)
        if self.trim is not None:
            self.canv.setTrimBox(self.trim.box())
            self.canv.setBleedBox(self.trim.box(self.trim.bleed))

    def afterPage(self) -> None:
        if self.trim is not None:
            self.trim.draw_crop_marks(self.canv)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        if isinstance(flowables[0], (BlockStart, BlockEnd)):
            # a block mark takes no room: it is noted where the page stands, and never
            # starts a page of its own when the last block used the page to its foot
            self.record_landing(flowables.pop(0))
            return
        frame = getattr(self, "frame", None)  # none before the first page begins
        self.cursor_before = (self.page, compat.frame_cursor(frame) if frame else 0.0)
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        self.record_landing(flowable)
        mark = getattr(flowable, "mark", None)
        if not isinstance(mark, Bookmark):
            return
        self.anchor_pages[mark.key] = self.page
        self.canv.bookmarkPage(mark.key)
        self.canv.addOutlineEntry(mark.title, mark.key, level=mark.level, closed=False)
        self.canv.showOutline()

    def record_landing(self, flowable: Flowable) -> None:
        """Tell the layout record where `flowable` was drawn, or which block it opens."""
        recorder = self.recorder
        if isinstance(flowable, BlockStart):
            recorder.start(flowable)
        elif isinstance(flowable, BlockEnd):
            recorder.end()
        elif isinstance(flowable, PageBreak):
            recorder.page_break()
        elif hasattr(flowable, "title_last_words"):  # the cover
            recorder.record.cover_last_words = tuple(flowable.title_last_words)
        elif getattr(self, "frame", None) and not isinstance(flowable, ActionFlowable):
            top_y = compat.frame_top(self.frame)
            page, before = self.cursor_before
            start = before if page == self.page else top_y
            end = compat.frame_cursor(self.frame) + flowable.getSpaceAfter()
            if self.pageTemplate.id != "body":
                return
            recorder.record.frame_height = top_y - compat.frame_bottom(self.frame)
            recorder.drawn(self.page, max(0.0, top_y - start), top_y - end)

    def build_once(self, flowables: list[Flowable]) -> Finished:
        """Lay `flowables` out in one pass, fill in the late numbers, and save the PDF."""
        compat.save_after_build(self)  # the canvas is saved here, after the late numbers
        self.build(flowables)
        self.recorder.record.pages = self.page
        finished = Finished(self.page, dict(self.anchor_pages), self.recorder.record)
        self.numbers.fill(self.canv, finished)
        self.canv.save()
        return finished

    def draw_footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(reportlab_color(self.footer.rule))
        canvas.setLineWidth(0.75)
        rule_y = self.footer_rule_y()
        canvas.line(self.leftMargin, rule_y, self.leftMargin + self.width, rule_y)
        canvas.restoreState()
        self.numbers.place(canvas, self.footer_text(doc.page))

    def footer_rule_y(self) -> float:
        above = (self.footer.lines - 1) * footer_leading(self.footer.size)
        return self.bottomMargin + above + self.footer.size * 1.3 + 2

    def footer_text(self, page: int) -> LateDrawing:
        """The footer's words for `page`: the page label needs the total, so it waits."""
        footer, y, height = self.footer, self.bottomMargin, self.footer_rule_y() - self.bottomMargin

        def draw(canvas: Canvas, finished: Finished) -> None:
            right = footer_line(footer.page_label(page, finished.pages), footer, TA_RIGHT)
            right.wrapOn(canvas, self.width, height)
            # measured as set, fallback fonts included, so the label stays on one line
            label_width = max(right.getActualLineWidths0()) + 6
            room = self.width - label_width - 24
            if footer.lines > 1:
                text = footer.left
            else:
                text = fit_text(footer.left, footer.font, footer.size, room)
            left = footer_line(text, footer, TA_LEFT)
            left.wrapOn(canvas, room, height)
            left.drawOn(canvas, self.leftMargin, y)
            right.wrapOn(canvas, label_width, height)
            right.drawOn(canvas, self.leftMargin + self.width - label_width, y)

        return draw


def footer_line(text: str, footer: Footer, alignment: int) -> ScriptParagraph:
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
    return ScriptParagraph(escape(text), style)


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """`text`, shortened with an ellipsis if it is wider than `width`."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"
