"""The content, brand, library, patient and roster formats as JSON Schema, for editors.

Every object's properties are the validator's own field lists (`validate.CONTENT_FIELDS`
and the rest), each given a type and a description here. Making a schema fails when the
validator accepts a field this module does not describe, or the other way round, and a
test makes every schema, so the schema and the validator cannot drift apart. The
validator stays the judge: the schema helps an editor, it does not replace `validate`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from booklet.figures import library as poses
from booklet.model import FONT_STYLES, PAGE_SIZES_PT, CalloutKind, QuestionKind, Sides
from booklet.source import brand as brand_file
from booklet.source import content as v
from booklet.source import figure_field as fv
from booklet.source import quiz as quiz_file
from booklet.source import values
from booklet.source.fields import MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS
from booklet.source.patient import EXERCISE_FIELDS, PATIENT_FIELDS
from booklet.source.roster import ROW_FIELDS
from booklet.words.labels import names as label_names

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# YAML 1.2 editors read `3.10` as a number and `on` as text; booklet prints what was typed.
SCALAR: Schema = {"type": ["string", "number", "boolean"]}


class SchemaGap(Exception):
    """The validator and the schema disagree on an object's fields."""


def text(description: str, max_length: int = MAX_TEXT_CHARS) -> Schema:
    return {**SCALAR, "maxLength": max_length, "description": description}


def markup(description: str) -> Schema:
    return {
        "type": "string",
        "description": f"{description} Light markup: blank line between paragraphs, '- ' "
        f"bullets, '1. ' numbers, **bold**, *italic*; up to {MAX_PARAGRAPH_CHARS:,} "
        "characters a paragraph.",
    }


def whole(description: str, minimum: int, maximum: int) -> Schema:
    return {
        "anyOf": [
            {"type": "integer", "minimum": minimum, "maximum": maximum},
            {"type": "string", "pattern": r"^\s*\d+\s*$"},
        ],
        "description": f"{description} ({minimum} to {maximum})",
    }


def names(options: Iterable[str], description: str) -> Schema:
    return {"enum": list(options), "description": description}


def switch(description: str) -> Schema:
    return {"type": "boolean", "description": description}


def listing(item: Schema, description: str, min_items: int = 0) -> Schema:
    return {"type": "array", "items": item, "minItems": min_items, "description": description}


def path(description: str) -> Schema:
    return {"type": "string", "description": f"{description} (a path from this file's folder)"}


def mapping(
    name: str, fields: Iterable[str], described: dict[str, Schema], required: Iterable[str] = ()
) -> Schema:
    """An object whose properties are exactly `fields`, the validator's list for it."""
    fields = tuple(fields)
    missing = [field for field in fields if field not in described]
    extra = [field for field in described if field not in fields]
    if missing or extra:
        raise SchemaGap(f"{name}: undescribed {missing}, not accepted {extra}")
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {field: described[field] for field in fields},
        "required": list(required),
    }


def picture() -> Schema:
    described = {
        "file": path("the picture: PNG, JPEG, GIF, WebP, BMP or TIFF"),
        "caption": text("printed under the picture"),
        "alt": text("what the picture shows, for screen readers"),
    }
    return {
        "anyOf": [
            path("the picture: PNG, JPEG, GIF, WebP, BMP or TIFF"),
            mapping("image", v.PICTURE_FIELDS, described, required=("file",)),
        ]
    }


def angles(reach: bool) -> Schema:
    limb = {name: {"type": "number"} for name in poses.LIMB_ANGLES}
    limb_fields = fv.LIMB_FIELDS if reach else poses.LIMB_ANGLES
    if reach:
        limb["reach"] = names(poses.LANDMARKS, "put this hand on a landmark instead")
    described = {name: {"type": "number", "description": "degrees"} for name in poses.BODY_ANGLES}
    for side in poses.SIDES:
        described[side] = mapping(f"angles.{side}", limb_fields, limb)
    return mapping("angles", fv.ANGLE_FIELDS, described)


