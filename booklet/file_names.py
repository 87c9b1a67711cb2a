"""Text -> file-name parts: slugs, safe names, a patient's handout name, and names made
unique among the files of one run."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_FILE_NAME_CHARS = 120


def slug(text: str) -> str:
    """'Kneeling hip-flexor stretch' -> 'kneeling-hip-flexor-stretch' (ASCII only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def safe_name(text: str) -> str:
    """Any text -> a file name without folders: ASCII letters, digits, `-`, `_` and inner
    dots only, so no path separator, no `..` and no hidden file."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", ascii_text)
    cleaned = re.sub(r"-{2,}", "-", re.sub(r"\.{2,}", ".", cleaned)).strip(".-_")
    return cleaned[:MAX_FILE_NAME_CHARS].rstrip(".-_")


def handout_stem(booklet_stem: str, patient_name: str) -> str:
    """`<content stem>-<patient slug>`, such as hip-home-program-maria-lopez."""
    return f"{booklet_stem}-{slug(patient_name)[:MAX_FILE_NAME_CHARS] or 'patient'}"


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
