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
    Path,
    Point,
    add,
    bounds,
    curve_points,
    local,
    rounded_rect,
    smooth_open,
    transform,
)
from booklet.figures.library import POSES
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
    step_from: float | None = None  # a step's back edge, when a heel hangs off it


TOWEL = 2.6


MAT = 1.4


SEAT_DEPTH = 42.0  # a chair's seat, front to back
CHAIR_SEAT = 45.0  # a chair's seat above the floor
CHAIR_BACK = 46.0  # its back above the seat
CHAIR_AHEAD = 24.0  # a chair held for balance: its back this far in front of the hips
TABLE_TOP = 76.0
TABLE_AHEAD = 22.0  # a table leant on: its near edge in front of the hips
TABLE_DEPTH = 60.0
DOOR_AHEAD = 45.0  # a door a band is tied to: in front of the hands


SEAT_BEHIND_HIP = 14.0  # how far the seat's back edge is behind the hip joints


STEP = 14.0


FLOOR_MARGIN = 7.0  # floor drawn beyond the body and its props on each side


MAT_BORDER = 4.0  # mat seen from above, showing around the body


def seen_from_above(figure: Figure) -> bool:
    """A body lying on its side seen from the ceiling: its side view flat in the page."""
    return figure.view == "top" and figure.base == "side-lying"


def place(figure: Figure, body: Body) -> Placed:
    parts = body_parts(body)
    props = figure.props
    base = figure.base
    if base == "sitting-on-chair" or "bed" in props:
        feet = lowest(parts, ("near_foot", "far_foot"))
        seat = seat_height(parts, body) if base == "sitting-on-chair" else lowest(parts, ("torso",))
        # feet flat on the floor under a chair that fits; dangling from a bed
        fits = base == "sitting-on-chair" and seat - feet <= CHAIR_SEAT + 5.0
        bottom = feet if fits else min(feet, seat - CHAIR_SEAT)
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
    else:
        offset = (0.0, lift - lowest(parts, resting_parts(figure)))
    edge = heel_off_step(figure, body, parts)
    if edge is not None:  # the ball of the foot on the edge of the step, the heel below it
        offset = (0.0, lift - edge[1])
        return Placed(body, moved(parts, offset), offset, lift=lift, step_from=edge[0])
    return Placed(body, moved(parts, offset), offset, lift=lift)


HEEL_DROP = -10.0  # an ankle pulled up further than this, on a step, hangs its heel off


def heel_off_step(figure: Figure, body: Body, parts: dict[str, Part]) -> Point | None:
    """On a step with the near ankle pulled up, where the ball of the foot rests: (the
    step's back edge, the height of the sole there)."""
    if "step" not in figure.props or figure.angle("near.ankle") > HEEL_DROP:
        return None
    ankle = body.joints["near_ankle"][0]
    ball = [
        (x, y)
        for path in parts["near_foot"].paths
        for x, y in curve_points(path)
        if x >= ankle + 6.0
    ]
    return ankle + 6.0, min(y for _, y in ball)


# The parts a base posture rests on: the lowest of them is put on the floor, and any other
# part below the floor goes through it (a pose a body cannot take).
RESTING_PARTS: dict[str, tuple[str, ...]] = {
    "standing": ("near_foot", "far_foot"),
    "kneeling": ("near_shin", "far_shin", "near_thigh", "far_thigh"),
    "half-kneeling": ("near_shin", "near_thigh", "far_foot"),
    "lying-on-back": ("torso",),
    "lying-face-down": ("torso",),
    "all-fours": ("near_shin", "far_shin", "near_thigh", "far_thigh"),
    "sitting-on-floor": ("torso",),
}


