"""Plain-text sentences -> reading grade by Flesch-Kincaid and SMOG (textstat)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from textstat.textstat import textstatistics

from booklet.literacy.passages import words

# Languages textstat counts syllables and sets formula constants for.
MEASURED_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pl", "ru", "hu")
SMOG_MIN_SENTENCES = 3


@dataclass(frozen=True)
class Grade:
    """Reading grade of some text; SMOG is None for fewer than 3 sentences."""

    flesch_kincaid: float
    smog: float | None
    words: int
    sentences: int

    def highest(self) -> float:
        return max(self.flesch_kincaid, self.smog or 0.0)


def measured_language(language: str) -> str | None:
    """The language textstat measures for a BCP 47 tag ("pt-BR" -> None, "en-GB" -> "en")."""
    root = language.split("-")[0].lower()
    return root if root in MEASURED_LANGUAGES else None


@functools.lru_cache(maxsize=16)
def statistics(language: str) -> textstatistics:
    stats = textstatistics()
    stats.set_lang(language)
    return stats


def grade(sentences: list[str], language: str) -> Grade | None:
    """None when there is nothing to measure."""
    if not sentences:
        return None
    text = " ".join(s if s[-1] in ".!?" else s + "." for s in sentences)
    stats = statistics(language)
    count = len(sentences)
    smog = stats.smog_index(text) if count >= SMOG_MIN_SENTENCES else None
    return Grade(
        flesch_kincaid=round(max(0.0, stats.flesch_kincaid_grade(text)), 1),
        smog=round(smog, 1) if smog is not None else None,
        words=sum(len(words(s)) for s in sentences),
        sentences=count,
    )
