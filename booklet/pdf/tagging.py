"""What a flowable is, for the PDF's structure tree: a Tag given to flowables as the story
is made, and the marked drawing of canvas code (`content`, `artifact`).

The tagger (`booklet.pdf.structure_tree`) reads these while the pages are drawn; with
tagging off they cost nothing and draw nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TypeVar

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ListFlowable
from reportlab.platypus import Paragraph as ReportLabParagraph

from booklet.pdf.compat_tagging import list_pieces, tagger_of

# roles whose elements hold other elements; every other role holds drawn content
GROUPING = frozenset(
    {"Document", "Part", "Sect", "Div", "L", "LI", "LBody", "Table", "TR", "TOC", "TOCI"}
)


@dataclass(frozen=True)
class Place:
    """Where an element goes in a table, list or contents made of separately drawn pieces:
    row `row` (a TR, LI or TOCI) of the `kind` keyed `key`, at `column` in that row."""

    kind: str  # "table" | "list" | "toc"
    key: str
    row: int
    column: int = 0


@dataclass(frozen=True)
class Tag:
    """A structure element's role and attributes. `rank` orders an element among the
    children of an `ordered` parent (a card read in its reading order, not its columns');
    `label` describes the links drawn inside the element."""

    role: str
    alt: str | None = None
    lang: str | None = None
    place: Place | None = None
    rank: int = 0
    ordered: bool = False
    scope: str | None = None  # a TH's: "Column" or "Row"
    label: str | None = None
    actual_text: str | None = None
    key: str | None = None  # a grouping element's own Place key (a question's choices)

    def of_part(self) -> Tag:
        """The Tag of each part of a flowable split across pages or rows: the same
        element's, without a text standing for the whole (each part says its own)."""
        return replace(self, actual_text=None) if self.actual_text else self


# a stretch card is read title, purpose, figure, steps, video, caution, dosage, whichever
# columns and rows the card lays them out in: each part's rank among the card's elements
CARD_ORDER = {
    "title": 0,
    "purpose": 1,
    "figure": 2,
    "steps": 3,
    "video": 4,
    "caution": 5,
    "dosage": 6,
}

TRANSPARENT = Tag("")  # a container whose pieces tag themselves
ARTIFACT = Tag("Artifact")  # decoration: rules, borders, boxes to tick

F = TypeVar("F", bound=Flowable)


def tag(flowable: F, role: str | Tag, **attributes: object) -> F:
    """`flowable`, with its role (and Tag attributes) in the structure tree."""
    if isinstance(role, str):
        given = Tag(role, **attributes)  # type: ignore[arg-type]
    else:
        given = replace(role, **attributes) if attributes else role  # type: ignore[arg-type]
    flowable.__dict__["pdf_tag"] = given
    return flowable


def tagged_list(flowable: ListFlowable, given: Tag) -> ListFlowable:
    """`flowable` as the list `given` (an L with a key), and each of its items too, so that
    items ReportLab hands on one by one, split across pages or table rows, still join that
    one list (a card's steps, in rows of their own, read as one list)."""
    for piece in list_pieces(flowable):
        tag(piece, given)
    return tag(flowable, given)


def in_place(flowable: F, place: Place, role: str = "P") -> F:
    """`flowable` at `place` of a list or table, keeping any Tag it has (a paragraph is
    `role`, a list L); decoration (lines to write on) stays decoration."""
    given = tag_of(flowable)
    if given is None and isinstance(flowable, ListFlowable):
        given = Tag("L")
    elif given is None and isinstance(flowable, ReportLabParagraph):
        given = Tag(role)
    if given is None or given in (TRANSPARENT, ARTIFACT):
        return flowable
    return tag(flowable, replace(given, place=place))


def tag_of(flowable: object) -> Tag | None:
    """The Tag given to `flowable` itself (never one its wrapper passes through)."""
    found = getattr(flowable, "__dict__", {}).get("pdf_tag")
    return found if isinstance(found, Tag) else None


@contextmanager
def content(canvas: Canvas, given: Tag) -> Iterator[None]:
    """Canvas drawing that is the content of one element (a cover title)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.content(canvas, given):
        yield


@contextmanager
def artifact(canvas: Canvas, kind: str | None = None) -> Iterator[None]:
    """Canvas drawing that is decoration, or a running footer (`kind` "Footer")."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.artifact(canvas, kind):
        yield


@contextmanager
def aside(canvas: Canvas) -> Iterator[None]:
    """Decoration drawn in the middle of an element's own content (leader dots)."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.aside(canvas):
        yield


@contextmanager
def untagged(canvas: Canvas) -> Iterator[None]:
    """Drawing into a form XObject, whose use on the page is what is marked."""
    tagger = tagger_of(canvas)
    if tagger is None:
        yield
        return
    with tagger.quiet():
        yield


class StructureOpen(Flowable):
    """Zero-size: opens a grouping element (a section) that the flowables after it, up to
    the matching StructureClose, belong to, across pages."""

    def __init__(self, given: Tag) -> None:
        super().__init__()
        self.__dict__["pdf_tag"] = TRANSPARENT
        self.opens = given

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.apply(self.canv)

    def apply(self, canvas: Canvas) -> None:
        """Open the element; the document template calls this without drawing the mark,
        so that a mark never starts a page of its own."""
        tagger = tagger_of(canvas)
        if tagger is not None:
            tagger.open_group(self.opens)


class StructureClose(Flowable):
    """Zero-size: closes the element the last StructureOpen opened."""

    def __init__(self) -> None:
        super().__init__()
        self.__dict__["pdf_tag"] = TRANSPARENT

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.apply(self.canv)

    def apply(self, canvas: Canvas) -> None:
        tagger = tagger_of(canvas)
        if tagger is not None:
            tagger.close_group()


def grouped(role: str, flowables: list[Flowable], **attributes: object) -> list[Flowable]:
    """`flowables` inside one element of `role` (a Sect for a section)."""
    return [StructureOpen(replace(Tag(role), **attributes)), *flowables, StructureClose()]  # type: ignore[arg-type]
