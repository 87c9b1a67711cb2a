"""A Figure (pose, props, emphasis, arrow) -> marks: outlined shapes in drawing order,
in centimetres with the floor at y = 0. Backend-neutral; `booklet.figures.draw` renders."""

from __future__ import annotations

import math
from dataclasses import replace

from booklet.assets.colors import mix
from booklet.figures.body import (
    FOREARM,
    UPPER_ARM,
    Body,
    Limb,
    Part,
    Stance,
    arm_to,
    body_parts,
    pose_body,
    turned_out,
)
from booklet.figures.emphasis import emphasis_marks, emphasis_paths
from booklet.figures.geometry import (
    Path,
    Point,
    add,
    angle_of,
    arc,
    bounds,
    circle,
    direction,
    length,
    local,
    polygon,
    scale,
    sub,
    wrap,
)
from booklet.figures.library import BASES
from booklet.figures.marks import LINE, Colors, Mark
from booklet.figures.skeleton import HAND as HAND_LENGTH
from booklet.figures.skeleton import HeadMotion, extras_of, skeleton
from booklet.figures.staging import (
    CHAIR_AHEAD,
    CHAIR_BACK,
    CHAIR_SEAT,
    TABLE_AHEAD,
    TABLE_TOP,
    Placed,
    held_marks,
    lowest,
    moved,
    place,
    prop_marks,
    seen_from_above,
)
from booklet.model import Figure

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

# --- angles -> a posed body --------------------------------------------------------------


def stance_of(figure: Figure, angles: dict[str, float], turn_out: bool = True) -> Stance:
    pelvis = BASES[figure.base or "standing"].pelvis - angles.get("trunk", 0.0)
    # upright (standing, kneeling, sitting), the body leans from the hips: the legs stay
    # where they rest
    seated = angles.get("trunk", 0.0) if figure.base in LEANS_FROM_HIPS else 0.0

    def limb(side: str) -> Limb:
        def a(name: str) -> float:
            return angles.get(f"{side}.{name}", 0.0) + (seated if name == "hip" else 0.0)

        plain = Limb(
            shoulder=a("shoulder"),
            elbow=a("elbow"),
            wrist=a("wrist"),
            hip=a("hip"),
            knee=a("knee"),
            ankle=a("ankle"),
        )
        return turned_out(plain, pelvis, a("turn-out")) if turn_out else plain

    return Stance(
        pelvis=pelvis,
        lumbar=-angles.get("back", 0.0),
        neck=angles.get("head", 0.0),
        twist=angles.get("twist", 0.0),
        tuck=angles.get("chin-tuck", 0.0),
        near=limb("near"),
        far=limb("far"),
    )


LEANS_FROM_HIPS = (
    "standing",
    "kneeling",
    "half-kneeling",
    "sitting-on-floor",
    "sitting-on-chair",
)
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
        # the hand over the top of the shin, wrapping round it towards the foot
        return body.on(leg, "shin", t, 7.0), body.angles[f"{leg}_shin"] - 40.0
    if target == "outside-near-knee":
        return body.on("near", "thigh", 0.92, 9.0), body.angles["near_thigh"] - 60.0
    if target in ("near-shin", "far-shin"):
        leg = target.split("-")[0]
        t = 0.55 if side == "near" else 0.7
        return body.on(leg, "shin", t, 6.0), body.angles[f"{leg}_shin"]
    if target in ("near-ankle", "far-ankle"):
        leg = target.split("-")[0]
        ankle = body.joints[f"{leg}_ankle"]
        # the hand round the ankle, along the foot
        grip = add(ankle, local((0.0, 0.0), body.angles[f"{leg}_shin"], -3.0, 4.5))
        return grip, body.angles[f"{leg}_foot"]
    if target.endswith("-hand"):
        other = target.split("-")[0]
        hand = body.angles[f"{other}_hand"]
        return local(body.joints[f"{other}_wrist"], hand, 5.0, 4.0), hand  # on its back
    if target.endswith("-forearm"):
        arm = target.split("-")[0]
        return body.on(arm, "forearm", 0.7, 5.0), body.angles[f"{arm}_forearm"] - 90.0
    if target.endswith("-elbow"):
        arm = target.split("-")[0]
        return body.on(arm, "upper_arm", 0.92, 6.0), body.angles[f"{arm}_upper_arm"] - 90.0
    if target == "belly":
        s = 10.0 if side == "near" else 6.0
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
    hip = body.joints["near_hip"]
    feet = lowest(body_parts(body), ("near_foot", "far_foot"))
    if target == "table":  # the palm flat on a table in front
        return (hip[0] + TABLE_AHEAD + 8.0, feet + TABLE_TOP + 2.6), 0.0
    # the top of a chair's back in front, held
    return (hip[0] + CHAIR_AHEAD + 1.0, feet + CHAIR_SEAT + CHAIR_BACK + 2.5), -60.0


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


