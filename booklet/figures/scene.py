"""A Figure (pose, props, emphasis, arrow) -> marks: outlined shapes in drawing order,
in centimetres with the floor at y = 0. Backend-neutral; `booklet.figures.draw` renders."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from booklet.colors import mix
from booklet.figures import anatomy
from booklet.figures.body import (
    FOREARM,
    TORSO_PROFILE,
    UPPER_ARM,
    Body,
    Limb,
    Part,
    Stance,
    arm_to,
    body_parts,
    pose_body,
    profile_width,
    turned_out,
)
from booklet.figures.geometry import (
    Path,
    Point,
    add,
    arc,
    bounds,
    circle,
    curve_points,
    direction,
    local,
    polygon,
    rounded_rect,
    scale,
    smooth_closed,
    transform,
)
from booklet.figures.library import BASES
from booklet.model import Figure

LINE = 0.55  # outline width in centimetres: about 0.35 pt in a card
DEFAULT_ORDER = (
    "far_upper_arm",
    "far_forearm",
    "far_hand",
    "far_thigh",
    "far_shin",
    "far_foot",
    "torso",
    "near_thigh",
    "near_shin",
    "near_foot",
    "near_upper_arm",
    "near_forearm",
    "near_hand",
)
PARENT = {
    "thigh": "torso",
    "shin": "thigh",
    "foot": "shin",
    "upper_arm": "torso",
    "forearm": "upper_arm",
    "hand": "forearm",
}


@dataclass(frozen=True)
class Colors:
    """The figure's colours, from the brand: body in tints of the primary, emphasis accent."""

    near_fill: str
    near_line: str
    far_fill: str
    far_line: str
    accent: str
    arrow: str
    prop_fill: str = "#ECE6DC"
    prop_line: str = "#A89B8A"
    floor: str = "#B9C2C7"

    @classmethod
    def from_brand(cls, primary: str, accent: str) -> Colors:
        return cls(
            near_fill=mix(primary, "#FFFFFF", 0.55),
            near_line=mix(primary, "#000000", 0.35),
            far_fill=mix(primary, "#FFFFFF", 0.78),
            far_line=mix(primary, "#FFFFFF", 0.3),
            accent=accent,
            arrow=mix(primary, "#000000", 0.15),
        )


@dataclass(frozen=True)
class Mark:
    """Shapes drawn together: outlined (`fill` and `line`: one silhouette with an outline
    `width` wide), filled only, or stroked only (open paths). `clip`, when given, limits
    the mark to inside those shapes."""

    paths: tuple[Path, ...]
    fill: str | None = None
    line: str | None = None
    width: float = 0.0
    clip: tuple[Path, ...] = ()


# --- angles -> a posed body --------------------------------------------------------------


def stance_of(figure: Figure, angles: dict[str, float]) -> Stance:
    pelvis = BASES[figure.base or "standing"].pelvis - angles.get("trunk", 0.0)

    def limb(side: str) -> Limb:
        def a(name: str) -> float:
            return angles.get(f"{side}.{name}", 0.0)

        plain = Limb(
            shoulder=a("shoulder"), elbow=a("elbow"), hip=a("hip"), knee=a("knee"), ankle=a("ankle")
        )
        return turned_out(plain, pelvis, a("turn-out"))

    return Stance(
        pelvis=pelvis,
        lumbar=-angles.get("back", 0.0),
        neck=angles.get("head", 0.0),
        twist=angles.get("twist", 0.0),
        near=limb("near"),
        far=limb("far"),
    )


def lowest(parts: dict[str, Part], names: object = None) -> float:
    chosen = [p for n, p in parts.items() if names is None or n in names]  # type: ignore[operator]
    return bounds([path for part in chosen for path in part.paths])[1]


HAND_REACH = 15.0  # wrist to fingertips, flat
LEGS_AND_TORSO = ("torso", "near_thigh", "near_shin", "near_foot", "far_thigh", "far_shin")


