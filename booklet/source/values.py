"""Scalar field values shared by every file kind -> Python values: on/off words, dates,
durations, web addresses, lengths and short text, each problem recorded on the field."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit

from booklet.source.fields import Fields
from booklet.words import vocabulary

LENGTH = re.compile(r"^(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)$", re.IGNORECASE)


POINTS_PER_UNIT = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}


BOOLEAN_TEXT = {"true": True, "false": False}


SWITCH_TEXT = {**BOOLEAN_TEXT, "yes": True, "no": False}  # on/off fields, not quiz answers


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
            f'"{value}" is not a duration; write whole seconds (30), "30 seconds" or "2 minutes"',
        )
        return None
    if not 1 <= seconds <= 3600:
        fields.ctx.report(
            fields.get(name), fields.where(name), "must be from 1 second to 60 minutes"
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
        fields.ctx.report(
            node, fields.where(name), f'"{value}" is not a whole number; write a number such as 1'
        )
        return None
    if not 1 <= number <= maximum:
        fields.ctx.report(node, fields.where(name), f"must be from 1 to {maximum}, not {number}")
        return None
    return number


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
