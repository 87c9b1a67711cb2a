"""A stretch's, a `use:`'s or a patient's dosage fields -> a Dosage: hold, repeat, sets,
sides and how often, and the rest of a full prescription (rest between sets, tempo, load,
effort, duration of a timed exercise and days a week), each checked with its own message.

A patient's file is private: messages about its values name the field and never quote it.
"""

from __future__ import annotations

import re

from booklet.model import Dosage, Sides
from booklet.source.fields import Fields, scalar_text, suggestion
from booklet.source.values import read_count, read_duration
from booklet.words import vocabulary

RATING = re.compile(r"(\d+(?:[.,]\d+)?)\s*/\s*10\b")
EFFORT_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*$")


def read_dosage(fields: Fields) -> Dosage:
    """Every dosage field given in `fields`; the ones left out stay None."""
    return Dosage(
        hold_seconds=read_duration(fields, "hold"),
        repeat=read_count(fields, "repeat", 1000),
        sets=read_count(fields, "sets", 100),
        sides=read_sides(fields),
        frequency=fields.text("frequency"),
        rest_seconds=read_duration(fields, "rest"),
        tempo=one_line(fields, "tempo"),
        load=one_line(fields, "load"),
        effort=read_effort(fields),
        duration_seconds=read_duration(fields, "duration"),
        days_per_week=read_count(fields, "days", 7),
    )


def read_sides(fields: Fields) -> Sides | None:
    """each, left, right or both, or the same in a built-in language (`chaque côté`)."""
    node = fields.get("sides")
    value = None if node is None else scalar_text(fields.ctx, node, fields.where("sides"))
    if node is None or value is None:
        return None
    sides = vocabulary.side(value)
    if sides is None:
        options = [s.value for s in Sides]
        fields.ctx.report(
            node,
            fields.where("sides"),
            fields.ctx.quoted(
                value, f"is not one of: {', '.join(options)}{suggestion(value, options)}"
            ),
        )
    return sides


def one_line(fields: Fields, name: str) -> str | None:
    """Words that print in one cell of a card's dosage strip: one line, within the limit."""
    value = fields.text(name)
    if value is None:
        return None
    if "\n" in value.strip():
        fields.ctx.report(
            fields.get(name), fields.where(name), "must be one line; write it without line breaks"
        )
        return None
    return " ".join(value.split())


def read_effort(fields: Fields) -> str | None:
    """A rating from 0 to 10 (`5` prints `5/10`), or a rule in words whose every rating
    written `N/10` is from 0 to 10 (`pain no higher than 3/10`)."""
    value = one_line(fields, "effort")
    if value is None:
        return None
    alone = EFFORT_NUMBER.match(value)
    ratings = [alone.group(1)] if alone else RATING.findall(value)
    if any(float(rating.replace(",", ".")) > 10 for rating in ratings):
        fields.ctx.report(
            fields.get("effort"),
            fields.where("effort"),
            "a rating must be from 0 to 10; write a number such as 5, or a rule such as "
            '"pain no higher than 3/10"',
        )
        return None
    if not any(c.isalpha() for c in value) and not alone:
        fields.ctx.report(
            fields.get("effort"),
            fields.where("effort"),
            'is not a rating; write a number from 0 to 10, or a rule such as "pain no higher '
            'than 3/10"',
        )
        return None
    return f"{alone.group(1)}/10" if alone else value
