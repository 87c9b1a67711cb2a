"""A posed body and its Figure -> the body placed on its support, and the props drawn
around it: floor, mat, towel, cushion, chair, step, wall and bed."""

from __future__ import annotations

from dataclasses import dataclass, replace

from booklet.assets.colors import mix
from booklet.figures.body import (
    Body,
    Part,
    body_parts,
)
from booklet.figures.geometry import (
    Point,
    add,
    bounds,
    curve_points,
    rounded_rect,
    transform,
)
from booklet.figures.library import BASES
from booklet.figures.marks import Colors, Mark
from booklet.model import Figure


@dataclass(frozen=True)
class Placed:
    """A posed body moved so it rests on its supports, and where the supports are."""

    body: Body
    parts: dict[str, Part]
    offset: Point
    seat: float | None = None  # chair seat height
    bed: float | None = None  # bed top height
    lift: float = 0.0  # height of what the lowest point rests on: mat or step


TOWEL = 2.6


MAT = 1.4


SEAT_DEPTH = 42.0  # a chair's seat, front to back


SEAT_BEHIND_HIP = 14.0  # how far the seat's back edge is behind the hip joints


STEP = 14.0


FLOOR_MARGIN = 7.0  # floor drawn beyond the body and its props on each side


MAT_BORDER = 4.0  # mat seen from above, showing around the body


def seen_from_above(figure: Figure) -> bool:
    return BASES[figure.base or "standing"].view == "above"


def place(figure: Figure, body: Body) -> Placed:
    parts = body_parts(body)
    props = figure.props
    base = figure.base
    if base == "sitting-on-chair" or "bed" in props:
        feet = lowest(parts, ("near_foot", "far_foot"))
        seat = seat_height(parts, body) if base == "sitting-on-chair" else lowest(parts, ("torso",))
        bottom = min(feet, seat - 45.0)
        return Placed(
            body,
            moved(parts, (0.0, -bottom)),
            (0.0, -bottom),
            seat=seat - bottom if base == "sitting-on-chair" else None,
            bed=seat - bottom if "bed" in props else None,
        )
    lift = MAT if "mat" in props else 0.0
    if "step" in props:
        lift = STEP
    if seen_from_above(figure):
        lift = MAT_BORDER
    offset = (0.0, lift - lowest(parts))
    return Placed(body, moved(parts, offset), offset, lift=lift)


def seat_height(parts: dict[str, Part], body: Body) -> float:
    """Where a chair's seat goes: under the buttocks and the thighs resting on it."""
    hip = body.joints["near_hip"][0]
    on_seat = [
        y
        for name in ("torso", "near_thigh", "far_thigh")
        for path in parts[name].paths
        for x, y in curve_points(path)
        if hip - SEAT_BEHIND_HIP <= x <= hip - SEAT_BEHIND_HIP + SEAT_DEPTH
    ]
    return min(on_seat)


def moved(parts: dict[str, Part], by: Point) -> dict[str, Part]:
    def shift(p: Point) -> Point:
        return (p[0] + by[0], p[1] + by[1])

    return {
        name: replace(
            part,
            paths=tuple(transform(path, shift) for path in part.paths),
            joint=shift(part.joint) if part.joint else None,
            details=tuple(transform(path, shift) for path in part.details),
        )
        for name, part in parts.items()
    }


