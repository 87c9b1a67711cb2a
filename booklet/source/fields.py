"""YAML nodes -> typed values, one field at a time, recording every problem instead of stopping.

Scalars are read from the node's text as typed, never through YAML 1.1's implicit types,
so `No`, `on`, `1:30` and `3.10` arrive as the text the author wrote.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from booklet.errors import Problem
from booklet.source.spec import MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS, FieldSpec, ObjectSpec

NULL_TAG = "tag:yaml.org,2002:null"
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass
class Context:
    """Where problems go while one file is validated, and what its relative paths start from."""

    file: Path
    problems: list[Problem] = field(default_factory=list)
    root: Path | None = None  # with --restrict-to, every file named here must lie inside it
    # A patient file or roster: its messages never repeat a value or a key from the file.
    private: bool = False
    # "did you mean" hints compare a word with every option; a roster of 100,000 wrong rows
    # turns them off once enough problems are found, so its cost stays linear
    hints: bool = True

    @property
    def folder(self) -> Path:
        return self.file.parent

    def locate(self, node: yaml.Node, path: str, written: str) -> Path | None:
        """A file path as written in this file -> the file, relative to this file's folder.

        Under a root, a path that leads outside it, through `..` or a symbolic link, is
        reported and never opened.
        """
        if has_control_character(written):
            self.report(
                node,
                path,
                "the path holds a control character (such as a NUL byte or a line break); "
                "write the file name as plain text",
            )
            return None
        located = written_path(self.folder, written)
        if outside(located, self.root):
            self.report(
                node,
                path,
                f"{written} is outside {self.root}, the only folder files may come from "
                "(--restrict-to); copy the file into it",
            )
            return None
        return located

    def quoted(self, value: str, rest: str) -> str:
        """`"value" rest`, or only `rest` in a private file."""
        return rest if self.private else f'"{value}" {rest}'

    def report(self, node: yaml.Node | None, path: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.problems.append(Problem(str(self.file), line, path, message))


def written_path(folder: Path, written: str) -> Path:
    """A path as written in a file, taken from the file's `folder`, its `..` resolved."""
    return Path(os.path.normpath(folder / written))


def has_control_character(written: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in written)


def outside(located: Path, root: Path | None) -> bool:
    """Whether a file lies outside `root` (through `..` or a symbolic link); never, without
    a root."""
    return root is not None and not located.resolve().is_relative_to(root.resolve())


def suggestion(word: str, options: Sequence[str]) -> str:
    """'; did you mean "x"?' for the closest option, or nothing when none is close."""
    best = closest(word, options)
    return f'; did you mean "{best}"?' if best else ""


def closest(word: str, options: Sequence[str]) -> str | None:
    """The option `word` was most likely meant to be, or None when none is close."""
    lowered = {option.lower(): option for option in options}
    wanted = word.lower()
    if wanted in lowered:
        return lowered[wanted]
    import difflib  # only when a name is wrong

    close = difflib.get_close_matches(wanted, list(lowered), n=3, cutoff=0.6)
    if not close:
        return None
    # Among equally close options prefer one with the same letters: `setps` is `steps`
    # typed with two letters swapped, not `sets` with a letter added.
    best = min(
        close,
        key=lambda option: (typing_distance(wanted, option), sorted(option) != sorted(wanted)),
    )
    return lowered[best]


def typing_distance(a: str, b: str) -> int:
    """Letters added, dropped, changed or swapped with a neighbour to turn `a` into `b`."""
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j, y in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x != y))
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG and is_plain(node)


def is_plain(node: yaml.ScalarNode) -> bool:
    """True for a scalar typed without quotes or a block marker (libyaml says "", not None)."""
    return not node.style


