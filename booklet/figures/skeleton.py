"""A posed side-view Body -> the same body in three dimensions: where every joint is, with
the motions the side view cannot show (arm raised out to the side, arm rotated, knee
dropped out, leg lifted out to the side, head turned or tilted) applied.

Coordinates in centimetres: x forwards and y up as in the side view, z towards the viewer
of the side view, so the near (right) side is at +z.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from booklet.figures.body import (
    FOOT,
    FOREARM,
    SHIN,
    SHOULDER_HALF_WIDTH,
    THIGH,
    UPPER_ARM,
    Body,
)
from booklet.figures.body import rotate3 as turn_about
from booklet.figures.geometry import direction

Vec = tuple[float, float, float]
HIP_HALF_WIDTH = 9.0
HAND = 17.0
SOLES_TOGETHER = 4.0  # half the gap between the ankles when the soles touch
SIDES = ("near", "far")


def v_add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def v_sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def v_scale(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def v_length(a: Vec) -> float:
    return math.sqrt(a[0] ** 2 + a[1] ** 2 + a[2] ** 2)


def v_unit(a: Vec) -> Vec:
    size = v_length(a) or 1.0
    return (a[0] / size, a[1] / size, a[2] / size)


def v_dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def two_bone3(root: Vec, target: Vec, first: float, second: float, pole: Vec) -> Vec:
    """Where the middle joint goes when two parts reach from `root` to `target`, bending
    towards `pole` (a direction)."""
    offset = v_sub(target, root)
    gap = min(max(v_length(offset), abs(first - second) + 1e-3), first + second - 1e-3)
    axis = v_unit(offset)
    along = (first**2 - second**2 + gap**2) / (2 * gap)
    height = math.sqrt(max(0.0, first**2 - along**2))
    side = v_sub(pole, v_scale(axis, v_dot(pole, axis)))
    if v_length(side) < 1e-6:
        side = (0.0, 0.0, 1.0)
    return v_add(root, v_add(v_scale(axis, along), v_scale(v_unit(side), height)))


def flat(angle: float) -> Vec:
    """A unit vector in the side view's plane."""
    x, y = direction(angle)
    return (x, y, 0.0)


@dataclass(frozen=True)
class Extra:
    """The angles of one side that only a front or top view shows."""

    abduction: float = 0.0  # arm raised out to the side
    rotation: float = 0.0  # arm turned out (external +) about the upper arm
    turn_out: float = 0.0  # knee dropped out to the side
    leg_out: float = 0.0  # whole leg lifted out to the side (hip abduction)


@dataclass(frozen=True)
class HeadMotion:
    turn: float = 0.0  # face turned towards the near side +
    tilt: float = 0.0  # ear towards the near shoulder +
    tuck: float = 0.0  # chin drawn straight back, centimetres


def extras_of(angles: dict[str, float]) -> dict[str, Extra]:
    """Each side's sideways angles, from a figure's angles."""
    return {
        side: Extra(
            abduction=angles.get(f"{side}.shoulder-out", 0.0),
            rotation=angles.get(f"{side}.shoulder-turn", 0.0),
            turn_out=angles.get(f"{side}.turn-out", 0.0),
            leg_out=angles.get(f"{side}.hip-out", 0.0),
        )
        for side in SIDES
    }


@dataclass
class Skeleton:
    """Joint positions in three dimensions; `face` is the way the face points."""

    joints: dict[str, Vec] = field(default_factory=dict)
    face: Vec = (1.0, 0.0, 0.0)
    spine: list[tuple[Vec, float]] = field(default_factory=list)  # (point, spine angle)


def skeleton(body: Body, extra: dict[str, Extra], head: HeadMotion) -> Skeleton:
    """Lift `body` into three dimensions and apply the sideways motions."""
    out = Skeleton()
    chest = body.stance.pelvis + body.stance.lumbar
    out.spine = [((p[0], p[1], 0.0), a) for _, p, a in body.spine]
    for side in SIDES:
        sign = 1.0 if side == "near" else -1.0
        place_leg3(out, body, side, sign, extra.get(side, Extra()))
        place_arm3(out, body, side, sign, chest, extra.get(side, Extra()))
    place_head3(out, body, chest, head)
    return out


def lifted(body: Body, name: str, z: float) -> Vec:
    x, y = body.joints[name]
    return (x, y, z)


def outward(choices: list[Vec], sign: float) -> Vec:
    """Of two candidate positions, the one further out on `sign`'s side."""
    return max(choices, key=lambda p: sign * p[2])