def resting_parts(figure: Figure) -> tuple[str, ...] | None:
    """The parts whose lowest point is put on the floor: the pose's, else its base's."""
    pose = POSES.get(figure.name)
    if pose is not None and pose.rests_on and pose.base != "lying-on-back":
        return pose.rests_on
    return RESTING_PARTS.get(figure.base or "")


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
        # stood behind, held by its back: the seat beyond, away from the legs
        hip = add(placed.body.joints["near_hip"], placed.offset)
        marks += chair(hip[0] + CHAIR_AHEAD, CHAIR_SEAT, facing=1, colors=colors)
    if "table" in props:
        hip = add(placed.body.joints["near_hip"], placed.offset)
        marks += table(hip[0] + TABLE_AHEAD, colors)
    if "door" in props:
        door = door_x(placed)
        marks.append(Mark((rounded_rect(door, 0.0, door + 4.0, top + 8.0, 0.4),), fill, line, 0.3))
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
        if placed.step_from is not None:
            x0 = placed.step_from + placed.offset[0]
        marks.append(Mark((rounded_rect(x0, 0.0, x1, placed.lift, 0.8),), fill, line, 0.3))
    if "towel" in props or "cushion" in props:
        # soft: the body rests on the floor, sunk into the towel under its lowest point
        x = towel_x(parts)
        if figure.base == "sitting-on-floor" and figure.angle("near.knee") < 15.0:
            x = add(placed.body.joints["near_knee"], placed.offset)[0]  # under a straight knee
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


def table(x: float, colors: Colors) -> list[Mark]:
    """A table seen from the side, its near edge at `x`."""
    fill, line = colors.prop_fill, colors.prop_line
    legs = (
        rounded_rect(x + 3.0, 0.0, x + 6.0, TABLE_TOP - 3.0, 0.8),
        rounded_rect(x + TABLE_DEPTH - 6.0, 0.0, x + TABLE_DEPTH - 3.0, TABLE_TOP - 3.0, 0.8),
    )
    top = rounded_rect(x, TABLE_TOP - 3.5, x + TABLE_DEPTH, TABLE_TOP, 1.0)
    return [Mark(legs, fill, line, 0.3), Mark((top,), fill, line, 0.3)]


def door_x(placed: Placed) -> float:
    """Where a door a band is tied to stands: in front of the hand furthest forward."""
    return (
        max(placed.body.joints[f"{s}_wrist"][0] for s in ("near", "far"))
        + placed.offset[0]
        + DOOR_AHEAD
    )


def held_marks(figure: Figure, placed: Placed, colors: Colors) -> list[Mark]:
    """What the hands hold, drawn over the body: an elastic band (tied to a door, under the
    feet or between the hands) and dumbbells."""
    hands = {s: add(placed.body.joints[f"{s}_wrist"], placed.offset) for s in ("near", "far")}
    marks: list[Mark] = []
    if "band" in figure.props:
        marks.append(Mark((band_path(figure, placed, hands),), None, colors.accent, 1.2))
    if "dumbbell" in figure.props or "dumbbells" in figure.props:
        for side in ("near", "far") if "dumbbells" in figure.props else ("near",):
            x, y = hands[side]
            bar = rounded_rect(x - 1.0, y - 7.0, x + 1.0, y + 7.0, 0.9)
            ends = (
                rounded_rect(x - 3.0, y + 5.0, x + 3.0, y + 9.0, 1.0),
                rounded_rect(x - 3.0, y - 9.0, x + 3.0, y - 5.0, 1.0),
            )
            marks.append(Mark((bar, *ends), "#6B6F73", "#3A3D40", 0.3))
    return marks


def band_path(figure: Figure, placed: Placed, hands: dict[str, Point]) -> Path:
    near = hands["near"]
    if "door" in figure.props:
        return smooth_open([near, (door_x(placed), near[1])])
    feet = [add(placed.body.joints[f"{s}_ankle"], placed.offset) for s in ("near", "far")]
    knee = add(placed.body.joints["near_knee"], placed.offset)
    foot_up = lowest(placed.parts, ("near_foot",)) > placed.lift + 3.0
    if near[1] < knee[1] or foot_up:  # round the sole of a low or lifted foot
        foot = feet[0] if foot_up else min(feet, key=lambda f: f[1])
        sole = add(foot, local((0.0, 0.0), placed.body.angles["near_foot"], 12.0, -8.0))
        return smooth_open([near, sole, hands["far"]])
    far = hands["far"]
    return smooth_open([near, ((near[0] + far[0]) / 2, min(near[1], far[1]) - 3.0), far])


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
