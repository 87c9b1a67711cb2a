"""Packing ReportLab's PDF objects into an object stream keeps every page, word and entry."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader

from booklet import build, load
from booklet.document import PrintOptions
from booklet.pdf.object_streams import pack, packed

SAMPLE = Path(__file__).resolve().parent.parent / "content" / "psoas-hip-pain.yaml"


def page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    return [document[i].get_textpage().get_text_range() for i in range(len(document))]


def test_a_packed_booklet_has_the_same_pages_words_and_catalogue() -> None:
    plain = build(load(SAMPLE), options=PrintOptions(tagged=False)).booklet
    small = pack(plain)
    assert small.startswith(b"%PDF-1.5") and len(small) < len(plain) * 0.97
    assert page_texts(small) == page_texts(plain)
    before, after = (PdfReader(io.BytesIO(d), strict=True) for d in (plain, small))
    assert sorted(after.trailer["/Root"]) == sorted(before.trailer["/Root"])
    assert after.metadata == before.metadata
    assert [p.mediabox for p in after.pages] == [p.mediabox for p in before.pages]


def test_the_tagged_booklet_costs_about_nothing_in_size() -> None:
    tagged = build(load(SAMPLE)).booklet
    untagged = build(load(SAMPLE), options=PrintOptions(tagged=False)).booklet
    assert tagged.startswith(b"%PDF-1.5") and b"/Type /ObjStm" in tagged
    assert len(tagged) < len(untagged) * 1.10


def test_a_file_laid_out_otherwise_is_left_as_it_is() -> None:
    assert packed(b"%PDF-1.4\nnot a ReportLab file\n") == b"%PDF-1.4\nnot a ReportLab file\n"
