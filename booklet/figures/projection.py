"""A Skeleton seen from the front or from above -> the parts of the body as outlines, in
the order they are drawn (furthest first), for the views a side view cannot show."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from booklet.figures.body import (
    FOREARM_PROFILE,
    HAND_PROFILE,
    SHIN_PROFILE,
    THIGH_PROFILE,
    UPPER_ARM_PROFILE,
    Part,
    Profile,
    profile_path,
)
from booklet.figures.geometry import (
    Path,
    Point,
    angle_of,
    capsule,
    circle,
    ellipse,
    length,
    local,
    smooth_closed,
    sub,
)
from booklet.figures.skeleton import Skeleton, Vec, v_add, v_scale, v_sub

# Half widths across the body, from side to side, along the spine from the hip joints.
TORSO_WIDTH: tuple[tuple[float, float], ...] = (
    (-9.0, 9.0),
    (-4.0, 16.0),
    (2.0, 17.5),
    (10.0, 15.5),
    (20.0, 13.5),
    (30.0, 15.0),
    (40.0, 17.0),
    (47.0, 19.0),
    (51.0, 19.5),
    (54.0, 15.0),
    (55.5, 6.0),
)
FOOT_PROFILE: Profile = ((0.0, 3.6, -3.6), (8.0, 4.4, -4.4), (18.0, 3.8, -3.8))
LIMBS: dict[str, tuple[str, str, Profile]] = {
    "thigh": ("hip", "knee", THIGH_PROFILE),
    "shin": ("knee", "ankle", SHIN_PROFILE),
    "foot": ("ankle", "toe", FOOT_PROFILE),
    "upper_arm": ("shoulder", "elbow", UPPER_ARM_PROFILE),
    "forearm": ("elbow", "wrist", FOREARM_PROFILE),
    "hand": ("wrist", "fingers", HAND_PROFILE),
}
SEAMS = {"thigh": 8.3, "shin": 5.0, "foot": 3.2, "upper_arm": 5.5, "forearm": 3.8, "hand": 2.4}


@dataclass(frozen=True)
class Camera:
    """Turns a body point into (x on the page, y on the page, depth towards the viewer)."""

    name: str
    see: Callable[[Vec], Vec]
    far_light: bool  # the far side's limbs are drawn lighter (they are underneath)


def camera(view: str, lying_on_side: bool, elevation: float = 0.0, turn: float = 0.0) -> Camera:
    """The named view of a body, the camera raised `elevation` degrees to look down on it
    and moved `turn` degrees round it (towards the feet +). A body lying on its side has
    the floor in its side view's plane, so its near side is up."""
    c, s = math.cos(math.radians(elevation)), math.sin(math.radians(elevation))
    ct, st = math.cos(math.radians(turn)), math.sin(math.radians(turn))
    if lying_on_side:
        if view == "front":  # looking at the belly, the head to the right

            def belly(p: Vec) -> Vec:
                up, toward = p[2], -p[1]
                right, toward = p[0] * ct + toward * st, toward * ct - p[0] * st
                return (right, up * c - toward * s, toward * c + up * s)

            return Camera(view, belly, True)
        return Camera(view, lambda p: (p[0], p[1], p[2]), True)  # from the ceiling
    if view == "top":  # from the ceiling, the near side at the bottom of the page
        return Camera(view, lambda p: (p[0], -p[2], p[1]), False)

    def front(p: Vec) -> Vec:
        # the person's right (near) side on the viewer's left
        right, toward = -p[2] * ct + p[0] * st, p[0] * ct + p[2] * st
        return (right, p[1] * c - toward * s, toward * c + p[1] * s)

    return Camera(view, front, False)


def flat_profile(profile: Profile) -> Profile:
    """A side-view profile as the same width on both edges (seen from the front)."""
    return tuple((s, (f - b) / 2, -(f - b) / 2) for s, f, b in profile)


def limb_outline(a: Vec, b: Vec, true_length: float, profile: Profile, cam: Camera) -> Path:
    pa, pb = cam.see(a)[:2], cam.see(b)[:2]
    seen = length(sub(pb, pa))
    stretch = seen / true_length if true_length else 1.0
    if seen < 1e-6:
        return circle(pa, flat_profile(profile)[0][1])
    return profile_path(pa, angle_of(sub(pb, pa)), flat_profile(profile), stretch)


def depth_of(cam: Camera, *points: Vec) -> float:
    return sum(cam.see(p)[2] for p in points) / len(points)


