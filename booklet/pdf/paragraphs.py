"""Paragraph markup and a style -> ReportLab paragraphs that print every script.

Characters the style's font cannot draw are set in the first fallback font that can;
Arabic and Hebrew are shaped (letters joined) by HarfBuzz, and a right-to-left
paragraph's words are laid out from the right. A character no font has prints as U+FFFD,
never as an empty box; validation warns about it beforehand.
"""

from __future__ import annotations

import copy
import functools
import html
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as ReportLabParagraph

from booklet.assets import fonts
from booklet.assets.fonts import REPLACEMENT, font_for, is_strong_ltr, is_strong_rtl
from booklet.pdf import compat
from booklet.pdf.line_breaks import line_spans

compat.keep_narrow_no_break_spaces()
compat.keep_shaped_text_extractable()

# markup tags and entities pass through untouched; everything else is one character
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|.", re.DOTALL)
_RIGHT_TO_LEFT_SHAPED = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_INDIC = re.compile(r"[\u0900-\u0dff]")  # Devanagari to Sinhala: spaced, shaped by word
# Thai, Lao, Myanmar and Khmer: shaped, and broken between words written without spaces
_UNSPACED_SHAPED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
# ... and with them, the ideographs, kana and Hangul of line_breaks.is_ideographic
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)
_SPACE = " "
NO_BREAK_SPACE = "\u00a0"
SYNTHETIC_BOLD_STROKE = 0.026  # outline width of a synthetic bold, in ems


def with_fallback(markup: str, base: str, split_words: bool = False) -> str:
    """Markup whose characters `base` cannot draw are wrapped in <font face> of a fallback.

    Spaces, digits and punctuation stay in the font of the run they sit in when that font
    has them, so a word and its brackets are shaped as one piece. A fallback run closes
    before every tag, so it never crosses the markup's own tags. With `split_words` (text
    to be shaped, where ReportLab shapes each word in one font), a word that changes font
    midway (Arabic run into Chinese) is parted there by a space, and prints as two words.
    """
    base_cover = fonts.coverage(base)
    if base_cover.issuperset(map(ord, markup)):  # every character, checked in C
        return markup
    fallback_fonts = [font_set.regular for font_set in fonts.fallbacks()]
    pieces: list[str] = []
    current = base
    last: tuple[str, str] | None = None  # the previous character and its font
    tokens = _TOKEN.findall(markup)
    chars = [token_char(token) for token in tokens]
    weight = Weight(base)
    for index, token in enumerate(tokens):
        char = chars[index]
        is_tag = char is None
        if is_tag:
            weight.follow(token)
        font = base if char is None else run_font(chars, index, current, base, fallback_fonts)
        if font is None and unicodedata.category(char or "")[:1] == "C":
            continue  # an invisible control or format character no font has
        if font is None:
            token, font = REPLACEMENT, base
        if char is not None:
            if split_words and changes_font_in_word(last, char, font):
                pieces.append(_SPACE)
            last = (char, font)
        if font != current or is_tag:
            if current != base:
                pieces.append("</font>")
            if font != base:
                pieces.append(f'<font face="{weight.face(font)}">')
            current = font
        pieces.append(token)
    if current != base:
        pieces.append("</font>")
    return "".join(pieces)


class Weight:
    """Whether the text at a point of the markup is bold and italic: a fallback run names
    its font's face of that weight, since ReportLab takes a <font face> as it is named.

    Italics marked in the text (*word*) print bold in a font without italics (Chinese,
    Japanese and Korean type, which emphasises in bold); an italic style (a caption)
    prints upright there.
    """

    def __init__(self, base: str) -> None:
        _, bold, italic = ps2tt(base)
        self.bold, self.italic, self.marked_italic = int(bold), int(italic), 0

    def follow(self, tag: str) -> None:
        name = tag.strip("</>").split()[0].lower() if tag.strip("</>") else ""
        step = -1 if tag.startswith("</") else 1
        if name in ("b", "strong"):
            self.bold += step
        elif name in ("i", "em"):
            self.italic += step
            self.marked_italic += step

    def face(self, font: str) -> str:
        bold, italic = self.bold > 0, self.italic > 0
        if self.marked_italic > 0 and tt2ps(font, 0, 1) == tt2ps(font, 0, 0):
            bold = True
        return str(tt2ps(font, int(bold), int(italic)))


def changes_font_in_word(last: tuple[str, str] | None, char: str, font: str) -> bool:
    """True when `char` continues a word (no break between) in a font other than the last."""
    if last is None or font == last[1]:
        return False
    return not (breaks_line(last[0]) or breaks_line(char))


def breaks_line(char: str) -> bool:
    """Whitespace that separates words; a no-break space joins them."""
    return char.isspace() and char != NO_BREAK_SPACE


