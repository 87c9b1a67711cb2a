"""A valid document and the lines of its files -> warnings that do not stop a build:
characters no font can print, and brand colours that leave text too faint to read.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from booklet.assets import fonts
from booklet.assets.colors import contrast, darken_until_readable, readable_on, shade_until_readable
from booklet.errors import Problem
from booklet.literacy.passages import passages
from booklet.model import Booklet, Brand, QuestionKind
from booklet.source.fields import join
from booklet.source.places import Places

WCAG_TEXT_CONTRAST = 4.5
WHITE = "#FFFFFF"
BLACK = "#000000"


def warning(places: Places, field: str, message: str, near: str | None = None) -> Problem:
    """A warning on a field's line (in a `|` block, the line holding the text `near`)."""
    return Problem(places.file, places.line(field, near), field, f"warning: {message}")


def line_holding(value: str, char: str) -> str:
    """The line of a multi-line text where `char` first appears."""
    return next(line for line in value.splitlines() if char in line)


def printed_texts(booklet: Booklet) -> Iterator[tuple[str, str]]:
    """Every (field, text) the booklet and its answer key print, patient's and clinician's."""
    for passage in passages(booklet):
        yield passage.field, passage.text
    for i, source in enumerate(booklet.sources):
        yield join("sources", i), source
    if booklet.quiz:
        for i, question in enumerate(booklet.quiz.questions):
            path = join("quiz.questions", i)
            if question.explanation:
                yield join(path, "explanation"), question.explanation
            if question.kind is QuestionKind.SHORT:
                yield join(path, "answer"), str(question.answer)


def brand_texts(brand: Brand) -> Iterator[tuple[str, str]]:
    yield "organization", brand.organization
    if brand.disclaimer:
        yield "disclaimer", brand.disclaimer
    for name in ("phone", "email", "website", "address"):
        value = getattr(brand.contact, name)
        if value:
            yield join("contact", name), value
    for name, value in brand.labels:
        yield join("labels", name), value


def undrawable(places: Places, texts: Iterator[tuple[str, str]], base_font: str) -> list[Problem]:
    """One warning per field and character that no bundled or brand font can draw."""
    found = []
    for field, value in texts:
        for char in fonts.undrawable(value, base_font):
            found.append(
                warning(
                    places,
                    field,
                    f'"{char}" (U+{ord(char):04X}) is in no font booklet has, so it prints as '
                    f'"{fonts.REPLACEMENT}"; write it another way or leave it out',
                    line_holding(value, char),
                )
            )
    return found


def ratio(a: str, b: str) -> str:
    """The contrast as '4.4', rounded down so a ratio just short of 4.5 never reads 4.5."""
    return f"{math.floor(contrast(a, b) * 10) / 10:.1f}"


def faint_colors(places: Places, brand: Brand) -> list[Problem]:
    """Warnings for brand colours that give text under 4.5:1 contrast (WCAG AA)."""
    found = []
    primary = brand.primary
    on_primary = readable_on(primary)
    away = BLACK if on_primary == WHITE else WHITE
    if contrast(primary, on_primary) < WCAG_TEXT_CONTRAST:
        found.append(
            warning(
                places,
                "colors.primary",
                f'"{primary}" behind the text of the cover and the card headers gives it only '
                f"{ratio(primary, on_primary)}:1 contrast, under the 4.5:1 WCAG asks for; "
                f"choose a {'darker' if away == BLACK else 'lighter'} colour, such as "
                f'"{shade_until_readable(primary, on_primary, away)}"',
            )
        )
    if contrast(primary, WHITE) < WCAG_TEXT_CONTRAST:
        found.append(
            warning(
                places,
                "colors.primary",
                f'"{primary}" as heading text on white gives only '
                f"{ratio(primary, WHITE)}:1 contrast, under the 4.5:1 WCAG asks for; "
                f'headings print in the darker "{darken_until_readable(primary)}" instead',
            )
        )
    return found


def warnings(
    booklet: Booklet, brand: Brand, content: Places, brand_places: Places | None
) -> list[Problem]:
    """Every warning for a valid document."""
    family = fonts.for_language(brand.body_font, booklet.language)
    base = fonts.register(family).regular
    found = undrawable(content, printed_texts(booklet), base)
    if brand_places is not None:
        found += undrawable(brand_places, brand_texts(brand), base)
        found += faint_colors(brand_places, brand)
    return found
