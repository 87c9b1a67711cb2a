"""Composed YAML nodes -> a frozen Booklet and Brand, collecting every problem on the way."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import yaml

from booklet import fonts, images, loading
from booklet.colors import parse_color
from booklet.errors import BookletError, Problem
from booklet.fields import Context, Fields, is_null, is_plain, join, scalar_text, suggestion
from booklet.figures.validate import read_figure
from booklet.labels import label_problem
from booklet.labels import names as label_names
from booklet.model import (
    PAGE_SIZES_PT,
    Booklet,
    Brand,
    Callout,
    CalloutKind,
    Contact,
    Dosage,
    Figure,
    FontFamily,
    Picture,
    Question,
    QuestionKind,
    Quiz,
    Section,
    Sides,
    Stretch,
)

CONTENT_FIELDS = (
    "title",
    "subtitle",
    "language",
    "brand",
    "library",
    "reviewed",
    "sources",
    "sections",
    "quiz",
    "exercise_log",
    "questions_page",
)
SECTION_FIELDS = ("title", "body", "image", "figure", "callouts", "stretches")
PICTURE_FIELDS = ("file", "caption", "alt")
CALLOUT_FIELDS = ("kind", "text")
STRETCH_FIELDS = (
    "name",
    "id",
    "image",
    "figure",
    "purpose",
    "steps",
    "hold",
    "repeat",
    "sets",
    "sides",
    "frequency",
    "caution",
    "video",
)
DOSAGE_FIELDS = ("hold", "repeat", "sets", "sides", "frequency")
USE_FIELDS = ("use", *DOSAGE_FIELDS)
LIBRARY_FIELDS = ("stretches",)
QUIZ_FIELDS = ("title", "instructions", "questions")
QUESTION_FIELDS = ("question", "type", "choices", "answer", "explanation", "lines", "section")
BRAND_FIELDS = (
    "organization",
    "logo",
    "colors",
    "fonts",
    "page",
    "contact",
    "disclaimer",
    "reading_grade",
    "labels",
    "print",
)
PRINT_FIELDS = ("large", "grayscale")
COLOR_FIELDS = ("primary", "accent")
FONT_ROLES = ("body", "heading")
FONT_STYLES = ("regular", "bold", "italic", "bold_italic")
PAGE_FIELDS = ("size", "margin")
CONTACT_FIELDS = ("phone", "email", "website", "address")

MIN_CHOICES, MAX_CHOICES = 2, 8
MAX_CHOICE_CHARS = 500  # a choice is one row beside its circle, and a row must fit a page
MAX_TITLE, MAX_SUBTITLE = 200, 300
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
STRETCH_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
DURATION = re.compile(r"^(\d+)\s*(s|sec|secs|seconds?|min|mins|minutes?)?$", re.IGNORECASE)
LENGTH = re.compile(r"^(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)$", re.IGNORECASE)
POINTS_PER_UNIT = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}
BOOLEAN_TEXT = {"true": True, "false": False}
SWITCH_TEXT = {**BOOLEAN_TEXT, "yes": True, "no": False}  # on/off fields, not quiz answers


# --- the content file ------------------------------------------------------------------


def read_content(
    node: yaml.Node, path: Path, root: Path | None = None
) -> tuple[Booklet | None, tuple[Path, yaml.Node] | None, Context]:
    """The booklet, the brand file it names (if any), and the problems found.

    With a `root`, every file the content names must lie inside that folder.
    """
    ctx = Context(path, root=root)
    top = Fields(ctx, node, "", CONTENT_FIELDS)
    title = short_text(top, "title", MAX_TITLE, required=True)
    subtitle = short_text(top, "subtitle", MAX_SUBTITLE)
    language = read_language(top)
    reviewed = read_date(top, "reviewed")
    sources = top.text_list("sources") or ()
    brand_ref = top.path_to("brand")
    library, library_files = read_libraries(top)
    sections = tuple(
        s
        for where, item in top.items("sections", required=True)
        if (s := read_section(ctx, item, where, library)) is not None
    )
    check_unique_stretch_ids(ctx, top)
    quiz_node = top.get("quiz")
    quiz = read_quiz(ctx, quiz_node, "quiz") if quiz_node is not None else None
    exercise_log, questions_page = (
        read_switch(top, "exercise_log"),
        read_switch(top, "questions_page"),
    )
    if quiz is not None:
        check_question_sections(ctx, quiz_node, [s.title for s in sections])
    if ctx.problems or title is None:
        return None, brand_ref, ctx
    booklet = Booklet(
        title=title,
        subtitle=subtitle,
        language=language or "en",
        reviewed=reviewed,
        sources=sources,
        sections=sections,
        quiz=quiz,
        exercise_log=bool(exercise_log),
        questions_page=bool(questions_page),
        source=path,
        libraries=library_files,
    )
    return booklet, brand_ref, ctx


def read_switch(fields: Fields, name: str, quote: bool = True) -> bool | None:
    """A field that turns something on or off: true or false; `quote=False` keeps the value
    out of the message (patient data)."""
    value = fields.text(name)
    if value is None:
        return None
    switch = SWITCH_TEXT.get(value.lower())
    if switch is None:
        shown = f'"{value}" must' if quote else "must"
        fields.ctx.report(fields.get(name), fields.where(name), f"{shown} be true or false")
    return switch


def short_text(fields: Fields, name: str, limit: int, required: bool = False) -> str | None:
    """Text that is printed large (the cover's title), so it has a length limit."""
    value = fields.text(name, required)
    if value is not None and len(value) > limit:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"is {len(value)} characters long; keep it to {limit} "
            "(it is printed large on the cover)",
        )
        return None
    return value


