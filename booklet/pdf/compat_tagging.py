"""The ReportLab internals a tagged PDF relies on, each behind a named function: the tagged
half of `booklet.pdf.compat`, tested in tests/test_compat_tagging.py."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any, Protocol

from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table
from reportlab.platypus import Paragraph as ReportLabParagraph
from reportlab.platypus.flowables import BulletDrawer, LIIndenter, _Container, _ContainerSpace

# --- tagged PDF ---------------------------------------------------------------------------
#
# ReportLab writes no structure: these hooks let a tagger (booklet.pdf.structure_tree) see
# every flowable as it is drawn, the decoration a table draws around its cells, the
# bullets of a list, every link annotation and every finished page.


class DrawingTagger(Protocol):
    """What the hooks ask of the tagger a TaggedCanvas carries."""

    depth: int  # above 0 inside marked content, where a flowable draws with no tag of its own

    def flowable(self, canvas: Canvas, flowable: Any) -> AbstractContextManager[None]: ...

    def list_item(self, canvas: Canvas, indenter: Any) -> AbstractContextManager[None]: ...

    def list_label(self, canvas: Canvas, numbered: bool) -> AbstractContextManager[None]: ...

    def list_body(self, canvas: Canvas, inner: Any) -> AbstractContextManager[None]: ...

    def decoration(self, canvas: Canvas) -> AbstractContextManager[None]: ...

    def annotation(self, canvas: Canvas, annotation: Any, reference: Any) -> int: ...

    def page_entries(self, canvas: Canvas, has_annotations: bool) -> dict[str, Any]: ...

    def content(self, canvas: Canvas, given: Any) -> AbstractContextManager[None]: ...

    def artifact(self, canvas: Canvas, kind: str | None = None) -> AbstractContextManager[None]: ...

    def quiet(self) -> AbstractContextManager[None]: ...

    def aside(self, canvas: Canvas) -> AbstractContextManager[None]: ...

    def open_group(self, given: Any) -> None: ...

    def close_group(self) -> None: ...


def tagger_of(canvas: Any) -> DrawingTagger | None:
    return getattr(canvas, "tagger", None)


class TaggedCanvas(Canvas):
    """A canvas that tells its tagger of every annotation and gives every page the entries
    the tagger asks for (StructParents, Tabs)."""

    tagger: DrawingTagger | None = None

    def _addAnnotation(self, annotation: Any, name: Any = None, addtopage: int = 1) -> Any:
        added = super()._addAnnotation(annotation, name, addtopage)
        if self.tagger is not None and addtopage:
            key = self.tagger.annotation(self, annotation, self._annotationrefs[-1])
            set_annotation_entry(annotation, "StructParent", key)
        return added

    def _setAnnotations(self, page: Any) -> None:
        super()._setAnnotations(page)
        if self.tagger is not None and isinstance(page, pdfdoc.PDFPage):
            entries = self.tagger.page_entries(self, bool(self._annotationrefs))
            set_page_entries(page, entries)


def set_annotation_entry(annotation: Any, key: str, value: Any) -> None:
    """An entry in a link annotation, whether ReportLab made it as a dictionary (links to
    addresses) or as a LinkAnnotation (links inside the document)."""
    if isinstance(annotation, pdfdoc.PDFDictionary):
        annotation[key] = pdfdoc.PDFString(value) if isinstance(value, str) else value
        return
    if key in vars(annotation):  # Contents, Rect: fields of its own
        setattr(annotation, key, value)
        return
    annotation.permitted = (*annotation.permitted, key)
    annotation.otherkw[key] = value


def annotation_entry(annotation: Any, key: str) -> Any:
    if isinstance(annotation, pdfdoc.PDFDictionary):
        return annotation.dict.get(key)
    return getattr(annotation, key, None) or annotation.otherkw.get(key)


def is_container(flowable: Any) -> bool:
    """True for ReportLab's containers (KeepTogether, ListFlowable), which draw only what
    they hold."""
    return isinstance(flowable, _ContainerSpace)


def starts_list_item(indenter: Any) -> bool:
    """True for a list item's first part, which draws its bullet or number; False for the
    rest of an item split across pages."""
    return bool(indenter.__dict__.get("_bullet"))


def list_pieces(flowable: Any) -> list[Any]:
    """A ListFlowable's items as ReportLab draws them, or hands them on when the list is
    split across pages or table rows: one indenter per item (its `_content`)."""
    return list(flowable._content)


def link_target(annotation: Any) -> str:
    """The address a link annotation to an address goes to ('' for a link in the document)."""
    if not isinstance(annotation, pdfdoc.PDFDictionary):
        return ""
    action = annotation.dict.get("A")
    uri = action.dict.get("URI") if isinstance(action, pdfdoc.PDFDictionary) else None
    return str(getattr(uri, "s", "") or "")


def set_page_entries(page: Any, entries: dict[str, Any]) -> None:
    """Entries ReportLab's page object does not know (StructParents, Tabs)."""
    page.__NoDefault__ = [*type(page).__NoDefault__, *entries]
    for key, value in entries.items():
        setattr(page, key, value)


def page_reference(page_number: int) -> Any:
    """A reference to page `page_number` (from 1), by the name ReportLab gives its pages."""
    return pdfdoc.PDFObjectReference(f"Page{page_number}")


def named_reference(name: str) -> Any:
    return pdfdoc.PDFObjectReference(name)