def place_leg3(out: Skeleton, body: Body, side: str, sign: float, extra: Extra) -> None:
    z = sign * HIP_HALF_WIDTH
    hip, knee, ankle = (lifted(body, f"{side}_{j}", z) for j in ("hip", "knee", "ankle"))
    toe = v_add(ankle, v_scale(flat(body.angles[f"{side}_foot"]), FOOT))
    if extra.turn_out:
        # the knee drops out about the line from hip to ankle, and the feet come in
        # towards each other (soles together when far out)
        axis = v_unit(v_sub(ankle, hip))
        options = [turn_about(v_sub(knee, hip), axis, d * extra.turn_out) for d in (1.0, -1.0)]
        pole = outward(options, sign)
        shift = (SOLES_TOGETHER * sign - ankle[2]) * min(1.0, extra.turn_out / 70.0)
        ankle, toe = (ankle[0], ankle[1], ankle[2] + shift), (toe[0], toe[1], toe[2] + shift)
        knee = two_bone3(hip, ankle, THIGH, SHIN, pole)
    if extra.leg_out:
        front = flat(body.stance.pelvis - 90.0)
        moved = [
            [
                v_add(hip, turn_about(v_sub(p, hip), front, d * extra.leg_out))
                for p in (knee, ankle, toe)
            ]
            for d in (1.0, -1.0)
        ]
        knee, ankle, toe = max(moved, key=lambda ps: sign * ps[1][2])
    out.joints.update(
        {f"{side}_hip": hip, f"{side}_knee": knee, f"{side}_ankle": ankle, f"{side}_toe": toe}
    )


def arm_frame(chest: float, sign: float) -> tuple[Vec, Vec, Vec]:
    """Down the trunk, forwards out of the chest, and out to `sign`'s side."""
    return flat(chest + 180.0), flat(chest - 90.0), (0.0, 0.0, sign)


def place_arm3(
    out: Skeleton, body: Body, side: str, sign: float, chest: float, extra: Extra
) -> None:
    """The arm built from the trunk's frame: elbow bend, rotation about the upper arm,
    raised out to the side, then forwards by the shoulder angle."""
    shoulder = lifted(body, f"{side}_shoulder", sign * SHOULDER_HALF_WIDTH)
    down, front, out_side = arm_frame(chest, sign)
    angles = body.angles
    flexion = angles[f"{side}_upper_arm"] - (chest - 180.0)
    bend = angles[f"{side}_forearm"] - angles[f"{side}_upper_arm"]
    wrist_bend = angles[f"{side}_hand"] - angles[f"{side}_forearm"]

    def posed(v: tuple[float, float, float]) -> Vec:
        """A vector given in (down, front, out) parts, raised out then forwards."""
        d, f, o = v
        a = math.radians(extra.abduction)
        d, o = d * math.cos(a) - o * math.sin(a), o * math.cos(a) + d * math.sin(a)
        b = math.radians(flexion)
        d, f = d * math.cos(b) - f * math.sin(b), f * math.cos(b) + d * math.sin(b)
        return v_add(v_add(v_scale(down, d), v_scale(front, f)), v_scale(out_side, o))

    r, e = math.radians(extra.rotation), math.radians(bend)
    fore = (math.cos(e), math.sin(e) * math.cos(r), math.sin(e) * math.sin(r))
    w = math.radians(bend + wrist_bend)
    hand = (math.cos(w), math.sin(w) * math.cos(r), math.sin(w) * math.sin(r))
    elbow = v_add(shoulder, v_scale(posed((1.0, 0.0, 0.0)), UPPER_ARM))
    wrist = v_add(elbow, v_scale(posed(fore), FOREARM))
    out.joints.update(
        {
            f"{side}_shoulder": shoulder,
            f"{side}_elbow": elbow,
            f"{side}_wrist": wrist,
            f"{side}_fingers": v_add(wrist, v_scale(posed(hand), HAND)),
        }
    )


def place_head3(out: Skeleton, body: Body, chest: float, head: HeadMotion) -> None:
    base = lifted(body, "neck_base", 0.0)
    center = lifted(body, "head", 0.0)
    back = v_scale(flat(chest - 90.0), -head.tuck)
    center = v_add(center, back)
    up = v_unit(v_sub(center, base))
    face = flat(body.angles["head"] - 90.0)
    if head.tilt:
        axis = face
        center = v_add(base, turn_about(v_sub(center, base), axis, head.tilt))
        up = turn_about(up, axis, head.tilt)
    if head.turn:
        face = turn_about(face, up, -head.turn)
    out.joints["neck_base"] = base
    out.joints["head"] = center
    out.joints["head_top"] = v_add(center, v_scale(up, 11.0))
    out.face = face
