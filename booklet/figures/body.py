"""Joint angles -> where every joint is, and the outline of every part of the body.

A side view in centimetres, y up, hip joints at the origin, the figure facing +x: its
near side is its right side. Proportions are those of an adult of about 175 cm.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import pairwise

from booklet.figures.geometry import (
    Path,
    Point,
    add,
    angle_of,
    capsule,
    circle,
    direction,
    length,
    lerp,
    local,
    scale,
    smooth_closed,
    smoothstep,
    sub,
    wrap,
)

TRUNK = 51.0  # hip joint to shoulder joint, along the spine
UPPER_ARM = 29.0
FOREARM = 25.0
THIGH = 44.0
SHIN = 42.0
FOOT = 18.0
KNEE_RADIUS = 5.1
SHOULDER_HALF_WIDTH = 17.0

# (distance along the part, front half-width, back half-width as a negative number)
Profile = tuple[tuple[float, float, float], ...]
TORSO_PROFILE: Profile = (
    (-9.0, 2.0, -6.0),
    (-5.0, 7.0, -12.0),
    (0.0, 9.0, -13.5),
    (6.0, 9.8, -12.5),
    (13.0, 9.6, -9.8),
    (21.0, 9.6, -8.8),
    (29.0, 10.6, -10.0),
    (37.0, 12.0, -10.8),
    (44.0, 11.0, -10.2),
    (50.0, 8.0, -8.2),
    (54.0, 3.5, -4.5),
)
THIGH_PROFILE: Profile = (
    (0.0, 8.0, -8.6),
    (8.0, 8.5, -8.2),
    (20.0, 7.7, -7.0),
    (32.0, 6.4, -5.9),
    (40.0, 5.6, -5.0),
    (44.0, 5.0, -4.8),
)
SHIN_PROFILE: Profile = (
    (0.0, 5.0, -5.0),
    (6.0, 4.5, -6.4),
    (13.0, 4.1, -6.8),
    (22.0, 3.6, -5.2),
    (32.0, 3.0, -3.7),
    (42.0, 2.8, -3.0),
)
UPPER_ARM_PROFILE: Profile = (
    (0.0, 5.4, -5.4),
    (8.0, 5.1, -5.0),
    (18.0, 4.5, -4.3),
    (29.0, 3.8, -3.8),
)
FOREARM_PROFILE: Profile = (
    (0.0, 3.8, -3.8),
    (7.0, 4.0, -3.9),
    (16.0, 3.2, -3.0),
    (25.0, 2.5, -2.4),
)
HAND_PROFILE: Profile = (
    (0.0, 2.4, -2.4),
    (5.0, 3.0, -2.7),
    (11.0, 2.8, -2.4),
    (16.0, 2.0, -1.7),
)
# Foot seen from the side: x forwards from the ankle joint, y up.
FOOT_OUTLINE: tuple[Point, ...] = (
    (-6.0, -3.5),
    (-4.6, -6.6),
    (1.5, -7.1),
    (13.0, -6.9),
    (18.4, -5.9),
    (18.0, -3.9),
    (12.0, -3.0),
    (5.0, -0.6),
    (2.6, 2.4),
    (2.2, 4.5),
    (-3.4, 4.5),
    (-4.8, 1.0),
)
# Head in profile: x towards the face, y up the neck, from the head's centre.
HEAD_OUTLINE: tuple[Point, ...] = (
    (0.5, 12.0),
    (5.5, 11.0),
    (8.9, 7.6),
    (9.9, 3.6),
    (9.8, 1.2),
    (11.2, -2.2),
    (9.7, -3.6),
    (9.7, -6.2),
    (9.0, -9.4),
    (7.0, -11.0),
    (2.5, -10.2),
    (-1.5, -7.8),
    (-6.5, -7.6),
    (-9.6, -3.0),
    (-10.0, 3.0),
    (-7.0, 9.6),
)
SEGMENTS: dict[str, tuple[str, str, float, Profile]] = {
    # part: (start joint, end joint, length, profile)
    "upper_arm": ("shoulder", "elbow", UPPER_ARM, UPPER_ARM_PROFILE),
    "forearm": ("elbow", "wrist", FOREARM, FOREARM_PROFILE),
    "thigh": ("hip", "knee", THIGH, THIGH_PROFILE),
    "shin": ("knee", "ankle", SHIN, SHIN_PROFILE),
}
ELBOW_RANGE = (0.0, 155.0)


@dataclass(frozen=True)
class Limb:
    """Angles of one side's arm and leg; `thigh` and `shin` < 1 shorten a leg seen end on."""

    shoulder: float = 0.0
    elbow: float = 10.0
    wrist: float = 0.0
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    thigh: float = 1.0
    shin: float = 1.0
    foot: float = 1.0
    upper_arm: float = 1.0
    forearm: float = 1.0
    hand: float = 1.0