def prop_marks(figure: Figure, placed: Placed, colors: Colors) -> list[Mark]:
    parts = placed.parts
    left, _, right, top = bounds([p for part in parts.values() for p in part.paths])
    fill, line = colors.prop_fill, colors.prop_line
    if seen_from_above(figure):
        return mat_from_above(figure, (left, right, top), colors)
    floor = rounded_rect(left - FLOOR_MARGIN, -0.45, right + FLOOR_MARGIN, 0.0, 0.2)
    marks = [Mark((floor,), colors.floor)]
    props = figure.props
    if "mat" in props:
        mat = rounded_rect(left - 4.0, 0.0, right + 4.0, MAT, 0.6)
        marks.append(Mark((mat,), fill, line, 0.3))
    if placed.seat is not None:
        hip = add(placed.body.joints["near_hip"], placed.offset)
        marks += chair(hip[0] - SEAT_BEHIND_HIP, placed.seat, facing=1, colors=colors)
    elif "chair" in props:
        hip = add(placed.body.joints["near_hip"], placed.offset)
        marks += chair(hip[0] + 30.5, hip[1] + 4.0 - 51.0, facing=-1, colors=colors)
    if placed.bed is not None:
        hip = add(placed.body.joints["near_hip"], placed.offset)
        marks += bed(left - 6.0, hip[0] + 9.0, placed.bed, colors)
    if "wall" in props:
        wall_x = max(bounds(parts[f"{s}_hand"].paths)[2] for s in ("near", "far"))
        marks.append(
            Mark((rounded_rect(wall_x, -0.45, wall_x + 5.0, top + 12.0, 0.4),), fill, line, 0.3)
        )
    if "step" in props:
        feet = [bounds(parts[f"{s}_foot"].paths) for s in ("near", "far")]
        x0, x1 = min(f[0] for f in feet) - 6.0, max(f[2] for f in feet) + 10.0
        marks.append(Mark((rounded_rect(x0, 0.0, x1, placed.lift, 0.8),), fill, line, 0.3))
    if "towel" in props or "cushion" in props:
        # soft: the body rests on the floor, sunk into the towel under its lowest point
        x = towel_x(parts)
        rounding = 1.3 if "cushion" in props else 0.5
        shape = rounded_rect(x - 10.0, placed.lift, x + 10.0, placed.lift + TOWEL, rounding)
        marks.append(Mark((shape,), mix(colors.accent, "#FFFFFF", 0.75), line, 0.3))
    return marks


def mat_from_above(
    figure: Figure, extent: tuple[float, float, float], colors: Colors
) -> list[Mark]:
    """The mat under a body lying on its side, seen from the ceiling: a rectangle round it."""
    if "mat" not in figure.props:
        return []
    left, right, top = extent
    border = MAT_BORDER
    shape = rounded_rect(left - border, 0.0, right + border, top + border, 1.5)
    return [Mark((shape,), mix(colors.prop_fill, "#FFFFFF", 0.5), colors.prop_line, 0.3)]


def lowest_point(parts: dict[str, Part], names: tuple[str, ...]) -> Point:
    points = [p for name in names for path in parts[name].paths for p in curve_points(path)]
    return min(points, key=lambda p: p[1])


def towel_x(parts: dict[str, Part]) -> float:
    """Where a towel or cushion goes: under the buttocks when they rest on the floor, else
    under the lowest knee."""
    seat = lowest_point(parts, ("torso",))
    if seat[1] < lowest(parts) + 3.0:
        return seat[0]
    return lowest_point(parts, ("near_thigh", "far_thigh", "near_shin", "far_shin"))[0]


def chair(x: float, seat: float, facing: int, colors: Colors) -> list[Mark]:
    """A plain chair seen from the side: its seat from `x` in the `facing` direction (+1 or
    -1), its back at `x`, the seat's top at `seat`."""
    fill, line = colors.prop_fill, colors.prop_line
    depth = SEAT_DEPTH * facing
    front = x + depth
    legs = [
        rounded_rect(
            min(front, front - 3.0 * facing), 0.0, max(front, front - 3.0 * facing), seat, 0.8
        ),
        rounded_rect(min(x, x + 3.0 * facing), 0.0, max(x, x + 3.0 * facing), seat + 46.0, 0.8),
    ]
    seat_board = rounded_rect(min(x, front), seat - 4.0, max(x, front), seat, 1.2)
    return [Mark(tuple(legs), fill, line, 0.3), Mark((seat_board,), fill, line, 0.3)]


def bed(x0: float, x1: float, top: float, colors: Colors) -> list[Mark]:
    fill, line = colors.prop_fill, colors.prop_line
    legs = (
        rounded_rect(x0 + 6.0, 0.0, x0 + 10.0, top - 8.0, 0.8),
        rounded_rect(x1 - 10.0, 0.0, x1 - 6.0, top - 8.0, 0.8),
    )
    frame = rounded_rect(x0, top - 9.0, x1, top - 5.0, 0.8)
    mattress = rounded_rect(x0, top - 5.5, x1, top, 2.0)
    return [
        Mark(legs, fill, line, 0.3),
        Mark((frame,), fill, line, 0.3),
        Mark((mattress,), "#F6F1EA", line, 0.3),
    ]


def lowest(parts: dict[str, Part], names: object = None) -> float:
    chosen = [p for n, p in parts.items() if names is None or n in names]  # type: ignore[operator]
    return bounds([path for part in chosen for path in part.paths])[1]