def reach_target(body: Body, side: str, target: str) -> tuple[Point, float | None]:
    """Where the wrist goes for `target`, and which way the hand points."""
    if target in ("near-thigh", "far-thigh"):
        leg = target.split("-")[0]
        return body.on(leg, "thigh", 0.55 if side == "near" else 0.68, 10.2), body.angles[
            f"{leg}_thigh"
        ] - 8.0
    if target.startswith("behind-"):
        leg = target.split("-")[1]
        t = 0.72 if side == "near" else 0.82
        return body.on(leg, "thigh", t, -8.0), body.angles[f"{leg}_thigh"] - 100.0
    if target in ("near-knee", "far-knee"):
        leg = target.split("-")[0]
        t = 0.2 if side == "near" else 0.3
        return body.on(leg, "shin", t, 7.0), body.angles[f"{leg}_shin"] - 90.0
    if target == "outside-near-knee":
        return body.on("near", "thigh", 0.92, 9.0), body.angles["near_thigh"] - 60.0
    if target in ("near-shin", "far-shin"):
        leg = target.split("-")[0]
        t = 0.55 if side == "near" else 0.7
        return body.on(leg, "shin", t, 6.0), body.angles[f"{leg}_shin"]
    if target in ("near-ankle", "far-ankle"):
        leg = target.split("-")[0]
        ankle = body.joints[f"{leg}_ankle"]
        return add(ankle, local((0.0, 0.0), body.angles[f"{leg}_shin"], -3.0, 4.5)), None
    if target == "belly":
        s = 10.0 if side == "near" else 14.0
        return body.torso(s, 12.5), body.stance.pelvis - 195.0
    if target == "hips":
        return body.torso(12.0, 0.0), body.stance.pelvis - 180.0
    floor = lowest(body_parts(body), LEGS_AND_TORSO)
    shoulder = body.joints[f"{side}_shoulder"]
    if target == "floor":
        return (shoulder[0] + floor_reach(shoulder, floor, side), floor + 2.6), palm_angle(
            shoulder, floor
        )
    if target == "floor-behind":
        return (shoulder[0] - 22.0, floor + 2.6), 180.0
    if target == "wall":
        return (shoulder[0] + 0.82 * (UPPER_ARM + FOREARM), shoulder[1] + 4.0), 90.0
    # a chair in front: its back at hip height
    return (body.joints["near_hip"][0] + 32.0, body.joints["near_hip"][1] + 6.0), -15.0


def floor_reach(shoulder: Point, floor: float, side: str) -> float:
    """How far in front of the shoulder a straight-armed hand reaches the floor: under the
    shoulder when the arm is long enough, further forward when the shoulder is high."""
    drop = shoulder[1] - floor - 2.6
    arm = 0.98 * (UPPER_ARM + FOREARM)
    ahead = math.sqrt(max(0.0, arm * arm - drop * drop))
    return max(2.0 if side == "near" else 6.0, ahead)


def palm_angle(shoulder: Point, floor: float) -> float:
    """Which way a hand on the floor points: flat, or tipped down onto the fingers when the
    shoulder is higher than a straight arm reaches."""
    short = shoulder[1] - floor - 2.6 - 0.98 * (UPPER_ARM + FOREARM)
    return -math.degrees(math.asin(min(1.0, max(0.0, short / HAND_REACH))))


def posed(figure: Figure, angles: dict[str, float]) -> Body:
    stance = stance_of(figure, angles)
    body = pose_body(stance)
    reach = dict(figure.reach)
    if reach:
        for side in ("near", "far"):
            if side in reach:
                limb = arm_to(body, side, *reach_target(body, side, reach[side]))
                stance = replace(stance, near=limb) if side == "near" else replace(stance, far=limb)
        body = pose_body(stance)
    return body


# --- placing the body and its props ------------------------------------------------------


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


# --- emphasis ----------------------------------------------------------------------------


def band(
    body: Body, side: str, part: str, t0: float, t1: float, inner: float, outer: float
) -> Path:
    """A muscle-shaped band inside a limb part, between fractions `inner` and `outer` of its
    half width (front +, back -), tapering to points at `t0` and `t1`."""
    steps = 6
    front = inner > 0 or outer > 0
    edge_a, edge_b = [], []
    for i in range(steps + 1):
        t = t0 + (t1 - t0) * i / steps
        swell = 0.35 + 0.65 * (1 - abs(2 * i / steps - 1) ** 2)
        width = body.half_width(side, part, t, front)
        middle = (inner + outer) / 2
        half = (outer - inner) / 2 * swell
        edge_a.append(body.on(side, part, t, (middle + half) * width))
        edge_b.append(body.on(side, part, t, (middle - half) * width))
    return smooth_closed([*edge_a, *reversed(edge_b)])