def read_language(top: Fields) -> str | None:
    value = top.text("language")
    if value is not None and not LANGUAGE_TAG.match(value):
        top.ctx.report(
            top.get("language"),
            top.where("language"),
            f'"{value}" is not a language tag; write one such as en, es or pt-BR',
        )
        return None
    return value


def read_date(fields: Fields, name: str, quote: bool = True) -> datetime.date | None:
    """A YYYY-MM-DD date; `quote=False` keeps the value out of the message (patient data)."""
    value = fields.text(name)
    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        shown = f'"{value}" is not a date' if quote else "is not a date"
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"{shown}; write it as YYYY-MM-DD, for example 2026-11-01",
        )
        return None


def read_section(
    ctx: Context, node: yaml.Node, path: str, library: Mapping[str, Stretch] | None
) -> Section | None:
    fields = Fields(ctx, node, path, SECTION_FIELDS)
    if not fields.ok:
        return None
    title = fields.text("title", required=True)
    body = fields.markup_text("body")
    picture, figure = read_picture_or_figure(fields)
    callouts = tuple(
        c for where, item in fields.items("callouts") if (c := read_callout(ctx, item, where))
    )
    stretches = tuple(
        s
        for where, item in fields.items("stretches")
        if (s := read_stretch_or_use(ctx, item, where, library))
    )
    if title is None:
        return None
    return Section(
        title=title,
        body=body,
        picture=picture,
        figure=figure,
        callouts=callouts,
        stretches=stretches,
    )


def read_picture_or_figure(fields: Fields) -> tuple[Picture | None, Figure | None]:
    """`image:` (a picture file) or `figure:` (a figure booklet draws), never both."""
    ctx = fields.ctx
    picture_node, figure_node = fields.get("image"), fields.get("figure")
    if picture_node is not None and figure_node is not None:
        ctx.report(
            figure_node,
            fields.where("figure"),
            f"give either `image` (line {picture_node.start_mark.line + 1}) or `figure`, not both",
        )
        return None, None
    picture = read_picture(ctx, picture_node, fields.where("image")) if picture_node else None
    figure = read_figure(ctx, figure_node, fields.where("figure")) if figure_node else None
    return picture, figure


