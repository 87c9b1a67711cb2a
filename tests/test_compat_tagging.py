"""The ReportLab internals tagging relies on (booklet.pdf.compat, its tagged-PDF section):
each still does what booklet expects of it, so a ReportLab release that changes one fails
here rather than in a clinic's booklet."""

from __future__ import annotations

import io
from contextlib import contextmanager
from typing import Any

from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfbase import pdfdoc
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Table

from booklet.pdf import compat_tagging as compat


class Recorder:
    """A tagger that notes what the hooks tell it."""

    depth = 0  # never inside marked content: every flowable is told of

    def __init__(self) -> None:
        self.seen: list[str] = []

    @contextmanager
    def note(self, what: str) -> Any:
        self.seen.append(what)
        yield

    def flowable(self, canvas: Any, flowable: Any) -> Any:
        return self.note(type(flowable).__name__)

    def list_item(self, canvas: Any, indenter: Any) -> Any:
        return self.note("item")

    def list_label(self, canvas: Any, numbered: bool) -> Any:
        return self.note(f"label numbered={numbered}")

    def list_body(self, canvas: Any, inner: Any) -> Any:
        return self.note(f"body {type(inner).__name__}")

    def decoration(self, canvas: Any) -> Any:
        return self.note("decoration")

    def annotation(self, canvas: Any, annotation: Any, reference: Any) -> int:
        self.seen.append(f"link {compat.link_target(annotation)}")
        return 7

    def page_entries(self, canvas: Any, has_annotations: bool) -> dict[str, Any]:
        return {"StructParents": 3, **({"Tabs": pdfdoc.PDFName("S")} if has_annotations else {})}


def draw_with(recorder: Recorder | None) -> bytes:
    compat.install_tagging_hooks()
    buffer = io.BytesIO()
    canvas = compat.TaggedCanvas(buffer, invariant=1)
    canvas.tagger = recorder
    style = getSampleStyleSheet()["BodyText"]
    steps = ListFlowable([ListItem(Paragraph("Kneel.", style))], bulletType="1")
    table = Table([[Paragraph('<a href="https://example.org">site</a>', style)]])
    table.setStyle([("GRID", (0, 0), (-1, -1), 1, "black")])
    for flowable, y in ((steps, 700), (table, 600)):
        flowable.wrapOn(canvas, 300, 100)
        flowable.drawOn(canvas, 72, y)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_hooks_see_lists_tables_links_and_pages() -> None:
    recorder = Recorder()
    data = draw_with(recorder)
    assert recorder.seen[:5] == [
        "ListFlowable",
        "item",
        "label numbered=True",
        "body Paragraph",
        "Paragraph",
    ]
    assert "decoration" in recorder.seen and "link https://example.org" in recorder.seen
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert page["/StructParents"] == 3 and page["/Tabs"] == "/S"
    assert page["/Annots"][0].get_object()["/StructParent"] == 7


def test_without_a_tagger_the_hooks_draw_as_reportlab_does() -> None:
    assert draw_with(None) == draw_with(None)
    assert b"BDC" not in draw_with(None)


def test_entries_reportlab_does_not_know_are_written() -> None:
    buffer = io.BytesIO()
    canvas = compat.TaggedCanvas(buffer, invariant=1)
    raw = compat.RawObject(["<</S/P/P ", compat.named_reference("Marker"), ">>"])
    compat.add_named_object(canvas, "Marker", pdfdoc.PDFDictionary({"Kind": 1}))
    compat.set_catalog_entry(canvas, "Extra", compat.add_named_object(canvas, "Raw", raw))
    compat.set_catalog_entry(
        canvas,
        "Metadata",
        compat.add_named_object(canvas, "X", compat.uncompressed_stream({}, b"<x/>")),
    )
    canvas.showPage()
    canvas.save()
    catalog = PdfReader(io.BytesIO(buffer.getvalue())).trailer["/Root"]
    assert catalog["/Extra"]["/P"]["/Kind"] == 1
    assert catalog["/Metadata"].get_object().get_data() == b"<x/>"
    link = pdfdoc.LinkAnnotation([0, 0, 1, 1], "", "dest")
    compat.set_annotation_entry(link, "Contents", "Go to page 3")
    compat.set_annotation_entry(link, "StructParent", 4)
    assert link.Contents == "Go to page 3" and link.otherkw["StructParent"] == 4
    assert compat.annotation_entry(link, "Contents") == "Go to page 3"


def test_containers_and_split_list_items_are_recognised() -> None:
    from reportlab.platypus import KeepTogether
    from reportlab.platypus.flowables import LIIndenter

    style = getSampleStyleSheet()["BodyText"]
    assert compat.is_container(KeepTogether([Paragraph("x", style)]))
    assert not compat.is_container(Paragraph("x", style))
    steps = ListFlowable([ListItem(Paragraph("Kneel. " * 80, style))], bulletType="1")
    first = steps._content[0]
    assert isinstance(first, LIIndenter) and compat.starts_list_item(first)
    first.wrap(200, 1000)
    rest = first.split(200, 60)[1]
    assert not compat.starts_list_item(rest)


def test_a_list_hands_on_its_items_and_a_split_item_keeps_its_tag() -> None:
    from reportlab.platypus.flowables import LIIndenter

    compat.install_tagging_hooks()
    style = getSampleStyleSheet()["BodyText"]
    steps = ListFlowable(
        [ListItem(Paragraph("Kneel. " * 80, style)), ListItem(Paragraph("Rest.", style))],
        bulletType="1",
    )
    pieces = compat.list_pieces(steps)
    assert [type(p) for p in pieces] == [LIIndenter, LIIndenter]
    assert steps.split(200, 60) == pieces  # what a frame or table cell draws one by one
    pieces[0].__dict__["pdf_tag"] = "steps"
    pieces[0].wrap(200, 1000)
    parts = pieces[0].split(200, 60)
    assert len(parts) == 2 and all(part.__dict__.get("pdf_tag") == "steps" for part in parts)


def test_a_split_paragraph_keeps_its_tag_on_each_part() -> None:
    from booklet.pdf.tagging import Place, Tag, tag, tag_of

    compat.install_tagging_hooks()
    style = getSampleStyleSheet()["BodyText"]
    cell = Tag("TH", place=Place("table", "chart", 1, 0), actual_text="Hold 30 seconds")
    paragraph = tag(Paragraph("Hold 30 seconds, rest a minute. " * 20, style), cell)
    paragraph.wrap(200, 1000)
    parts = paragraph.split(200, 40)
    assert len(parts) == 2
    assert all(tag_of(part) == Tag("TH", place=cell.place) for part in parts)