def torso_band(body: Body, s0: float, s1: float, inner: float, outer: float) -> Path:
    """A band inside the torso between `s0` and `s1` up the spine; front + , back -."""
    steps = 6
    edge_a, edge_b = [], []
    for i in range(steps + 1):
        s = s0 + (s1 - s0) * i / steps
        swell = 0.35 + 0.65 * (1 - abs(2 * i / steps - 1) ** 2)
        width = profile_width(TORSO_PROFILE, s, inner + outer > 0)
        middle, half = (inner + outer) / 2, (outer - inner) / 2 * swell
        edge_a.append(body.torso(s, (middle + half) * width))
        edge_b.append(body.torso(s, (middle - half) * width))
    return smooth_closed([*edge_a, *reversed(edge_b)])


def region_paths(body: Body, region: str, side: str) -> dict[str, tuple[Path, ...]]:
    """The emphasis shapes of `region`, by the part each is drawn with."""
    thigh = f"{side}_thigh"
    if region == "hip-flexors":
        return {
            "torso" if side == "near" else thigh: (torso_band(body, 2.0, 16.0, 0.25, 0.85),),
            thigh: (band(body, side, "thigh", 0.0, 0.5, 0.2, 0.85),),
        }
    if region == "quadriceps":
        return {thigh: (band(body, side, "thigh", 0.08, 0.9, 0.1, 0.85),)}
    if region == "hamstrings":
        return {thigh: (band(body, side, "thigh", 0.12, 0.88, -0.1, -0.85),)}
    if region == "inner-thighs":
        return {thigh: (band(body, side, "thigh", 0.1, 0.8, -0.45, 0.45),)}
    if region == "glutes":
        return {
            "torso": (torso_band(body, -6.0, 12.0, -0.35, -0.9),),
            thigh: (band(body, side, "thigh", 0.0, 0.3, -0.2, -0.85),),
        }
    if region == "calf":
        return {f"{side}_shin": (band(body, side, "shin", 0.12, 0.62, -0.15, -0.85),)}
    if region == "lower-back":
        return {"torso": (torso_band(body, 6.0, 30.0, -0.3, -0.85),)}
    if region == "belly":
        return {"torso": (torso_band(body, 4.0, 28.0, 0.3, 0.85),)}
    return {"torso": (torso_band(body, 32.0, 46.0, 0.3, 0.85),)}  # chest


def emphasis_paths(figure: Figure, body: Body, offset: Point) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for item in figure.emphasis:
        side, _, region = item.rpartition(" ")
        for part, paths in region_paths(body, region, side or "near").items():
            found.setdefault(part, []).extend(
                transform(p, lambda q: (q[0] + offset[0], q[1] + offset[1])) for p in paths
            )
    return found


# --- the arrow ---------------------------------------------------------------------------


def landmark(placed: Placed, name: str) -> Point:
    body, offset = placed.body, placed.offset
    points = {
        "head": body.joints["head"],
        "chest": body.torso(40.0, 0.0),
        "back": body.torso(26.0, -14.0),
        "hips": body.torso(0.0, 0.0),
    }
    if name in points:
        point = points[name]
    else:
        side, joint = name.split("-")
        point = body.joints[f"{side}_{ {'foot': 'ankle', 'hand': 'wrist'}.get(joint, joint) }"]
    return add(point, offset)


def arrow_marks(figure: Figure, placed: Placed, colors: Colors) -> list[Mark]:
    """A curved arrow beside the landmark, bowing away from the body, pointing its way."""
    if figure.arrow is None:
        return []
    at = landmark(placed, figure.arrow.at)
    heading = {"up": 90.0, "down": -90.0, "forward": 0.0, "back": 180.0}[figure.arrow.toward]
    left, bottom, right, top = bounds([p for part in placed.parts.values() for p in part.paths])
    middle = ((left + right) / 2, (bottom + top) / 2)
    # stand off on the side of the landmark away from the body's middle
    normal = heading + 90.0
    away = direction(normal)
    if (at[0] - middle[0]) * away[0] + (at[1] - middle[1]) * away[1] < 0:
        normal += 180.0
    start_gap = 17.0
    center = add(at, scale(direction(normal), start_gap - 30.0))
    radius = 30.0
    # an arc of 50 degrees centred on the stand-off point, turning towards `heading`
    mid_angle = normal
    sweep = 50.0
    turn = 1.0 if ((normal - heading) % 360.0) > 180.0 else -1.0
    a0, a1 = mid_angle - turn * sweep / 2, mid_angle + turn * sweep / 2
    shaft = arc(center, radius, a0, a1 - turn * 4.0)
    tip = add(center, scale(direction(a1 + turn * 6.0), radius))
    back = add(center, scale(direction(a1 - turn * 6.0), radius))
    side = scale(direction(a1), 3.4)
    head = polygon([tip, add(back, side), add(back, scale(side, -1))])
    return [Mark((shaft,), None, colors.arrow, 1.5), Mark((head,), colors.arrow)]