def posed(figure: Figure, angles: dict[str, float], side_view: bool = True) -> Body:
    """The body in the side view's plane; with `side_view`, the motions out of that plane
    (a knee dropped out, an arm raised out or turned) as the side view sees them."""
    stance = stance_of(figure, angles, side_view)
    body = pose_body(stance)
    reach = dict(figure.reach)
    if reach:
        for side in ("near", "far"):
            if side in reach:
                limb = arm_to(body, side, *reach_target(body, side, reach[side]))
                stance = replace(stance, near=limb) if side == "near" else replace(stance, far=limb)
        body = pose_body(stance)
    if side_view and any(angles.get(f"{s}.{a}") for s in SIDES for a in SIDEWAYS_ARM):
        body = pose_body(arms_seen_from_the_side(body, angles))
    return body


SIDEWAYS_ARM = ("shoulder-out", "shoulder-turn")
SIDES = ("near", "far")


def arms_seen_from_the_side(body: Body, angles: dict[str, float]) -> Stance:
    """The stance with each arm raised out or turned as the side view sees it: the arm
    turned in three dimensions, then its parts' directions and shortened lengths."""
    bones = skeleton(body, extras_of(angles), HeadMotion())
    chest = body.stance.pelvis + body.stance.lumbar
    stance = body.stance
    for side in ("near", "far"):
        if not any(angles.get(f"{side}.{a}") for a in SIDEWAYS_ARM):
            continue
        j = bones.joints
        shoulder, elbow, wrist, fingers = (
            j[f"{side}_{n}"][:2] for n in ("shoulder", "elbow", "wrist", "fingers")
        )
        upper, fore, hand = sub(elbow, shoulder), sub(wrist, elbow), sub(fingers, wrist)
        limb = replace(
            body.limb(side),
            shoulder=wrap(angle_of(upper) - chest + 180.0),
            elbow=wrap(angle_of(fore) - angle_of(upper)),
            wrist=wrap(angle_of(hand) - angle_of(fore)),
            upper_arm=max(0.05, length(upper) / UPPER_ARM),
            forearm=max(0.05, length(fore) / FOREARM),
            hand=length(hand) / HAND_LENGTH,
        )
        stance = replace(stance, near=limb) if side == "near" else replace(stance, far=limb)
    return stance


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
    heading = SIDE_HEADINGS[figure.arrow.toward]
    left, bottom, right, top = bounds([p for part in placed.parts.values() for p in part.paths])
    return arrow_path(at, heading, ((left + right) / 2, (bottom + top) / 2), colors)


# in a side view "out" (away from the body's middle, sideways) can only be shown forward
SIDE_HEADINGS = {"up": 90.0, "down": -90.0, "forward": 0.0, "back": 180.0, "out": 0.0, "in": 180.0}


def arrow_path(at: Point, heading: float, middle: Point, colors: Colors) -> list[Mark]:
    """A curved arrow standing off `at` on the side away from `middle`, pointing `heading`."""
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
    parts: dict[str, Part],
    order: tuple[str, ...],
    colors: Colors,
    emphasis: dict[str, list[Path]],
    faint: bool = False,
) -> list[Mark]:
    marks: list[Mark] = []
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
            marks += emphasis_marks(tuple(emphasis[name]), colors)
    return marks


def joined_to(name: str) -> str | None:
    side, _, part = name.partition("_")
    parent = PARENT.get(part)
    if parent is None:
        return None
    return "torso" if parent == "torso" else f"{side}_{parent}"


def side_marks(figure: Figure, colors: Colors) -> list[Mark]:
    """Every mark of `figure` seen from the side, back to front; the floor is at y = 0."""
    angles = dict(figure.angles)
    placed = place(figure, posed(figure, angles))
    order = figure.layers or DEFAULT_ORDER
    marks = prop_marks(figure, placed, colors)
    if figure.then:
        ghost = placed_like(figure, {**angles, **dict(figure.then)}, placed)
        marks += body_marks(ghost.parts, order, colors, {}, faint=True)
    emphasis = emphasis_paths(figure, placed.body, placed.offset)
    marks += body_marks(placed.parts, order, colors, emphasis)
    marks += held_marks(figure, placed, colors)
    marks += arrow_marks(figure, placed, colors)
    return marks


def placed_like(figure: Figure, angles: dict[str, float], main: Placed) -> Placed:
    """The second phase on its own floor, moved along it so the joint that stays put (the
    standing foot, the knee kneeling, the hips lying) is where the first phase has it."""
    body = posed(figure, angles)
    ghost = place(figure, body)
    anchor = BASES[figure.base or "standing"].anchor
    if anchor == "near_ankle":  # on the feet: the ankle that moves least
        anchor = min(("near_ankle", "far_ankle"), key=lambda j: moved_by(main.body, body, j))
    target, there = (
        add(main.body.joints[anchor], main.offset),
        add(body.joints[anchor], ghost.offset),
    )
    dx, dy = target[0] - there[0], target[1] - there[1] if seen_from_above(figure) else 0.0
    return replace(ghost, parts=moved(ghost.parts, (dx, dy)), offset=add(ghost.offset, (dx, dy)))


def moved_by(first: Body, second: Body, joint: str) -> float:
    """How far `joint` is from where it was, each body's hips at the same place."""
    (x0, y0), (x1, y1) = first.joints[joint], second.joints[joint]
    return (x0 - x1) ** 2 + (y0 - y1) ** 2


def marks_bounds(marks: list[Mark]) -> tuple[float, float, float, float]:
    left, bottom, right, top = bounds([p for m in marks for p in m.paths])
    pad = LINE * 2
    return left - pad, bottom - pad, right + pad, top + pad
