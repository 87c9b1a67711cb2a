"""A tagged PDF -> what a screen reader gets from it, read back with pypdf: the structure
tree walked in order, with each element's text, and the page content left untagged."""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

PAINTING = {
    b"Tj",
    b"TJ",
    b"'",
    b'"',
    b"Do",
    b"f",
    b"F",
    b"f*",
    b"S",
    b"s",
    b"B",
    b"B*",
    b"b",
    b"b*",
    b"sh",
    b"BI",
}


@dataclass
class Node:
    """One structure element: its role, attributes and kids (nodes or marked text)."""

    role: str
    attributes: dict[str, Any]
    kids: list[Node | str] = field(default_factory=list)
    annotations: int = 0

    def text(self) -> str:
        return "".join(kid if isinstance(kid, str) else kid.text() for kid in self.kids)

    def walk(self) -> list[Node]:
        found = [self]
        for kid in self.kids:
            if isinstance(kid, Node):
                found += kid.walk()
        return found


def object_text(obj: Any, text_page: Any) -> str:
    size = pdfium_c.FPDFTextObj_GetText(obj.raw, text_page.raw, None, 0)
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    pdfium_c.FPDFTextObj_GetText(obj.raw, text_page.raw, pointer, size)
    return buffer.raw.decode("utf-16-le").rstrip("\x00")


def marked_text(data: bytes) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the text drawn inside that marked-content sequence, read by
    pdfium object by object (a form's text counts for the sequence the form is used in)."""
    texts: dict[tuple[int, int], str] = {}
    document = pdfium.PdfDocument(data)
    for index in range(len(document)):
        page = document[index]
        text_page = page.get_textpage()
        enclosing: dict[int, int] = {}
        for obj in page.get_objects(max_depth=4):
            mcid = pdfium_c.FPDFPageObj_GetMarkedContentID(obj.raw)
            if mcid < 0 and obj.level:
                mcid = enclosing.get(obj.level - 1, -1)
            enclosing[obj.level] = mcid
            if mcid >= 0 and obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                key = (index, mcid)
                texts[key] = texts.get(key, "") + object_text(obj, text_page)
    return texts


def structure(data: bytes) -> Node:
    """The document's structure tree, each element with the text of its marked content."""
    reader = PdfReader(io.BytesIO(data))
    texts = marked_text(data)
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"]

    def page_of(element: DictionaryObject) -> int | None:
        pg = element.get("/Pg")
        return pages.get(pg.idnum) if isinstance(pg, IndirectObject) else None

    def node(element: DictionaryObject) -> Node:
        made = Node(
            str(element["/S"])[1:],
            {k: element[k] for k in element if k not in ("/K", "/P", "/Pg", "/S", "/Type")},
        )
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        for kid in kids:
            kid = kid.get_object() if isinstance(kid, IndirectObject) else kid
            if isinstance(kid, int):
                made.kids.append(texts.get((page_of(element), kid), ""))
            elif kid.get("/Type") == "/MCR":
                made.kids.append(texts.get((page_of(kid), int(kid["/MCID"])), ""))
            elif kid.get("/Type") == "/OBJR":
                made.annotations += 1
            else:
                made.kids.append(node(kid))
        return made

    top = root["/K"]
    top = top[0] if isinstance(top, list) else top
    return node(top.get_object())


def untagged_operators(data: bytes) -> list[tuple[int, str]]:
    """(page index, operator) for every painting operator outside marked content."""
    reader = PdfReader(io.BytesIO(data))
    found: list[tuple[int, str]] = []
    for index, page in enumerate(reader.pages):
        depth = 0
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op in (b"BDC", b"BMC"):
                depth += 1
            elif op == b"EMC":
                depth -= 1
            elif op in PAINTING and depth == 0:
                found.append((index, op.decode() + " " + repr(operands)[:60]))
    return found


TEXT_SHOWING = {b"Tj", b"TJ", b"'", b'"'}


def fonts_showing_text(data: bytes) -> dict[str, Any]:
    """Each font that shows text on a page or in a form used on it: name -> font dict."""
    reader = PdfReader(io.BytesIO(data))
    found: dict[str, Any] = {}

    def scan(stream: Any, resources: Any) -> None:
        fonts = resources.get("/Font", {}) if resources else {}
        current = None
        for operands, op in ContentStream(stream, reader).operations:
            if op == b"Tf":
                current = str(operands[0])
            elif op in TEXT_SHOWING and current is not None:
                font = fonts[current].get_object()
                found[str(font.get("/BaseFont"))] = font
        for xobject in (resources or {}).get("/XObject", {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Form":
                scan(xobject, xobject.get("/Resources"))

    for page in reader.pages:
        scan(page.get_contents(), page.get("/Resources"))
    return found