def projected_parts(skeleton: Skeleton, cam: Camera) -> tuple[dict[str, Part], list[str]]:
    """Every part, by name, and the names in drawing order (furthest first)."""
    parts: dict[str, Part] = {}
    depth: dict[str, float] = {}
    joints = skeleton.joints
    for side in ("near", "far"):
        far = cam.far_light and side == "far"
        for part, (start, end, profile) in LIMBS.items():
            a, b = joints[f"{side}_{start}"], joints[f"{side}_{end}"]
            size = profile[-1][0]
            outline = limb_outline(a, b, size, profile, cam)
            joint = cam.see(a)[:2]
            seam = SEAMS[part]
            name = f"{side}_{part}"
            parts[name] = Part(name, (outline, circle(joint, seam)), far, joint, seam)
            depth[name] = depth_of(cam, a, b)
    parts["torso"] = Part("torso", (torso_outline(skeleton, cam),), False)
    depth["torso"] = depth_of(cam, *(p for p, _ in skeleton.spine[::8]))
    shapes, details = head_outline(skeleton, cam)
    parts["head"] = Part("head", tuple(shapes), False, details=details)
    depth["head"] = depth_of(cam, joints["head"]) + 0.5
    order = sorted(depth, key=lambda name: (depth[name], name))
    return parts, order


def torso_outline(skeleton: Skeleton, cam: Camera) -> Path:
    """The trunk seen front on (or back on): its width from side to side along the spine."""
    left: list[Point] = []
    right: list[Point] = []
    spine = skeleton.spine
    start = spine[0][0]
    s = 0.0
    along: list[tuple[float, Vec]] = []
    for point, _ in spine:
        s += math.dist(point, start)
        start = point
        along.append((s + spine_origin(skeleton), point))
    for s_at, half in TORSO_WIDTH:
        point = point_along(along, s_at)
        left.append(cam.see(v_add(point, (0.0, 0.0, half)))[:2])
        right.append(cam.see(v_add(point, (0.0, 0.0, -half)))[:2])
    return smooth_closed([*left, *reversed(right)])


def spine_origin(skeleton: Skeleton) -> float:
    """How far below the hip joints the stored spine starts (it is negative)."""
    first = skeleton.spine[0][0]
    hip = v_scale(v_add(skeleton.joints["near_hip"], skeleton.joints["far_hip"]), 0.5)
    return -math.dist(first, hip)


def point_along(along: list[tuple[float, Vec]], s: float) -> Vec:
    for (s0, p0), (s1, p1) in pairwise(along):
        if s0 <= s <= s1 and s1 > s0:
            t = (s - s0) / (s1 - s0)
            return v_add(p0, v_scale(v_sub(p1, p0), t))
    return along[0][1] if s < along[0][0] else along[-1][1]


def head_outline(skeleton: Skeleton, cam: Camera) -> tuple[list[Path], tuple[Path, ...]]:
    """The neck, the head as an oval with a nose towards where the face points, and the
    ears, so a turned or tilted head reads as turned or tilted."""
    joints = skeleton.joints
    base, center, top = (cam.see(joints[n])[:2] for n in ("neck_base", "head", "head_top"))
    up = angle_of(sub(top, center))
    neck = capsule(base, local(center, up, -6.0, 0.0), 5.0)
    head = ellipse(center, 11.5, 9.0, up)
    face = cam.see(v_add(joints["head"], skeleton.face))
    toward = cam.see(joints["head"])
    offset = (face[0] - toward[0], face[1] - toward[1])
    facing_viewer = face[2] - toward[2]
    details: list[Path] = []
    shapes = [neck, head]
    # how far the face points to the left of the head's up direction, on the page
    across = -offset[0] * math.sin(math.radians(up)) + offset[1] * math.cos(math.radians(up))
    if facing_viewer > -0.2 and abs(across) > 0.15:
        # a nose towards where the face points, standing out of the outline when turned far
        side = 1.0 if across > 0 else -1.0
        x = across * 8.0
        nose = smooth_closed(
            [
                local(center, up, 2.5, x - side * 1.5),
                local(center, up, -3.5, x + side * (0.8 + 4.2 * abs(across))),
                local(center, up, -5.0, x - side * 1.5),
            ]
        )
        shapes.append(nose)
    for ear in (-1.0, 1.0):
        if abs(across) < 0.45 or ear * across < 0:
            ear_x = ear * 9.2 * math.sqrt(max(0.05, 1 - across**2)) - across * 4.0
            details.append(ellipse(local(center, up, 0.5, ear_x), 2.6, 1.6, up))
    return shapes, tuple(details)
