"""A Booklet's parts and its Labels -> the wording both the PDF and the HTML twin print:
choice letters, answer hints, the dosage of a stretch, the key's answer, and how many
times a day the exercise log asks for."""

from __future__ import annotations

import re

from booklet.model import Question, QuestionKind, Stretch
from booklet.words.labels import Labels

LETTERS = "ABCDEFGH"


def dosage_values(labels: Labels, stretch: Stretch) -> list[tuple[str, str | None]]:
    """The five dosage fields, always in the same order; None where the stretch has none."""
    return [
        (labels.hold, labels.seconds(stretch.hold_seconds) if stretch.hold_seconds else None),
        (labels.repeat, labels.times(stretch.repeat) if stretch.repeat else None),
        (labels.sets, labels.set_count(stretch.sets) if stretch.sets else None),
        (labels.sides, labels.side(stretch.sides) if stretch.sides else None),
        (labels.frequency, stretch.frequency),
    ]


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


PER_DAY = re.compile(
    r"\b(once|twice|three times|thrice|(\d+) times)\b(?:\s+(?:a|per|each))?\s+day", re.I
)


WORD_COUNTS = {"once": 1, "twice": 2, "three times": 3, "thrice": 3}


def dosage_line(labels: Labels, stretch: Stretch) -> str:
    """'Hold 30 seconds · 3 times · Each side · twice a day'."""
    parts = [
        f"{label} {value}" if label == labels.hold else value
        for label, value in dosage_values(labels, stretch)
        if value
    ]
    return " \u00b7 ".join(parts)


def times_a_day(frequency: str | None) -> int:
    """How many boxes a day: 'twice a day' -> 2; anything not about a day -> 1; at most 3."""
    match = PER_DAY.search(frequency or "")
    if match is None:
        return 1
    count = int(match.group(2)) if match.group(2) else WORD_COUNTS[match.group(1).lower()]
    return max(1, min(count, 3))