@dataclass(frozen=True)
class Stance:
    """The whole body's angles: `pelvis` is the absolute direction hip -> waist (90 upright);
    `lumbar` bends the spine backwards (+); `neck` nods the head forwards (+)."""

    pelvis: float = 90.0
    lumbar: float = 0.0
    neck: float = 0.0
    twist: float = 0.0
    tuck: float = 0.0  # chin drawn straight back, centimetres
    near: Limb = Limb()
    far: Limb = Limb()


@dataclass
class Body:
    """Joint positions and part directions of a posed body."""

    stance: Stance
    spine: list[tuple[float, Point, float]]
    joints: dict[str, Point] = field(default_factory=dict)
    angles: dict[str, float] = field(default_factory=dict)

    @functools.cached_property
    def knots(self) -> list[float]:
        """How far up the spine each of its stored points is, in increasing order."""
        return [s for s, _, _ in self.spine]

    def spine_at(self, s: float) -> tuple[Point, float]:
        """The point and direction of the spine `s` above the hip joints, between the two
        stored points around it (the lower pair where `s` is one of them)."""
        spine, knots = self.spine, self.knots
        if knots[0] <= s <= knots[-1]:
            i = max(0, bisect_left(knots, s) - 1)
            (s0, p0, a0), (s1, p1, a1) = spine[i], spine[i + 1]
            t = (s - s0) / (s1 - s0)
            return lerp(p0, p1, t), a0 + (a1 - a0) * t
        return spine[-1][1], spine[-1][2]

    def torso(self, s: float, front: float = 0.0) -> Point:
        """A point `s` up the spine from the hip joints and `front` towards the belly."""
        p, a = self.spine_at(s)
        return local(p, a, 0.0, -front)

    def limb(self, side: str) -> Limb:
        return self.stance.near if side == "near" else self.stance.far

    def stretch(self, side: str, part: str) -> float:
        limb = self.limb(side)
        return {
            "thigh": limb.thigh,
            "shin": limb.shin,
            "upper_arm": limb.upper_arm,
            "forearm": limb.forearm,
        }.get(part, 1.0)

    def on(self, side: str, part: str, t: float, front: float = 0.0) -> Point:
        """A point a fraction `t` along a limb part and `front` off its axis (to its left)."""
        start, _, size, _ = SEGMENTS[part]
        along = t * size * self.stretch(side, part)
        return local(self.joints[f"{side}_{start}"], self.angles[f"{side}_{part}"], along, front)

    def half_width(self, side: str, part: str, t: float, front: bool) -> float:
        """The part's half width at fraction `t` along it, on its front or back."""
        _, _, size, profile = SEGMENTS[part]
        return profile_width(profile, t * size, front)


def profile_width(profile: Profile, s: float, front: bool) -> float:
    column = 1 if front else 2
    for a, b in pairwise(profile):
        if a[0] <= s <= b[0]:
            t = (s - a[0]) / (b[0] - a[0])
            return abs(a[column] + (b[column] - a[column]) * t)
    edge = profile[0] if s < profile[0][0] else profile[-1]
    return abs(edge[column])


def spine_angle(pelvis: float, lumbar: float, s: float) -> float:
    """Direction of the spine `s` above the hip joints: the bend spreads over the back."""
    return pelvis + lumbar * smoothstep((s - 4.0) / 38.0)


