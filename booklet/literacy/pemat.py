"""A Booklet -> the PEMAT understandability items a program can judge, each met or not.

PEMAT is AHRQ's Patient Education Materials Assessment Tool. Most of its items need a
person; these need only the text: informative headings, a summary, speaking to the reader
as "you", a title or caption on every visual, numbers as digits, no sums for the reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from booklet.literacy.passages import Passage, part_of, plain_units, words
from booklet.model import Booklet
from booklet.source.fields import join
from booklet.words import vocabulary
from booklet.words.labels import labels_for


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENERIC_HEADINGS = word_set(
    """introduction overview information background details general miscellaneous misc
    other notes more summary part section chapter"""
)
UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
THIRD_PERSON = re.compile(
    r"\b(the patient|patients|the client|he or she|he/she|one should|the individual)\b",
    re.IGNORECASE,
)
THIRD_PERSON_STEP = frozenset({"the", "a", "an", "patient", "patients", "he", "she", "they"})


@dataclass(frozen=True)
class Item:
    """One PEMAT item: the finding kind that marks it unmet, and its name."""

    kind: str
    title: str


ITEMS = (
    Item("headers", "Section headings say what the section is about"),
    Item("summary", "The booklet gives a summary of its key points"),
    Item("you", "It speaks to the reader as \u201cyou\u201d, with steps to do"),
    Item("captions", "Every picture has a title or caption"),
    Item("numbers", "Numbers are written as digits"),
    Item("calculation", "The reader does not have to do sums"),
)


# items judged from English words (pronouns, number words, "calculate"): not checked in
# a booklet in another language
ENGLISH_ONLY = frozenset({"you", "numbers", "calculation"})


@dataclass(frozen=True)
class Miss:
    """Where an item is not met: the field to fix and what to do."""

    kind: str
    field: str
    message: str
    text: str | None = None


def headers(booklet: Booklet) -> Iterator[Miss]:
    for i, section in enumerate(booklet.sections):
        if not names_a_topic(section.title):
            yield Miss(
                "headers",
                join(part_of(i), "title"),
                f'the heading "{section.title}" does not say what the section is about; '
                'name its topic, such as "What the psoas does"',
            )


def names_a_topic(title: str) -> bool:
    """Two words or more, not all generic; in Chinese, Japanese or Thai, written without
    spaces to count words by, four letters or more ("日常习惯")."""
    if UNSPACED.search(title):
        return len(UNSPACED.findall(title)) >= 4
    title_words = [w.lower() for w in words(title)]
    return len(title_words) >= 2 and not all(
        w in GENERIC_HEADINGS or w.isdigit() for w in title_words
    )


def summary(booklet: Booklet) -> Iterator[Miss]:
    """A section titled, or a paragraph led in bold by, a summary heading of English or
    of the booklet's language ("Key points", "À retenir", "要点")."""
    title, lead = summary_patterns(booklet.language)
    if any(title.search(s.title) for s in booklet.sections):
        return
    texts = [s.body or "" for s in booklet.sections]
    texts += [c.text for s in booklet.sections for c in s.callouts]
    if any(lead.search(text) for text in texts):
        return
    heading = vocabulary.summary_example(booklet.language)
    colon = labels_for(booklet.language).colon.rstrip()
    yield Miss(
        "summary",
        join(part_of(len(booklet.sections) - 1), "body"),
        f'add a summary of the key points: a section titled "{heading}", or a list '
        f'starting "**{heading}{colon}**" in a body or callout',
    )


def summary_patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns that find a summary title, and a bold summary lead-in, in `language`."""
    said = "|".join(bounded(w) for w in vocabulary.summary_words(language))
    title = re.compile(said, re.IGNORECASE)
    lead = re.compile(rf"^\s*\*\*(?:{said})", re.IGNORECASE | re.MULTILINE)
    return title, lead


def bounded(word: str) -> str:
    """A pattern for `word` as a whole word; Chinese and Japanese words, written without
    spaces, match anywhere."""
    pattern = re.escape(word).replace("-", "-?")
    if ord(word[0]) >= 0x2E80:
        return pattern
    return rf"(?<!\w){pattern}(?!\w)"


def speaks_to_you(passages: list[Passage]) -> Iterator[Miss]:
    for passage in passages:
        for unit in plain_units(passage.text):
            match = THIRD_PERSON.search(unit)
            first = words(unit)[:1]
            step = ".steps[" in passage.field
            if match or (step and first and first[0].lower() in THIRD_PERSON_STEP):
                said = match.group(0) if match else first[0]
                yield Miss(
                    "you",
                    passage.field,
                    f'speaks about the reader ("{said}"); speak to them as "you" and '
                    "start steps with what to do",
                    unit,
                )
                break


def captions(booklet: Booklet) -> Iterator[Miss]:
    """Section pictures need a caption; a stretch picture is titled by its card's name."""
    for i, section in enumerate(booklet.sections):
        for field, visual in (("image", section.picture), ("figure", section.figure)):
            if visual and not visual.caption:
                yield Miss(
                    "captions",
                    join(part_of(i), field),
                    f"the {'picture' if field == 'image' else 'figure'} has no caption; "
                    "add `caption:` saying what it shows",
                )
