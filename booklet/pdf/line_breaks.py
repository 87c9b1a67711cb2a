"""The characters of a paragraph and their widths -> where its lines break, for text
written without spaces between words (Chinese, Japanese, Korean, Thai).

A line may break at a space, after a zero-width space, between Thai words, and next to any
ideograph or kana (never before a combining mark),
except before closing punctuation (。，、）」 and the like never start a line) and after
opening punctuation (（「 never end one). A word in a spaced script (an English name, a
number with its unit) is never broken unless it is wider than the line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from booklet.words.segmentation import word_starts

ZERO_WIDTH_SPACE = "\u200b"
# characters that never start a line: closing brackets and quotes, stops and commas,
# iteration marks, small kana, the prolonged sound mark, and units that follow a number
NEVER_START = frozenset(
    "!),.:;?]}\u00b0\u2019\u201d\u2026\u2025\u2030\u2032\u2033\u2103"
    "\u3001\u3002\u3003\u3005\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e"
    "\u303b\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3095\u3096"
    "\u309b\u309c\u309d\u309e\u30a0\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7"
    "\u30ee\u30f5\u30f6\u30fb\u30fc\u30fd\u30fe"
    "\uff01\uff05\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff3d\uff5d\uff60\uff61\uff63\uff64"
)
# characters that never end a line: opening brackets and quotes, and signs that lead a
# number
NEVER_END = frozenset(
    "([{\u2018\u201c$\u00a3\u00a5\u20ac#"
    "\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d"
    "\uff04\uff08\uff3b\uff5b\uff5f\uff62\uffe1\uffe5"
)


def is_ideographic(char: str) -> bool:
    """CJK ideographs, kana, Hangul, CJK punctuation and full-width forms: a line may
    break on either side of one."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
        or 0xFE30 <= code <= 0xFE4F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x3FFFF
    )


def is_space(char: str) -> bool:
    return char == ZERO_WIDTH_SPACE or (char.isspace() and char not in "\u00a0\u202f")


def may_break_before(chars: Sequence[str], index: int, words: frozenset[int] = frozenset()) -> bool:
    """True when a line may end just before `chars[index]`; `words` are where words of an
    unspaced script (Thai) start."""
    before, char = chars[index - 1], chars[index]
    if is_space(char) or char in NEVER_START or before in NEVER_END or is_mark(char):
        return False
    if index in words:
        return True
    if is_space(before):
        return not follows_number(chars, index)
    return is_ideographic(before) or is_ideographic(char)


def is_mark(char: str) -> bool:
    """A vowel sign, tone mark or other combining mark: it belongs to the letter before."""
    return unicodedata.category(char)[:1] == "M"


def follows_number(chars: Sequence[str], index: int) -> bool:
    """True for a unit after a number and a space ("30 秒"): they stay on one line."""
    return index >= 2 and chars[index - 2].isdigit() and is_ideographic(chars[index])


def line_spans(
    chars: Sequence[str],
    widths: Sequence[float],
    max_widths: Sequence[float],
    forced: frozenset[int] = frozenset(),
) -> list[tuple[int, int, int]]:
    """The lines as (start, end, next start): characters start..end are printed (spaces at
    the end left out), and the next line starts at `next start`. A line ends after each
    index in `forced` (a <br/>)."""
    spans: list[tuple[int, int, int]] = []
    start, count = 0, len(chars)
    words = word_starts(chars)
    while start < count:
        limit = max_widths[min(len(spans), len(max_widths) - 1)]
        end = line_end(chars, widths, start, limit, forced, words)
        printed = end
        while printed > start and is_space(chars[printed - 1]):
            printed -= 1
        after = end
        while after < count and is_space(chars[after]) and after - 1 not in forced:
            after += 1
        spans.append((start, printed, after))
        start = after
    return spans


def line_end(
    chars: Sequence[str],
    widths: Sequence[float],
    start: int,
    limit: float,
    forced: frozenset[int],
    words: frozenset[int],
) -> int:
    """Where the line starting at `start` ends (exclusive): at the last break that fits."""
    used = 0.0
    last_break = None
    for index in range(start, len(chars)):
        if index > start and may_break_before(chars, index, words):
            last_break = index
        used += widths[index]
        if index in forced:
            return index + 1
        if used > limit + 1e-6 and not is_space(chars[index]) and index > start:
            if last_break is not None:
                return last_break
            # a word wider than the line: break it where it overflows, between letters
            while index > start + 1 and is_mark(chars[index]):
                index -= 1
            return index
    return len(chars)
