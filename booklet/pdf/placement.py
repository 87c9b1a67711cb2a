"""Block marks in a story -> the layout record: where every block landed (page, position,
height, whether it was split), how full each page is, and the last lines of titles.

A block is what stands between a `BlockStart` and its `BlockEnd`, two zero-size marks the
story places around each heading, paragraph, list, callout, picture and card. The
template hands every flowable it draws to a `LayoutRecorder`, which files it under the
blocks that are open, so a block split by ReportLab is seen in every piece it printed in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from booklet.pdf.compat import line_word_counts


class BlockStart(Flowable):
    """Zero-size mark: a block of `kind` ("heading", "callout", "card", ...) starts here.

    `label` names it in a report; `titles` are its title paragraphs, whose last lines are
    checked for a lone word; `height` is its height when laid out whole, where known."""

    def __init__(
        self, kind: str, label: str = "", titles: tuple[Flowable, ...] = (), height: float = 0
    ) -> None:
        super().__init__()
        self.kind, self.label, self.titles, self.natural_height = kind, label, titles, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


class BlockEnd(Flowable):
    """Zero-size mark: the block opened last ends here."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        return None


def marked(
    kind: str,
    flowables: list[Flowable],
    label: str = "",
    titles: tuple[Flowable, ...] = (),
    height: float = 0,
) -> list[Flowable]:
    """`flowables` between the marks of one block of `kind` (see `BlockStart`)."""
    return [BlockStart(kind, label, titles, height), *flowables, BlockEnd()]


@dataclass(frozen=True)
class Piece:
    """What a block printed on one page: from `top` to `bottom`, in points below the
    top of the page's frame."""

    page: int
    top: float
    bottom: float


@dataclass
class Placement:
    """One block and the pieces it printed in, in order."""

    kind: str
    label: str
    natural_height: float = 0.0
    title_last_words: tuple[int, ...] = ()  # words on the last line of each title
    pieces: list[Piece] = field(default_factory=list)

    @property
    def pages(self) -> list[int]:
        return sorted({piece.page for piece in self.pieces})

    @property
    def first_page(self) -> int:
        return self.pieces[0].page if self.pieces else 0

    @property
    def last_page(self) -> int:
        return self.pieces[-1].page if self.pieces else 0

    @property
    def split(self) -> bool:
        return len(self.pages) > 1

    @property
    def height(self) -> float:
        return sum(piece.bottom - piece.top for piece in self.pieces)


@dataclass
class LayoutRecord:
    """Every block of a document, where it landed, and how far down each page is filled."""

    frame_height: float = 0.0
    pages: int = 0
    placements: list[Placement] = field(default_factory=list)
    filled: dict[int, float] = field(default_factory=dict)  # page -> lowest point drawn
    part_starts: set[int] = field(default_factory=set)  # pages a forced page break began
    cover_last_words: tuple[int, ...] = ()

    def fill(self, page: int) -> float:
        """How much of `page`'s frame its content takes, from 0 to 1."""
        return self.filled.get(page, 0.0) / self.frame_height if self.frame_height else 0.0

    def on_page(self, page: int) -> list[Placement]:
        return [p for p in self.placements if page in p.pages]


class LayoutRecorder:
    """Fed by the document template with each flowable as it is drawn."""

    def __init__(self) -> None:
        self.record = LayoutRecord()
        self.open: list[tuple[Placement, BlockStart]] = []
        self.part_starting = False

    def start(self, mark: BlockStart) -> None:
        placement = Placement(mark.kind, mark.label, mark.natural_height)
        self.record.placements.append(placement)
        self.open.append((placement, mark))

    def end(self) -> None:
        """The open block ends; its titles, drawn by now, are read for their last lines."""
        if self.open:
            placement, mark = self.open.pop()
            placement.title_last_words = tuple(last_line_words(title) for title in mark.titles)

    def page_break(self) -> None:
        """A forced page break: the next page starts a new part (the quiz, the back page)."""
        self.part_starting = True

    def drawn(self, page: int, top: float, bottom: float) -> None:
        """A flowable printed on `page` from `top` to `bottom` (below the frame's top)."""
        if bottom - top <= 0.01:
            return
        if self.part_starting:
            self.record.part_starts.add(page)
            self.part_starting = False
        self.record.filled[page] = max(self.record.filled.get(page, 0.0), bottom)
        for placement, _ in self.open:  # a block inside another prints for both
            placement.pieces.append(Piece(page, top, bottom))


def last_line_words(paragraph: Flowable) -> int:
    """How many words the last line of a wrapped paragraph holds; 0 for a paragraph of one
    line or none, where a short last line is no fault."""
    counts = line_word_counts(paragraph)
    return counts[-1] if len(counts) > 1 else 0