def pose_body(stance: Stance) -> Body:
    """Place every joint of `stance`, hip joints at the origin."""
    pelvis, lumbar = stance.pelvis, stance.lumbar
    # the signs tell 0.0 from -0.0, which are the same key to the cache
    spine = spine_points(pelvis, lumbar, math.copysign(1.0, pelvis), math.copysign(1.0, lumbar))
    body = Body(stance, list(spine))
    chest = stance.pelvis + stance.lumbar
    turn = SHOULDER_HALF_WIDTH * math.sin(math.radians(stance.twist))
    body.joints["near_shoulder"] = body.torso(TRUNK, -turn)
    body.joints["far_shoulder"] = body.torso(TRUNK, turn)
    body.joints["near_hip"] = body.joints["far_hip"] = (0.0, 0.0)
    body.joints["neck_base"] = body.torso(TRUNK + 2.0, -1.0)
    body.angles["head"] = chest - stance.neck
    body.joints["head"] = local(
        body.joints["neck_base"], body.angles["head"], 15.0, -2.5 + stance.tuck
    )
    for side in ("near", "far"):
        place_arm(body, side, chest)
        place_leg(body, side)
    return body


@functools.lru_cache(maxsize=256, typed=True)
def spine_points(
    pelvis: float, lumbar: float, _pelvis_sign: float, _lumbar_sign: float
) -> tuple[tuple[float, Point, float], ...]:
    """Points every half centimetre up the spine: (how far up, where, which direction).
    Only the pelvis and the lumbar bend shape it, and the poses of a figure and of the trial
    posings that settle its feet share a few of them, so each is walked once per process."""
    start = TORSO_PROFILE[0][0] - 2.0
    spine = [(start, scale(direction(pelvis), start), pelvis)]
    s, step = start, 0.5
    while s < 60.0:
        a = spine_angle(pelvis, lumbar, s + step / 2)
        s += step
        point = add(spine[-1][1], scale(direction(a), step))
        spine.append((s, point, spine_angle(pelvis, lumbar, s)))
    return tuple(spine)


def place_arm(body: Body, side: str, chest: float) -> None:
    limb = body.limb(side)
    upper = chest - 180.0 + limb.shoulder
    fore = upper + limb.elbow
    shoulder = body.joints[f"{side}_shoulder"]
    elbow = add(shoulder, scale(direction(upper), UPPER_ARM * limb.upper_arm))
    body.joints[f"{side}_elbow"] = elbow
    body.joints[f"{side}_wrist"] = add(elbow, scale(direction(fore), FOREARM * limb.forearm))
    body.angles[f"{side}_upper_arm"] = upper
    body.angles[f"{side}_forearm"] = fore
    body.angles[f"{side}_hand"] = fore + limb.wrist


def place_leg(body: Body, side: str) -> None:
    limb = body.limb(side)
    thigh = body.stance.pelvis - 180.0 + limb.hip
    shin = thigh - limb.knee
    hip = body.joints[f"{side}_hip"]
    knee = add(hip, scale(direction(thigh), THIGH * limb.thigh))
    body.joints[f"{side}_knee"] = knee
    body.joints[f"{side}_ankle"] = add(knee, scale(direction(shin), SHIN * limb.shin))
    body.angles[f"{side}_thigh"] = thigh
    body.angles[f"{side}_shin"] = shin
    body.angles[f"{side}_foot"] = shin + 90.0 - limb.ankle


# --- a leg turned out to the side, seen from the side ----------------------------------