def read_picture(ctx: Context, node: yaml.Node, path: str) -> Picture | None:
    """`image:` is either a path or a mapping with file, caption and alt."""
    if isinstance(node, yaml.MappingNode):
        fields = Fields(ctx, node, path, PICTURE_FIELDS)
        located = fields.path_to("file", required=True)
        caption, alt = fields.text("caption"), fields.text("alt")
        where = fields.where("file")
    else:
        text = scalar_text(ctx, node, path, required=True)
        file = ctx.locate(node, path, text) if text else None
        located = (file, node) if file else None
        caption = alt = None
        where = path
    if located is None:
        return None
    file, file_node = located
    problem = images.check_image(file)
    if problem:
        ctx.report(file_node, where, problem)
        return None
    return Picture(path=file, caption=caption, alt=alt)


def read_callout(ctx: Context, node: yaml.Node, path: str) -> Callout | None:
    fields = Fields(ctx, node, path, CALLOUT_FIELDS)
    if not fields.ok:
        return None
    if fields.get("kind", required=True) is None:
        kind = None
    else:
        kind = fields.one_of("kind", [k.value for k in CalloutKind])
    text = fields.markup_text("text", required=True)
    if kind is None or text is None:
        return None
    return Callout(kind=CalloutKind(kind), text=text)


def read_stretch_or_use(
    ctx: Context, node: yaml.Node, path: str, library: Mapping[str, Stretch] | None
) -> Stretch | None:
    """A stretch written out in full, or `use: ID` naming one from a library."""
    if isinstance(node, yaml.MappingNode) and any(key.value == "use" for key, _ in node.value):
        return read_use(ctx, node, path, library)
    return read_stretch(ctx, node, path)


def read_stretch(ctx: Context, node: yaml.Node, path: str) -> Stretch | None:
    fields = Fields(ctx, node, path, STRETCH_FIELDS)
    if not fields.ok:
        return None
    name = fields.text("name", required=True)
    stretch_id = read_stretch_id(fields, name)
    picture, figure = read_picture_or_figure(fields)
    steps = fields.text_list("steps", required=True)
    dosage = read_dosage(fields)
    video = read_url(fields, "video")
    purpose, caution = fields.text("purpose"), fields.text("caution")
    if name is None or not steps or stretch_id is None:
        return None
    stretch = Stretch(
        name=name,
        id=stretch_id,
        steps=steps,
        picture=picture,
        figure=figure,
        purpose=purpose,
        caution=caution,
        video=video,
    )
    return dosage.applied_to(stretch)


def read_dosage(fields: Fields) -> Dosage:
    """hold, repeat, sets, sides and frequency, as far as they are given."""
    hold = read_duration(fields, "hold")
    repeat = fields.integer("repeat", 1, 1000)
    sets = fields.integer("sets", 1, 100)
    sides = fields.one_of("sides", [s.value for s in Sides])
    return Dosage(
        hold_seconds=hold,
        repeat=repeat,
        sets=sets,
        sides=Sides(sides) if sides else None,
        frequency=fields.text("frequency"),
    )


def read_use(
    ctx: Context, node: yaml.Node, path: str, library: Mapping[str, Stretch] | None
) -> Stretch | None:
    """`use: ID` with optional dosage fields that replace the library stretch's own."""
    fields = Fields(ctx, node, path, tuple(dict.fromkeys(USE_FIELDS + STRETCH_FIELDS)))
    for name in fields.values.keys() - set(USE_FIELDS):
        ctx.report(
            fields.values[name],
            fields.where(name),
            "only hold, repeat, sets, sides and frequency can change where a library stretch "
            "is used; change the others in the library file",
        )
    stretch = library_stretch(fields, "use", library)
    dosage = read_dosage(fields)
    return None if stretch is None else dosage.applied_to(stretch)