def next_object_number(canvas: Canvas) -> int:
    """The number the next object added to `canvas`'s document gets (ReportLab numbers
    objects one after another as they are added)."""
    return int(canvas._doc.objectcounter) + 1


def reference_text(canvas: Canvas, reference: Any) -> str:
    """`12 0 R` for an object `canvas`'s document already holds (a page, an annotation)."""
    number, version = canvas._doc.idToObjectNumberAndVersion[reference.name]
    return f"{number} {version} R"


def add_named_object(canvas: Canvas, name: str, value: Any) -> Any:
    """`value` written as an indirect object called `name`; its reference."""
    return canvas._doc.Reference(value, name)


def set_catalog_entry(canvas: Canvas, key: str, value: Any) -> None:
    catalog = canvas._doc.Catalog
    if key not in type(catalog).__NoDefault__:
        catalog.__NoDefault__ = [*type(catalog).__NoDefault__, key]
    setattr(catalog, key, value)


class RawObject(pdfdoc.PDFObject):
    """A PDF object written as its parts say: text as it is, references by the name of
    the object they point to, and other objects (strings) formatted as ReportLab does.
    Thousands of small structure elements are written this way in a fraction of the time
    ReportLab's dictionaries take."""

    def __init__(self, parts: list[Any]) -> None:
        self.parts = parts

    def format(self, document: Any) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        out: list[str] = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, pdfdoc.PDFObjectReference):
                number, version = numbers[part.name]
                out.append(f"{number} {version} R")
            else:
                out.append(pdfdoc.format(part, document).decode("latin-1"))
        return "".join(out).encode("latin-1")


def uncompressed_stream(dictionary: dict[str, Any], content: bytes) -> Any:
    """A stream object written as it is (XMP metadata must stay readable)."""
    return pdfdoc.PDFStream(pdfdoc.PDFDictionary(dictionary), content, filters=[])


_installed: list[bool] = []


def install_tagging_hooks() -> None:
    """Route the drawing of flowables, table decoration and list bullets through the tagger
    of the canvas they are drawn on; with no tagger they draw exactly as before."""
    if _installed:
        return
    _installed.append(True)
    _wrap_draw_on(Flowable)
    _wrap_draw_on(_Container)
    _wrap_list_item(LIIndenter)
    _wrap_split_keeping_tag(LIIndenter)
    _wrap_split_keeping_tag(ReportLabParagraph)
    _wrap_bullet(BulletDrawer)
    for name in ("_drawBkgrnd", "_drawLines"):
        _wrap_table_decoration(Table, name)


def _wrap_draw_on(cls: type) -> None:
    original: Callable[..., None] = cls.drawOn  # type: ignore[attr-defined]

    def drawOn(self: Any, canvas: Canvas, x: float, y: float, *args: Any, **kw: Any) -> None:
        tagger = tagger_of(canvas)
        if tagger is None or tagger.depth:  # the common case, kept free of a context manager
            return original(self, canvas, x, y, *args, **kw)
        with tagger.flowable(canvas, self):
            original(self, canvas, x, y, *args, **kw)

    cls.drawOn = drawOn  # type: ignore[attr-defined]


def _wrap_list_item(cls: type) -> None:
    def drawOn(self: Any, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        tagger = tagger_of(canvas)
        inner = self._flowable
        indent = self._leftIndent
        width = max(0, _sW - self._leftIndent - self._rightIndent)
        if tagger is None:
            if self._bullet:
                self._bullet.drawOn(self, canvas, x, y, 0)
            inner.drawOn(canvas, x + indent, y, width)
            return
        with tagger.list_item(canvas, self):
            if self._bullet:
                self._bullet.drawOn(self, canvas, x, y, 0)
            with tagger.list_body(canvas, inner):
                inner.drawOn(canvas, x + indent, y, width)

    cls.drawOn = drawOn  # type: ignore[attr-defined]


def _wrap_split_keeping_tag(cls: type) -> None:
    """A list item or paragraph split across pages or table rows gives the tag it was
    given to each of its parts (as the tag says a part's should be: see `Tag.of_part`)."""
    original: Callable[..., list[Any]] = cls.split  # type: ignore[attr-defined]

    def split(self: Any, *args: Any, **kw: Any) -> list[Any]:
        parts = original(self, *args, **kw)
        given = self.__dict__.get("pdf_tag")
        if given is not None:
            of_part = given.of_part() if hasattr(given, "of_part") else given
            for part in parts:
                part.__dict__["pdf_tag"] = of_part
        return parts

    cls.split = split  # type: ignore[attr-defined]


def _wrap_bullet(cls: type) -> None:
    original: Callable[..., None] = cls.drawOn  # type: ignore[attr-defined]

    def drawOn(self: Any, indenter: Any, canvas: Canvas, *args: Any, **kw: Any) -> None:
        tagger = tagger_of(canvas)
        if tagger is None:
            return original(self, indenter, canvas, *args, **kw)
        with tagger.list_label(canvas, self._bulletType != "bullet"):
            original(self, indenter, canvas, *args, **kw)

    cls.drawOn = drawOn  # type: ignore[attr-defined]


def _wrap_table_decoration(cls: type, name: str) -> None:
    original: Callable[..., None] = getattr(cls, name)

    def draw(self: Any, *args: Any, **kw: Any) -> None:
        tagger = tagger_of(self.canv)
        if tagger is None:
            return original(self, *args, **kw)
        with tagger.decoration(self.canv):
            original(self, *args, **kw)

    setattr(cls, name, draw)
