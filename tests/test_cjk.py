"""Layout stage: Chinese, Japanese and Korean lines break by their own rules, markup
works right against ideographs, and bold prints bold in the one-weight CJK font."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle

from booklet.assets import fonts
from booklet.model import FontFamily
from booklet.pdf.line_breaks import NEVER_END, NEVER_START, line_spans
from booklet.pdf.make import render_outputs
from booklet.pdf.paragraphs import ScriptParagraph
from booklet.source.read import load
from booklet.words.markup import inline

SAMPLES = {
    "zh": "腰大肌是一块又长又厚的肌肉。它位于腹部深处，在内脏的后面（腰椎两侧）。"
    "您有 2 块腰大肌，每天拉伸 30 秒，“慢慢来”。使用 Wi-Fi 或 Bluetooth 设备时也要注意姿势。",
    "ja": "大腰筋は背骨と太ももをつなぐ長い筋肉です。「ゆっくり」伸ばしましょう。"
    "痛みがあるときは、すぐにやめてください。ストレッチは１日２回、３０秒ずつ行います。",
    "ko": "큰허리근은 척추와 넓적다리를 잇는 긴 근육입니다. 천천히 늘리세요. "
    "아프면 바로 멈추세요. 하루에 두 번, 30초씩 합니다.",
}


def laid_out(text: str, width: float, bold: bool = False) -> ScriptParagraph:
    family = fonts.register(FontFamily(builtin="Noto Sans"))
    style = ParagraphStyle("t", fontName=family.bold if bold else family.regular, fontSize=12)
    paragraph = ScriptParagraph(text, style)
    paragraph.wrap(width, 1000)
    return paragraph


def line_texts(paragraph: ScriptParagraph) -> list[str]:
    return ["".join(frag.text for frag in line.words) for line in paragraph.blPara.lines]


@pytest.mark.parametrize("language", list(SAMPLES))
@pytest.mark.parametrize("width", [90, 131, 170, 233, 300])
def test_lines_never_start_with_closing_or_end_with_opening_punctuation(language, width):
    lines = line_texts(laid_out(SAMPLES[language], width))
    assert "".join(lines).replace(" ", "") == SAMPLES[language].replace(" ", "")
    for line in lines:
        assert line[:1] not in NEVER_START, (line, lines)
        assert line[-1:] not in NEVER_END, (line, lines)
    for word in ("Wi-Fi", "Bluetooth"):
        assert language != "zh" or any(word in line for line in lines), lines


@pytest.mark.parametrize("language", list(SAMPLES))
def test_lines_are_filled(language):
    paragraph = laid_out(SAMPLES[language], 200)
    lines = paragraph.blPara.lines
    assert len(lines) > 2
    texts = line_texts(paragraph)
    for line, following in zip(lines[:-1], texts[1:], strict=True):
        if following[:1].isascii() and following[:1].isalpha():
            continue  # an English word that did not fit
        # room left for at most two ideographs (one pushed down with its punctuation)
        assert line.extraSpace < 12 * 2.5, texts


def test_line_spans_break_between_ideographs_and_at_spaces():
    chars = list("ab cd一二三。四")
    spans = line_spans(chars, [1.0] * len(chars), [5.0, 3.0])
    assert [("".join(chars[s:e])) for s, e, _ in spans] == ["ab cd", "一二", "三。四"]
    chars = list("拉伸 30 秒就好")
    spans = line_spans(chars, [1.0] * len(chars), [6.0])
    assert [("".join(chars[s:e])) for s, e, _ in spans] == ["拉伸", "30 秒就好"]


def test_markup_works_right_against_ideographs():
    assert inline("这叫作*屈髋*（弯曲）") == "这叫作<i>屈髋</i>（弯曲）"
    assert inline("合称为**髂腰肌**，是") == "合称为<b>髂腰肌</b>，是"
    assert inline("2*3*4 and a*b*c") == "2*3*4 and a*b*c"


def test_bold_and_marked_italic_print_in_the_synthetic_bold():
    paragraph = laid_out("标题 <i>屈髋</i> abc", 300, bold=True)
    faces = {frag.text.strip(): frag.fontName for frag in paragraph.frags}
    assert fonts.is_synthetic_bold(faces["标题"]) and fonts.is_synthetic_bold(faces["屈髋"])
    plain = laid_out("正文 <i>屈髋</i>", 300)
    faces = {frag.text.strip(): frag.fontName for frag in plain.frags}
    assert not fonts.is_synthetic_bold(faces["正文"]) and fonts.is_synthetic_bold(faces["屈髋"])


def test_the_chinese_sample_prints_bold_headings_and_its_text_extracts(tmp_path):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "content" / "psoas-hip-pain.zh.yaml"
    document = load(sample)
    pdf = render_outputs(document).booklet
    reader = PdfReader(io.BytesIO(pdf))
    streams = b"".join(page.get_contents().get_data() for page in reader.pages[2:4])
    assert b" 2 Tr" in streams and b" 0 Tr" in streams
    text = "".join(page.extract_text() for page in reader.pages).replace("\n", "")
    text = text.replace(" ", "")
    for section in document.booklet.sections:
        assert section.title.replace(" ", "") in text
        for stretch in section.stretches:
            for step in stretch.steps:
                assert step.replace(" ", "").replace("*", "") in text