def library_stretch(
    fields: Fields, name: str, stretches: Mapping[str, Stretch] | None
) -> Stretch | None:
    """The stretch whose id is given in field `name`, or a problem suggesting a known id.

    `stretches` is None when a library file could not be read: its ids are then unknown,
    and only that file is reported.
    """
    wanted = fields.text(name, required=True)
    if wanted is None or stretches is None:
        return None
    if wanted in stretches:
        return stretches[wanted]
    if not stretches:
        hint = "; list the library files that hold it under `library:` at the top of the file"
    else:
        hint = suggestion(wanted, list(stretches)) or (
            "; known ids: " + ", ".join(sorted(stretches)[:20])
        )
    fields.ctx.report(
        fields.get(name), fields.where(name), f'no stretch has the id "{wanted}"{hint}'
    )
    return None


# --- exercise libraries ----------------------------------------------------------------


def read_libraries(top: Fields) -> tuple[dict[str, Stretch] | None, tuple[Path, ...]]:
    """Every stretch of the library files that `library:` lists, by id, and those files.

    Each library file is checked as its own file: its problems name its own path and lines.
    The stretches are None when a listed file could not be read, as their ids are unknown.
    """
    ctx = top.ctx
    stretches: dict[str, Stretch] = {}
    files: list[Path] = []
    listed = top.items("library")
    for where, item in listed:
        written = scalar_text(ctx, item, where, required=True)
        path = ctx.locate(item, where, written) if written else None
        if path is None:
            continue
        try:
            node = loading.load_yaml(path)
        except BookletError as error:
            ctx.problems += [refer_to(p, ctx.file, item, where) for p in error.problems]
            continue
        files.append(path)
        found = read_library(Context(path, root=ctx.root), node)
        ctx.problems += found[1]
        for stretch_id, (stretch, line) in found[0].items():
            if stretch_id in stretches:
                ctx.report(
                    item,
                    where,
                    f'{path}:{line}: the id "{stretch_id}" is also in an earlier library; '
                    "give each stretch its own id",
                )
                continue
            stretches[stretch_id] = stretch
    return (stretches if len(files) == len(listed) else None), tuple(files)


def refer_to(problem: Problem, file: Path, node: yaml.Node, where: str) -> Problem:
    """A library file that cannot be read at all is a problem on the line that names it."""
    if problem.line is not None:
        return problem
    return Problem(str(file), node.start_mark.line + 1, where, f"{problem.file}: {problem.message}")


def read_library(
    ctx: Context, node: yaml.Node
) -> tuple[dict[str, tuple[Stretch, int]], list[Problem]]:
    """One library file: `stretches:`, each written as in a content file, ids unique."""
    top = Fields(ctx, node, "", LIBRARY_FIELDS)
    found: dict[str, tuple[Stretch, int]] = {}
    for where, item in top.items("stretches", required=True):
        stretch = read_stretch(ctx, item, where)
        if stretch is None:
            continue
        line = item.start_mark.line + 1
        if stretch.id in found:
            ctx.report(
                item,
                where,
                f'the id "{stretch.id}" is used by two stretches (also on line '
                f"{found[stretch.id][1]}); give each stretch its own id",
            )
            continue
        found[stretch.id] = (stretch, line)
    return found, ctx.problems