def token_char(token: str) -> str | None:
    """The character a markup token prints: itself, an entity's character, None for a tag."""
    if len(token) == 1:
        return token
    return None if token.startswith("<") else html.unescape(token)[:1]


def is_neutral(char: str) -> bool:
    """Spaces, digits and punctuation: they take the font of the letters around them."""
    return not char.isalpha() and unicodedata.category(char)[0] != "M"


def run_font(
    chars: list[str | None], index: int, current: str, base: str, fallback_fonts: list[str]
) -> str | None:
    """The font for the character at `index`. A neutral one joins the letters after it in
    the same word (an opening bracket), else the run it follows, when that font has it."""
    char = chars[index]
    assert char is not None
    if not is_neutral(char):
        return font_for(char, base, fallback_fonts)
    code = ord(char)
    if not char.isspace():
        for after in chars[index + 1 :]:
            if after is None or is_neutral(after):
                if after is not None and after.isspace() and after != NO_BREAK_SPACE:
                    break
                continue
            following = font_for(after, base, fallback_fonts)
            if following is not None and code in fonts.coverage(following):
                return following
            break
    if code in fonts.coverage(current):
        return current
    return font_for(char, base, fallback_fonts)


@functools.lru_cache(maxsize=4096)
def with_fallback_once(markup: str, base: str, split_words: bool = False) -> str:
    """`with_fallback`, once per process for each text and font (a booklet repeats its
    labels, dosage words and steps hundreds of times)."""
    return with_fallback(markup, base, split_words)


def needs_unspaced_breaking(markup: str) -> bool:
    """True when the text holds ideographs, kana, or Thai, Lao, Khmer or Myanmar letters,
    which break lines between words written without spaces."""
    return bool(_UNSPACED.search(markup))


def needs_shaping(markup: str) -> bool:
    """True when the text holds a script whose letters change shape or join: Arabic,
    Hebrew marks, and the Indic scripts (conjuncts, vowel signs written before)."""
    return bool(_RIGHT_TO_LEFT_SHAPED.search(markup) or _INDIC.search(markup))


def shaping_style(style: ParagraphStyle, text: str) -> ParagraphStyle:
    """The style with HarfBuzz shaping on. A right-to-left text whose letters its own font
    lacks is set in the first fallback that has them all (same weight and slant):
    ReportLab shapes each word with the font of its first letter, so a word must never mix
    fonts, and its punctuation joins it."""
    font = style.fontName
    letters = _RIGHT_TO_LEFT_SHAPED.findall(text)
    if not all(ord(c) in fonts.coverage(font) for c in letters):
        _, bold, italic = ps2tt(font)
        for fallback in fonts.fallbacks():
            if all(ord(c) in fonts.coverage(fallback.regular) for c in letters):
                font = tt2ps(fallback.regular, bold, italic)
                break
        else:
            font = tt2ps(fonts.fallbacks()[0].regular, bold, italic)
    return ParagraphStyle(style.name, parent=style, fontName=font, shaping=1)


