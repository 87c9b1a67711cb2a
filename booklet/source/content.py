"""Composed YAML nodes -> a frozen Booklet and Brand, collecting every problem on the way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import yaml

from booklet.assets import images
from booklet.assets.preparing import check_side_by_side
from booklet.errors import BookletError, Problem
from booklet.file_names import slug
from booklet.model import (
    Booklet,
    Callout,
    CalloutKind,
    Figure,
    Picture,
    Section,
    Stretch,
)
from booklet.source import loading, spec
from booklet.source.fields import (
    Context,
    Fields,
    has_control_character,
    is_null,
    join,
    outside,
    scalar_text,
    suggestion,
    written_path,
)
from booklet.source.figure_field import read_figure
from booklet.source.prescription import read_dosage
from booklet.source.quiz import (
    check_question_sections,
    read_quiz,
)
from booklet.source.spec import ObjectSpec
from booklet.source.values import (
    read_date,
    read_switch,
    read_url,
    short_text,
)
from booklet.words import typography

# Under `use:`, a stretch's other fields are known, so they get a message of their own.
USE_OR_STRETCH = ObjectSpec(
    spec.USE.title, (*spec.USE.fields, *(f for f in spec.STRETCH if f.name not in spec.USE.index))
)
DOSAGE_WORDS = ", ".join(spec.DOSAGE_NAMES[:-1]) + " and " + spec.DOSAGE_NAMES[-1]
LANGUAGE_TAG = re.compile(spec.LANGUAGE_TAG)
STRETCH_ID = re.compile(spec.STRETCH_ID)


# --- the content file ------------------------------------------------------------------


def read_content(
    node: yaml.Node, path: Path, root: Path | None = None
) -> tuple[Booklet | None, tuple[Path, yaml.Node] | None, Context]:
    """The booklet, the brand file it names (if any), and the problems found.

    With a `root`, every file the content names must lie inside that folder.
    """
    ctx = Context(path, root=root)
    check_side_by_side(named_pictures(node, path.parent, root))  # checked again as read
    top = Fields(ctx, node, "", spec.CONTENT)
    title = short_text(top, "title")
    subtitle = short_text(top, "subtitle")
    language = read_language(top)
    reviewed = read_date(top, "reviewed")
    sources = top.text_list("sources") or ()
    brand_ref = top.path_to("brand")
    library, library_files = read_libraries(top)
    section_items = top.items("sections", required=True)
    if len(section_items) > MAX_SECTIONS:
        ctx.report(
            top.get("sections"),
            "sections",
            f"lists {len(section_items):,} sections; a booklet holds at most {MAX_SECTIONS:,}: "
            "split it into several booklets",
        )
        section_items = []
    sections = tuple(
        s
        for where, item in section_items
        if (s := read_section(ctx, item, where, library)) is not None
    )
    check_unique_stretch_ids(ctx, top)
    quiz_node = top.get("quiz")
    quiz = read_quiz(ctx, quiz_node, "quiz", language or "en") if quiz_node is not None else None
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
    return typography.with_local_spacing(booklet), brand_ref, ctx


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


def read_section(
    ctx: Context, node: yaml.Node, path: str, library: Mapping[str, Stretch] | None
) -> Section | None:
    fields = Fields(ctx, node, path, spec.SECTION)
    if not fields.ok:
        return None
    title = fields.text("title")
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
    handout = read_switch(fields, "handout")
    if title is None:
        return None
    return Section(
        title=title,
        body=body,
        picture=picture,
        figure=figure,
        callouts=callouts,
        stretches=stretches,
        handout=bool(handout),
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


def named_pictures(node: yaml.Node, folder: Path, root: Path | None) -> list[Path]:
    """The files the `image:` fields of a content file name, as a path or as its `file:`,
    in the order written, each once: those under `root` that reading it will check."""
    found: dict[Path, None] = {}
    seen: set[int] = set()
    waiting = [node]
    while waiting and len(found) < MOST_CHECKED_AHEAD:
        current = waiting.pop()
        if id(current) in seen:  # an alias names a node again
            continue
        seen.add(id(current))
        children: list[yaml.Node] = []
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                if isinstance(key, yaml.ScalarNode) and key.value == "image":
                    written = picture_file_written(value)
                    located = written_path(folder, written) if written else None
                    if located is not None and not outside(located, root):
                        found.setdefault(located)
                children.append(value)
        elif isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        waiting.extend(reversed(children))
    return list(found)


def picture_file_written(value: yaml.Node) -> str | None:
    """The path an `image:` value names (itself, or its `file:`), if plainly written."""
    if isinstance(value, yaml.MappingNode):
        files = [v for k, v in value.value if isinstance(k, yaml.ScalarNode) and k.value == "file"]
        value = files[0] if files else value
    if not isinstance(value, yaml.ScalarNode) or not isinstance(value.value, str):
        return None
    written = value.value.strip()
    return written if written and not has_control_character(written) else None


def read_picture(ctx: Context, node: yaml.Node, path: str) -> Picture | None:
    """`image:` is either a path or a mapping with file, caption and alt."""
    if isinstance(node, yaml.MappingNode):
        fields = Fields(ctx, node, path, spec.PICTURE)
        located = fields.path_to("file")
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
    fields = Fields(ctx, node, path, spec.CALLOUT)
    if not fields.ok:
        return None
    kind = fields.one_of("kind") if fields.need("kind") is not None else None
    text = fields.markup_text("text")
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
    fields = Fields(ctx, node, path, spec.STRETCH)
    if not fields.ok:
        return None
    name = fields.text("name")
    stretch_id = read_stretch_id(fields, name)
    picture, figure = read_picture_or_figure(fields)
    steps = fields.text_list("steps")
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


def read_use(
    ctx: Context, node: yaml.Node, path: str, library: Mapping[str, Stretch] | None
) -> Stretch | None:
    """`use: ID` with optional dosage fields that replace the library stretch's own."""
    fields = Fields(ctx, node, path, USE_OR_STRETCH)
    for name in fields.values.keys() - set(spec.USE.names):
        ctx.report(
            fields.values[name],
            fields.where(name),
            f"only {DOSAGE_WORDS} can change where a library stretch is used; change the "
            "others in the library file",
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
    wanted = fields.text(name)
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


MAX_SECTIONS = 2_000  # with MAX_PAGES of the PDF, bounds the time and memory of a build
# Problems gathered from library files before no more files are read: each file may hold
# thousands of stretches, and a content file may list many files.
MAX_LIBRARY_PROBLEMS = 1_000
MOST_CHECKED_AHEAD = 500  # pictures checked in threads before reading; the rest as read


def read_libraries(top: Fields) -> tuple[dict[str, Stretch] | None, tuple[Path, ...]]:
    """Every stretch of the library files that `library:` lists, by id, and those files.

    Each library file is checked as its own file: its problems name its own path and lines.
    The stretches are None when a listed file could not be read, as their ids are unknown.
    """
    ctx = top.ctx
    stretches: dict[str, Stretch] = {}
    files: list[Path] = []
    listed = top.items("library")
    lines: dict[Path, int] = {}  # each real file, and the line that first lists it
    every_file_read = True
    for where, item in listed:
        written = scalar_text(ctx, item, where, required=True)
        path = ctx.locate(item, where, written) if written else None
        if path is None:
            every_file_read = False
            continue
        real = path.resolve()
        if real in lines:
            ctx.report(item, where, f"lists the same file as line {lines[real]}; list it once")
            continue
        lines[real] = item.start_mark.line + 1
        if len(ctx.problems) >= MAX_LIBRARY_PROBLEMS:
            every_file_read = False  # enough to fix first: more files would only add to them
            continue
        try:
            node = loading.load_yaml(path)
        except BookletError as error:
            ctx.problems += [refer_to(p, ctx.file, item, where) for p in error.problems]
            every_file_read = False
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
    return (stretches if every_file_read else None), tuple(files)


def refer_to(problem: Problem, file: Path, node: yaml.Node, where: str) -> Problem:
    """A library file that cannot be read at all is a problem on the line that names it."""
    if problem.line is not None:
        return problem
    return Problem(str(file), node.start_mark.line + 1, where, f"{problem.file}: {problem.message}")


def read_library(
    ctx: Context, node: yaml.Node
) -> tuple[dict[str, tuple[Stretch, int]], list[Problem]]:
    """One library file: `stretches:`, each written as in a content file, ids unique."""
    top = Fields(ctx, node, "", spec.LIBRARY)
    found: dict[str, tuple[Stretch, int]] = {}
    for where, item in top.items("stretches"):
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


# --- the quiz --------------------------------------------------------------------------


# --- the brand file --------------------------------------------------------------------
