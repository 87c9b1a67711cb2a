"""Plain-text sentences -> reading grade by Flesch-Kincaid and SMOG (textstat), and the
score of a formula made for the text's own language where one exists."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from textstat.textstat import textstatistics

from booklet.literacy.passages import words

# Languages textstat counts syllables and sets formula constants for.
MEASURED_LANGUAGES = ("en", "de", "es", "fr", "it", "nl", "pl", "ru", "hu")
SMOG_MIN_SENTENCES = 3


@dataclass(frozen=True)
class Formula:
    """A readability formula made for one language, and how to read its score."""

    name: str
    scale: str  # what its number means, for the report


# formulas made for a language (not English's, with other syllables)
EASE = "reading ease 0\u2013100, higher is easier"
OWN_FORMULAS = {
    "es": Formula("Fern\u00e1ndez-Huerta", f"{EASE}; 60+ is plain"),
    "fr": Formula("Kandel\u2013Moles", f"{EASE}; 60+ is plain"),
    "de": Formula("Wiener Sachtextformel", "school grade 4\u201315, lower is easier"),
    "ru": Formula("Flesch, Oborneva's Russian adaptation", EASE),
    "it": Formula("Gulpease", "0\u2013100, higher is easier; 60+ suits middle school"),
}


@dataclass(frozen=True)
class Grade:
    """Reading grade of some text; SMOG is None for fewer than 3 sentences; `own` is the
    score of the language's own formula (OWN_FORMULAS), if it has one."""

    flesch_kincaid: float
    smog: float | None
    words: int
    sentences: int
    own: float | None = None

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
        own=own_score(text, count, language),
    )


def own_formula(language: str) -> Formula | None:
    return OWN_FORMULAS.get(language.split("-")[0].lower())


def own_score(text: str, sentences: int, language: str) -> float | None:
    """The score of the language's own formula, from words, syllables (textstat's count
    for the language) and sentences; None for a language without one."""
    if own_formula(language) is None:
        return None
    stats = statistics(language)
    word_count = max(1, stats.lexicon_count(text))
    syllables = stats.syllable_count(text) / word_count
    per_sentence = word_count / max(1, sentences)
    if language == "es":  # 206.84 - 0.60 P - 1.02 F, per 100 words
        score = 206.84 - 60 * syllables - 102 * sentences / word_count
    elif language == "fr":
        score = 207 - 1.015 * per_sentence - 73.6 * syllables
    elif language == "ru":
        score = 206.835 - 1.3 * per_sentence - 60.1 * syllables
    elif language == "it":
        letters = sum(c.isalpha() for c in text)
        score = 89 + (300 * sentences - 10 * letters) / word_count
    else:  # de: the first Wiener Sachtextformel, for prose: a school grade
        return round(max(0.0, stats.wiener_sachtextformel(text, 1)), 1)
    return round(min(100.0, max(0.0, score)), 1)
