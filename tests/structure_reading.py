"""A tagged PDF -> what a screen reader gets from it, read back with pypdf: the structure
tree walked in order, with each element's text, and the page content left untagged."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

PAINTING = {b"Tj", b"TJ", b"'", b'"', b"Do", b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"sh", b"BI"}


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


def marked_text(reader: PdfReader) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the text shown inside that marked-content sequence."""
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(reader.pages):
        stack: list[int | None] = []

        def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
            if stack and stack[-1] is not None and text:
                key = (index, stack[-1])
                texts[key] = texts.get(key, "") + text

        def operator(op: bytes, args: Any, cm: Any, tm: Any) -> None:
            if op == b"BDC":
                props = args[1] if len(args) > 1 else {}
                mcid = props.get("/MCID") if isinstance(props, dict) else None
                stack.append(int(mcid) if mcid is not None else (stack[-1] if stack else None))
            elif op == b"BMC":
                stack.append(stack[-1] if stack else None)
            elif op == b"EMC" and stack:
                stack.pop()

        page.extract_text(visitor_text=visit, visitor_operand_before=operator)
    return texts


def structure(data: bytes) -> Node:
    """The document's structure tree, each element with the text of its marked content."""
    reader = PdfReader(io.BytesIO(data))
    texts = marked_text(reader)
    pages = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    root = reader.trailer["/Root"]["/StructTreeRoot"]

    def page_of(element: DictionaryObject) -> int | None:
        pg = element.get("/Pg")
        return pages.get(pg.idnum) if isinstance(pg, IndirectObject) else None

    def node(element: DictionaryObject) -> Node:
        made = Node(str(element["/S"])[1:], {k: element[k] for k in element if k not in ("/K", "/P", "/Pg", "/S", "/Type")})
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
