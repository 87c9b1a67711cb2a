"""Scalar field values shared by every file kind -> Python values: on/off words, dates,
durations, web addresses, lengths and short text, each problem recorded on the field."""

from __future__ import annotations

import datetime
import re

from booklet.source import spec
from booklet.source.field_words import spoken_seconds
from booklet.source.fields import Fields
from booklet.source.links import has_control, link_problem
from booklet.words import vocabulary

LENGTH = re.compile(spec.LENGTH, re.IGNORECASE)
POINTS_PER_UNIT = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}
BOOLEAN_TEXT = {"true": True, "false": False}  # a quiz answer: true or false only


def read_switch(fields: Fields, name: str) -> bool | None:
    """A field that turns something on or off, in the same words in every kind of file."""
    value = fields.text(name)
    if value is None:
        return None
    switch = spec.SWITCH_WORDS.get(value.lower())
    if switch is None:
        message = fields.ctx.quoted(value, "must be true or false (or yes or no)")
        fields.ctx.report(fields.get(name), fields.where(name), message)
    return switch


def short_text(fields: Fields, name: str, required: bool | None = None) -> str | None:
    """Text that is printed large (the cover's title), so it has the spec's length limit."""
    value = fields.text(name, required, limit=spec.MAX_TEXT_CHARS)
    limit = fields.spec(name).max_length or spec.MAX_TEXT_CHARS
    if value is not None and len(value) > limit:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"is {len(value)} characters long; keep it to {limit} "
            "(it is printed large on the cover)",
        )
        return None
    return value


def read_date(fields: Fields, name: str) -> datetime.date | None:
    """A YYYY-MM-DD date."""
    value = fields.text(name)
    if value is None:
        return None
    try:
        if not re.fullmatch(spec.DATE, value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        shown = fields.ctx.quoted(value, "is not a date")
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"{shown}; write it as YYYY-MM-DD, for example 2026-11-01",
        )
        return None


def read_duration(fields: Fields, name: str) -> int | None:
    """`30`, `30 seconds`, `2 minutes`, or the same in a built-in language (`30 secondes`,
    `2 Minuten`, `30 秒`) -> whole seconds."""
    value = fields.text(name)
    if value is None:
        return None
    seconds = vocabulary.duration_seconds(value)
    if seconds is None:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            fields.ctx.quoted(
                value, 'is not a duration; write whole seconds (30), "30 seconds" or "2 minutes"'
            ),
        )
        return None
    least, most = fields.spec(name).minimum or 1, fields.spec(name).maximum or 3600
    if not least <= seconds <= most:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"must be from {spoken_seconds(least)} to {spoken_seconds(most)}",
        )
        return None
    return seconds


def read_count(fields: Fields, name: str, maximum: int) -> int | None:
    """`repeat` or `sets`: a whole number, alone or with its word in a built-in language
    (`3 times`, `3 fois`, `3-mal`, `3次`, `2 Sätze`)."""
    node = fields.get(name)
    value = fields.text(name)
    if node is None or value is None:
        return None
    number = vocabulary.counted(value, name)
    if number is None:
        message = fields.ctx.quoted(value, "is not a whole number; write a number such as 1")
        fields.ctx.report(node, fields.where(name), message)
        return None
    if not 1 <= number <= maximum:
        shown = "" if fields.ctx.private else f", not {number}"
        fields.ctx.report(node, fields.where(name), f"must be from 1 to {maximum}{shown}")
        return None
    return number


def read_url(fields: Fields, name: str) -> str | None:
    """A web address in full: `https://` or `http://`, a host, nothing that runs or opens
    a local file (the rule of booklet/source/links.py)."""
    value = fields.text(name)
    if value is None:
        return None
    problem = link_problem(value, ("https", "http"))
    if problem is not None:
        fields.ctx.report(fields.get(name), fields.where(name), web_address_message(value, problem))
        return None
    return value


def web_address_message(value: str, problem: str) -> str:
    """Why `value` is not a web address, quoting it only when it is short and printable."""
    shown = f'"{value}" ' if len(value) <= 100 and not has_control(value) else ""
    if problem.startswith("only "):
        return f"{shown}is not a web address; write it in full, starting with https://"
    return f"{shown}is not a web address: it {problem}"


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
