"""A content file's `quiz:` node -> a checked Quiz: questions, choices and answers that
agree with each other, and the sections the answer key points to."""

from __future__ import annotations

from typing import Literal

import yaml

from booklet.model import (
    Question,
    QuestionKind,
    Quiz,
)
from booklet.source import spec
from booklet.source.fields import Context, Fields, is_null, is_plain, join, scalar_text, suggestion
from booklet.words import languages, vocabulary


def read_quiz(ctx: Context, node: yaml.Node, path: str, language: str = "en") -> Quiz | None:
    """The quiz; true/false answers may be written in English or in the booklet's `language`."""
    fields = Fields(ctx, node, path, spec.QUIZ)
    if not fields.ok:
        return None
    questions = tuple(
        q
        for where, item in fields.items("questions")
        if (q := read_question(ctx, item, where, language)) is not None
    )
    if not questions:
        return None
    return Quiz(
        questions=questions,
        title=fields.text("title"),
        instructions=fields.markup_text("instructions"),
    )


def read_question(ctx: Context, node: yaml.Node, path: str, language: str) -> Question | None:
    fields = Fields(ctx, node, path, spec.QUESTION)
    if not fields.ok:
        return None
    text = fields.text("question")
    stated = fields.one_of("type")
    choices = read_choices(fields)
    answer_node = fields.need("answer")
    lines = fields.integer("lines")
    explanation = fields.markup_text("explanation")
    section = fields.text("section")
    if answer_node is None or text is None or choices is False:
        return None
    read = read_answer(
        fields, answer_node, choices or None, QuestionKind(stated) if stated else None, language
    )
    if read is None:
        return None
    kind, answer = read
    if lines is not None and kind is not QuestionKind.SHORT:
        ctx.report(fields.get("lines"), fields.where("lines"), "is only for short-answer questions")
        return None
    return Question(
        kind=kind,
        text=text,
        answer=answer,
        choices=choices or (),
        explanation=explanation,
        lines=lines or int(spec.QUESTION["lines"].default or 3),
        section=section,
    )


def check_question_sections(ctx: Context, quiz: yaml.Node, titles: list[str]) -> None:
    """A question's `section:` names the title of a section of this booklet.

    Reads the nodes directly, after the sections are known, as check_unique_stretch_ids does.
    """
    questions = mapping_value(quiz, "questions")
    if not isinstance(questions, yaml.SequenceNode):
        return
    for i, item in enumerate(questions.value):
        node = mapping_value(item, "section")
        if not isinstance(node, yaml.ScalarNode) or is_null(node):
            continue
        named = node.value.strip()
        if named in titles:
            continue
        hint = suggestion(named, titles) or (
            "; name one of: " + "; ".join(f'"{t}"' for t in titles[:6])
        )
        ctx.report(
            node,
            join(join(join("quiz", "questions"), i), "section"),
            f'"{named}" is not the title of a section{hint}',
        )


def mapping_value(node: yaml.Node, name: str) -> yaml.Node | None:
    """The value under a plain key of a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == name:
            return value
    return None


def read_choices(fields: Fields) -> tuple[str, ...] | Literal[False] | None:
    """The choices (None when absent), or False when they are wrong."""
    choices = fields.text_list("choices")
    if choices is None:
        return None
    node, where = fields.get("choices"), fields.where("choices")
    if not isinstance(node, yaml.SequenceNode) or len(choices) != len(node.value):
        return False
    least, most = fields.spec("choices").min_items, fields.spec("choices").max_items or 8
    if not least <= len(choices) <= most:
        fields.ctx.report(node, where, f"must have {least} to {most} choices, not {len(choices)}")
        return False
    seen: set[str] = set()
    for item, choice in zip(node.value, choices, strict=True):
        if choice in seen:
            fields.ctx.report(item, where, f'"{choice}" is listed twice; each choice must differ')
            return False
        seen.add(choice)
    return choices


def read_answer(
    fields: Fields,
    node: yaml.Node,
    choices: tuple[str, ...] | None,
    stated: QuestionKind | None,
    language: str = "en",
) -> tuple[QuestionKind, bool | str | tuple[str, ...]] | None:
    """The question's kind follows from its fields; a stated `type:` must agree."""
    where = fields.where("answer")
    if choices is None:
        if isinstance(node, yaml.SequenceNode):
            fields.ctx.report(node, where, "a list of answers needs `choices` to pick from")
            return None
        value = scalar_text(fields.ctx, node, where, required=True)
        if value is None:
            return None
        return written_answer(fields, node, value, stated, language)
    answer: bool | str | tuple[str, ...]
    if isinstance(node, yaml.SequenceNode):
        found = QuestionKind.MULTIPLE
        picked = [
            scalar_text(fields.ctx, item, join(where, i), True) for i, item in enumerate(node.value)
        ]
        if not picked:
            fields.ctx.report(node, where, "must list at least one of the choices")
            return None
        if any(p is None for p in picked):
            return None
        answer = tuple(p for p in picked if p is not None)
        checked = [
            check_choice(fields, n, where, p, choices)
            for n, p in zip(node.value, answer, strict=True)
        ]
        if not all(checked):
            return None
        if len(set(answer)) != len(answer):
            fields.ctx.report(node, where, "lists the same choice twice")
            return None
        if stated is QuestionKind.SINGLE and len(answer) == 1:
            found, answer = QuestionKind.SINGLE, answer[0]
    else:
        value = scalar_text(fields.ctx, node, where, required=True)
        if value is None or not check_choice(fields, node, where, value, choices):
            return None
        found, answer = QuestionKind.SINGLE, value
        if stated is QuestionKind.MULTIPLE:
            found, answer = QuestionKind.MULTIPLE, (value,)
    return agreed_kind(fields, stated, found, answer)