def figure() -> Schema:
    pose_names = [*poses.POSES, *poses.BASES]
    described = {
        "pose": names(pose_names, "a built-in pose or base posture"),
        "anatomy": names(list(fv.ANATOMY), "a built-in anatomy plate"),
        "side": names(["right", "left"], "left mirrors the picture"),
        "angles": angles(reach=True),
        "then": angles(reach=False),
        "props": listing(names(poses.PROPS, "a prop"), "props to draw"),
        "emphasis": listing(
            {"type": "string", "description": "a region, or 'far REGION'"}, "regions to highlight"
        ),
        "arrow": mapping(
            "arrow",
            fv.ARROW_FIELDS,
            {
                "at": {"type": "string", "description": "where the arrow starts"},
                "toward": names(["up", "down", "forward", "back"], "the movement"),
            },
        ),
        "caption": text("printed under the figure"),
        "alt": text("what the figure shows, for screen readers"),
    }
    return {
        "anyOf": [
            names(fv.figure_names(), "a built-in figure"),
            mapping("figure", fv.FIGURE_FIELDS, described),
        ]
    }


def duration(description: str) -> Schema:
    return {
        "anyOf": [
            {"type": "integer", "minimum": 1, "maximum": 3600},
            {"type": "string", "pattern": values.DURATION.pattern},
        ],
        "description": f"{description}: whole seconds, or '30 seconds', '2 minutes'",
    }


def dosage() -> dict[str, Schema]:
    """The dosage fields, which a library `use:` and a patient's exercise may change."""
    return {
        "hold": duration("how long to hold"),
        "repeat": whole("how many times", 1, 1000),
        "sets": whole("how many sets", 1, 100),
        "sides": names([side.value for side in Sides], "each side, or both at once"),
        "frequency": text("how often, such as 'Twice a day'"),
    }


def stretch_use() -> Schema:
    described = {"use": text("the id of a stretch in a library file"), **dosage()}
    return mapping("use", v.USE_FIELDS, described, required=("use",))


def stretch() -> Schema:
    described = {
        "name": text("the card's title", 200),
        "id": {"type": "string", "pattern": v.STRETCH_ID.pattern, "description": "unique id"},
        "image": picture(),
        "figure": figure(),
        "purpose": text("one line under the title"),
        "steps": listing(text("one step"), "the steps, in order", min_items=1),
        **dosage(),
        "caution": text("printed in a caution box"),
        "video": {"type": "string", "pattern": "^https?://", "description": "a web address"},
    }
    return mapping("stretch", v.STRETCH_FIELDS, described, required=("name", "steps"))


def section() -> Schema:
    described = {
        "title": text("the section heading", 200),
        "body": markup("the section's text."),
        "image": picture(),
        "figure": figure(),
        "callouts": listing(
            mapping(
                "callout",
                v.CALLOUT_FIELDS,
                {
                    "kind": names([kind.value for kind in CalloutKind], "the box's look"),
                    "text": markup("the box's text."),
                },
                required=("kind", "text"),
            ),
            "boxes that stand out",
        ),
        "stretches": listing(
            {"anyOf": [stretch(), stretch_use()]},
            "stretches and exercises, each printed as a card; `use: ID` takes one from a library",
        ),
    }
    return mapping("section", v.SECTION_FIELDS, described, required=("title",))


def question() -> Schema:
    described = {
        "question": text("the question"),
        "type": names([kind.value for kind in QuestionKind], "must agree with the fields"),
        "choices": listing(
            text("a choice", quiz_file.MAX_CHOICE_CHARS), "2 to 8 different choices", min_items=2
        ),
        "answer": {
            "anyOf": [SCALAR, {"type": "array", "items": SCALAR}],
            "description": "true or false; one choice's text; a list of choices; or model text",
        },
        "explanation": markup("printed only in the answer key."),
        "lines": whole("lines to write a short answer on", 1, 20),
        "section": text("the title of the section this question checks"),
    }
    return mapping(
        "question", quiz_file.QUESTION_FIELDS, described, required=("question", "answer")
    )


def content_schema() -> Schema:
    """The content file: the booklet's text, stretches and quiz."""
    quiz = mapping(
        "quiz",
        quiz_file.QUIZ_FIELDS,
        {
            "title": text("the quiz heading"),
            "instructions": markup("printed under the heading."),
            "questions": listing(question(), "the questions", min_items=1),
        },
        required=("questions",),
    )
    described = {
        "title": text("printed large on the cover", v.MAX_TITLE),
        "subtitle": text("under the title", v.MAX_SUBTITLE),
        "language": {"type": "string", "pattern": v.LANGUAGE_TAG.pattern, "description": "en, es"},
        "brand": path("the brand file"),
        "library": listing(path("a library file of stretches"), "exercise library files"),
        "reviewed": {"type": "string", "format": "date", "description": "YYYY-MM-DD"},
        "sources": listing(text("a reference"), "where the facts come from"),
        "sections": listing(section(), "the booklet's sections", min_items=1),
        "quiz": quiz,
        "exercise_log": switch("add a weekly tick-box log of the stretches"),
        "questions_page": switch("add a 'My questions for my clinician' page"),
    }
    return document(
        "booklet content file",
        mapping("content", v.CONTENT_FIELDS, described, required=("title", "sections")),
    )