def turned_out(limb: Limb, pelvis: float, degrees: float) -> Limb:
    """The leg of `limb` swung `degrees` out about the line from hip to ankle (knee out to
    the side, as in a butterfly stretch), as the side view sees it: shorter parts."""
    if abs(degrees) < 1e-6:
        return limb
    body = pose_body(Stance(pelvis=pelvis, near=limb))
    hip, knee, ankle = (body.joints[f"near_{j}"] for j in ("hip", "knee", "ankle"))
    toe = local(ankle, body.angles["near_foot"], FOOT, 0.0)
    axis = sub(ankle, hip)
    size = length(axis) or 1.0
    unit = (axis[0] / size, axis[1] / size, 0.0)
    k, t = rotate3((*knee, 0.0), unit, degrees), rotate3((*toe, 0.0), unit, degrees)
    seen_knee, seen_toe = (k[0], k[1]), (t[0], t[1])
    thigh, shin, foot = sub(seen_knee, hip), sub(ankle, seen_knee), sub(seen_toe, ankle)
    return Limb(
        shoulder=limb.shoulder,
        elbow=limb.elbow,
        wrist=limb.wrist,
        hip=wrap(angle_of(thigh) - pelvis + 180.0),
        knee=wrap(angle_of(thigh) - angle_of(shin)),
        ankle=wrap(angle_of(shin) + 90.0 - angle_of(foot)),
        thigh=length(thigh) / THIGH,
        shin=length(shin) / SHIN,
        foot=length(foot) / FOOT,
    )


def rotate3(
    p: tuple[float, float, float], axis: tuple[float, float, float], degrees: float
) -> tuple[float, float, float]:
    """`p` turned about `axis` (a unit vector through the origin), right-handed."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    ax, ay, az = axis
    dot = p[0] * ax + p[1] * ay + p[2] * az
    cross = (ay * p[2] - az * p[1], az * p[0] - ax * p[2], ax * p[1] - ay * p[0])
    return (
        p[0] * c + cross[0] * s + ax * dot * (1 - c),
        p[1] * c + cross[1] * s + ay * dot * (1 - c),
        p[2] * c + cross[2] * s + az * dot * (1 - c),
    )


# --- hands on targets ------------------------------------------------------------------


def two_bone(root: Point, target: Point, first: float, second: float) -> list[tuple[float, float]]:
    """Both (first, second) part directions reaching from `root` towards `target`."""
    offset = sub(target, root)
    reach = min(max(length(offset), abs(first - second) + 1e-3), first + second - 1e-3)
    base = angle_of(offset)
    cos_inner = (first**2 + reach**2 - second**2) / (2 * first * reach)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_inner))))
    answers = []
    for sign in (1.0, -1.0):
        a1 = base + sign * inner
        joint = add(root, scale(direction(a1), first))
        end = add(joint, scale(direction(angle_of(sub(target, joint))), second))
        answers.append((a1, angle_of(sub(end, joint))))
    return answers


def arm_to(body: Body, side: str, wrist: Point, hand: float | None = None) -> Limb:
    """`side`'s limb with the arm reaching the wrist to `wrist` (as near as it can), the
    elbow bending the way elbows bend, and the hand pointing at `hand` degrees."""
    chest = body.stance.pelvis + body.stance.lumbar
    limb = body.limb(side)
    choices = two_bone(body.joints[f"{side}_shoulder"], wrist, UPPER_ARM, FOREARM)
    low, high = ELBOW_RANGE
    upper, fore = next(
        ((u, f) for u, f in choices if low - 1e-6 <= wrap(f - u) <= high + 1e-6), choices[0]
    )
    elbow = min(high, max(low, wrap(fore - upper)))
    wrist_bend = 0.0 if hand is None else min(80.0, max(-80.0, wrap(hand - fore)))
    return Limb(
        shoulder=wrap(upper - chest + 180.0),
        elbow=elbow,
        wrist=wrist_bend,
        hip=limb.hip,
        knee=limb.knee,
        ankle=limb.ankle,
        thigh=limb.thigh,
        shin=limb.shin,
        foot=limb.foot,
    )


# --- outlines ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One part of the body drawn as one outlined silhouette; `joint` is where it grows out
    of the part drawn before it, where its outline is hidden so the body reads as one."""

    name: str
    paths: tuple[Path, ...]
    far: bool
    joint: Point | None = None
    seam: float = 0.0  # radius of the joint's hidden outline
    details: tuple[Path, ...] = ()


