"""Text in one language, or a whole Booklet -> the same with that language's spacing:
French narrow no-break spaces before `: ; ? !` and inside « », and a number kept on one
line with its unit."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from booklet.model import Booklet, Question, Stretch
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


def with_local_spacing(booklet: Booklet) -> Booklet:
    """The booklet with the spacing of its language in every text a reader sees (titles,
    bodies, steps, questions, choices and answers alike, so they still match); the same
    booklet for a language without such rules."""
    language = booklet.language
    if spaced("x :", language) == "x :":
        return booklet

    def text(value: str | None) -> str | None:
        return None if value is None else spaced(value, language)

    def texts(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(spaced(value, language) for value in values)

    def visual(item: Any) -> Any:
        if item is None:
            return None
        return replace(item, caption=text(item.caption), alt=text(item.alt))

    def stretch(item: Stretch) -> Stretch:
        return replace(
            item,
            name=spaced(item.name, language),
            steps=texts(item.steps),
            purpose=text(item.purpose),
            caution=text(item.caution),
            frequency=text(item.frequency),
            picture=visual(item.picture),
            figure=visual(item.figure),
        )

    def question(item: Question) -> Question:
        answer = item.answer
        if isinstance(answer, str):
            answer = spaced(answer, language)
        elif isinstance(answer, tuple):
            answer = texts(answer)
        return replace(
            item,
            text=spaced(item.text, language),
            answer=answer,
            choices=texts(item.choices),
            explanation=text(item.explanation),
            section=text(item.section),
        )

    sections = tuple(
        replace(
            section,
            title=spaced(section.title, language),
            body=text(section.body),
            picture=visual(section.picture),
            figure=visual(section.figure),
            callouts=tuple(replace(c, text=spaced(c.text, language)) for c in section.callouts),
            stretches=tuple(stretch(s) for s in section.stretches),
        )
        for section in booklet.sections
    )
    quiz = booklet.quiz
    if quiz is not None:
        quiz = replace(
            quiz,
            title=text(quiz.title),
            instructions=text(quiz.instructions),
            questions=tuple(question(q) for q in quiz.questions),
        )
    return replace(
        booklet,
        title=spaced(booklet.title, language),
        subtitle=text(booklet.subtitle),
        sources=texts(booklet.sources),
        sections=sections,
        quiz=quiz,
    )
