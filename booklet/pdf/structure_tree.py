"""Flowables as they are drawn -> the structure tree of a tagged PDF: every piece of page
content is either marked content of an element (`/P <</MCID 3>> BDC ... EMC`) or an
artifact, and the elements nest as the booklet reads.

`StructureTree` is the tagger a TaggedCanvas carries (see `booklet.pdf.compat_tagging`); the
elements are written into the PDF by `booklet.pdf.structure_writer` once layout is done.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFName
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, ListFlowable, Spacer, Table
from reportlab.platypus import Paragraph as ReportLabParagraph
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import DDIndenter

from booklet.pdf.compat_tagging import (
    annotation_entry,
    is_container,
    link_target,
    set_annotation_entry,
    starts_list_item,
)
from booklet.pdf.placement import BlockEnd, BlockStart
from booklet.pdf.tagging import ARTIFACT, GROUPING, TRANSPARENT, Place, Tag, tag_of
from booklet.words.scripts import other_language

_SHAPED = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")

COLLECTIONS = {"table": ("Table", "TR"), "list": ("L", "LI"), "toc": ("TOC", "TOCI")}


@dataclass(frozen=True)
class Marked:
    """A marked-content sequence: MCID `mcid` on page `page` (from 1)."""

    page: int
    mcid: int


@dataclass(frozen=True)
class Annotated:
    """An annotation (a link) on page `page`, by its object reference."""

    page: int
    reference: Any


@dataclass(eq=False)
class Element:
    """One structure element and what it holds, in reading order once sorted."""

    tag: Tag
    parent: Element | None
    children: list[Element | Marked | Annotated] = field(default_factory=list)
    key: str | None = None  # the Place key of a table, list or contents made of pieces
    row: int | None = None
    rank: int = 0

    @property
    def role(self) -> str:
        return self.tag.role

    def add(self, child: Element) -> Element:
        self.children.append(child)
        return child

    def last_element(self) -> Element | None:
        for child in reversed(self.children):
            if isinstance(child, Element):
                return child
        return None

    def in_reading_order(self) -> list[Element | Marked | Annotated]:
        if not self.tag.ordered:
            return self.children
        return sorted(self.children, key=lambda c: c.rank if isinstance(c, Element) else 0)


def default_tag(flowable: Any) -> Tag:
    """The role of a flowable nobody tagged: paragraphs are P, lists L, containers let
    their pieces tag themselves, and anything else drawn is decoration."""
    if isinstance(flowable, ReportLabParagraph):
        return Tag("P")
    if isinstance(flowable, ListFlowable):
        return Tag("L")
    zero_size = (BlockStart, BlockEnd, Spacer, ActionFlowable)
    if is_container(flowable) or isinstance(flowable, (Table, DDIndenter, *zero_size)):
        return TRANSPARENT
    return ARTIFACT


def with_logical_text(given: Tag, flowable: Flowable, language: str = "en") -> Tag:
    """A paragraph's element, with the language of its text when that is evidently not the
    booklet's (`language`); and, for Arabic or Hebrew, which is drawn shaped and in visual
    order, the text as written (ActualText), which is what a screen reader should read."""
    text = getattr(flowable, "text", None)
    if not isinstance(text, str) or (text.isascii() and "&#" not in text):
        return given  # plain Latin letters: the booklet's language, drawn as written
    written = " ".join(html.unescape(re.sub(r"<[^>]*>", "", text)).split())
    if given.lang is None and (other := other_language(written, language)):
        given = replace(given, lang=other)
    if given.actual_text or not _SHAPED.search(text):
        return given
    return replace(given, actual_text=written)


class StructureTree:
    """Builds the tree while the canvas draws, and numbers the marked content of each page."""

    def __init__(self, language: str = "en") -> None:
        self.language = language
        self.root = Element(Tag("Document"), None)
        self.stack: list[Element] = [self.root]
        self.depth = 0  # how deep in marked content (an element's or an artifact) drawing is
        self.page_marks: dict[int, list[Element]] = {}  # each page's MCIDs -> their element
        self.parent_tree: dict[int, Element | list[Element]] = {}
        self.drawn: dict[int, object] = {}  # flowables drawn once already (kept alive)

    # --- flowables ------------------------------------------------------------------------

    @contextmanager
    def flowable(self, canvas: Canvas, flowable: Flowable) -> Iterator[None]:
        if self.depth:
            yield
            return
        given = tag_of(flowable) or default_tag(flowable)
        if given is not TRANSPARENT and given.role not in GROUPING:
            if id(flowable) in self.drawn:
                given = ARTIFACT  # drawn again: a table's header row repeated on a new page
            self.drawn[id(flowable)] = flowable
        if given is TRANSPARENT:
            yield
        elif given is ARTIFACT:
            with self.artifact(canvas):
                yield
        elif given.role in GROUPING:
            self.stack.append(self.placed(given))
            try:
                yield
            finally:
                self.stack.pop()
        else:
            with self.content(canvas, with_logical_text(given, flowable, self.language)):
                yield

    @contextmanager
    def content(self, canvas: Canvas, given: Tag, into: Element | None = None) -> Iterator[None]:
        """The drawing inside is the marked content of a new element tagged `given` (or
        more content of `into`, the rest of a list item split across pages)."""
        if self.depth:
            yield
            return
        element = into or self.same_cell(given) or self.placed(given)
        page = canvas.getPageNumber()
        marks = self.page_marks.setdefault(page, [])
        element.children.append(Marked(page, len(marks)))
        canvas.addLiteral(f"/{given.role} <</MCID {len(marks)}>> BDC")
        marks.append(element)
        self.depth += 1
        self.stack.append(element)
        try:
            yield
        finally:
            self.stack.pop()
            self.depth -= 1
            canvas.addLiteral("EMC")

    @contextmanager
    def artifact(self, canvas: Canvas, kind: str | None = None) -> Iterator[None]:
        if self.depth:
            yield
            return
        if kind:
            canvas.addLiteral(f"/Artifact <</Type /Pagination /Subtype /{kind}>> BDC")
        else:
            canvas.addLiteral("/Artifact BMC")
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1
            canvas.addLiteral("EMC")

    @contextmanager
    def aside(self, canvas: Canvas) -> Iterator[None]:
        """Decoration drawn in the middle of an element's content (a contents entry's leader
        dots): the element's marked content stops, the decoration is an artifact, and the
        element's content goes on under a new MCID."""
        element = self.stack[-1] if self.depth == 1 else None
        if element is None or not any(isinstance(c, Marked) for c in element.children):
            yield
            return
        canvas.addLiteral("EMC /Artifact BMC")
        try:
            yield
        finally:
            page = canvas.getPageNumber()
            marks = self.page_marks.setdefault(page, [])
            element.children.append(Marked(page, len(marks)))
            canvas.addLiteral(f"EMC /{element.role} <</MCID {len(marks)}>> BDC")
            marks.append(element)

    @contextmanager
    def quiet(self) -> Iterator[None]:
        """Drawing into a form XObject: its use on the page is marked, not its inside."""
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def decoration(self, canvas: Canvas) -> Any:
        """A table's backgrounds and lines."""
        return self.artifact(canvas)

    def open_group(self, given: Tag) -> None:
        self.stack.append(self.placed(given))

    def close_group(self) -> None:
        if len(self.stack) > 1:
            self.stack.pop()

    # --- lists drawn by ReportLab's ListFlowable ------------------------------------------

    @contextmanager
    def list_item(self, canvas: Canvas, indenter: Any) -> Iterator[None]:
        if self.depth:
            yield
            return
        top = self.stack[-1]
        given = tag_of(indenter)  # the list an item handed on by itself belongs to
        if top.role != "L" and given is not None and given.role == "L":
            top = self.placed(given)
        elif top.role != "L":
            last = top.last_element()
            top = last if last is not None and last.role == "L" else top.add(Element(Tag("L"), top))
        last_item = top.last_element()
        continued = not starts_list_item(indenter) and last_item is not None
        item = last_item if continued and last_item else top.add(Element(Tag("LI"), top))
        self.stack.append(item)
        try:
            yield
        finally:
            self.stack.pop()

    def list_label(self, canvas: Canvas, numbered: bool) -> Any:
        """A step's number is its label; a bullet is decoration (the item says enough)."""
        return self.content(canvas, Tag("Lbl")) if numbered else self.artifact(canvas)

    @contextmanager
    def list_body(self, canvas: Canvas, inner: Any) -> Iterator[None]:
        """The item's body: a plain paragraph is the LBody's own content."""
        if self.depth:
            yield
            return
        item = self.stack[-1]
        body = next(
            (c for c in item.children if isinstance(c, Element) and c.role == "LBody"), None
        )
        if isinstance(inner, ReportLabParagraph) and tag_of(inner) is None:
            held = body if body is not None and not body.last_element() else None
            given = with_logical_text(Tag("LBody"), inner, self.language)
            with self.content(canvas, given, into=held):
                yield
            return
        self.stack.append(body or item.add(Element(Tag("LBody"), item)))
        try:
            yield
        finally:
            self.stack.pop()

    # --- placing elements -----------------------------------------------------------------

    def placed(self, given: Tag) -> Element:
        """A new element for `given`, under the open element or in its table, list or
        contents row."""
        parent = self.stack[-1] if given.place is None else self.row_parent(given, given.place)
        last = parent.last_element()
        if given.key and given.role in GROUPING and last is not None and last.key == given.key:
            return last  # the same list goes on (a card's steps set one to a row)
        rank = given.rank if given.place is None else given.place.column
        return parent.add(Element(given, parent, key=given.key, rank=rank))

    def same_cell(self, given: Tag) -> Element | None:
        """The cell element already made for `given`'s place: a second paragraph in one
        table cell joins the first."""
        place = given.place
        if place is None or place.kind != "table":
            return None
        row = self.row_parent(given, place)
        return next(
            (
                child
                for child in row.children
                if isinstance(child, Element) and child.rank == place.column
            ),
            None,
        )

    def row_parent(self, given: Tag, place: Place) -> Element:
        collection_role, row_role = COLLECTIONS[place.kind]
        top = self.stack[-1]
        collection = self.collection(top, place.key, collection_role, given.rank)
        row = next(
            (
                child
                for child in reversed(collection.children)
                if isinstance(child, Element) and child.row == place.row
            ),
            None,
        )
        if row is None:
            row = collection.add(Element(Tag(row_role, ordered=True), collection, row=place.row))
            row.rank = place.row
        if place.kind != "list" or given.role == "Lbl":
            return row
        body = next((c for c in row.children if isinstance(c, Element) and c.role == "LBody"), None)
        if body is None:
            body = row.add(Element(Tag("LBody"), row, rank=1))
        return body

    def collection(self, top: Element, key: str, role: str, rank: int) -> Element:
        """The table, list or contents keyed `key`: the open one, its parent's last child,
        or a new one (a table split across pages stays one table)."""
        if top.key == key:
            return top
        last = top.last_element()
        if last is not None and last.key == key:
            return last
        made = Element(Tag(role, ordered=True), top, key=key, rank=rank)
        return top.add(made)

    def pad_tables(self, element: Element | None = None) -> None:
        """Give every row of a table as many cells as its longest row, with empty data
        cells where nothing is printed (the pain-score row of the log)."""
        element = element or self.root
        children = [c for c in element.children if isinstance(c, Element)]
        if element.role == "Table":
            rows = [c for c in children if c.role == "TR"]
            width = max((len(r.children) for r in rows), default=0)
            for row in rows:
                for column in range(len(row.children), width):
                    row.add(Element(Tag("TD"), row, rank=10_000 + column))
        for child in children:
            self.pad_tables(child)

    # --- annotations and pages ------------------------------------------------------------

    def annotation(self, canvas: Canvas, annotation: Any, reference: Any) -> int:
        """A Link element for a link drawn in the open element; its parent-tree key."""
        key = self.take_key()
        holder = self.stack[-1]
        link = holder.add(Element(Tag("Link"), holder))
        link.children.append(Annotated(canvas.getPageNumber(), reference))
        self.parent_tree[key] = link
        if not annotation_entry(annotation, "Contents"):
            label = next((e.tag.label for e in reversed(self.stack) if e.tag.label), None)
            set_annotation_entry(annotation, "Contents", label or link_target(annotation))
        return key

    def take_key(self) -> int:
        """The next parent-tree key (pages and annotations share one numbering)."""
        return len(self.parent_tree)

    def page_entries(self, canvas: Canvas, has_annotations: bool) -> dict[str, Any]:
        page = canvas.getPageNumber()
        key = self.take_key()
        self.parent_tree[key] = self.page_marks.get(page, [])
        entries: dict[str, Any] = {"StructParents": key}
        if has_annotations:
            entries["Tabs"] = PDFName("S")
        return entries
