"""A Booklet's parts and its Labels -> the wording both the PDF and the HTML twin print:
choice letters, answer hints, the dosage of a stretch, the key's answer, and how many
times a day the exercise log asks for."""

from __future__ import annotations

from booklet.model import Question, QuestionKind, Stretch
from booklet.words import vocabulary
from booklet.words.labels import Labels
from booklet.words.typography import bound_numbers

LETTERS = "ABCDEFGH"


def dosage_values(labels: Labels, stretch: Stretch) -> list[tuple[str, str | None]]:
    """The five dosage fields always, in the same order (None where the stretch has none),
    then each field of the rest of a full prescription that the stretch gives."""
    return [
        (labels.hold, labels.seconds(stretch.hold_seconds) if stretch.hold_seconds else None),
        (labels.repeat, labels.times(stretch.repeat) if stretch.repeat else None),
        (labels.sets, labels.set_count(stretch.sets) if stretch.sets else None),
        (labels.sides, labels.side(stretch.sides) if stretch.sides else None),
        (labels.frequency, bound_numbers(stretch.frequency) if stretch.frequency else None),
        *prescription_values(labels, stretch),
    ]


def prescription_values(labels: Labels, stretch: Stretch) -> list[tuple[str, str | None]]:
    """Rest, tempo, load, effort, duration and days a week: only those the stretch gives."""
    values = [
        (
            labels.duration,
            labels.seconds(stretch.duration_seconds) if stretch.duration_seconds else None,
        ),
        (
            labels.days_per_week,
            labels.days_a_week(stretch.days_per_week) if stretch.days_per_week else None,
        ),
        (labels.rest, labels.seconds(stretch.rest_seconds) if stretch.rest_seconds else None),
        (labels.tempo, stretch.tempo),
        (labels.load, stretch.load),
        (labels.effort, stretch.effort),
    ]
    return [(label, value) for label, value in values if value]


def answer_hint(labels: Labels, question: Question) -> str | None:
    """'Choose one.' and the like, unless the question already says so itself."""
    hint = {
        QuestionKind.SINGLE: labels.choose_one,
        QuestionKind.MULTIPLE: labels.choose_all,
        QuestionKind.TRUE_FALSE: None,
        QuestionKind.SHORT: labels.write_answer,
    }[question.kind]
    if hint and hint.rstrip(".").lower() in question.text.lower():
        return None
    return hint


def choice_answer(question: Question, labels: Labels) -> str:
    """The correct answer as the key prints it: 'B. Muscle imbalance', 'True', or the model text."""
    if question.kind is QuestionKind.TRUE_FALSE:
        return labels.true if question.answer else labels.false
    if question.kind is QuestionKind.SHORT:
        return str(question.answer)
    return "; ".join(
        f"{LETTERS[question.choices.index(choice)]}. {choice}"
        for choice in question.correct_choices()
    )


def dosage_line(labels: Labels, stretch: Stretch) -> str:
    """'Hold 30 seconds · 3 times · Each side · twice a day · Load: red band'."""
    named = {labels.tempo, labels.load, labels.effort}
    parts = [
        f"{label} {value}"
        if label in (labels.hold, labels.rest)
        else f"{labels.introducing(label)}{value}"
        if label in named
        else value
        for label, value in dosage_values(labels, stretch)
        if value
    ]
    return " \u00b7 ".join(parts)


def times_a_day(frequency: str | None) -> int:
    """How many boxes a day: 'twice a day' or '3 fois par jour' -> 2 or 3; anything not
    about a day -> 1; at most 3."""
    return vocabulary.times_a_day(frequency)
