"""A finished StructureTree and the document's title and language -> the PDF objects of a
tagged PDF/UA-1 file: structure elements, parent tree, StructTreeRoot, MarkInfo and XMP
metadata with the PDF/UA identifier, added to the canvas's document before it is saved."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas

from booklet.pdf.compat import (
    add_object,
    named_reference,
    page_reference,
    set_catalog_entry,
    uncompressed_stream,
)
from booklet.pdf.structure_tree import Annotated, Element, Marked, StructureTree


def has_content(element: Element) -> bool:
    """True for an element with marked content or a link in it, and for any table cell."""
    if element.role in ("TD", "TH"):
        return True
    return any(
        isinstance(child, (Marked, Annotated)) or (isinstance(child, Element) and has_content(child))
        for child in element.children
    )


def write_structure(canvas: Canvas, tree: StructureTree, title: str, language: str, producer: str) -> None:
    """Add the tree and the catalogue entries a tagged PDF needs to `canvas`'s document."""
    tree.pad_tables()
    names: dict[int, str] = {}
    order: list[Element] = []

    def number(element: Element) -> None:
        names[id(element)] = f"SE{len(order)}"
        order.append(element)
        for child in element.in_reading_order():
            if isinstance(child, Element) and has_content(child):
                number(child)

    number(tree.root)
    root_ref = named_reference("StructTreeRoot")
    for element in order:
        parent = element.parent
        parent_ref = root_ref if parent is None else named_reference(names[id(parent)])
        add_object(canvas, names[id(element)], element_dictionary(element, parent_ref, names))
    nums: list[Any] = []
    for key in sorted(tree.parent_tree):
        value = tree.parent_tree[key]
        nums.append(key)
        if isinstance(value, Element):
            nums.append(named_reference(names[id(value)]))
        else:
            nums.append(PDFArray([named_reference(names[id(e)]) for e in value]))
    tree_root = PDFDictionary(
        {
            "Type": PDFName("StructTreeRoot"),
            "K": PDFArray([named_reference(names[id(tree.root)])]),
            "ParentTree": PDFDictionary({"Nums": PDFArray(nums)}),
            "ParentTreeNextKey": len(tree.parent_tree),
        }
    )
    set_catalog_entry(canvas, "StructTreeRoot", add_object(canvas, "StructTreeRoot", tree_root))
    set_catalog_entry(canvas, "MarkInfo", PDFDictionary({"Marked": "true"}))
    metadata = uncompressed_stream(
        {"Type": PDFName("Metadata"), "Subtype": PDFName("XML")},
        xmp_packet(title, language, producer).encode("utf-8"),
    )
    set_catalog_entry(canvas, "Metadata", add_object(canvas, "XMPMetadata", metadata))


def element_dictionary(element: Element, parent: Any, names: dict[int, str]) -> PDFDictionary:
    tag = element.tag
    kids: list[Any] = []
    pages = [child.page for child in element.children if isinstance(child, Marked)]
    page = pages[0] if pages else None
    for child in element.in_reading_order():
        if isinstance(child, Element):
            if has_content(child):
                kids.append(named_reference(names[id(child)]))
        elif isinstance(child, Marked):
            kids.append(child.mcid if child.page == page else marked_reference(child))
        else:
            kids.append(object_reference(child))
    entries: dict[str, Any] = {
        "Type": PDFName("StructElem"),
        "S": PDFName(tag.role),
        "P": parent,
        "K": PDFArray(kids),
    }
    if page is not None:
        entries["Pg"] = page_reference(page)
    for key, value in (("Alt", tag.alt), ("Lang", tag.lang), ("ActualText", tag.actual_text)):
        if value:
            entries[key] = PDFString(value)
    if tag.scope:
        entries["A"] = PDFDictionary({"O": PDFName("Table"), "Scope": PDFName(tag.scope)})
    return PDFDictionary(entries)


def marked_reference(marked: Marked) -> PDFDictionary:
    return PDFDictionary(
        {"Type": PDFName("MCR"), "Pg": page_reference(marked.page), "MCID": marked.mcid}
    )


def object_reference(annotated: Annotated) -> PDFDictionary:
    return PDFDictionary(
        {
            "Type": PDFName("OBJR"),
            "Obj": annotated.reference,
            "Pg": page_reference(annotated.page),
        }
    )


def xmp_packet(title: str, language: str, producer: str) -> str:
    """XMP metadata: the title (as the viewer shows it), language, producer, and the
    PDF/UA-1 identifier. No dates, so the same input gives the same bytes."""
    title, language, producer = escape(title), escape(language), escape(producer)
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
