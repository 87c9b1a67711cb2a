"""Text in a booklet -> the language it is evidently in, when its letters are all of one
script the booklet's own language is not written in (a Chinese line in an English
booklet), so a screen reader can switch voices for it."""

from __future__ import annotations

import re

from booklet.words.languages import primary

# script: (its code point ranges, the language assumed for it, languages written in it)
SCRIPTS: dict[str, tuple[tuple[tuple[int, int], ...], str, frozenset[str]]] = {
    "Han": (((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)), "zh", frozenset({"zh", "ja"})),
    "Kana": (((0x3040, 0x30FF),), "ja", frozenset({"ja"})),
    "Hangul": (((0x1100, 0x11FF), (0xAC00, 0xD7AF)), "ko", frozenset({"ko"})),
    "Arabic": (
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        "ar",
        frozenset({"ar", "fa", "ur", "ps", "sd", "ug"}),
    ),
    "Hebrew": (((0x0590, 0x05FF), (0xFB1D, 0xFB4F)), "he", frozenset({"he", "iw", "yi"})),
    "Cyrillic": (
        ((0x0400, 0x052F),),
        "ru",
        frozenset({"ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"}),
    ),
    "Greek": (((0x0370, 0x03FF), (0x1F00, 0x1FFF)), "el", frozenset({"el"})),
}
_BEYOND_LATIN = re.compile(
    r"[\u0370-\u052f\u0590-\u08ff\u1100-\u11ff\u1f00-\u1fff\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufb1d-\ufeff]"
)


def script_of(char: str) -> str | None:
    """The script of a letter, 'Latin' for any other letter, None for anything else."""
    if not char.isalpha():
        return None
    point = ord(char)
    for name, (ranges, _, _) in SCRIPTS.items():
        if any(low <= point <= high for low, high in ranges):
            return name
    return "Latin"


def other_language(text: str, language: str) -> str | None:
    """The language `text` is evidently in, if it is not `language`: all its letters in one
    script (Han with kana counts as Japanese) that `language` is not written in."""
    if not _BEYOND_LATIN.search(text):
        return None
    found = {script for script in map(script_of, text) if script}
    if found == {"Han", "Kana"}:
        found = {"Kana"}
    if len(found) != 1 or found == {"Latin"}:
        return None
    _, guess, users = SCRIPTS[found.pop()]
    return None if primary(language) in users else guess