def written_answer(
    fields: Fields, node: yaml.Node, value: str, stated: QuestionKind | None, language: str
) -> tuple[QuestionKind, bool | str | tuple[str, ...]] | None:
    """An answer without choices: true or false (in English or the booklet's language), or
    the model answer of a short-answer question."""
    where = fields.where("answer")
    as_bool = vocabulary.true_false_in(value, language)
    plain = is_plain(node)
    if stated is QuestionKind.TRUE_FALSE or (stated is None and plain and as_bool is not None):
        word = vocabulary.true_false_word(value)
        if as_bool is None and word is not None:
            as_bool = word.value  # said to be true-false: a word of any language will do
        if as_bool is None:
            fields.ctx.report(
                node,
                where,
                f'"{value}" must be {vocabulary.true_false_words(language)} '
                "for a true-false question",
            )
            return None
        return QuestionKind.TRUE_FALSE, as_bool
    foreign = vocabulary.true_false_word(value)
    if stated is None and plain and foreign is not None:
        names = " and ".join(vocabulary.language_name(c) for c in foreign.languages)
        fields.ctx.report(
            node,
            where,
            f'"{value}" is {"true" if foreign.value else "false"} in {names}, but this booklet '
            f"is in {vocabulary.language_name(languages.primary(language))} ({language}); write "
            f"{vocabulary.true_false_words(language)} for a true-false question, or add "
            "`type: short` to keep it as a written answer",
        )
        return None
    return agreed_kind(fields, stated, QuestionKind.SHORT, value)


def agreed_kind(
    fields: Fields,
    stated: QuestionKind | None,
    found: QuestionKind,
    answer: bool | str | tuple[str, ...],
) -> tuple[QuestionKind, bool | str | tuple[str, ...]] | None:
    """The kind the answer makes, when a stated `type:` agrees with it."""
    if stated is not None and stated is not found:
        fields.ctx.report(
            fields.get("type"),
            fields.where("type"),
            f'says "{stated.value}" but the choices and answer make a "{found.value}" question',
        )
        return None
    return found, answer


def check_choice(
    fields: Fields, node: yaml.Node, where: str, value: str, choices: tuple[str, ...]
) -> bool:
    if value in choices:
        return True
    listed = "; ".join(f'"{c}"' for c in choices)
    fields.ctx.report(
        node,
        where,
        f'"{value}" is not one of the choices ({listed}){choice_hint(value, choices)}',
    )
    return False


def choice_hint(value: str, choices: tuple[str, ...]) -> str:
    """'; did you mean "x"?' for the choice closest in spelling, or else the one inside it.

    An answer is often a choice with words added or left out: "Ice pack" for "Ice".
    """
    hint = suggestion(value, choices)
    if hint:
        return hint
    lowered = value.lower()
    overlapping = [c for c in choices if c.lower() in lowered or lowered in c.lower()]
    return f'; did you mean "{overlapping[0]}"?' if len(overlapping) == 1 else ""