def profile_path(origin: Point, angle: float, profile: Profile, stretch: float = 1.0) -> Path:
    """Outline of a limb part; a part seen nearly end on becomes a plain tapered bar."""
    if stretch < 0.75:
        (_, f0, b0), (s1, f1, b1) = profile[0], profile[-1]
        end = local(origin, angle, s1 * stretch, 0.0)
        return capsule(origin, end, (f0 - b0) / 2, (f1 - b1) / 2)
    front = [local(origin, angle, s * stretch, f) for s, f, _ in profile]
    back = [local(origin, angle, s * stretch, b) for s, _, b in reversed(profile)]
    return smooth_closed(front + back)


def torso_path(body: Body) -> Path:
    """Pelvis, belly, chest and shoulders along the (possibly bent) spine."""
    widen = (SHOULDER_HALF_WIDTH - 10.0) * math.sin(math.radians(abs(body.stance.twist)))
    front, back = [], []
    for s, f, b in TORSO_PROFILE:
        extra = widen * smoothstep((s - 15.0) / 25.0)
        front.append(body.torso(s, f + extra))
        back.append(body.torso(s, b - extra))
    bottom = body.torso(TORSO_PROFILE[0][0] - 1.5, -2.0)
    top = body.torso(TORSO_PROFILE[-1][0] + 1.5, -0.5)
    return smooth_closed([bottom, *front, top, *reversed(back)])


def head_paths(body: Body) -> tuple[Path, Path, Path]:
    """The neck, the head, and the ear drawn as a small oval on it."""
    center, axis = body.joints["head"], body.angles["head"]

    def at(x: float, y: float) -> Point:
        return local(center, axis, y, -x)

    head = smooth_closed([at(x, y) for x, y in HEAD_OUTLINE])
    neck = capsule(body.joints["neck_base"], at(-2.0, -6.0), 5.4)
    ear = smooth_closed(
        [
            at(-1.8 + 1.7 * math.cos(k * math.pi / 4), -1.2 + 2.8 * math.sin(k * math.pi / 4))
            for k in range(8)
        ]
    )
    return neck, head, ear


def hand_path(wrist: Point, angle: float, stretch: float = 1.0) -> Path:
    k = max(0.45, stretch)
    front = [local(wrist, angle, s * k, f) for s, f, _ in HAND_PROFILE]
    back = [local(wrist, angle, s * k, b) for s, _, b in reversed(HAND_PROFILE)]
    tip = local(wrist, angle, (HAND_PROFILE[-1][0] + 1.6) * k, 0.1)
    return smooth_closed([*front, tip, *back])


CAPS = {"upper_arm": (5.5, 3.9), "forearm": (3.8, 2.5), "thigh": (8.3, KNEE_RADIUS)}
CAPS["shin"] = (KNEE_RADIUS - 0.2, 3.0)


def limb_parts(body: Body, side: str) -> list[Part]:
    far = side == "far"
    parts = []
    for part, (start, end, _, profile) in SEGMENTS.items():
        a, b = body.joints[f"{side}_{start}"], body.joints[f"{side}_{end}"]
        name = f"{side}_{part}"
        outline = profile_path(a, body.angles[name], profile, body.stretch(side, part))
        ra, rb = CAPS[part]
        parts.append(Part(name, (outline, circle(a, ra), circle(b, rb)), far, a, ra))
    ankle, wrist = body.joints[f"{side}_ankle"], body.joints[f"{side}_wrist"]
    stretch = body.limb(side).foot
    foot = smooth_closed(
        [local(ankle, body.angles[f"{side}_foot"], x * stretch, y) for x, y in FOOT_OUTLINE]
    )
    parts.append(Part(f"{side}_foot", (foot,), far, ankle, 4.0))
    hand = hand_path(wrist, body.angles[f"{side}_hand"], body.limb(side).hand)
    parts.append(Part(f"{side}_hand", (hand,), far, wrist, 2.6))
    return parts


def body_parts(body: Body) -> dict[str, Part]:
    """Every part of `body`, by name: torso (with neck and head), and each limb's parts."""
    neck, head, ear = head_paths(body)
    parts = {"torso": Part("torso", (torso_path(body), neck, head), False, details=(ear,))}
    for side in ("near", "far"):
        parts.update((part.name, part) for part in limb_parts(body, side))
    return parts
