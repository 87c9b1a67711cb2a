"""The field spec -> JSON Schemas of the content, brand, library, patient and roster files,
for editors that check YAML as it is typed.

Every property, type, limit, choice and on/off word comes from booklet/source/spec.py, the
spec the validator reads too. Editors read YAML 1.2, in which `yes` and `3.10` are text and
`true` is a boolean, so each schema accepts what booklet accepts as an editor sees it. The
validator stays the judge: a schema helps an editor, it does not replace `validate`.
"""

from __future__ import annotations

import json
from typing import Any

from booklet.figures import library as poses
from booklet.source import spec
from booklet.source.field_words import plain, value_words
from booklet.source.spec import FieldSpec, ObjectSpec

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# YAML 1.2 editors read `3.10` as a number and `on` as text; booklet prints what was typed.
SCALAR: Schema = {"type": ["string", "number", "boolean"]}
TITLES = {
    "content": "booklet content file",
    "brand": "booklet brand file",
    "library": "booklet exercise library",
    "patient": "booklet patient file",
    "roster": "booklet roster",
}


def any_case(pattern: str) -> str:
    """A regular expression that matches in any letter case, as booklet reads these values
    (JSON Schema patterns have no flag for it), allowing the blanks booklet trims."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern.removeprefix("^").removesuffix("$"):
        if escaped or in_class or not char.isalpha():
            out.append(char)
            in_class = (in_class and (escaped or char != "]")) or (
                not in_class and not escaped and char == "["
            )
            escaped = not escaped and char == "\\"
            continue
        out.append(f"[{char.lower()}{char.upper()}]")
    return r"^\s*(?:" + "".join(out) + r")\s*$"


def words_pattern(words: tuple[str, ...] | list[str]) -> str:
    return any_case("^(" + "|".join(words) + ")$")


def field_schema(field: FieldSpec) -> Schema:
    """One field's schema, described by its help and the words for its value."""
    described = plain(value_words(field))
    description = field.help + (f" ({described})" if described else "")
    schema = value_schema(field)
    if field.per_language:
        schema = {"anyOf": [schema, per_language(schema)]}
    return {**schema, "description": description}


def per_language(schema: Schema) -> Schema:
    """One value per language tag (`{en: …, es: …}`)."""
    return {
        "type": "object",
        "propertyNames": {"pattern": trimmed(spec.LANGUAGE_TAG)},
        "additionalProperties": schema,
        "minProperties": 1,
    }


def value_schema(field: FieldSpec) -> Schema:
    kind = field.kind
    if kind in ("text", "markup", "path", "colour"):
        limit = {"maxLength": field.max_length} if kind == "text" and field.max_length else {}
        return {**SCALAR, **limit}
    if kind == "whole":
        return {
            "anyOf": [
                {"type": "integer", "minimum": field.minimum, "maximum": field.maximum},
                {"type": "string", "pattern": COUNTED if field.counted else r"^\s*\d+\s*$"},
            ]
        }
    if kind == "switch":
        return {
            "anyOf": [{"type": "boolean"}, {"type": "string", "pattern": words_pattern(ON_OFF)}]
        }
    if kind == "choice":
        return {
            "anyOf": [
                {"enum": [*field.choices, *field.also]},
                {"type": "string", "pattern": words_pattern((*field.choices, *field.also))},
            ]
        }
    if kind == "date":
        return {"type": "string", "format": "date", "pattern": trimmed(spec.DATE)}
    if kind == "duration":
        return {
            "anyOf": [
                {"type": "integer", "minimum": field.minimum, "maximum": field.maximum},
                {"type": "string", "pattern": any_case(field.pattern or "")},
            ]
        }
    if kind in ("length", "web address", "email", "website"):
        return {"type": "string", "pattern": any_case(field.pattern or "")}
    if kind in ("id", "language"):
        return {"type": "string", "pattern": trimmed(field.pattern or "")}
    return composite_schema(field)


ON_OFF = tuple(spec.SWITCH_WORDS)
COUNTED = r"^\s*\d+\s*(-\s*)?([^\d\s.][^\d]*?)?\.?\s*$"  # `3`, `3 times`, `3 fois`, `3-mal`


def trimmed(pattern: str) -> str:
    """A pattern that also allows the blanks booklet trims from every value."""
    return r"^\s*(?:" + pattern.removeprefix("^").removesuffix("$") + r")\s*$"


def composite_schema(field: FieldSpec) -> Schema:
    if field.kind == "list" and field.item is not None:
        limits = {"maxItems": field.max_items} if field.max_items is not None else {}
        return {
            "type": "array",
            "items": field_schema(field.item),
            "minItems": field.min_items,
            **limits,
        }
    if field.kind == "mapping" and field.shape is not None:
        return object_schema(field.shape)
    if field.kind == "either":
        return {"anyOf": [field_schema(form) for form in field.forms]}
    if field.kind == "answer":
        return {"anyOf": [SCALAR, {"type": "array", "items": SCALAR}]}
    if field.kind == "angles":
        return angles(reach=field.name == "angles")
    return {}


def object_schema(shape: ObjectSpec) -> Schema:
    """A mapping whose properties are exactly the shape's fields."""
    one_of = [{"required": [name]} for name in shape.one_of_required]
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {field.name: field_schema(field) for field in shape},
        "required": list(shape.required),
        **({"oneOf": one_of} if one_of else {}),
    }


def angles(reach: bool) -> Schema:
    """A figure's `angles` (or `then`): body angles, and limb angles under `near`/`far`,
    each within the body's range of motion."""
    limb: Schema = {name: angle(name) for name in poses.LIMB_ANGLES}
    if reach:
        limb["reach"] = {
            "enum": [*poses.REACH_TARGETS, "none"],
            "description": "put this hand on a place instead of giving the arm's angles",
        }
    body: Schema = {name: angle(name) for name in poses.BODY_ANGLES}
    for side in poses.SIDES:
        body[side] = {"type": "object", "additionalProperties": False, "properties": limb}
    return {"type": "object", "additionalProperties": False, "properties": body}


def angle(name: str) -> Schema:
    """Degrees within the body's range, as a number or as text such as `30°`."""
    least, most, meaning = poses.RANGES[name]
    return {
        "anyOf": [
            {"type": "number", "minimum": least, "maximum": most},
            {"type": "string", "pattern": DEGREES},
        ],
        "description": f"{meaning}, from {least:g} to {most:g} degrees",
    }


DEGREES = r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*°?\s*$"


def file_schema(kind: str) -> Schema:
    """The schema of one kind of file; a roster is a list of rows."""
    shape = spec.FILE_KINDS[kind]
    body = object_schema(shape)
    if kind == "roster":
        body = {"type": "array", "items": body, "description": "one patient a row"}
    return {"$schema": DRAFT, "title": TITLES[kind], **body}


SCHEMAS = {kind: (lambda kind=kind: file_schema(kind)) for kind in spec.FILE_KINDS}


def schema_json(kind: str) -> str:
    """One schema as the JSON text `booklet schema KIND` prints and `booklet init` writes."""
    return json.dumps(file_schema(kind), indent=2, ensure_ascii=False) + "\n"