def brand_schema() -> Schema:
    """The brand file: the clinic's name, logo, colours, fonts, page and contact details."""
    colour = {"type": "string", "description": "'#RRGGBB', '#RGB' or a CSS colour name"}
    style_file = path("a TrueType (.ttf) font file")
    family = {
        "anyOf": [
            {"type": "string", "description": "a built-in family, such as Noto Sans"},
            mapping("font family", FONT_STYLES, dict.fromkeys(FONT_STYLES, style_file)),
        ]
    }
    described = {
        "organization": text("the clinic's name"),
        "logo": path("the logo picture"),
        "colors": mapping(
            "colors", brand_file.COLOR_FIELDS, dict.fromkeys(brand_file.COLOR_FIELDS, colour)
        ),
        "fonts": mapping(
            "fonts", brand_file.FONT_ROLES, dict.fromkeys(brand_file.FONT_ROLES, family)
        ),
        "page": mapping(
            "page",
            brand_file.PAGE_FIELDS,
            {
                "size": names(list(PAGE_SIZES_PT), "the page size"),
                "margin": {
                    "type": "string",
                    "pattern": values.LENGTH.pattern,
                    "description": "18mm",
                },
            },
        ),
        "contact": mapping(
            "contact",
            brand_file.CONTACT_FIELDS,
            dict.fromkeys(brand_file.CONTACT_FIELDS, text("contact detail")),
        ),
        "disclaimer": markup("printed in a box on the back page."),
        "reading_grade": whole("the reading grade `booklet check` aims for", 1, 18),
        "labels": mapping(
            "labels",
            label_names(),
            dict.fromkeys(label_names(), text("the words booklet prints here instead")),
        ),
        "print": mapping(
            "print",
            brand_file.PRINT_FIELDS,
            {
                "large": switch("large print: 18 pt text, one column"),
                "grayscale": switch("shades of gray only, for photocopying"),
                "tags": switch("a tagged PDF for screen readers (PDF/UA-1); default true"),
            },
        ),
    }
    return document(
        "booklet brand file",
        mapping("brand", brand_file.BRAND_FIELDS, described, required=("organization",)),
    )


def library_schema() -> Schema:
    """A library file: stretches written once and used by id from any content file."""
    described = {"stretches": listing(stretch(), "the library's stretches", min_items=1)}
    return document(
        "booklet exercise library",
        mapping("library", v.LIBRARY_FIELDS, described, required=("stretches",)),
    )


def patient_fields() -> dict[str, Schema]:
    exercise = mapping(
        "exercise",
        EXERCISE_FIELDS,
        {"id": text("a stretch id of the booklet"), **dosage()},
        required=("id",),
    )
    return {
        "name": text("the patient's name, printed on the cover", 200),
        "date": {"type": "string", "format": "date", "description": "YYYY-MM-DD; default today"},
        "clinician": text("who prepared the handout"),
        "exercises": listing(
            {"anyOf": [{"type": "string"}, exercise]},
            "stretch ids (or id and dosage) in the order to print; default all",
        ),
        "notes": markup("printed in a box for this patient."),
        "quiz": switch("print the quiz (default true)"),
    }


def patient_schema() -> Schema:
    """A patient file for `booklet build --patient`."""
    return document(
        "booklet patient file",
        mapping("patient", PATIENT_FIELDS, patient_fields(), required=("name",)),
    )


def roster_schema() -> Schema:
    """A YAML roster for `booklet batch`: a list of patients, each with an optional `file`."""
    described = {**patient_fields(), "file": text("the handout's file name, without .pdf")}
    row = mapping("roster row", ROW_FIELDS, described, required=("name",))
    return {"$schema": DRAFT, "title": "booklet roster", **listing(row, "one patient a row")}


def document(title: str, body: Schema) -> Schema:
    return {"$schema": DRAFT, "title": title, **body}


SCHEMAS = {
    "content": content_schema,
    "brand": brand_schema,
    "library": library_schema,
    "patient": patient_schema,
    "roster": roster_schema,
}


def schema_json(kind: str) -> str:
    """One schema as the JSON text `booklet schema KIND` prints and `booklet init` writes."""
    return json.dumps(SCHEMAS[kind](), indent=2, ensure_ascii=False) + "\n"
