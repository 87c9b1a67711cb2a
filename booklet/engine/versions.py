"""A Booklet -> N versions of it whose quiz questions and choices are in shuffled orders.

Each version is named by a letter (A, B, ...) and carries the code "<letter>-<seed>",
printed on the booklet and its key. The same seed always gives the same versions.
True-false questions have no choices to shuffle, so True stays before False.
"""

from __future__ import annotations

import random
import string
from dataclasses import replace

from booklet.model import Booklet, Question, QuestionKind

MAX_VERSIONS = 26
TRIES = 20  # shuffles tried for a version before one that repeats an earlier version is kept
SHUFFLED_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


def quiz_versions(booklet: Booklet, count: int, seed: int) -> list[tuple[str, Booklet]]:
    """`count` (1 to 26) versions as (letter, booklet), each unlike the others where the quiz
    has enough orders to allow it."""
    seen: set[tuple[tuple[str, tuple[str, ...]], ...]] = set()
    versions: list[tuple[str, Booklet]] = []
    for letter in string.ascii_uppercase[:count]:
        chance = random.Random(f"booklet-quiz:{seed}:{letter}")
        questions = shuffled(booklet, chance)
        for _ in range(TRIES):
            if arrangement(questions) not in seen:
                break
            questions = shuffled(booklet, chance)
        seen.add(arrangement(questions))
        quiz = replace(booklet.quiz, questions=questions) if booklet.quiz else None
        versions.append((letter, replace(booklet, quiz=quiz, version=f"{letter}-{seed}")))
    return versions


def shuffled(booklet: Booklet, chance: random.Random) -> tuple[Question, ...]:
    if booklet.quiz is None:
        return ()
    questions = [shuffled_choices(q, chance) for q in booklet.quiz.questions]
    chance.shuffle(questions)
    return tuple(questions)


def shuffled_choices(question: Question, chance: random.Random) -> Question:
    if question.kind not in SHUFFLED_KINDS:
        return question
    choices = list(question.choices)
    chance.shuffle(choices)
    return replace(question, choices=tuple(choices))


def arrangement(questions: tuple[Question, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((q.text, q.choices) for q in questions)
