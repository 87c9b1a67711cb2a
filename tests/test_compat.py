"""Render stage: each ReportLab internal booklet uses, behind booklet.pdf.compat, still
does what booklet needs (a ReportLab release that changes one fails here first)."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.platypus import paragraph as rl_paragraph

from booklet.assets import fonts
from booklet.model import FontFamily
from booklet.pdf import compat
from booklet.pdf.paragraphs import ScriptParagraph


def body_font() -> str:
    return fonts.register(FontFamily(builtin="Noto Sans")).regular


def test_a_narrow_no_break_space_stays_inside_the_word():
    compat.keep_narrow_no_break_spaces()
    assert rl_paragraph.split("Réponse\u202f: Vrai") == ["Réponse\u202f:", "Vrai"]
    assert rl_paragraph.split(" a b ") == ["a", "b"]
    assert rl_paragraph.split("a\xa0b c") == ["a\xa0b", "c"]


@pytest.mark.parametrize(
    "sentence", ["腰大肌是一块又长又厚的肌肉。", "ผู้ป่วยควรยืดกล้ามเนื้อสะโพก ", "Hip 髋关节 pain "]
)
def test_a_split_unspaced_paragraph_keeps_its_lines_in_each_part(sentence):
    style = ParagraphStyle("b", fontName=body_font(), fontSize=12, leading=16)
    paragraph = ScriptParagraph(sentence * 12, style)
    paragraph.wrap(100, 1000)
    first, second = paragraph.split(100, 40)
    for part in (first, second):
        part.wrap(100, 1000)
    assert compat.split_part_lines(first) is not None
    assert compat.split_part_lines(paragraph) is None
    # the part that goes on is rebuilt from the text as written: no space added at the
    # breaks between ideographs, the spaces the breaks took put back, nothing shaped
    written = " ".join((sentence * 12).split())
    rest = " ".join("".join(frag.text for frag in second.frags).split())
    assert written.endswith(rest) and len(rest) > 20
    kept = "".join(
        getattr(f, "unshaped", f.text) for line in first.blPara.lines for f in line.words
    )
    assert written.replace(" ", "").startswith(kept.replace(" ", ""))


def test_frag_lines_build_lines_where_the_breaker_says():
    style = ParagraphStyle("b", fontName=body_font(), fontSize=12)
    paragraph = rl_paragraph.Paragraph("abcdef", style)
    lines = compat.frag_lines(paragraph, [1000], lambda c, w, m, f: [(0, 2, 2), (2, 6, 6)])
    assert ["".join(f.text for f in line.words) for line in lines.lines] == ["ab", "cdef"]


def test_the_text_object_hears_every_font_change_and_writes_a_line_width():
    heard = []

    class Listening(compat.FontWatchingText):
        def font_changed(self, name: str, size: float) -> None:
            heard.append((name, size))

    text = Listening(canvas.Canvas(io.BytesIO()), 0, 0)
    text.setFont(body_font(), 12)
    text._setFont(body_font(), 9)
    compat.set_text_line_width(text, 0.5)
    assert heard == [(body_font(), 12), (body_font(), 9)]
    assert "0.500 w" in text.getCode()


def test_cluster_text_maps_glyphs_to_the_characters_they_came_from():
    assert compat.cluster_ends([0, 0, 2, 3], 5) == [2, 2, 3, 5]
    compat.keep_shaped_text_extractable()
    cmap = compat.to_unicode_cmap("F", [0x41, 0x1F600])
    assert "<00> <0041>" in cmap and "<01> <D83DDE00>" in cmap