class ScriptParagraph(compat.UnspacedSplitting, ReportLabParagraph):
    """A ReportLab paragraph with fallback fonts, shaping and right-to-left lines."""

    def __init__(self, text: str, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        if text is None:
            super().__init__(text, style, *args, **kwargs)
            return
        shaped = needs_shaping(text)
        if shaped:
            style = shaping_style(style, text)
        elif needs_unspaced_breaking(text) and style.wordWrap in (None, "LTR"):
            style = ParagraphStyle(style.name, parent=style, wordWrap="CJK")
        text = with_fallback_once(text, style.fontName, shaped)
        if args or kwargs:
            super().__init__(text, style, *args, **kwargs)
            return
        cleaned, style, frags, bullet = compat.parsed_markup(text, style)
        super().__init__(cleaned, style, bullet, frags=frags)

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        """Lines broken by the rules of Chinese, Japanese and Korean (line_breaks), in
        place of ReportLab's, which lets a full stop or a comma start a line."""
        widths = list(maxWidths) if isinstance(maxWidths, list | tuple) else [maxWidths]
        self.height = 0
        kept = compat.split_part_lines(self)
        if kept is not None:
            return kept
        # a part of a paragraph split over two pages has no text, only its fragments
        text = "".join(getattr(frag, "text", "") or "" for frag in self.frags)
        shaped = bool(_UNSPACED_SHAPED.search(text))
        return compat.frag_lines(self, widths, line_spans, shaped)

    def beginText(self, x: float, y: float) -> Any:
        return MarkSafeText(self.canv, x, y)

    def drawPara(self, debug: int = 0) -> None:
        right_to_left = getattr(self.style, "direction", "ltr") == "rtl"
        if not (right_to_left or self.style.shaping):
            super().drawPara(debug)
            return
        logical = compat.broken_lines(self)
        compat.set_broken_lines(self, visual_lines(logical, right_to_left))
        try:
            super().drawPara(debug)
        finally:
            compat.set_broken_lines(self, logical)


class MarkSafeText(compat.FontWatchingText):
    """A text object that can start a run of shaped text with a raised glyph, and that
    draws a synthetic bold font outlined as well as filled.

    A mark above a letter (Arabic harakat) can be the first glyph of a run; ReportLab's
    rise setting reads the operator written before it, and there is none yet.
    """

    emboldened = False

    def setRise(self, rise: float) -> None:
        compat.ensure_operator_before_rise(self)
        super().setRise(rise)

    def font_changed(self, name: str, size: float) -> None:
        bold = fonts.is_synthetic_bold(name)
        if bold:
            compat.set_text_line_width(self, size * SYNTHETIC_BOLD_STROKE)
        if bold != self.emboldened:
            self.setTextRenderMode(2 if bold else 0)
            self.emboldened = bold

    def setFillColor(self, aColor: Any, alpha: Any = None) -> None:
        super().setFillColor(aColor, alpha)
        self.setStrokeColor(aColor, alpha)  # a synthetic bold's outline has the text's colour


def visual_lines(para: Any, right_to_left: bool) -> Any:
    """A broken paragraph with each line's words in the order they are seen."""
    shown = copy.copy(para)
    if para.kind == 0:
        shown.lines = [
            (space, visual_order(words, right_to_left=right_to_left)) for space, words in para.lines
        ]
    else:
        shown.lines = [visual_frag_line(line, right_to_left) for line in para.lines]
    return shown


def visual_frag_line(line: Any, right_to_left: bool) -> Any:
    """One line of styled fragments, its words reordered; each word keeps its own fragments."""
    words: list[list[Any]] = [[]]
    for frag in line.words:
        text = getattr(frag, "text", "")
        if not text or hasattr(frag, "cbDefn"):
            words[-1].append(frag)
            continue
        for i, piece in enumerate(split_keep(text)):
            if i:
                words.append([])
            if piece:
                words[-1].append(frag.clone(text=piece))
    ordered = visual_order(
        words, lambda w: "".join(getattr(f, "text", "") for f in w), right_to_left
    )
    frags: list[Any] = []
    for i, word in enumerate(ordered):
        if i and word and frags:
            space = copy.copy(word[0]).clone(text=_SPACE)
            frags.append(space)
        frags += word
    shown = copy.copy(line)
    shown.words = frags
    return shown


def split_keep(text: str) -> Iterator[str]:
    """`text` split at spaces, slicing (so shaped text keeps its glyph data)."""
    start = 0
    for i, char in enumerate(text):
        if char == _SPACE:
            yield text[start:i]
            start = i + 1
    yield text[start:]


def visual_order(words: list[Any], text_of: Any = str, right_to_left: bool = True) -> list[Any]:
    """Words of one line in display order, left to right.

    A word-level form of the Unicode bidirectional algorithm. On a right-to-left line, runs
    of left-to-right words (Latin words, numbers, and neutral words between them) keep
    their order and the runs are laid out from the right. On a left-to-right line, runs of
    right-to-left words (with the numbers and neutral words between them) are reversed in
    place.
    """
    kinds = [word_kind(text_of(word)) for word in words]
    embedded = "L" if right_to_left else "R"
    runs: list[tuple[bool, list[Any]]] = []  # (embedded, its words in reading order)
    for i, word in enumerate(words):
        inside = joins_run(kinds, i, embedded)
        # a right-to-left line reverses its own words one by one, so they never group
        if runs and runs[-1][0] == inside and (inside or not right_to_left):
            runs[-1][1].append(word)
        else:
            runs.append((inside, [word]))
    if right_to_left:
        return [word for _, run in reversed(runs) for word in run]
    return [word for inside, run in runs for word in (reversed(run) if inside else run)]


def word_kind(text: str) -> str:
    """'R' for a word with right-to-left letters, 'L' for one with other letters, 'D' for
    a number, 'N' for punctuation alone."""
    if any(is_strong_rtl(c) for c in text):
        return "R"
    if any(is_strong_ltr(c) for c in text):
        return "L"
    if any(c.isdigit() for c in text):
        return "D"
    return "N"


def joins_run(kinds: list[str], index: int, embedded: str) -> bool:
    """True when the word at `index` belongs to a run of the embedded direction: a word of
    that direction, or a number or punctuation with that direction on both sides (a number
    on a right-to-left line is always read left to right)."""
    kind = kinds[index]
    if kind == embedded or (kind == "D" and embedded == "L"):
        return True
    if kind not in ("N", "D"):
        return False
    strong = ("L", "R")
    before = next((k for k in reversed(kinds[:index]) if k in strong), None)
    after = next((k for k in kinds[index + 1 :] if k in strong), None)
    return before == embedded and after == embedded
