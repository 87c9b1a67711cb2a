"""Text in one language -> the same text with that language's spacing: French spaces
before `: ; ? !` and inside « », and a number kept on one line with its unit."""

from __future__ import annotations

import re

from booklet.words import languages

NARROW_NO_BREAK_SPACE = "\u202f"
NO_BREAK_SPACE = "\u00a0"
_BEFORE_FRENCH_MARK = re.compile(r"(?<=\S)[ \u00a0\u202f]*([;:?!»])(?=\s|$|[»)])")
_AFTER_GUILLEMET = re.compile(r"«[ \u00a0\u202f]*")
_NUMBER_THEN_WORD = re.compile(r"(\d)[ \u00a0]+(?=[^\W\d_])")


def spaced(text: str, language: str) -> str:
    """`text` with the spacing of `language` around punctuation (French only, so far)."""
    if languages.primary(language) == "fr":
        return french_spacing(text)
    return text


def french_spacing(text: str) -> str:
    """A narrow no-break space before ; : ? ! and » and after «, never a line break there.

    A colon inside a word or number (https://, 10:30) is left as it is."""
    text = _BEFORE_FRENCH_MARK.sub(NARROW_NO_BREAK_SPACE + r"\1", text)
    return _AFTER_GUILLEMET.sub("«" + NARROW_NO_BREAK_SPACE, text)


def bound_numbers(text: str) -> str:
    """'30 segundos' -> '30\u00a0segundos': a number never ends a line apart from its unit."""
    return _NUMBER_THEN_WORD.sub(r"\1" + NO_BREAK_SPACE, text)
