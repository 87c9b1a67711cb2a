"""Plain-text sentences -> wording findings: long sentences, passive voice, medical words,
numbers in words and sums the reader must do. English only; other languages are skipped."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from booklet.literacy.passages import words

LONG_SENTENCE = 20


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't"})
# Words allowed between "be" and the participle: "is often used", "are not allowed".
BETWEEN = frozenset({"not", "also", "often", "usually", "always", "never", "then", "still"})
IRREGULAR_PARTICIPLES = word_set(
    """arisen awoken beaten become begun bent bitten blown born borne broken brought built
    burnt bought caught chosen come cut dealt done drawn dreamt driven drunk eaten fallen fed
    felt fought found flown forbidden forgotten forgiven frozen given gone ground grown hung
    heard hidden hit held hurt kept knelt known laid led left lent let lain lit lost made
    meant met paid put quit read ridden rung risen run said seen sought sold sent set shaken
    shed shot shown shrunk shut sung sunk sat slept slid spoken spent spun split spread
    sprung stood stolen stuck stung struck sworn swept swollen swum swung taken taught torn
    told thought thrown understood woken worn woven wept won wound written"""
)
# Words ending in -ed that are not participles, or that after "be" describe a state.
NOT_PASSIVE = word_set(
    """need bed red fed shed seed speed feed bleed hundred sacred naked wicked ragged rugged
    tired relaxed worried interested bored married scared excited pleased surprised confused
    prepared concerned supposed used allowed"""
)
NUMBER_WORDS = word_set(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand"""
)
CALCULATION = re.compile(
    r"\b(calculate|calculating|multiply|multiplied|divide|divided by|subtract|add up|"
    r"work out how|percent|per cent|percentage)\b|%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Wording:
    """One wording finding inside a passage: what kind, the sentence, and what to do."""

    kind: str
    sentence: str
    message: str


def long_sentences(sentences: list[str]) -> Iterator[Wording]:
    for sentence in sentences:
        count = len(words(sentence))
        if count > LONG_SENTENCE:
            yield Wording(
                "long-sentence",
                sentence,
                f"sentence of {count} words (keep to {LONG_SENTENCE} or fewer); "
                f"split it: {excerpt(sentence)}",
            )


def passive_voice(sentences: list[str]) -> Iterator[Wording]:
    """A form of "be", perhaps an adverb, then a past participle: "is called", "were torn"."""
    for sentence in sentences:
        tokens = [w.lower() for w in words(sentence)]
        for i, token in enumerate(tokens):
            if token not in BE:
                continue
            j = i + 1
            while j < len(tokens) and (tokens[j] in BETWEEN or tokens[j].endswith("ly")):
                j += 1
            if j < len(tokens) and is_participle(tokens[j]):
                phrase = " ".join(tokens[i : j + 1])
                yield Wording(
                    "passive",
                    sentence,
                    f'passive voice "{phrase}"; say who does it: {excerpt(sentence)}',
                )
                break


def is_participle(word: str) -> bool:
    if word in NOT_PASSIVE:
        return False
    return word in IRREGULAR_PARTICIPLES or (len(word) > 4 and word.endswith("ed"))


def jargon(text: str, plain: dict[str, str]) -> Iterator[Wording]:
    """Medical words with a plain alternative, unless the text explains them where they are.

    Explained means, at one of its uses in the same field: in brackets ("thigh bone
    (femur)"), followed by brackets ("femur (thigh bone)") or "means", or named after
    "called" or "call this" ("We call this hip flexion").
    """
    for word, alternative in plain.items():
        pattern = r"\b" + r"\s+".join(re.escape(w) for w in word.split()) + r"(s|es)?\b"
        matches = list(re.finditer(pattern, text, re.IGNORECASE))
        if matches and not any(explained(text, m.start(), m.end()) for m in matches):
            found = matches[0].group(0)
            yield Wording(
                "jargon",
                found,
                f'"{found}" is a medical word; write "{alternative}", or explain it in brackets',
            )


def explained(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(" *_\"'\u201c")
    after = text[end:].lstrip(" *_\"'\u201d")
    if before.endswith("(") or after.startswith(")"):
        return True
    if after.startswith("(") or re.match(r"means\b", after):
        return True
    return bool(re.search(r"\b(called|call (this|it|them))\s*$", before, re.IGNORECASE))


def number_words(sentences: list[str]) -> Iterator[Wording]:
    for sentence in sentences:
        for word in words(sentence):
            if word.lower() in NUMBER_WORDS:
                yield Wording(
                    "numbers",
                    sentence,
                    f'write the number "{word}" as digits: {excerpt(sentence)}',
                )
                break


def calculations(sentences: list[str]) -> Iterator[Wording]:
    for sentence in sentences:
        match = CALCULATION.search(sentence)
        if match:
            yield Wording(
                "calculation",
                sentence,
                f'asks the reader to work with numbers ("{match.group(0)}"); give the result '
                f"instead: {excerpt(sentence)}",
            )


def excerpt(sentence: str, limit: int = 60) -> str:
    text = " ".join(sentence.split())
    if len(text) <= limit:
        return f'"{text}"'
    return f'"{text[:limit].rsplit(" ", 1)[0]}\u2026"'