def kind_of(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return "text"


def join(path: str, name: str | int) -> str:
    if isinstance(name, int):
        return f"{path}[{name + 1}]"
    return f"{path}.{name}" if path else name


def loose_shape(names: Sequence[str]) -> ObjectSpec:
    """A mapping whose field names are a vocabulary of their own (a figure's angles)."""
    return ObjectSpec("", tuple(FieldSpec(name, "any", "") for name in names), documented=False)


COMMA_IN_BRACES = (
    "; inside { } a comma starts a new field: put text that has a comma in quotes, "
    'such as caption: "Knees bent, feet flat"'
)


def split_by_comma(mapping: yaml.Node, key: str, value: yaml.Node) -> bool:
    """Whether `key` looks like the words after a comma in a value written inside { }
    without quotes: several words, with no colon after them."""
    return bool(getattr(mapping, "flow_style", False)) and " " in key.strip() and is_null(value)


class Fields:
    """One YAML mapping, checked against its shape in the field spec: the names it may
    hold, and each field's limits, choices and whether it is required."""

    def __init__(
        self, ctx: Context, node: yaml.Node, path: str, shape: ObjectSpec | Sequence[str]
    ) -> None:
        self.ctx = ctx
        self.node = node
        self.path = path
        self.shape = shape if isinstance(shape, ObjectSpec) else loose_shape(shape)
        allowed = self.shape.names
        self.values: dict[str, yaml.Node] = {}
        self.misspelled: set[str] = set()  # fields reported as typed wrong, not as missing
        if not isinstance(node, yaml.MappingNode):
            ctx.report(
                node, path or "(top level)", f"must be a mapping of fields, not {kind_of(node)}"
            )
            return
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or is_null(key_node):
                ctx.report(key_node, path or "(top level)", "field names must be plain text")
                continue
            where = join(path, key) if key in allowed or not ctx.private else path
            if key in lines:
                ctx.report(key_node, where, f"appears twice (also on line {lines[key]}); keep one")
                continue
            lines[key] = key_node.start_mark.line + 1
            if key not in allowed:
                meant = closest(key, allowed)
                hint = f'; did you mean "{meant}"?' if meant else self._allowed_hint(allowed)
                if split_by_comma(node, key, value_node):
                    hint = COMMA_IN_BRACES
                ctx.report(key_node, where, f"unknown field{hint}")
                self.misspelled |= {meant} if meant else set()
                continue
            self.values[key] = value_node

    @staticmethod
    def _allowed_hint(allowed: Sequence[str]) -> str:
        return "; allowed here: " + ", ".join(allowed)

    @property
    def ok(self) -> bool:
        return isinstance(self.node, yaml.MappingNode)

    def where(self, name: str) -> str:
        return join(self.path, name)

    def spec(self, name: str) -> FieldSpec:
        return self.shape[name]

    def required(self, name: str, required: bool | None) -> bool:
        """`required` as given, or else as the spec says."""
        return self.shape[name].required if required is None else required

    def get(self, name: str, required: bool = False) -> yaml.Node | None:
        """The value's node, or None when absent or empty (reported when required)."""
        node = self.values.get(name)
        if node is not None and is_null(node):
            node = None
        if node is None and required and self.ok and name not in self.misspelled:
            present = name in self.values
            anchor = self.values[name] if present else self.node
            message = "must not be empty" if present else "missing required field"
            self.ctx.report(anchor, self.where(name), message)
        return node

    def need(self, name: str) -> yaml.Node | None:
        """The value's node, reported as missing when the spec requires the field."""
        return self.get(name, self.spec(name).required)

    def text(self, name: str, required: bool | None = None, limit: int | None = None) -> str | None:
        """Text within the spec's length limit, or within `limit` when a reader that has
        its own message for the spec's limit asks for the general one."""
        required = self.required(name, required)
        node = self.get(name, required)
        limit = limit or self.spec(name).max_length or MAX_TEXT_CHARS
        return (
            None
            if node is None
            else scalar_text(self.ctx, node, self.where(name), required, limit=limit)
        )

    def markup_text(self, name: str, required: bool | None = None) -> str | None:
        """Light-markup text: any length, but each paragraph within the paragraph limit."""
        required = self.required(name, required)
        node = self.get(name, required)
        if node is None:
            return None
        value = scalar_text(self.ctx, node, self.where(name), required, limit=None)
        longest = max(PARAGRAPH_BREAK.split(value), key=len) if value else ""
        most = self.spec(name).max_length or MAX_PARAGRAPH_CHARS
        if len(longest) > most:
            self.ctx.report(
                node,
                self.where(name),
                f"has a paragraph {len(longest):,} characters long; the limit is "
                f"{most:,}: put a blank line between paragraphs",
            )
            return None
        return value

    def integer(self, name: str) -> int | None:
        """A whole number within the spec's minimum and maximum."""
        node, spec = self.get(name), self.spec(name)
        if node is None or spec.minimum is None or spec.maximum is None:
            return None
        return whole_number(self.ctx, node, self.where(name), spec.minimum, spec.maximum)

    def one_of(self, name: str, options: Sequence[str] | None = None) -> str | None:
        """One of the spec's choices (or `options`), in any letter case."""
        node = self.get(name)
        if node is None:
            return None
        options = self.spec(name).choices if options is None else options
        value = scalar_text(self.ctx, node, self.where(name))
        if value is None:
            return None
        if value.lower() in options:
            return value.lower()
        hint = suggestion(value, options)
        self.ctx.report(
            node,
            self.where(name),
            self.ctx.quoted(value, f"is not one of: {', '.join(options)}{hint}"),
        )
        return None

    def items(self, name: str, required: bool | None = None) -> list[tuple[str, yaml.Node]]:
        """A list field's items with their paths; a single mapping is not a list."""
        required = self.required(name, required)
        node = self.get(name, required)
        if node is None:
            return []
        if not isinstance(node, yaml.SequenceNode):
            hint = '; start each item on its own line with "- "' if kind_of(node) == "text" else ""
            self.ctx.report(node, self.where(name), f"must be a list, not {kind_of(node)}{hint}")
            return []
        if (required or self.spec(name).min_items == 1) and not node.value:
            self.ctx.report(node, self.where(name), "must list at least one item")
        return [(join(self.where(name), i), item) for i, item in enumerate(node.value)]

    def text_list(self, name: str, required: bool | None = None) -> tuple[str, ...] | None:
        """A list of text items, each within the spec's limit; None when absent."""
        required = self.required(name, required)
        item = self.spec(name).item
        limit = item.max_length if item is not None and item.max_length else MAX_TEXT_CHARS
        if self.get(name) is None:
            self.get(name, required)
            return None
        texts = [
            scalar_text(self.ctx, item, where, True, limit)
            for where, item in self.items(name, required)
        ]
        return tuple(t for t in texts if t is not None)

    def path_to(self, name: str, required: bool | None = None) -> tuple[Path, yaml.Node] | None:
        """A file path relative to this file's folder, with the node for error lines."""
        node = self.get(name, self.required(name, required))
        text = None if node is None else scalar_text(self.ctx, node, self.where(name), True)
        if node is None or text is None:
            return None
        located = self.ctx.locate(node, self.where(name), text)
        return None if located is None else (located, node)


def scalar_text(
    ctx: Context,
    node: yaml.Node,
    path: str,
    required: bool = False,
    limit: int | None = MAX_TEXT_CHARS,
) -> str | None:
    """A scalar's text as typed, trimmed, within `limit` characters; lists and maps are reported."""
    if not isinstance(node, yaml.ScalarNode):
        ctx.report(node, path, f"must be text, not {kind_of(node)}{quoting_hint(ctx, node)}")
        return None
    if is_null(node):
        if required:
            ctx.report(node, path, "must not be empty")
        return None
    value = node.value.strip()
    if not value and required:
        ctx.report(node, path, "must not be empty")
        return None
    if limit is not None and len(value) > limit:
        ctx.report(node, path, f"is {len(value):,} characters long; the limit is {limit:,}")
        return None
    return value or None


def quoting_hint(ctx: Context, node: yaml.Node) -> str:
    """For a list item that YAML read as a mapping because of a ": " in it
    ("- OrthoInfo : rotator cuff tears"), a hint to put it in quotes."""
    if not isinstance(node, yaml.MappingNode) or len(node.value) != 1:
        return ""
    key, value = node.value[0]
    plain = [n for n in (key, value) if isinstance(n, yaml.ScalarNode) and not n.style]
    if len(plain) != 2 or key.start_mark.line != value.end_mark.line:
        return ""
    line = source_line(ctx, key.start_mark.line)
    if line is None or not line[: key.start_mark.column].rstrip().endswith("-"):
        return ""
    written = line[key.start_mark.column : value.end_mark.column].strip()
    shown = written.replace('"', '\\"')
    return (
        f'; YAML read it as a mapping because of the ":" followed by a space; put the text '
        f'in quotes: - "{shown}"'
    )


def source_line(ctx: Context, index: int) -> str | None:
    """Line `index` (from 0) of the file being read, or None."""
    try:
        return ctx.file.read_text(encoding="utf-8").splitlines()[index]
    except (OSError, UnicodeDecodeError, IndexError):
        return None


def whole_number(
    ctx: Context, node: yaml.Node, path: str, minimum: int, maximum: int
) -> int | None:
    value = scalar_text(ctx, node, path)
    if value is None:
        return None
    if not value.isascii() or not value.isdigit():
        ctx.report(
            node,
            path,
            ctx.quoted(value, f"is not a whole number; write a number such as {minimum}"),
        )
        return None
    number = int(value)
    if not minimum <= number <= maximum:
        shown = "" if ctx.private else f", not {number}"
        ctx.report(node, path, f"must be from {minimum} to {maximum}{shown}")
        return None
    return number