def slug(text: str) -> str:
    """'Kneeling hip-flexor stretch' -> 'kneeling-hip-flexor-stretch' (ASCII only)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def read_stretch_id(fields: Fields, name: str | None) -> str | None:
    given = fields.text("id")
    if given is None:
        return (slug(name) or "stretch") if name else None
    if not STRETCH_ID.match(given):
        fields.ctx.report(
            fields.get("id"),
            fields.where("id"),
            f'"{given}" may hold only letters, digits, "-" and "_"; '
            f"for example {slug(given) or 'my-stretch'}",
        )
        return None
    return given


def check_unique_stretch_ids(ctx: Context, top: Fields) -> None:
    """Stretch ids name one stretch each, across the whole booklet.

    Reads the nodes directly (not through Fields) so that mistakes already reported while
    reading the sections are not reported twice.
    """
    seen: dict[str, int] = {}
    sections = top.get("sections")
    if not isinstance(sections, yaml.SequenceNode):
        return
    for i, section in enumerate(sections.value):
        if not isinstance(section, yaml.MappingNode):
            continue
        for key, value in section.value:
            if key.value != "stretches" or not isinstance(value, yaml.SequenceNode):
                continue
            for j, item in enumerate(value.value):
                stretch_id, field_name, node = stretch_id_of(item)
                if stretch_id is None:
                    continue
                line = node.start_mark.line + 1
                if stretch_id not in seen:
                    seen[stretch_id] = line
                    continue
                where = join(join(join("sections", i), "stretches"), j)
                given = f'"{stretch_id}"'
                if field_name == "name":
                    given = f'the id made from this name, "{stretch_id}",'
                ctx.report(
                    node,
                    join(where, field_name),
                    f"{given} is used by two stretches (also on line {seen[stretch_id]}); "
                    "give each stretch its own id",
                )


def stretch_id_of(item: yaml.Node) -> tuple[str | None, str, yaml.Node]:
    """A stretch's id, whether it is given (`id`) or made from its `name`, and its node."""
    if not isinstance(item, yaml.MappingNode):
        return None, "", item
    fields = {k.value: v for k, v in item.value if isinstance(k, yaml.ScalarNode)}
    for name, derive in (("id", str.strip), ("use", str.strip), ("name", slug)):
        node = fields.get(name)
        if isinstance(node, yaml.ScalarNode) and not is_null(node) and node.value.strip():
            return derive(node.value) or "stretch", name, node
    return None, "", item


def read_duration(fields: Fields, name: str) -> int | None:
    """`30`, `30 seconds` or `2 minutes` -> whole seconds."""
    value = fields.text(name)
    if value is None:
        return None
    match = DURATION.match(value)
    if match is None:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f'"{value}" is not a duration; write whole seconds (30), "30 seconds" or "2 minutes"',
        )
        return None
    amount, unit = int(match.group(1)), (match.group(2) or "s").lower()
    seconds = amount * 60 if unit.startswith("min") else amount
    if not 1 <= seconds <= 3600:
        fields.ctx.report(
            fields.get(name), fields.where(name), "must be from 1 second to 60 minutes"
        )
        return None
    return seconds


def read_url(fields: Fields, name: str) -> str | None:
    value = fields.text(name)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f'"{value}" is not a web address; write it in full, starting with https://',
        )
        return None
    return value


# --- the quiz --------------------------------------------------------------------------


def read_quiz(ctx: Context, node: yaml.Node, path: str) -> Quiz | None:
    fields = Fields(ctx, node, path, QUIZ_FIELDS)
    if not fields.ok:
        return None
    questions = tuple(
        q
        for where, item in fields.items("questions", required=True)
        if (q := read_question(ctx, item, where)) is not None
    )
    if not questions:
        return None
    return Quiz(
        questions=questions,
        title=fields.text("title"),
        instructions=fields.markup_text("instructions"),
    )


