"""A starter YAML file and its shape in the field spec -> the same file with a comment from
the spec on the first line of each field: required or optional, what it is for, its limits.

Only the first line that sets a field (by its path, such as sections.stretches.name) gets
the spec's comment; a later line keeps the comment written on it, which may explain that
example (`answer: true  # true or false makes a true-false question`).
"""

from __future__ import annotations

import re

from booklet.source.field_words import plain, spoken_seconds
from booklet.source.spec import MAX_TEXT_CHARS, FieldSpec, ObjectSpec

COMMENT_COLUMN = 41
KEY_LINE = re.compile(r"^(?P<indent>\s*(?:- )?)(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
BLOCK_SCALAR = re.compile(r"^\s*[|>][-+]?\d*$")
GENERATED_ABOVE = re.compile(r"^\s*# (required|optional): ")


def commented(text: str, shape: ObjectSpec) -> str:
    """The starter file with the spec's comment on the first line of each field (or on a
    line of its own just above it, when the line is long)."""
    lines = [line for line in text.splitlines() if not GENERATED_ABOVE.match(line)]
    seen: set[tuple[str, ...]] = set()
    stack: list[tuple[int, str, FieldSpec | None]] = []  # column, key, field
    block_from: int | None = None  # the column a block scalar's key is at
    for number, line in enumerate(lines):
        match = KEY_LINE.match(line)
        column = len(line) - len(line.lstrip(" "))
        if block_from is not None and (not line.strip() or column > block_from):
            continue
        block_from = None
        if match is None or line.lstrip().startswith("#"):
            continue
        key_column = len(match.group("indent"))
        while stack and stack[-1][0] >= key_column:
            stack.pop()
        parent = stack[-1][2] if stack else None
        field = field_in(shape if not stack else inner_shape(parent), match.group("key"))
        stack.append((key_column, match.group("key"), field))
        value = without_comment(match.group("rest"))
        if BLOCK_SCALAR.match(value):
            block_from = key_column
        path = tuple(key for _, key, _ in stack)
        if field is None or path in seen:
            continue
        seen.add(path)
        code = f"{match.group('indent')}{match.group('key')}:{value}".rstrip()
        if len(code) < COMMENT_COLUMN - 1:
            lines[number] = f"{code.ljust(COMMENT_COLUMN - 1)} # {comment(field)}"
        else:
            indent = " " * column  # a list item's comment stands at its dash
            lines[number] = f"{indent}# {comment(field)}\n{code}"
    return "\n".join(lines) + "\n"


def without_comment(rest: str) -> str:
    """A line's value without its comment: a `#` after a blank, outside quotes."""
    quote = ""
    for i, char in enumerate(rest):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or rest[i - 1].isspace()):
            return rest[:i].rstrip()
    return rest.rstrip()


def field_in(shape: ObjectSpec | None, key: str) -> FieldSpec | None:
    return None if shape is None else shape.index.get(key)


def inner_shape(field: FieldSpec | None) -> ObjectSpec | None:
    """The mapping a field holds, directly, as list items, or as one of its forms."""
    if field is None:
        return None
    if field.shape is not None:
        return field.shape
    if field.item is not None:
        return inner_shape(field.item)
    mappings = [shape for form in field.forms if (shape := inner_shape(form)) is not None]
    return mappings[0] if mappings else None


def comment(field: FieldSpec) -> str:
    """`required: printed large on the cover (up to 200 characters)`."""
    limits = plain(brief(field))
    return f"{'required' if field.required else 'optional'}: {field.help}" + (
        f" ({limits})" if limits else ""
    )


def brief(field: FieldSpec) -> str:
    """The limits a writer needs beside the help: short, and only those that bind."""
    if field.kind == "text" and field.max_length and field.max_length < MAX_TEXT_CHARS:
        return f"up to {field.max_length} characters"
    if field.kind == "whole":
        return f"{field.minimum} to {field.maximum}"
    if field.kind == "switch":
        return f"true or false, yes or no; default {field.default}"
    if field.kind == "choice" and len(field.choices) <= 4:
        return ", ".join(field.choices[:-1]) + " or " + field.choices[-1]
    if field.kind == "date":
        return "YYYY-MM-DD"
    if field.kind == "colour":
        return '"#RRGGBB" or a colour name'
    if field.kind == "length":
        return "a number with mm, cm, in or pt"
    if field.kind == "duration":
        return f"up to {spoken_seconds(field.maximum or 1)}"
    if field.kind == "list" and field.max_items:
        return f"{field.min_items} to {field.max_items}"
    if field.kind == "list" and field.min_items:
        return f"at least {field.min_items}"
    return ""
