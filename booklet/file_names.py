"""Text -> file-name parts: slugs, safe names, a patient's handout name, and names made
unique among the files of one run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

from anyascii import anyascii

MAX_FILE_NAME_CHARS = 120


def slug(text: str) -> str:
    """'Kneeling hip-flexor stretch' -> 'kneeling-hip-flexor-stretch' (ASCII only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def transliterated(text: str) -> str:
    """Any text -> ASCII that keeps its sound: Ø -> O, Æ -> AE, ß -> ss, Đ -> D, 王小明 ->
    Wang Xiao Ming, प्रिया -> priya (anyascii); a character it cannot say is dropped."""
    spaced = "".join(f" {char} " if is_ideograph(char) else char for char in text)
    return anyascii(spaced)


def is_ideograph(char: str) -> bool:
    """A Chinese character or kana, which anyascii writes as a syllable without spaces."""
    return 0x2E80 <= ord(char) <= 0x9FFF or 0xF900 <= ord(char) <= 0xFAFF


def name_slug(name: str) -> str:
    """A person's name -> a file-name part: 'Björn Øster' -> 'bjorn-oster'. A name with
    no letters anyascii can say gets a stable short code made from it ('p-1a2b3c4d')."""
    made = slug(transliterated(name))[:MAX_FILE_NAME_CHARS].strip("-")
    if made:
        return made
    if not name.strip():
        return "patient"
    return "p-" + hashlib.sha1(name.strip().encode("utf-8")).hexdigest()[:8]


def safe_name(text: str) -> str:
    """Any text -> a file name without folders: ASCII letters, digits, `-`, `_` and inner
    dots only, so no path separator, no `..` and no hidden file. Letters are
    transliterated (Ø -> O), not dropped."""
    ascii_text = transliterated(text)
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_text)
    cleaned = re.sub(r"-{2,}", "-", re.sub(r"\.{2,}", ".", cleaned)).strip(".-_")
    return cleaned[:MAX_FILE_NAME_CHARS].rstrip(".-_")


def handout_stem(booklet_stem: str, patient_name: str) -> str:
    """`<content stem>-<patient slug>`, such as hip-home-program-maria-lopez."""
    return f"{booklet_stem}-{name_slug(patient_name)}"


def unique_stems(stems: Sequence[str], taken: Sequence[str] = ()) -> list[str]:
    """Each stem, with `-2`, `-3`... added where an earlier one (or a taken one) has it.

    Compared without case, as on the file systems of Windows and macOS. Each stem remembers
    the last number it was given, so a roster of 100,000 rows of one name is named in one
    pass rather than by counting up from 2 for every row.
    """
    used = {stem.lower() for stem in taken}
    last_number: dict[str, int] = {}
    result = []
    for stem in stems:
        key = stem.lower()
        candidate, number = stem, last_number.get(key, 1)
        if number > 1:
            candidate = f"{stem}-{number}"
        while candidate.lower() in used:
            number += 1
            candidate = f"{stem}-{number}"
        last_number[key] = number
        used.add(candidate.lower())
        result.append(candidate)
    return result