# --- the whole scene ---------------------------------------------------------------------


def body_marks(
    placed: Placed,
    order: tuple[str, ...],
    colors: Colors,
    emphasis: dict[str, list[Path]],
    faint: bool = False,
) -> list[Mark]:
    marks: list[Mark] = []
    parts = placed.parts
    for name in order:
        part = parts[name]
        far = part.far
        fill = colors.far_fill if far else colors.near_fill
        line = colors.far_line if far else colors.near_line
        if faint:
            fill, line = (
                mix(colors.far_fill, "#FFFFFF", 0.55),
                mix(colors.far_line, "#FFFFFF", 0.45),
            )
        marks.append(Mark(part.paths, fill, line, LINE))
        parent_name = joined_to(name)
        if parent_name and part.joint is not None and not faint:
            patch = circle(part.joint, part.seam + LINE * 1.3)
            marks.append(Mark((patch,), fill, clip=parts[parent_name].paths))
        for detail in part.details:
            marks.append(Mark((detail,), None, line, LINE * 0.45))
        if name in emphasis:
            marks.append(Mark(tuple(emphasis[name]), colors.accent))
    return marks


def joined_to(name: str) -> str | None:
    side, _, part = name.partition("_")
    parent = PARENT.get(part)
    if parent is None:
        return None
    return "torso" if parent == "torso" else f"{side}_{parent}"


def figure_marks(figure: Figure, colors: Colors) -> list[Mark]:
    """Every mark of `figure`, back to front; the floor is at y = 0, x as drawn."""
    if figure.base is None:
        return anatomy.psoas_marks(colors.accent)
    angles = dict(figure.angles)
    placed = place(figure, posed(figure, angles))
    order = figure.layers or DEFAULT_ORDER
    marks = prop_marks(figure, placed, colors)
    if figure.then:
        ghost = placed_like(figure, {**angles, **dict(figure.then)}, placed)
        marks += body_marks(ghost, order, colors, {}, faint=True)
    emphasis = emphasis_paths(figure, placed.body, placed.offset)
    marks += body_marks(placed, order, colors, emphasis)
    marks += arrow_marks(figure, placed, colors)
    if figure.side == "left":
        marks = [mirrored(mark) for mark in marks]
    return marks


def placed_like(figure: Figure, angles: dict[str, float], main: Placed) -> Placed:
    """The second phase, on the same floor, with its anchor joint where the main one's is."""
    body = posed(figure, angles)
    parts = body_parts(body)
    anchor = BASES[figure.base or "standing"].anchor
    target = add(main.body.joints[anchor], main.offset)
    dx = target[0] - body.joints[anchor][0]
    if seen_from_above(figure):
        dy = target[1] - body.joints[anchor][1]
    elif main.seat is None:
        dy = main.lift - lowest(parts)
    else:
        dy = -lowest(parts, ("near_foot", "far_foot"))
    return Placed(body, moved(parts, (dx, dy)), (dx, dy))


def mirrored(mark: Mark) -> Mark:
    def flip(p: Point) -> Point:
        return (-p[0], p[1])

    return replace(
        mark,
        paths=tuple(transform(p, flip) for p in mark.paths),
        clip=tuple(transform(p, flip) for p in mark.clip),
    )


def marks_bounds(marks: list[Mark]) -> tuple[float, float, float, float]:
    left, bottom, right, top = bounds([p for m in marks for p in m.paths])
    pad = LINE * 2
    return left - pad, bottom - pad, right + pad, top + pad
