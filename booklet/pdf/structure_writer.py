"""A finished StructureTree and the document's title and language -> the PDF objects of a
tagged PDF/UA-1 file: structure elements, parent tree, StructTreeRoot, MarkInfo and XMP
metadata with the PDF/UA identifier, added to the canvas's document before it is saved."""

from __future__ import annotations

from html import escape
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from booklet.pdf.compat_tagging import (
    RawObject,
    add_named_object,
    named_reference,
    next_object_number,
    page_reference,
    reference_text,
    set_catalog_entry,
    uncompressed_stream,
)
from booklet.pdf.structure_tree import Annotated, Element, Marked, StructureTree


class Written:
    """The elements to write, in reading order, each with the number its object gets:
    they are added one after another from `first`, so each element's object can name
    its parent and kids by number as it is made."""

    def __init__(self, tree: StructureTree, first: int) -> None:
        self.kept: dict[int, bool] = {}
        self.references: dict[int, str] = {}
        self.order: list[Element] = []
        self.first = first
        self.visit(tree.root)

    def keeps(self, element: Element) -> bool:
        """An element with marked content or a link in it, or a table cell (even empty)."""
        known = self.kept.get(id(element))
        if known is None:
            known = element.role in ("TD", "TH") or any(
                not isinstance(child, Element) or self.keeps(child) for child in element.children
            )
            self.kept[id(element)] = known
        return known

    def visit(self, element: Element) -> None:
        self.references[id(element)] = f"{self.first + len(self.order)} 0 R"
        self.order.append(element)
        for child in element.in_reading_order():
            if isinstance(child, Element) and self.keeps(child):
                self.visit(child)

    def reference(self, element: Element) -> str:
        return self.references[id(element)]


class Pages:
    """`12 0 R` for each page number, as the document numbered its pages."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.known: dict[int, str] = {}

    def reference(self, page: int) -> str:
        found = self.known.get(page)
        if found is None:
            found = self.known[page] = reference_text(self.canvas, page_reference(page))
        return found


def write_structure(
    canvas: Canvas, tree: StructureTree, title: str, language: str, producer: str
) -> None:
    """Add the tree and the catalogue entries a tagged PDF needs to `canvas`'s document."""
    tree.pad_tables()
    written = Written(tree, next_object_number(canvas))
    pages = Pages(canvas)
    root_ref = named_reference("StructTreeRoot")
    for index, element in enumerate(written.order):
        parent = root_ref if element.parent is None else written.reference(element.parent)
        made = element_object(element, parent, written, pages, canvas)
        number = add_named_object(canvas, f"SE{index}", made)
        if reference_text(canvas, number) != written.reference(element):
            raise AssertionError("a structure element was not numbered as foreseen")
    nums: list[Any] = ["<</Nums ["]
    for key in sorted(tree.parent_tree):
        value = tree.parent_tree[key]
        nums.append(f" {key} ")
        if isinstance(value, Element):
            nums.append(written.reference(value))
        else:
            nums += ["[", " ".join(written.reference(e) for e in value), "]"]
    nums.append("]>>")
    tree_root = RawObject(
        [
            "<</Type /StructTreeRoot /K ",
            written.reference(tree.root),
            " /ParentTree ",
            RawObject(nums),
            f" /ParentTreeNextKey {len(tree.parent_tree)}>>",
        ]
    )
    set_catalog_entry(
        canvas, "StructTreeRoot", add_named_object(canvas, "StructTreeRoot", tree_root)
    )
    set_catalog_entry(canvas, "MarkInfo", PDFDictionary({"Marked": "true"}))
    metadata = uncompressed_stream(
        {"Type": PDFName("Metadata"), "Subtype": PDFName("XML")},
        xmp_packet(title, language, producer).encode("utf-8"),
    )
    set_catalog_entry(canvas, "Metadata", add_named_object(canvas, "XMPMetadata", metadata))


def element_object(
    element: Element, parent: Any, written: Written, pages: Pages, canvas: Canvas
) -> RawObject:
    """`<</S /P /P 12 0 R /K 3 /Pg 5 0 R>>`: role, parent, kids in reading order, page."""
    tag = element.tag
    marks = [child.page for child in element.children if isinstance(child, Marked)]
    page = marks[0] if marks else None
    kids: list[str] = []
    for child in element.in_reading_order():
        if isinstance(child, Element):
            if written.keeps(child):
                kids.append(written.reference(child))
        elif isinstance(child, Marked):
            kids.append(
                str(child.mcid)
                if child.page == page
                else f"<</Type /MCR /Pg {pages.reference(child.page)} /MCID {child.mcid}>>"
            )
        else:
            kids.append(object_reference(child, pages, canvas))
    parts: list[Any] = [f"<</S/{tag.role}/P ", parent]
    if len(kids) == 1:
        parts += ["/K ", kids[0]]  # one kid: the kid alone
    elif kids:
        parts.append(f"/K[{' '.join(kids)}]")
    if page is not None:
        parts += ["/Pg ", pages.reference(page)]
    for key, value in (("Alt", tag.alt), ("Lang", tag.lang), ("ActualText", tag.actual_text)):
        if value:
            parts += [f"/{key}", PDFString(value)]
    if tag.scope:
        parts.append(f"/A<</O/Table/Scope/{tag.scope}>>")
    parts.append(">>")
    return RawObject(parts)


def object_reference(annotated: Annotated, pages: Pages, canvas: Canvas) -> str:
    link = reference_text(canvas, annotated.reference)
    return f"<</Type /OBJR /Obj {link} /Pg {pages.reference(annotated.page)}>>"


def xmp_packet(title: str, language: str, producer: str) -> str:
    """XMP metadata: the title (as the viewer shows it), language, producer, and the
    PDF/UA-1 identifier. No dates, so the same input gives the same bytes."""
    title, language, producer = (escape(text, quote=False) for text in (title, language, producer))
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <dc:format>application/pdf</dc:format>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{producer}</xmp:CreatorTool>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
