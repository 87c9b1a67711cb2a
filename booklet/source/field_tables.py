"""The field spec -> the Markdown field tables of docs/format.md, each between a pair of
marker comments (`<!-- fields: NAME -->` ... `<!-- end of fields -->`)."""

from __future__ import annotations

import re

from booklet.figures.library import RANGES, STRAIGHT_KNEE, STRAIGHT_LEG_HIP_LIMIT
from booklet.source import spec
from booklet.source.field_words import value_words
from booklet.source.spec import FieldSpec, ObjectSpec
from booklet.words.labels import Labels
from booklet.words.labels import names as label_names

# Each table of the reference, and the shape whose fields it already lists elsewhere.
TABLES: dict[str, tuple[ObjectSpec, ObjectSpec | None]] = {
    "content": (spec.CONTENT, None),
    "sections": (spec.SECTION, None),
    "pictures": (spec.PICTURE, None),
    "callouts": (spec.CALLOUT, None),
    "stretches": (spec.STRETCH, None),
    "library": (spec.LIBRARY, None),
    "use": (spec.USE, None),
    "figures": (spec.FIGURE, None),
    "quiz": (spec.QUIZ, None),
    "questions": (spec.QUESTION, None),
    "brand": (spec.BRAND, None),
    "font-files": (spec.FONT_FILES, None),
    "patient": (spec.PATIENT, None),
    "exercises": (spec.EXERCISE, None),
    "roster": (spec.ROW, spec.PATIENT),
}
MARKED = re.compile(
    r"(<!-- fields: (?P<name>[\w-]+) -->\n)(?P<table>.*?)(<!-- end of fields -->)", re.DOTALL
)


def field_table(shape: ObjectSpec, listed: ObjectSpec | None = None) -> str:
    """A table of a shape's fields: name, whether required, value, what it is for."""
    rows = ["| field | required | value | what it holds |", "| --- | --- | --- | --- |"]
    for field in shape:
        if listed is not None and field.name in listed.index:
            continue
        rows += field_rows(field, "")
    return "\n".join(rows) + "\n"


def field_rows(field: FieldSpec, parent: str) -> list[str]:
    """One row, or a row per field of a mapping listed in its parent's table."""
    name = f"{parent}{field.name}"
    if field.kind == "mapping" and field.shape is not None and field.shape.inline:
        return [row for inner in field.shape for row in field_rows(inner, f"{name}.")]
    holds = field.help + (f"; {field.doc}" if field.doc else "")
    required = "yes" if field.required else ""
    return [f"| `{name}` | {required} | {cell(value_words(field))} | {cell(holds)} |"]


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def labels_table() -> str:
    """Every label a brand may rename, with its English words."""
    english = Labels()
    rows = ["| label | English |", "| --- | --- |"]
    for name in label_names():
        words = " ".join(str(getattr(english, name)).split())
        rows.append(f"| `{name}` | {cell(words)} |")
    return "\n".join(rows) + "\n"


def angles_table() -> str:
    """Every angle a figure may change, with the body's range of motion for it."""
    rows = ["| angle | from | to | meaning |", "| --- | --- | --- | --- |"]
    for name, (low, high, meaning) in RANGES.items():
        if name == "hip":
            meaning += (
                f"; above {STRAIGHT_LEG_HIP_LIMIT:g} the knee must bend at least {STRAIGHT_KNEE:g}"
            )
        rows.append(f"| `{name}` | {low:g} | {high:g} | {cell(meaning)} |")
    return "\n".join(rows) + "\n"


def table_named(name: str) -> str:
    if name == "labels":
        return labels_table()
    if name == "angles":
        return angles_table()
    shape, listed = TABLES[name]
    return field_table(shape, listed)


def with_tables(markdown: str) -> str:
    """The reference with every marked table written anew from the spec."""
    return MARKED.sub(
        lambda match: match.group(1) + table_named(match.group("name")) + match.group(4),
        markdown,
    )


def marked_tables(markdown: str) -> list[str]:
    return [match.group("name") for match in MARKED.finditer(markdown)]
