"""Render stage: the Indic and Southeast Asian scripts, the Urdu letters and emoji print
shaped from the bundled fonts, Thai breaks between words, and the text a reader copies
out of the PDF (pypdf, PDFium) is the text that was written."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pypdfium2
import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from booklet.assets import fonts
from booklet.model import FontFamily
from booklet.pdf.compat import AFTER_CLUSTER
from booklet.pdf.make import render_outputs
from booklet.pdf.paragraphs import ScriptParagraph
from booklet.source.read import load
from booklet.words.segmentation import word_starts

SAMPLES = {
    "hi": "कूल्हे का दर्द और सोआस मांसपेशी। किसी क्षेत्र में स्थिति",
    "mr": "मांडीचे स्नायू ताणा आणि श्वास घ्या",
    "bn": "বাংলা লেখা ক্ষমা করবেন, প্রতিদিন দুবার",
    "pa": "ਪੰਜਾਬੀ ਭਾਸ਼ਾ ਵਿੱਚ ਕਸਰਤ",
    "gu": "ગુજરાતી ભાષા અને કસરત",
    "ta": "தமிழ் மொழி ஸ்ரீ இடுப்பு வலி",
    "te": "తెలుగు భాష తుంటి నొప్పి",
    "th": "ผู้ป่วยควรยืดกล้ามเนื้อสะโพกวันละสองครั้ง",
    "km": "ភាសាខ្មែរ ឈឺត្រគាក",
    "my": "မြန်မာဘာသာ တင်ပါးဆုံရိုး",
    "ur": "اردو میں ٹانگ اور ڈاکٹر ہے",
    "emoji": "Stretch 😀 ❤️ 👍 ✅ daily",
}


def squeezed(text: str) -> str:
    """Text as compared: compatibility forms folded (Arabic presentation forms), without
    spaces (extractors guess them from glyph positions) or the mark after a cluster."""
    folded = unicodedata.normalize("NFKC", text).replace(AFTER_CLUSTER, "")
    return "".join(folded.split()).replace("\ufe0f", "")


def pdf_of(texts: list[str]) -> bytes:
    from reportlab.platypus import SimpleDocTemplate

    body = fonts.register(FontFamily(builtin="Noto Sans"))
    style = ParagraphStyle("b", fontName=body.regular, fontSize=12, leading=18)
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build([ScriptParagraph(t, style) for t in texts])
    return out.getvalue()


@pytest.mark.parametrize("script", list(SAMPLES))
def test_every_script_has_a_font(script):
    body = fonts.register(FontFamily(builtin="Noto Sans"))
    assert fonts.undrawable(SAMPLES[script], body.regular) == []


@pytest.mark.parametrize("script", list(SAMPLES))
def test_the_text_extracts_as_written(script):
    pdf = pdf_of([SAMPLES[script], f"<b>{SAMPLES[script]}</b>"])
    extracted = squeezed(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert extracted == squeezed(SAMPLES[script]) * 2
    page = pypdfium2.PdfDocument(pdf)[0]
    from_pdfium = squeezed(page.get_textpage().get_text_range())
    if script == "th":
        # PDFium sorts a Thai tone mark that ends a line after the letter that follows it
        assert sorted(from_pdfium) == sorted(squeezed(SAMPLES[script]) * 2)
    else:
        assert from_pdfium == squeezed(SAMPLES[script]) * 2


def test_conjuncts_are_shaped_into_their_own_glyphs():
    pdf = pdf_of(["क्ष"])
    streams = PdfReader(io.BytesIO(pdf)).pages[0].get_contents().get_data()
    # one glyph for the conjunct, not three side by side
    assert b"(\\001)" in streams and b"\\003" not in streams


def test_thai_lines_break_between_words():
    text = SAMPLES["th"] * 3
    body = fonts.register(FontFamily(builtin="Noto Sans"))
    paragraph = ScriptParagraph(text, ParagraphStyle("b", fontName=body.regular, fontSize=12))
    paragraph.wrap(120, 1000)
    starts = word_starts(list(text)) | {0}
    offset = 0
    for line in paragraph.blPara.lines[:-1]:
        offset += sum(len(frag.text) for frag in line.words)
        assert offset in starts
    assert len(paragraph.blPara.lines) > 3


@pytest.mark.parametrize("language", ["hi", "vi", "zh", "es"])
def test_each_sample_prints_every_text_extractably(language):
    sample = Path(__file__).resolve().parents[1] / "content" / f"psoas-hip-pain.{language}.yaml"
    document = load(sample)
    assert document.warnings == ()
    pdf = render_outputs(document).booklet
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    extracted = squeezed("".join(pages))
    booklet = document.booklet
    texts = [booklet.title, booklet.subtitle or "", document.brand.disclaimer or ""]
    for section in booklet.sections:
        texts += [section.title, *plain_lines(section.body or "")]
        texts += [line for callout in section.callouts for line in plain_lines(callout.text)]
        for stretch in section.stretches:
            texts += [stretch.name, *stretch.steps, stretch.purpose or "", stretch.caution or ""]
    if booklet.quiz:
        for question in booklet.quiz.questions:
            texts += [question.text, *question.choices]
        if section.picture or section.figure:
            texts.append((section.picture or section.figure).caption or "")  # type: ignore[union-attr]
    for text in texts:
        assert squeezed(text) in extracted, text
    # the back page says nothing in English: the disclaimer is the booklet's language's
    assert "education" not in pages[-1]


def plain_lines(markup: str) -> list[str]:
    """The lines of light-markup text as printed: no list marks, no asterisks."""
    lines = [line.strip().removeprefix("- ").replace("*", "") for line in markup.splitlines()]
    return [line for line in lines if line]


def test_a_build_gives_the_same_bytes_after_other_scripts_were_shaped():
    sample = Path(__file__).resolve().parents[1] / "content" / "psoas-hip-pain.hi.yaml"
    document = load(sample)
    first = render_outputs(document).booklet
    pdf_of(list(SAMPLES.values()))
    assert render_outputs(document).booklet == first
