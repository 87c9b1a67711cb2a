"""A Booklet -> the text a patient reads, as plain-text passages named by field path.

Answers and explanations are left out: only clinicians read them, in the answer key.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

from booklet.model import Booklet, Figure, Picture, Quiz, Section, Stretch
from booklet.source.fields import join
from booklet.words import markup

_TAG = re.compile(r"</?[bi]>")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")
_WORD = re.compile(r"[^\W_][\w'\u2019-]*")


@dataclass(frozen=True)
class Passage:
    """One field's text. `prose` is text read as sentences; titles and choices are not."""

    field: str
    text: str
    part: str
    prose: bool = True

    @property
    def units(self) -> list[str]:
        """Paragraphs and list items as plain text (markup removed)."""
        return plain_units(self.text)

    @property
    def sentences(self) -> list[str]:
        return [s for unit in self.units for s in split_sentences(unit)]


def plain_units(text: str) -> list[str]:
    found: list[str] = []
    for block in markup.blocks(text):
        items = block.items if not isinstance(block, markup.TextParagraph) else (block.markup,)
        found += [html.unescape(_TAG.sub("", item)).strip() for item in items]
    return [unit for unit in found if unit]


def split_sentences(unit: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(unit) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def part_of(section_index: int) -> str:
    return join("sections", section_index)


def passages(booklet: Booklet) -> list[Passage]:
    """Every text the booklet prints for the patient, in reading order."""
    found = [Passage("title", booklet.title, "", prose=False)]
    if booklet.subtitle:
        found.append(Passage("subtitle", booklet.subtitle, "", prose=False))
    for i, section in enumerate(booklet.sections):
        found += section_passages(section, part_of(i))
    if booklet.quiz:
        found += quiz_passages(booklet.quiz)
    return found


def section_passages(section: Section, path: str) -> list[Passage]:
    found = [Passage(join(path, "title"), section.title, path, prose=False)]
    if section.body:
        found.append(Passage(join(path, "body"), section.body, path))
    found += picture_passages(section.picture, join(path, "image"), path)
    found += picture_passages(section.figure, join(path, "figure"), path)
    for i, callout in enumerate(section.callouts):
        found.append(Passage(join(join(join(path, "callouts"), i), "text"), callout.text, path))
    for i, stretch in enumerate(section.stretches):
        found += stretch_passages(stretch, join(join(path, "stretches"), i), path)
    return found


def picture_passages(picture: Picture | Figure | None, path: str, part: str) -> Iterator[Passage]:
    if picture and picture.caption:
        yield Passage(join(path, "caption"), picture.caption, part)


def stretch_passages(stretch: Stretch, path: str, part: str) -> list[Passage]:
    found = [Passage(join(path, "name"), stretch.name, part, prose=False)]
    found += picture_passages(stretch.picture, join(path, "image"), part)
    found += picture_passages(stretch.figure, join(path, "figure"), part)
    if stretch.purpose:
        found.append(Passage(join(path, "purpose"), stretch.purpose, part))
    found += [
        Passage(join(join(path, "steps"), i), step, part) for i, step in enumerate(stretch.steps)
    ]
    if stretch.frequency:
        found.append(Passage(join(path, "frequency"), stretch.frequency, part, prose=False))
    if stretch.caution:
        found.append(Passage(join(path, "caution"), stretch.caution, part))
    return found


def quiz_passages(quiz: Quiz) -> list[Passage]:
    found = []
    if quiz.title:
        found.append(Passage("quiz.title", quiz.title, "quiz", prose=False))
    if quiz.instructions:
        found.append(Passage("quiz.instructions", quiz.instructions, "quiz"))
    for i, question in enumerate(quiz.questions):
        path = join("quiz.questions", i)
        found.append(Passage(join(path, "question"), question.text, "quiz"))
        found += [
            Passage(join(join(path, "choices"), j), choice, "quiz", prose=False)
            for j, choice in enumerate(question.choices)
        ]
    return found