def read_question(ctx: Context, node: yaml.Node, path: str) -> Question | None:
    fields = Fields(ctx, node, path, QUESTION_FIELDS)
    if not fields.ok:
        return None
    text = fields.text("question", required=True)
    stated = fields.one_of("type", [k.value for k in QuestionKind])
    choices = read_choices(fields)
    answer_node = fields.get("answer", required=True)
    lines = fields.integer("lines", 1, 20)
    explanation = fields.markup_text("explanation")
    section = fields.text("section")
    if answer_node is None or text is None or choices is False:
        return None
    read = read_answer(
        fields, answer_node, choices or None, QuestionKind(stated) if stated else None
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
        lines=lines or 3,
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
    choices = fields.text_list("choices", limit=MAX_CHOICE_CHARS)
    if choices is None:
        return None
    node, where = fields.get("choices"), fields.where("choices")
    if not isinstance(node, yaml.SequenceNode) or len(choices) != len(node.value):
        return False
    if not MIN_CHOICES <= len(choices) <= MAX_CHOICES:
        fields.ctx.report(
            node, where, f"must have {MIN_CHOICES} to {MAX_CHOICES} choices, not {len(choices)}"
        )
        return False
    seen: set[str] = set()
    for item, choice in zip(node.value, choices, strict=True):
        if choice in seen:
            fields.ctx.report(item, where, f'"{choice}" is listed twice; each choice must differ')
            return False
        seen.add(choice)
    return choices


def read_answer(
    fields: Fields, node: yaml.Node, choices: tuple[str, ...] | None, stated: QuestionKind | None
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
        as_bool = BOOLEAN_TEXT.get(value.lower())
        plain = is_plain(node)
        if stated is QuestionKind.TRUE_FALSE or (stated is None and plain and as_bool is not None):
            if as_bool is None:
                fields.ctx.report(
                    node, where, f'"{value}" must be true or false for a true-false question'
                )
                return None
            return QuestionKind.TRUE_FALSE, as_bool
        found = QuestionKind.SHORT
        answer: bool | str | tuple[str, ...] = value
    elif isinstance(node, yaml.SequenceNode):
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


# --- the brand file --------------------------------------------------------------------


def read_brand(
    node: yaml.Node, path: Path, root: Path | None = None
) -> tuple[Brand | None, Context]:
    ctx = Context(path, root=root)
    top = Fields(ctx, node, "", BRAND_FIELDS)
    organization = top.text("organization", required=True)
    logo = read_logo(top)
    primary, accent = read_colors(ctx, top.get("colors"))
    body, heading = read_fonts(ctx, top.get("fonts"))
    page_size, margin = read_page(ctx, top.get("page"))
    contact = read_contact(ctx, top.get("contact"))
    disclaimer = top.markup_text("disclaimer")
    reading_grade = top.integer("reading_grade", 1, 18)
    labels = read_labels(ctx, top.get("labels"))
    large_print, grayscale = read_print(ctx, top.get("print"))
    if ctx.problems or organization is None:
        return None, ctx
    defaults = Brand(organization=organization)
    brand = Brand(
        organization=organization,
        logo=logo,
        primary=primary or defaults.primary,
        accent=accent or defaults.accent,
        body_font=body or defaults.body_font,
        heading_font=heading or defaults.heading_font,
        page_size=page_size or defaults.page_size,
        margin_pt=margin or defaults.margin_pt,
        contact=contact,
        disclaimer=disclaimer,
        reading_grade=reading_grade or defaults.reading_grade,
        labels=labels,
        large_print=large_print,
        grayscale=grayscale,
        source=path,
    )
    return brand, ctx


def read_labels(ctx: Context, node: yaml.Node | None) -> tuple[tuple[str, str], ...]:
    """The brand's own words for any label booklet prints, checked by name and placeholder."""
    if node is None:
        return ()
    fields = Fields(ctx, node, "labels", label_names())
    found: list[tuple[str, str]] = []
    for name in fields.values:
        value = fields.text(name)
        if value is None:
            continue
        problem = label_problem(name, value)
        if problem:
            ctx.report(fields.get(name), fields.where(name), problem)
        else:
            found.append((name, value))
    return tuple(found)


def read_print(ctx: Context, node: yaml.Node | None) -> tuple[bool, bool]:
    """`print: {large: true, grayscale: true}` -> (large print, grayscale)."""
    if node is None:
        return False, False
    fields = Fields(ctx, node, "print", PRINT_FIELDS)
    large, gray = (fields.one_of(name, ("true", "false")) for name in PRINT_FIELDS)
    return large == "true", gray == "true"


def read_logo(top: Fields) -> Path | None:
    located = top.path_to("logo")
    if located is None:
        return None
    file, node = located
    problem = images.check_image(file)
    if problem:
        top.ctx.report(node, top.where("logo"), problem)
        return None
    return file


def read_colors(ctx: Context, node: yaml.Node | None) -> tuple[str | None, str | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "colors", COLOR_FIELDS)
    found: list[str | None] = []
    for name in COLOR_FIELDS:
        value = fields.text(name)
        color = parse_color(value) if value is not None else None
        if value is not None and color is None:
            ctx.report(
                fields.get(name),
                fields.where(name),
                f'"{value}" is not a colour; write "#RRGGBB" (for example "#1F6F8B") '
                "or a CSS colour name"
                + suggestion(value, ["navy", "teal", "darkblue", "darkgreen", "maroon", "purple"]),
            )
        found.append(color)
    return found[0], found[1]


def read_fonts(ctx: Context, node: yaml.Node | None) -> tuple[FontFamily | None, FontFamily | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "fonts", FONT_ROLES)
    families = []
    for role in FONT_ROLES:
        value = fields.get(role)
        families.append(
            read_font_family(ctx, value, fields.where(role)) if value is not None else None
        )
    return families[0], families[1]


def read_font_family(ctx: Context, node: yaml.Node, path: str) -> FontFamily | None:
    """A built-in family name, or font files for regular (required), bold, italic, bold_italic."""
    if isinstance(node, yaml.ScalarNode):
        name = scalar_text(ctx, node, path, required=True)
        if name is None:
            return None
        builtin = fonts.builtin_family(name)
        if builtin is None:
            names = fonts.builtin_names()
            ctx.report(
                node,
                path,
                f'"{name}" is not a built-in font ({", ".join(names)}); name one of these or '
                "give font files such as { regular: fonts/Body-Regular.ttf }"
                + suggestion(name, names),
            )
            return None
        return FontFamily(builtin=builtin)
    fields = Fields(ctx, node, path, FONT_STYLES)
    if not fields.ok:
        return None
    files: dict[str, Path | None] = {}
    for style in FONT_STYLES:
        located = fields.path_to(style, required=(style == "regular"))
        files[style] = None
        if located is not None:
            problem = fonts.check_font_file(located[0])
            if problem:
                ctx.report(located[1], fields.where(style), problem)
            else:
                files[style] = located[0]
    if files["regular"] is None:
        return None
    return FontFamily(
        regular=files["regular"],
        bold=files["bold"],
        italic=files["italic"],
        bold_italic=files["bold_italic"],
    )


def read_page(ctx: Context, node: yaml.Node | None) -> tuple[str | None, float | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "page", PAGE_FIELDS)
    size = fields.one_of("size", list(PAGE_SIZES_PT))
    margin = read_length(fields, "margin")
    if margin is not None:
        width, height = PAGE_SIZES_PT[size or "letter"]
        lowest, highest = 6 * POINTS_PER_UNIT["mm"], min(width, height) / 4
        if not lowest <= margin <= highest:
            # Rounded down, so that the largest margin named is one that is accepted.
            most = math.floor(highest / POINTS_PER_UNIT["mm"])
            ctx.report(
                fields.get("margin"),
                fields.where("margin"),
                f"must be from 6mm to {most}mm for this page size",
            )
            margin = None
    return size, margin


def read_length(fields: Fields, name: str) -> float | None:
    value = fields.text(name)
    if value is None:
        return None
    points = length_in_points(value)
    if points is None:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f'"{value}" is not a length; write a number with mm, cm, in or pt, for example 18mm',
        )
    return points


def length_in_points(text: str) -> float | None:
    """'18mm', '0.5in', '12pt' -> points; None when it is not such a length."""
    match = LENGTH.match(text.strip())
    if match is None:
        return None
    return float(match.group(1)) * POINTS_PER_UNIT[match.group(2).lower()]


def read_contact(ctx: Context, node: yaml.Node | None) -> Contact:
    if node is None:
        return Contact()
    fields = Fields(ctx, node, "contact", CONTACT_FIELDS)
    email = fields.text("email")
    if email is not None and (email.count("@") != 1 or any(c.isspace() for c in email)):
        ctx.report(
            fields.get("email"),
            fields.where("email"),
            f'"{email}" is not an email address; write it as front-desk@example.org',
        )
        email = None
    website = fields.text("website")
    if website is not None and (any(c.isspace() for c in website) or "." not in website):
        ctx.report(
            fields.get("website"),
            fields.where("website"),
            f'"{website}" is not a web address; write it as https://example.org',
        )
        website = None
    return Contact(
        phone=fields.text("phone"), email=email, website=website, address=fields.text("address")
    )
