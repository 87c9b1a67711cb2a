"""A validated Document (booklet and the places of its fields) -> the reading report of
`booklet check`, and the alt-text problems `validate --strict` adds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from booklet.document import Document
from booklet.errors import Problem
from booklet.literacy import pemat, readability, wording
from booklet.literacy.passages import Passage, passages
from booklet.model import Booklet, Figure, Picture
from booklet.source.fields import join
from booklet.source.places import Places


@dataclass(frozen=True)
class Finding:
    """One thing to fix, named like a validation problem: `file:line: field: message`."""

    kind: str
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        return str(Problem(self.file, self.line, self.field, self.message))


@dataclass(frozen=True)
class PartGrade:
    """The reading grade of one section, or of the quiz."""

    field: str
    title: str
    line: int | None
    grade: readability.Grade | None


@dataclass(frozen=True)
class Report:
    file: str
    language: str
    measured: str | None
    wording_checked: bool
    target: int
    parts: tuple[PartGrade, ...]
    whole: readability.Grade | None
    findings: tuple[Finding, ...]

    def met(self, item: pemat.Item) -> bool:
        return not any(f.kind == item.kind for f in self.findings)

    def checked(self, item: pemat.Item) -> bool:
        """False for an item judged from English wording, in a booklet in another language."""
        return self.wording_checked or item.kind not in pemat.ENGLISH_ONLY

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "language": self.language,
            "target_grade": self.target,
            "grade_measured": self.measured is not None,
            "formula": formula_json(self.language),
            "wording_checked": self.wording_checked,
            "booklet": grade_json(self.whole),
            "sections": [
                {"field": p.field, "title": p.title, "line": p.line, **grade_json(p.grade)}
                for p in self.parts
            ],
            "pemat": [
                {
                    "item": item.kind,
                    "title": item.title,
                    "met": self.met(item) if self.checked(item) else None,
                }
                for item in pemat.ITEMS
            ],
            "findings": [
                {
                    "kind": f.kind,
                    "file": f.file,
                    "line": f.line,
                    "field": f.field,
                    "message": f.message,
                }
                for f in self.findings
            ],
            "passed": not self.findings,
        }


def formula_json(language: str) -> dict[str, str] | None:
    formula = readability.own_formula(language)
    return None if formula is None else {"name": formula.name, "scale": formula.scale}


def grade_json(grade: readability.Grade | None) -> dict[str, Any]:
    if grade is None:
        return {
            "flesch_kincaid": None,
            "smog": None,
            "words": 0,
            "sentences": 0,
            "own_formula": None,
        }
    return {
        "flesch_kincaid": grade.flesch_kincaid,
        "smog": grade.smog,
        "words": grade.words,
        "sentences": grade.sentences,
        "own_formula": grade.own,
    }


def check(booklet: Booklet, places: Places, target: int, plain: dict[str, str]) -> Report:
    """Everything `booklet check` reports, in the order of the file."""
    found = passages(booklet)
    measured = readability.measured_language(booklet.language)
    english = booklet.language.split("-")[0].lower() == "en"
    parts = part_grades(booklet, found, places, measured)
    prose = [s for p in found if p.prose for s in p.sentences]
    whole = readability.grade(prose, measured) if measured else None

    def at(kind: str, field: str, message: str, text: str | None = None) -> Finding:
        return Finding(kind, places.file, places.line(field, text), field, message)

    findings = [
        at("grade", part.field, grade_message(part.grade, target))
        for part in parts
        if part.grade and part.grade.highest() > target
    ]
    if whole and whole.highest() > target and not findings:
        findings.append(at("grade", "sections", grade_message(whole, target, "the booklet")))
    for passage in found:
        findings += [
            at(w.kind, passage.field, w.message, w.sentence) for w in scan(passage, english, plain)
        ]
    findings += [at("alt", field, message) for field, message in missing_alt(booklet)]
    misses = [
        *pemat.headers(booklet),
        *pemat.summary(booklet),
        *(pemat.speaks_to_you(found) if english else ()),
        *pemat.captions(booklet),
    ]
    findings += [at(m.kind, m.field, m.message, m.text) for m in misses]
    findings.sort(key=lambda f: (f.line or 0, f.field, f.kind))
    return Report(
        file=places.file,
        language=booklet.language,
        measured=measured,
        wording_checked=english,
        target=target,
        parts=tuple(parts),
        whole=whole,
        findings=tuple(findings),
    )


def part_grades(
    booklet: Booklet, found: list[Passage], places: Places, language: str | None
) -> list[PartGrade]:
    titles = [(join("sections", i), s.title) for i, s in enumerate(booklet.sections)]
    if booklet.quiz:
        titles.append(("quiz", booklet.quiz.title or "Quiz"))
    parts = []
    for field, title in titles:
        sentences = [s for p in found if p.part == field and p.prose for s in p.sentences]
        grade = readability.grade(sentences, language) if language else None
        parts.append(PartGrade(field, title, places.line(field), grade))
    return parts


def grade_message(grade: readability.Grade, target: int, what: str = "") -> str:
    smog = f", SMOG {grade.smog:g}" if grade.smog is not None else ""
    subject = f"{what} reads at" if what else "reads at"
    return (
        f"{subject} grade {grade.flesch_kincaid:g} (Flesch-Kincaid{smog}); the target is "
        f"{target} or lower: use shorter sentences and shorter words"
    )


def scan(passage: Passage, english: bool, plain: dict[str, str]) -> list[wording.Wording]:
    """Wording findings of one passage; titles and choices are checked only for words."""
    if not english:
        return []
    found = list(wording.jargon(passage.text, plain))
    if passage.prose:
        sentences = passage.sentences
        found += wording.long_sentences(sentences)
        found += wording.passive_voice(sentences)
    found += wording.number_words(passage.sentences)
    found += wording.calculations(passage.sentences)
    return found


def visuals(booklet: Booklet) -> list[tuple[str, Picture | Figure]]:
    """Every picture and drawn figure with its field path: what needs alt text."""
    found: list[tuple[str, Picture | Figure]] = []
    for i, section in enumerate(booklet.sections):
        path = join("sections", i)
        found += visual_of(path, section.picture, section.figure)
        for j, stretch in enumerate(section.stretches):
            found += visual_of(join(join(path, "stretches"), j), stretch.picture, stretch.figure)
    return found


def visual_of(
    path: str, picture: Picture | None, figure: Figure | None
) -> list[tuple[str, Picture | Figure]]:
    if picture:
        return [(join(path, "image"), picture)]
    if figure:
        return [(join(path, "figure"), figure)]
    return []


def missing_alt(booklet: Booklet) -> list[tuple[str, str]]:
    return [(field, alt_hint(field)) for field, visual in visuals(booklet) if not visual.alt]


def alt_hint(field: str) -> str:
    if field.endswith("figure"):
        return (
            "the figure has no alt text; write it as `figure: {pose: ..., alt: ...}` "
            "saying what the figure shows, for screen readers"
        )
    return (
        "the picture has no alt text; write it as `image: {file: ..., alt: ...}` "
        "saying what the picture shows, for screen readers"
    )


def check_reading(
    document: Document, grade: int | None = None, words: Path | None = None
) -> Report:
    """The whole `booklet check` of a loaded document: measure and report on its text.

    `words` is a YAML file of medical words that adds to the built-in list; `grade` the
    target reading grade instead of the brand's.
    """
    from booklet.literacy import jargon

    extra = jargon.read_words(words) if words is not None else None
    target = grade if grade is not None else document.brand.reading_grade
    return check(document.booklet, places_of(document), target, jargon.word_list(extra))


def strict_problems(document: Document) -> list[Problem]:
    """What `validate --strict` adds: every picture must have alt text."""
    places = places_of(document)
    return [
        Problem(places.file, places.line(field), field, message)
        for field, message in missing_alt(document.booklet)
    ]


def places_of(document: Document) -> Places:
    """The lines of the document's content file, as they were read when it was loaded."""
    if document.places is None:
        raise ValueError("the document was not loaded from a file")
    return document.places
