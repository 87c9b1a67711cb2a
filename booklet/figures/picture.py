"""A Figure -> its marks, whichever way it is seen: the anatomy plate, the side view, or
the body turned to be seen from the front or from above; mirrored for the left side."""

from __future__ import annotations

from dataclasses import replace

from booklet.figures import anatomy
from booklet.figures.geometry import Point, transform
from booklet.figures.marks import Colors, Mark
from booklet.figures.scene import side_marks
from booklet.figures.staging import seen_from_above
from booklet.figures.views import projected_marks
from booklet.model import Figure


def figure_marks(figure: Figure, colors: Colors) -> list[Mark]:
    """Every mark of `figure`, back to front; the floor is at y = 0, x as drawn."""
    if figure.base is None:
        return anatomy.psoas_marks(colors.accent)
    if figure.view == "side" or seen_from_above(figure):
        marks = side_marks(figure, colors)
    else:
        marks = projected_marks(figure, colors)
    if figure.side == "left":
        marks = [mirrored(mark) for mark in marks]
    return marks


def mirrored(mark: Mark) -> Mark:
    def flip(p: Point) -> Point:
        return (-p[0], p[1])

    return replace(
        mark,
        paths=tuple(transform(p, flip) for p in mark.paths),
        clip=tuple(transform(p, flip) for p in mark.clip),
    )
