"""Draw the sample images used by the example booklets.

Run from the repository root::

    python scripts/draw_sample_images.py

It writes, deterministically (same bytes on every run):

* ``images/logo.png`` - the mark of the example clinic "Riverside Physical
  Therapy": a sun rising over river waves inside a circle, on a transparent
  background.
* ``images/psoas.png`` - a front view of the lower spine, pelvis and the top
  of both thigh bones with the psoas muscles highlighted.
* ``images/pelvic-tilt.png`` - two side views of pelvis and lower spine:
  neutral, and tipped forward with a deeper lower-back curve.
* ``images/stretches/<id>.png`` - one side-view figure per exercise, all drawn
  from a single jointed body so the proportions and style match.

Everything is drawn at several times the final size and scaled down with
Lanczos filtering for smooth edges. Only Pillow and the standard library are
used.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

Point = tuple[float, float]
RGB = tuple[int, int, int]

SUPERSAMPLE = 3
IMAGES = Path("images")

PRIMARY = "#1F5F7A"
ACCENT = "#D9702B"
NEAR_FILL = "#9DB4C0"
FAR_FILL = "#C9D6DD"
NEAR_LINE = "#2E4A57"
FAR_LINE = "#5F7C89"
BONE_FILL = "#E9E3D9"
BONE_LINE = "#85796A"
DISC_FILL = "#F6F1EA"
MAT_FILL = "#EFE8DE"
MAT_LINE = "#BDB2A3"
FLOOR_LINE = "#C8CFD3"
FURNITURE_FILL = "#E3DCD1"
FURNITURE_LINE = "#A89B8A"
WHITE = "#FFFFFF"


def rgb(color: str) -> RGB:
    """Return an ``#RRGGBB`` colour as a tuple."""
    value = color.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# --------------------------------------------------------------------------
# Plane geometry
# --------------------------------------------------------------------------


def direction(angle: float) -> Point:
    """Unit vector at ``angle`` degrees, counter-clockwise from +x."""
    rad = math.radians(angle)
    return (math.cos(rad), math.sin(rad))


def add(a: Point, b: Point) -> Point:
    return (a[0] + b[0], a[1] + b[1])


def sub(a: Point, b: Point) -> Point:
    return (a[0] - b[0], a[1] - b[1])


def scale(a: Point, k: float) -> Point:
    return (a[0] * k, a[1] * k)


def lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def length(a: Point) -> float:
    return math.hypot(a[0], a[1])


def angle_of(a: Point) -> float:
    return math.degrees(math.atan2(a[1], a[0]))


def wrap(angle: float) -> float:
    """Map an angle to the range [-180, 180)."""
    return (angle + 180.0) % 360.0 - 180.0


def smoothstep(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3.0 - 2.0 * t)


def local(origin: Point, angle: float, along: float, across: float) -> Point:
    """Point ``along`` the direction ``angle`` and ``across`` to its left."""
    a = direction(angle)
    return (origin[0] + along * a[0] - across * a[1], origin[1] + along * a[1] + across * a[0])


def catmull_rom(points: Sequence[Point], steps: int = 8, closed: bool = True) -> list[Point]:
    """Sample a smooth Catmull-Rom curve through ``points``."""
    n = len(points)
    out: list[Point] = []
    last = n if closed else n - 1
    for i in range(last):
        p0 = points[(i - 1) % n] if closed or i > 0 else points[0]
        p1 = points[i]
        p2 = points[(i + 1) % n]
        p3 = points[(i + 2) % n] if closed or i + 2 < n else points[-1]
        for k in range(steps):
            t = k / steps
            t2, t3 = t * t, t * t * t
            out.append(
                (
                    0.5
                    * (
                        2 * p1[0]
                        + (p2[0] - p0[0]) * t
                        + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2
                        + (3 * p1[0] - p0[0] - 3 * p2[0] + p3[0]) * t3
                    ),
                    0.5
                    * (
                        2 * p1[1]
                        + (p2[1] - p0[1]) * t
                        + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2
                        + (3 * p1[1] - p0[1] - 3 * p2[1] + p3[1]) * t3
                    ),
                )
            )
    if not closed:
        out.append(points[-1])
    return out


def signed_area(points: Sequence[Point]) -> float:
    total = 0.0
    for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True):
        total += x0 * y1 - x1 * y0
    return total / 2.0


def offset_polygon(points: Sequence[Point], distance: float) -> list[Point]:
    """Move every vertex of a smooth closed polygon outwards by ``distance``."""
    sign = 1.0 if signed_area(points) > 0 else -1.0
    n = len(points)
    out: list[Point] = []
    for i, p in enumerate(points):
        prev, nxt = points[i - 1], points[(i + 1) % n]
        dx, dy = nxt[0] - prev[0], nxt[1] - prev[1]
        norm = math.hypot(dx, dy) or 1.0
        out.append((p[0] + sign * distance * dy / norm, p[1] - sign * distance * dx / norm))
    return out


def arc_points(center: Point, radius: float, start: float, end: float, steps: int) -> list[Point]:
    return [
        add(center, scale(direction(start + (end - start) * i / steps), radius))
        for i in range(steps + 1)
    ]


# --------------------------------------------------------------------------
# Shapes and a canvas that draws them supersampled
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Circle:
    center: Point
    radius: float


@dataclass(frozen=True)
class Blob:
    """A closed outline, already dense enough to look smooth."""

    points: tuple[Point, ...]


Shape = Circle | Blob


def smooth_blob(points: Sequence[Point], steps: int = 8) -> Blob:
    return Blob(tuple(catmull_rom(points, steps)))


def capsule(a: Point, b: Point, ra: float, rb: float | None = None) -> Blob:
    """A (possibly tapered) rounded bar from ``a`` to ``b``."""
    rb = ra if rb is None else rb
    heading = angle_of(sub(b, a))
    pts = arc_points(b, rb, heading - 90, heading + 90, 16)
    pts += arc_points(a, ra, heading + 90, heading + 270, 16)
    return Blob(tuple(pts))


def ellipse(center: Point, rx: float, ry: float, angle: float = 0.0, steps: int = 72) -> Blob:
    pts = []
    for i in range(steps):
        t = 2 * math.pi * i / steps
        pts.append(local(center, angle, rx * math.cos(t), ry * math.sin(t)))
    return Blob(tuple(pts))


@dataclass(frozen=True)
class View:
    """Maps world units (y up) to supersampled pixels (y down)."""

    scale: float
    left: float
    top: float

    def px(self, p: Point) -> Point:
        return ((p[0] - self.left) * self.scale, (self.top - p[1]) * self.scale)


class Canvas:
    """An RGB(A) image drawn at ``SUPERSAMPLE`` times its final size."""

    def __init__(self, size: tuple[int, int], view: View, mode: str = "RGB") -> None:
        self.size = size
        self.big = (size[0] * SUPERSAMPLE, size[1] * SUPERSAMPLE)
        self.view = view
        background = (255, 255, 255) if mode == "RGB" else (0, 0, 0, 0)
        self.image = Image.new(mode, self.big, background)

    def mask(self) -> Image.Image:
        return Image.new("L", self.big, 0)

    def px(self, world: float) -> float:
        """A world length in supersampled pixels."""
        return world * self.view.scale

    def paint(self, mask: Image.Image, shapes: Iterable[Shape], grow: float = 0.0) -> None:
        """Fill ``shapes`` into ``mask``, ``grow`` world units larger."""
        draw = ImageDraw.Draw(mask)
        extra = self.px(grow)
        for shape in shapes:
            if isinstance(shape, Circle):
                cx, cy = self.view.px(shape.center)
                r = self.px(shape.radius) + extra
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
            else:
                pts = [self.view.px(p) for p in shape.points]
                if extra:
                    pts = offset_polygon(pts, extra)
                draw.polygon(pts, fill=255)

    def shapes_mask(self, shapes: Iterable[Shape], grow: float = 0.0) -> Image.Image:
        mask = self.mask()
        self.paint(mask, shapes, grow)
        return mask

    def fill(self, color: str, mask: Image.Image) -> None:
        self.image.paste(rgb(color), mask=mask)

    def outlined(self, shapes: Sequence[Shape], fill: str, line: str, width: float) -> None:
        """Fill ``shapes`` as one silhouette with an outline ``width`` wide."""
        self.fill(line, self.shapes_mask(shapes, width))
        self.fill(fill, self.shapes_mask(shapes))

    def stroke(self, points: Sequence[Point], color: str, width: float) -> None:
        """Draw an open polyline with round joints and ends."""
        draw = ImageDraw.Draw(self.image)
        pts = [self.view.px(p) for p in points]
        w = self.px(width)
        draw.line(pts, fill=rgb(color), width=max(1, round(w)), joint="curve")
        for x, y in (pts[0], pts[-1]):
            draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=rgb(color))

    def save(self, path: Path, mirror: bool = False) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        image = self.image.transpose(Image.Transpose.FLIP_LEFT_RIGHT) if mirror else self.image
        final = image.resize(self.size, Image.Resampling.LANCZOS)
        final.save(path, optimize=True)


def fade_mask(canvas: Canvas, center: Point, radius: float) -> Image.Image:
    """255 everywhere except a soft hole around ``center`` (0 at the middle)."""
    keep = Image.new("L", canvas.big, 255)
    r = max(2, round(canvas.px(radius)))
    ramp = Image.radial_gradient("L").resize((2 * r, 2 * r), Image.Resampling.BILINEAR)
    # radial_gradient reaches 255 at 128 * sqrt(2) pixels from the centre.
    table = [round(255 * smoothstep((v * math.sqrt(2) / 255 - 0.72) / 0.28)) for v in range(256)]
    cx, cy = canvas.view.px(center)
    keep.paste(ramp.point(table), (round(cx) - r, round(cy) - r))
    return keep


def fade_out_above(canvas: Canvas, y_start: float, y_end: float) -> None:
    """Blend the picture into white between two world heights, going up."""
    _, bottom = canvas.view.px((0.0, y_start))
    _, top = canvas.view.px((0.0, y_end))
    height = max(1, round(bottom - top))
    ramp = Image.linear_gradient("L").transpose(Image.Transpose.FLIP_TOP_BOTTOM)
    mask = Image.new("L", canvas.big, 255)
    mask.paste(ramp.resize((canvas.big[0], height)), (0, round(top)))
    mask.paste(0, (0, round(bottom), canvas.big[0], canvas.big[1]))
    canvas.fill(WHITE, mask)


def soft_mask(canvas: Canvas, shapes: Iterable[Shape], blur: float) -> Image.Image:
    return canvas.shapes_mask(shapes).filter(ImageFilter.GaussianBlur(canvas.px(blur)))


def fade_out_below(canvas: Canvas, y_start: float, y_end: float) -> None:
    """Blend the picture into white between two world heights (y up)."""
    _, top = canvas.view.px((0.0, y_start))
    _, bottom = canvas.view.px((0.0, y_end))
    ramp = Image.linear_gradient("L").resize((canvas.big[0], max(1, round(bottom - top))))
    mask = Image.new("L", canvas.big, 0)
    mask.paste(ramp, (0, round(top)))
    mask.paste(255, (0, round(bottom), canvas.big[0], canvas.big[1]))
    canvas.fill(WHITE, mask)


# --------------------------------------------------------------------------
# The body: proportions in centimetres
# --------------------------------------------------------------------------

TRUNK = 51.0  # hip joint to shoulder joint, along the spine
UPPER_ARM = 29.0
FOREARM = 25.0
HAND = 17.5
THIGH = 44.0
SHIN = 42.0
ANKLE_HEIGHT = 7.0  # ankle joint above the sole
KNEE_RADIUS = 5.1

# (distance along the segment, front half-width, back half-width)
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
# Head in profile: x towards the face, y up the neck, from the head centre.
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


def profile_blob(origin: Point, angle: float, profile: Profile, stretch: float = 1.0) -> Blob:
    """Outline of a limb segment; the front side is to the left of ``angle``.

    A strongly foreshortened segment loses its muscle shape and becomes a
    plain tapered bar.
    """
    if stretch < 0.75:
        (_, f0, b0), (s1, f1, b1) = profile[0], profile[-1]
        end = local(origin, angle, s1 * stretch, 0.0)
        return capsule(origin, end, (f0 - b0) / 2, (f1 - b1) / 2)
    front = [local(origin, angle, s * stretch, f) for s, f, _ in profile]
    back = [local(origin, angle, s * stretch, b) for s, _, b in reversed(profile)]
    return smooth_blob(front + back)


@dataclass(frozen=True)
class Arm:
    """Joint angles in degrees: shoulder flexion (+ forwards), elbow and wrist flexion."""

    shoulder: float = 0.0
    elbow: float = 10.0
    wrist: float = 0.0


@dataclass(frozen=True)
class Leg:
    """Hip flexion (+ forwards), knee flexion, ankle plantar flexion (+ toes down).

    ``thigh``, ``shin`` and ``foot`` shorten a segment that points across the
    body, as seen from the side.
    """

    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    thigh: float = 1.0
    shin: float = 1.0
    foot: float = 1.0


@dataclass(frozen=True)
class Pose:
    """A side view of the figure, which faces +x when ``pelvis`` is 90 (upright).

    ``pelvis`` is the absolute angle of the pelvis axis (hip joint towards the
    waist), ``lumbar`` bends the lower back backwards (+) or forwards (-),
    ``neck`` bends the head forwards, ``twist`` turns the chest towards the
    viewer and ``far_shift`` moves the far hip and shoulder for a three-quarter
    feel.
    """

    pelvis: float = 90.0
    lumbar: float = 0.0
    neck: float = 0.0
    twist: float = 0.0
    far_shift: Point = (0.0, 0.0)
    near_arm: Arm = Arm()
    far_arm: Arm = Arm()
    near_leg: Leg = Leg()
    far_leg: Leg = Leg()


JOINT_LIMITS: dict[str, tuple[float, float]] = {
    "lumbar": (-45.0, 40.0),
    "neck": (-35.0, 60.0),
    "shoulder": (-70.0, 185.0),
    "elbow": (0.0, 155.0),
    "wrist": (-90.0, 90.0),
    "hip": (-45.0, 135.0),
    "knee": (0.0, 165.0),
    "ankle": (-35.0, 85.0),
}


def within(joint: str, angle: float) -> bool:
    low, high = JOINT_LIMITS[joint]
    return low - 1e-6 <= angle <= high + 1e-6


def check_limits(pose: Pose) -> None:
    """Refuse joints bent further than a human body allows.

    A foreshortened leg is not checked: its drawn angles are a projection, not
    the joint angles themselves.
    """
    values = [("lumbar", pose.lumbar), ("neck", pose.neck)]
    for side in ("near", "far"):
        arm: Arm = getattr(pose, f"{side}_arm")
        leg: Leg = getattr(pose, f"{side}_leg")
        values += [("shoulder", arm.shoulder), ("elbow", arm.elbow), ("wrist", arm.wrist)]
        if leg.thigh == leg.shin == leg.foot == 1.0:
            values += [("hip", leg.hip), ("knee", leg.knee), ("ankle", leg.ankle)]
    for name, value in values:
        if not within(name, value):
            low, high = JOINT_LIMITS[name]
            raise ValueError(f"{name} angle {value:.1f} outside {low}..{high}")


# --------------------------------------------------------------------------
# Forward kinematics
# --------------------------------------------------------------------------


def spine_angle(pose: Pose, s: float) -> float:
    """Direction of the spine at distance ``s`` above the hip joints."""
    return pose.pelvis + pose.lumbar * smoothstep((s - 10.0) / 18.0)


def spine_samples(pose: Pose, step: float = 0.5) -> list[tuple[float, Point, float]]:
    """(s, point, angle) along the spine from below the pelvis to the neck."""
    start = TORSO_PROFILE[0][0] - 2.0
    samples = [(start, scale(direction(pose.pelvis), start), pose.pelvis)]
    s = start
    while s < 60.0:
        a = spine_angle(pose, s + step / 2)
        p = add(samples[-1][1], scale(direction(a), step))
        s += step
        samples.append((s, p, spine_angle(pose, s)))
    return samples


# Where each limb segment starts, and its length.
SEGMENT_START: dict[str, tuple[str, float]] = {
    "upper_arm": ("shoulder", UPPER_ARM),
    "forearm": ("elbow", FOREARM),
    "hand": ("wrist", HAND),
    "thigh": ("hip", THIGH),
    "shin": ("knee", SHIN),
    "foot": ("ankle", 18.0),
}


@dataclass
class Figure:
    """Joint positions and segment directions of a posed body."""

    pose: Pose
    spine: list[tuple[float, Point, float]]
    joints: dict[str, Point] = field(default_factory=dict)
    angles: dict[str, float] = field(default_factory=dict)

    def spine_at(self, s: float) -> tuple[Point, float]:
        for (s0, p0, a0), (s1, p1, a1) in pairwise(self.spine):
            if s0 <= s <= s1:
                t = (s - s0) / (s1 - s0)
                return lerp(p0, p1, t), a0 + (a1 - a0) * t
        return self.spine[-1][1], self.spine[-1][2]

    def torso(self, s: float, front: float = 0.0) -> Point:
        """A point on the torso: ``s`` up the spine, ``front`` towards the belly."""
        p, a = self.spine_at(s)
        return local(p, a, 0.0, -front)

    def on(self, segment: str, t: float, front: float = 0.0) -> Point:
        """A point a fraction ``t`` along a limb segment, ``front`` off its axis."""
        start, size = SEGMENT_START[segment.split("_", 1)[1]]
        side = segment.split("_", 1)[0]
        stretch = self.stretch(segment)
        return local(
            self.joints[f"{side}_{start}"], self.angles[segment], t * size * stretch, front
        )

    def stretch(self, segment: str) -> float:
        """How much a segment is foreshortened (1 when seen fully from the side)."""
        side, part = segment.split("_", 1)
        leg: Leg = getattr(self.pose, f"{side}_leg")
        return {"thigh": leg.thigh, "shin": leg.shin, "foot": leg.foot}.get(part, 1.0)


SHOULDER_HALF_WIDTH = 17.0


def build(pose: Pose) -> Figure:
    """Place every joint of ``pose`` with the hip joints at the origin."""
    check_limits(pose)
    fig = Figure(pose, spine_samples(pose))
    chest = pose.pelvis + pose.lumbar
    turn = SHOULDER_HALF_WIDTH * math.sin(math.radians(pose.twist))
    fig.joints["near_shoulder"] = fig.torso(TRUNK, -turn)
    fig.joints["far_shoulder"] = add(fig.torso(TRUNK, turn), pose.far_shift)
    fig.joints["near_hip"] = (0.0, 0.0)
    fig.joints["far_hip"] = pose.far_shift
    fig.joints["neck_base"] = fig.torso(TRUNK + 2.0, -1.0)
    head_axis = chest - pose.neck
    fig.angles["head"] = head_axis
    fig.joints["head"] = local(fig.joints["neck_base"], head_axis, 15.0, -2.5)
    for side in ("near", "far"):
        place_arm(fig, side, chest, getattr(pose, f"{side}_arm"))
        place_leg(fig, side, pose.pelvis, getattr(pose, f"{side}_leg"))
    return fig


def place_arm(fig: Figure, side: str, chest: float, arm: Arm) -> None:
    upper = chest - 180.0 + arm.shoulder
    fore = upper + arm.elbow
    hand = fore + arm.wrist
    shoulder = fig.joints[f"{side}_shoulder"]
    elbow = add(shoulder, scale(direction(upper), UPPER_ARM))
    wrist = add(elbow, scale(direction(fore), FOREARM))
    fig.joints.update({f"{side}_elbow": elbow, f"{side}_wrist": wrist})
    fig.angles.update({f"{side}_upper_arm": upper, f"{side}_forearm": fore, f"{side}_hand": hand})


def place_leg(fig: Figure, side: str, pelvis: float, leg: Leg) -> None:
    thigh = pelvis - 180.0 + leg.hip
    shin = thigh - leg.knee
    foot = shin + 90.0 - leg.ankle
    hip = fig.joints[f"{side}_hip"]
    knee = add(hip, scale(direction(thigh), THIGH * leg.thigh))
    ankle = add(knee, scale(direction(shin), SHIN * leg.shin))
    fig.joints.update({f"{side}_knee": knee, f"{side}_ankle": ankle})
    fig.angles.update({f"{side}_thigh": thigh, f"{side}_shin": shin, f"{side}_foot": foot})


# --------------------------------------------------------------------------
# Inverse kinematics helpers used to pose hands and feet on targets
# --------------------------------------------------------------------------


def two_bone(root: Point, target: Point, first: float, second: float) -> list[tuple[float, float]]:
    """Both (first, second) segment directions reaching from ``root`` to ``target``."""
    offset = sub(target, root)
    reach = min(max(length(offset), abs(first - second) + 1e-3), first + second - 1e-3)
    base = angle_of(offset)
    cos_inner = (first**2 + reach**2 - second**2) / (2 * first * reach)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_inner))))
    answers = []
    for sign in (1.0, -1.0):
        a1 = base + sign * inner
        joint = add(root, scale(direction(a1), first))
        answers.append((a1, angle_of(sub(target, joint))))
    return answers


def arm_to(fig: Figure, side: str, wrist: Point, hand_angle: float | None = None) -> Arm:
    """The arm that puts the wrist on ``wrist``, the hand pointing at ``hand_angle``.

    Without ``hand_angle`` the hand carries on in line with the forearm.
    """
    chest = fig.pose.pelvis + fig.pose.lumbar
    for upper, fore in two_bone(fig.joints[f"{side}_shoulder"], wrist, UPPER_ARM, FOREARM):
        elbow = wrap(fore - upper)
        if within("elbow", elbow):
            shoulder = wrap(upper - chest + 180.0)
            low, high = JOINT_LIMITS["wrist"]
            bend = 0.0 if hand_angle is None else min(high, max(low, wrap(hand_angle - fore)))
            return Arm(shoulder, elbow, bend)
    raise ValueError(f"{side} arm cannot reach {wrist}")


def leg_to(fig: Figure, side: str, ankle: Point, foot_angle: float, like: Leg = Leg()) -> Leg:
    """The leg that puts the ankle on ``ankle`` with the foot at ``foot_angle``.

    Segment foreshortening is taken from ``like``.
    """
    pelvis = fig.pose.pelvis
    root = fig.joints[f"{side}_hip"]
    for thigh, shank in two_bone(root, ankle, THIGH * like.thigh, SHIN * like.shin):
        knee = wrap(thigh - shank)
        if within("knee", knee):
            hip = wrap(thigh - pelvis + 180.0)
            ankle_bend = wrap(shank + 90.0 - foot_angle)
            return replace(like, hip=hip, knee=knee, ankle=ankle_bend)
    raise ValueError(f"{side} leg cannot reach {ankle}")


# --------------------------------------------------------------------------
# Turning a figure into drawable pieces
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """Part of the body drawn as one outlined silhouette.

    Where the piece overlaps its ``parent`` near ``joint`` its outline fades,
    so joints read as one body rather than stacked parts.
    """

    name: str
    shapes: tuple[Shape, ...]
    far: bool
    parent: str | None = None
    joint: Point | None = None
    fade: float = 0.0
    details: tuple[tuple[Point, ...], ...] = ()


def torso_blob(fig: Figure) -> Blob:
    """Pelvis, belly, chest and shoulders along the (possibly bent) spine."""
    pose = fig.pose
    widen = (SHOULDER_HALF_WIDTH - 10.0) * math.sin(math.radians(abs(pose.twist)))
    front, back = [], []
    for s, f, b in TORSO_PROFILE:
        extra = widen * smoothstep((s - 15.0) / 25.0)
        front.append(fig.torso(s, f + extra))
        back.append(fig.torso(s, b - extra))
    bottom = fig.torso(TORSO_PROFILE[0][0] - 1.5, -2.0)
    top = fig.torso(TORSO_PROFILE[-1][0] + 1.5, -0.5)
    return smooth_blob([bottom, *front, top, *reversed(back)])


def head_pieces(fig: Figure) -> tuple[list[Shape], tuple[Point, ...]]:
    """The neck and head shapes, and the ear drawn as a line on the head."""
    center, axis = fig.joints["head"], fig.angles["head"]

    def at(x: float, y: float) -> Point:
        return local(center, axis, y, -x)

    head = smooth_blob([at(x, y) for x, y in HEAD_OUTLINE])
    neck = capsule(fig.joints["neck_base"], at(-2.0, -6.0), 5.4)
    ear = tuple(
        at(-1.8 + 1.7 * math.cos(t / 10 * math.pi), -1.2 + 2.8 * math.sin(t / 10 * math.pi))
        for t in range(21)
    )
    return [neck, head], ear


@dataclass(frozen=True)
class Segment:
    """A limb segment drawn between two joints, with round caps on both."""

    part: str
    start: str
    end: str
    profile: Profile
    caps: tuple[float, float]
    parent: str  # the piece it grows out of: "torso" or another part
    fade: float  # how far from its start joint the outline fades into the parent


SEGMENTS = (
    Segment("thigh", "hip", "knee", THIGH_PROFILE, (8.3, KNEE_RADIUS), "torso", 15.0),
    Segment("shin", "knee", "ankle", SHIN_PROFILE, (KNEE_RADIUS - 0.2, 3.0), "thigh", 9.0),
    Segment("upper_arm", "shoulder", "elbow", UPPER_ARM_PROFILE, (5.5, 3.9), "torso", 9.0),
    Segment("forearm", "elbow", "wrist", FOREARM_PROFILE, (3.8, 2.5), "upper_arm", 6.0),
)


def segment_piece(fig: Figure, side: str, seg: Segment) -> Piece:
    start, end = fig.joints[f"{side}_{seg.start}"], fig.joints[f"{side}_{seg.end}"]
    name = f"{side}_{seg.part}"
    outline = profile_blob(start, fig.angles[name], seg.profile, fig.stretch(name))
    parent = seg.parent if seg.parent == "torso" else f"{side}_{seg.parent}"
    shapes = (outline, Circle(start, seg.caps[0]), Circle(end, seg.caps[1]))
    return Piece(name, shapes, side == "far", parent, start, seg.fade)


def limb_pieces(fig: Figure, side: str) -> list[Piece]:
    far = side == "far"
    ankle, wrist = fig.joints[f"{side}_ankle"], fig.joints[f"{side}_wrist"]
    foot_scale = fig.stretch(f"{side}_foot")
    foot = smooth_blob(
        [local(ankle, fig.angles[f"{side}_foot"], x * foot_scale, y) for x, y in FOOT_OUTLINE]
    )
    hand = hand_blob(wrist, fig.angles[f"{side}_hand"])
    return [
        *(segment_piece(fig, side, seg) for seg in SEGMENTS),
        Piece(f"{side}_foot", (foot,), far, f"{side}_shin", ankle, 7.5),
        Piece(f"{side}_hand", (hand,), far, f"{side}_forearm", wrist, 4.5),
    ]


def hand_blob(wrist: Point, angle: float) -> Blob:
    front = [local(wrist, angle, s, f) for s, f, _ in HAND_PROFILE]
    back = [local(wrist, angle, s, b) for s, _, b in reversed(HAND_PROFILE)]
    tip = local(wrist, angle, HAND_PROFILE[-1][0] + 1.6, 0.1)
    return smooth_blob([*front, tip, *back])


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


def body_pieces(fig: Figure) -> dict[str, Piece]:
    """Every drawable piece of ``fig``, by name."""
    head, ear = head_pieces(fig)
    pieces = {
        "torso": Piece("torso", (torso_blob(fig), *head), False, details=(ear,)),
    }
    for side in ("near", "far"):
        for piece in limb_pieces(fig, side):
            pieces[piece.name] = piece
    return pieces


# --------------------------------------------------------------------------
# Exercise scenes. The figure faces +x, so its near side is its right side;
# a mirrored scene shows the left side nearest instead.
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Box:
    """A rounded rectangle prop such as a mat, table top or table leg."""

    x0: float
    y0: float
    x1: float
    y1: float
    radius: float
    fill: str
    line: str
    frame: bool = True  # whether it counts when the picture is framed


@dataclass(frozen=True)
class Glow:
    """An accent tint over the worked region, clipped to the listed pieces."""

    shapes: tuple[Shape, ...]
    pieces: tuple[str, ...]
    blur: float = 4.0


@dataclass(frozen=True)
class Scene:
    figure: Figure
    glow: Glow
    props: tuple[Box, ...] = ()
    order: tuple[str, ...] = DEFAULT_ORDER
    mirror: bool = False  # flip left-right, so the near side is the figure's left


MAT_THICKNESS = 3.0


def mat(x0: float, x1: float, floor: float) -> tuple[Box, ...]:
    """An exercise mat lying on the floor, its top at ``floor``."""
    return (
        *floor_line(x0 - 12.0, x1 + 12.0, floor - MAT_THICKNESS),
        Box(x0, floor - MAT_THICKNESS, x1, floor, 0.8, MAT_FILL, MAT_LINE),
    )


def floor_line(x0: float, x1: float, floor: float) -> tuple[Box, ...]:
    """A thin line for the floor; it runs wide, so it does not count for framing."""
    return (Box(x0, floor - 0.5, x1, floor, 0.25, FLOOR_LINE, FLOOR_LINE, frame=False),)


def bounds(shapes: Iterable[Shape]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of ``shapes`` in world units."""
    xs: list[float] = []
    ys: list[float] = []
    for shape in shapes:
        if isinstance(shape, Circle):
            (cx, cy), r = shape.center, shape.radius
            xs += [cx - r, cx + r]
            ys += [cy - r, cy + r]
        else:
            xs += [x for x, _ in shape.points]
            ys += [y for _, y in shape.points]
    return min(xs), min(ys), max(xs), max(ys)


def resting(fig: Figure, *names: str) -> float:
    """Floor height under the named pieces of ``fig``: the lowest point they reach."""
    pieces = body_pieces(fig)
    return bounds(shape for name in names for shape in pieces[name].shapes)[1]


def chair(x: float, floor: float) -> tuple[Box, ...]:
    """A plain chair seen from the side, its back towards -x, standing at ``x``."""
    seat = floor + 46.0
    return (
        *floor_line(x - 100.0, x + 80.0, floor),
        Box(x + 37.0, floor, x + 40.0, seat, 1.0, FURNITURE_FILL, FURNITURE_LINE),
        Box(x, floor, x + 3.0, floor + 96.0, 1.2, FURNITURE_FILL, FURNITURE_LINE),
        Box(x - 0.5, floor + 78.0, x + 4.0, floor + 97.0, 1.8, FURNITURE_FILL, FURNITURE_LINE),
        Box(x - 1.0, seat, x + 42.0, seat + 4.0, 1.5, FURNITURE_FILL, FURNITURE_LINE),
    )


def table(x0: float, x1: float, top: float) -> tuple[Box, ...]:
    """A treatment table whose padded top is at height ``top``."""
    floor = top - 72.0
    return (
        *floor_line(x0 - 30.0, x1 + 70.0, floor),
        Box(x0 + 8.0, floor, x0 + 12.0, top - 8.0, 1.0, FURNITURE_FILL, FURNITURE_LINE),
        Box(x1 - 12.0, floor, x1 - 8.0, top - 8.0, 1.0, FURNITURE_FILL, FURNITURE_LINE),
        Box(x0, top - 9.0, x1, top - 5.0, 1.0, FURNITURE_FILL, FURNITURE_LINE),
        Box(x0, top - 5.5, x1, top, 2.5, MAT_FILL, MAT_LINE),
    )


def buttock_glow(fig: Figure, side: str) -> Glow:
    return Glow(
        (capsule(fig.torso(6.0, -10.0), fig.on(f"{side}_thigh", 0.15, -6.0), 8.0, 7.0),),
        ("torso", f"{side}_thigh"),
    )


def hip_front_glow(fig: Figure, side: str) -> Glow:
    return Glow(
        (capsule(fig.torso(2.0, 8.0), fig.on(f"{side}_thigh", 0.5, 6.5), 7.0, 6.0),),
        ("torso", f"{side}_thigh"),
    )


def kneeling_hip_flexor() -> Scene:
    """Half kneeling on the right knee, left foot forward, hands on the left thigh."""
    base = Pose(pelvis=93.0, lumbar=-3.0, near_leg=Leg(hip=-16.0, knee=76.0, ankle=62.0))
    fig = build(base)
    floor = resting(fig, "near_shin", "near_foot")
    far_leg = leg_to(fig, "far", (47.0, floor + ANKLE_HEIGHT), 0.0)
    fig = build(replace(base, far_leg=far_leg))
    thigh = fig.angles["far_thigh"]
    near_arm = arm_to(fig, "near", fig.on("far_thigh", 0.55, 10.2), thigh - 8.0)
    far_arm = arm_to(fig, "far", fig.on("far_thigh", 0.68, 10.2), thigh - 8.0)
    fig = build(replace(fig.pose, near_arm=near_arm, far_arm=far_arm))
    return Scene(fig, hip_front_glow(fig, "near"), mat(-80.0, 85.0, floor))


def standing_quad() -> Scene:
    """Right heel pulled to the buttock by the right hand, left hand on a chair."""
    base = Pose(
        pelvis=90.0,
        lumbar=-2.0,
        near_leg=Leg(hip=-4.0, knee=152.0, ankle=35.0),
        far_leg=Leg(hip=1.0, knee=2.0, ankle=-1.0),
    )
    fig = build(base)
    floor = resting(fig, "far_foot")
    near_arm = arm_to(fig, "near", add(fig.joints["near_ankle"], (4.5, 1.5)))
    far_arm = arm_to(fig, "far", (32.0, floor + 99.5), -15.0)
    fig = build(replace(base, near_arm=near_arm, far_arm=far_arm))
    glow = Glow(
        (capsule(fig.on("near_thigh", 0.05, 6.5), fig.on("near_thigh", 0.85, 4.5), 6.5, 5.0),),
        ("near_thigh",),
    )
    return Scene(fig, glow, chair(31.0, floor))


def low_lunge_twist() -> Scene:
    """Low lunge on the left knee, chest turned right, right arm reaching back."""
    base = Pose(
        pelvis=86.0,
        lumbar=6.0,
        twist=40.0,
        neck=-5.0,
        far_leg=Leg(hip=-28.0, knee=55.0, ankle=75.0),
    )
    fig = build(base)
    floor = resting(fig, "far_shin")
    near_leg = leg_to(fig, "near", (58.0, floor + ANKLE_HEIGHT), 0.0)
    fig = build(replace(base, near_leg=near_leg))
    far_arm = arm_to(fig, "far", fig.on("near_thigh", 0.92, 9.0), fig.angles["near_thigh"] - 60)
    near_arm = Arm(shoulder=-55.0, elbow=8.0, wrist=0.0)
    fig = build(replace(fig.pose, near_arm=near_arm, far_arm=far_arm))
    return Scene(fig, hip_front_glow(fig, "far"), mat(-80.0, 90.0, floor))


SUPINE = 184.0  # pelvis angle that rests both buttocks and shoulder blades on the floor


def hold_thigh(fig: Figure, held: str) -> Pose:
    """Both hands behind the ``held`` thigh, just above the knee."""
    thigh = fig.angles[f"{held}_thigh"]
    near = arm_to(fig, "near", fig.on(f"{held}_thigh", 0.72, -8.0), thigh - 100.0)
    far = arm_to(fig, "far", fig.on(f"{held}_thigh", 0.82, -8.0), thigh - 100.0)
    return replace(fig.pose, near_arm=near, far_arm=far)


def hug_knee(fig: Figure, hugged: str) -> Pose:
    """Both hands clasped over the shin of the ``hugged`` leg, below the knee."""
    shin = fig.angles[f"{hugged}_shin"]
    near = arm_to(fig, "near", fig.on(f"{hugged}_shin", 0.2, 7.0), shin - 90.0)
    far = arm_to(fig, "far", fig.on(f"{hugged}_shin", 0.3, 7.0), shin - 90.0)
    return replace(fig.pose, near_arm=near, far_arm=far)


def thomas_stretch() -> Scene:
    """On a table edge hugging the right knee, the left leg hanging (drawn mirrored)."""
    base = Pose(
        pelvis=SUPINE + 6.0,
        lumbar=-6.0,
        neck=-8.0,
        near_leg=Leg(hip=-22.0, knee=88.0, ankle=25.0),
        far_leg=Leg(hip=132.0, knee=130.0, ankle=20.0),
    )
    fig = build(hug_knee(build(base), "far"))
    top = resting(fig, "torso")
    glow = hip_front_glow(fig, "near")
    return Scene(fig, glow, table(-108.0, 7.0, top), mirror=True)


def knee_to_chest() -> Scene:
    """On a mat holding the right thigh to the chest, the left leg straight."""
    base = Pose(
        pelvis=SUPINE + 6.0,
        lumbar=-6.0,
        neck=-8.0,
        near_leg=Leg(hip=132.0, knee=130.0, ankle=20.0),
        far_leg=Leg(hip=-15.0, knee=4.0, ankle=28.0),
    )
    fig = build(hold_thigh(build(base), "near"))
    floor = resting(fig, "torso")
    return Scene(fig, buttock_glow(fig, "near"), mat(-100.0, 105.0, floor))


def pigeon() -> Scene:
    """Right shin folded under the body, left leg straight back, upright on the hands."""
    hip_height = 21.0
    base = Pose(pelvis=52.0, lumbar=24.0)
    fig = build(base)
    floor = -hip_height
    front = Leg(thigh=0.85, shin=0.6, foot=0.6)
    knee_x = math.sqrt((THIGH * front.thigh) ** 2 - (hip_height - KNEE_RADIUS) ** 2)
    ankle = (knee_x - SHIN * front.shin, floor + KNEE_RADIUS - 0.5)
    back_x = math.sqrt((THIGH + SHIN - 0.05) ** 2 - (hip_height - 4.0) ** 2)
    fig = build(
        replace(
            base,
            near_leg=leg_to(fig, "near", ankle, 192.0, front),
            far_leg=leg_to(fig, "far", (-back_x, floor + 4.0), 196.0),
        )
    )
    arms = {
        side: arm_to(fig, side, (fig.joints[f"{side}_shoulder"][0] + dx, floor + 15.0), -75.0)
        for side, dx in (("near", 16.0), ("far", 20.0))
    }
    fig = build(replace(fig.pose, near_arm=arms["near"], far_arm=arms["far"]))
    # The folded front shin lies under the pelvis and behind the front thigh.
    order = (
        "far_upper_arm",
        "far_forearm",
        "far_hand",
        "far_thigh",
        "far_shin",
        "far_foot",
        "near_foot",
        "near_shin",
        "torso",
        "near_upper_arm",
        "near_forearm",
        "near_hand",
        "near_thigh",
    )
    return Scene(fig, buttock_glow(fig, "near"), mat(-110.0, 70.0, floor), order)


Point3 = tuple[float, float, float]
HIP_HALF_WIDTH = 9.0


def seen_from(p: Point3, yaw: float) -> Point:
    """Project a body-space point (x forwards, y up, z towards the viewer).

    ``yaw`` swings the viewer from the figure's side towards its front.
    """
    c, s = math.cos(math.radians(yaw)), math.sin(math.radians(yaw))
    return (p[0] * c - p[2] * s, p[1])


def leg_seen_from(
    pelvis: float, hip: Point3, knee: Point3, ankle: Point3, toe: Point3, yaw: float
) -> Leg:
    """Joint angles and foreshortening that draw a 3-D leg as seen at ``yaw``."""
    p_hip, p_knee, p_ankle, p_toe = (seen_from(p, yaw) for p in (hip, knee, ankle, toe))
    thigh, shin, foot = sub(p_knee, p_hip), sub(p_ankle, p_knee), sub(p_toe, p_ankle)
    return Leg(
        hip=wrap(angle_of(thigh) - pelvis + 180.0),
        knee=wrap(angle_of(thigh) - angle_of(shin)),
        ankle=wrap(angle_of(shin) + 90.0 - angle_of(foot)),
        thigh=length(thigh) / THIGH,
        shin=length(shin) / SHIN,
        foot=length(foot) / SEGMENT_START["foot"][1],
    )


def butterfly() -> Scene:
    """Seated, soles together, knees out, hands at the feet; a three-quarter view."""
    yaw, pelvis = 32.0, 97.0
    legs = {}
    for side, z in (("near", 1.0), ("far", -1.0)):
        hip = (0.0, 0.0, z * HIP_HALF_WIDTH)
        knee = (28.0, 7.0, z * 39.0)  # dropped out to the side
        ankle = (22.0, -4.5, z * 3.0)  # soles together in front of the groin
        toe = (38.0, -4.5, z * 4.0)
        legs[side] = leg_seen_from(pelvis, hip, knee, ankle, toe, yaw)
    shift = sub(
        seen_from((0.0, 0.0, -HIP_HALF_WIDTH), yaw), seen_from((0.0, 0.0, HIP_HALF_WIDTH), yaw)
    )
    base = Pose(
        pelvis=pelvis,
        lumbar=-8.0,
        neck=8.0,
        far_shift=shift,
        near_leg=legs["near"],
        far_leg=legs["far"],
    )
    fig = build(base)
    floor = resting(fig, "torso")
    feet = lerp(fig.joints["near_ankle"], fig.joints["far_ankle"], 0.5)
    arms = {
        side: arm_to(fig, side, add(feet, (dx, 8.0)), -35.0)
        for side, dx in (("near", 4.0), ("far", 9.0))
    }
    fig = build(replace(base, near_arm=arms["near"], far_arm=arms["far"]))
    glow = Glow(
        tuple(
            capsule(
                fig.on(f"{side}_thigh", 0.1, -2.0), fig.on(f"{side}_thigh", 0.85, -2.0), 6.0, 4.5
            )
            for side in ("near", "far")
        ),
        ("near_thigh", "far_thigh"),
    )
    return Scene(fig, glow, mat(-45.0, 85.0, floor))


def glute_bridge() -> Scene:
    """On the back with the hips lifted in line with the shoulders and knees."""
    base = Pose(
        pelvis=205.0,
        neck=22.0,
        near_leg=Leg(hip=0.0),
        far_leg=Leg(hip=0.0),
        near_arm=Arm(shoulder=-32.0, elbow=4.0, wrist=2.0),
        far_arm=Arm(shoulder=-30.0, elbow=4.0, wrist=2.0),
    )
    fig = build(base)
    floor = resting(fig, "torso")
    legs = {
        side: leg_to(fig, side, (fig.joints[f"{side}_knee"][0] + dx, floor + ANKLE_HEIGHT), 0.0)
        for side, dx in (("near", 2.0), ("far", 11.0))
    }
    fig = build(replace(base, near_leg=legs["near"], far_leg=legs["far"]))
    return Scene(fig, buttock_glow(fig, "near"), mat(-105.0, 75.0, floor))


def bird_dog() -> Scene:
    """On all fours, right arm forward and left leg back (drawn mirrored)."""
    base = Pose(
        pelvis=8.0,
        near_leg=Leg(hip=-8.0, knee=0.0, ankle=5.0),
        far_leg=Leg(hip=82.0, knee=92.0, ankle=75.0),
        far_arm=Arm(shoulder=172.0, elbow=0.0, wrist=0.0),
    )
    fig = build(base)
    floor = resting(fig, "far_shin")
    wrist = (fig.joints["near_shoulder"][0] + 2.0, floor + 2.6)
    fig = build(replace(base, near_arm=arm_to(fig, "near", wrist, 0.0)))
    glow = Glow(
        (capsule(fig.torso(20.0, -10.0), fig.on("near_thigh", 0.2, -6.0), 7.0, 7.0),),
        ("torso", "near_thigh"),
    )
    return Scene(fig, glow, mat(-100.0, 115.0, floor), mirror=True)


def core_activation() -> Scene:
    """On the back, knees bent, feet flat, hands resting on the lower belly."""
    base = Pose(pelvis=SUPINE, neck=-8.0)
    fig = build(base)
    floor = resting(fig, "torso")
    legs = {
        side: leg_to(fig, side, (x, floor + ANKLE_HEIGHT), 0.0)
        for side, x in (("near", 56.0), ("far", 68.0))
    }
    fig = build(replace(base, near_leg=legs["near"], far_leg=legs["far"]))
    arms = {
        side: arm_to(fig, side, fig.torso(s, 12.5), SUPINE - 195.0)
        for side, s in (("near", 10.0), ("far", 14.0))
    }
    fig = build(replace(fig.pose, near_arm=arms["near"], far_arm=arms["far"]))
    glow = Glow((ellipse(fig.torso(20.0, 7.0), 16.0, 8.0, SUPINE),), ("torso",))
    return Scene(fig, glow, mat(-100.0, 95.0, floor))


SCENES: dict[str, Callable[[], Scene]] = {
    "kneeling-hip-flexor": kneeling_hip_flexor,
    "standing-quad": standing_quad,
    "low-lunge-twist": low_lunge_twist,
    "thomas-stretch": thomas_stretch,
    "knee-to-chest": knee_to_chest,
    "pigeon": pigeon,
    "butterfly": butterfly,
    "glute-bridge": glute_bridge,
    "bird-dog": bird_dog,
    "core-activation": core_activation,
}


# --------------------------------------------------------------------------
# Drawing an exercise
# --------------------------------------------------------------------------

STRETCH_SIZE = (1200, 900)
STRETCH_MARGIN = 90
LINE_WIDTH_PX = 3.0


def scene_bounds(scene: Scene) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of the figure and the props that frame it."""
    shapes = [shape for piece in body_pieces(scene.figure).values() for shape in piece.shapes]
    x0, y0, x1, y1 = bounds(shapes)
    for box in scene.props:
        if box.frame:
            x0, y0 = min(x0, box.x0), min(y0, box.y0)
            x1, y1 = max(x1, box.x1), max(y1, box.y1)
    return x0, y0, x1, y1


def fit_scale(scenes: Iterable[Scene]) -> float:
    """Final pixels per centimetre that fits every scene inside the margins."""
    width, height = STRETCH_SIZE
    best = math.inf
    for scene in scenes:
        x0, y0, x1, y1 = scene_bounds(scene)
        best = min(
            best,
            (width - 2 * STRETCH_MARGIN) / (x1 - x0),
            (height - 2 * STRETCH_MARGIN) / (y1 - y0),
        )
    return best


def draw_box(canvas: Canvas, box: Box, line: float) -> None:
    draw = ImageDraw.Draw(canvas.image)
    x0, y1 = canvas.view.px((box.x0, box.y0))
    x1, y0 = canvas.view.px((box.x1, box.y1))
    width = max(0, round(canvas.px(line))) if box.line != box.fill else 0
    draw.rounded_rectangle(
        (x0, y0, x1, y1),
        radius=canvas.px(box.radius),
        fill=rgb(box.fill),
        outline=rgb(box.line) if width else None,
        width=width,
    )


def draw_piece(
    canvas: Canvas,
    piece: Piece,
    fills: dict[str, Image.Image],
    line: float,
    tint: Image.Image | None,
) -> None:
    """Outline, fill, accent tint and details of one piece, over what is drawn already."""
    outline = canvas.shapes_mask(piece.shapes, line)
    if piece.parent and piece.joint:
        keep = fade_mask(canvas, piece.joint, piece.fade)
        keep = ImageChops.lighter(keep, ImageChops.invert(fills[piece.parent]))
        outline = ImageChops.multiply(outline, keep)
    canvas.fill(FAR_LINE if piece.far else NEAR_LINE, outline)
    canvas.fill(FAR_FILL if piece.far else NEAR_FILL, fills[piece.name])
    if tint is not None:
        canvas.fill(ACCENT, ImageChops.multiply(tint, fills[piece.name]))
    for detail in piece.details:
        canvas.stroke(detail, FAR_LINE if piece.far else NEAR_LINE, line * 0.8)


def draw_scene(scene: Scene, px_per_cm: float, path: Path) -> None:
    """Props, a soft accent halo, then the body pieces back to front, centred."""
    width, height = STRETCH_SIZE
    x0, y0, x1, y1 = scene_bounds(scene)
    k = px_per_cm * SUPERSAMPLE
    left = (x0 + x1) / 2 - width / 2 / px_per_cm
    top = (y0 + y1) / 2 + height / 2 / px_per_cm
    canvas = Canvas(STRETCH_SIZE, View(k, left, top))
    line = LINE_WIDTH_PX / px_per_cm
    for box in scene.props:
        draw_box(canvas, box, line * 0.8)
    pieces = body_pieces(scene.figure)
    fills = {name: canvas.shapes_mask(piece.shapes) for name, piece in pieces.items()}
    tint = soft_mask(canvas, scene.glow.shapes, scene.glow.blur).point(lambda v: v * 78 // 100)
    halo = soft_mask(canvas, scene.glow.shapes, scene.glow.blur * 3).point(lambda v: v * 22 // 100)
    canvas.fill(ACCENT, halo)
    for name in scene.order:
        piece_tint = tint if name in scene.glow.pieces else None
        draw_piece(canvas, pieces[name], fills, line, piece_tint)
    canvas.save(path, scene.mirror)


def draw_stretches() -> None:
    scenes = {name: make() for name, make in SCENES.items()}
    px_per_cm = fit_scale(scenes.values())
    for name, scene in scenes.items():
        draw_scene(scene, px_per_cm, IMAGES / "stretches" / f"{name}.png")


# --------------------------------------------------------------------------
# Anatomy plates (world units are final pixels, y up)
# --------------------------------------------------------------------------

BONE_LINE_WIDTH = 3.2
MUSCLE_LINE = "#A9521C"
MUSCLE_FIBRE = "#E8955A"
SKIN_FILL = "#F3F6F8"
SKIN_LINE = "#D3DDE2"


def mirror(points: Iterable[Point]) -> list[Point]:
    return [(-x, y) for x, y in points]


def rounded_rect(center: Point, half_w: float, half_h: float, angle: float, radius: float) -> Blob:
    """A rectangle whose 'up' is ``angle``, with rounded corners."""
    pts: list[Point] = []
    corners = (
        (half_w, half_h, 0.0),
        (-half_w, half_h, 90.0),
        (-half_w, -half_h, 180.0),
        (half_w, -half_h, 270.0),
    )
    for cx, cy, start in corners:
        inner = (cx - math.copysign(radius, cx), cy - math.copysign(radius, cy))
        for x, y in arc_points(inner, radius, start, start + 90.0, 6):
            pts.append(local(center, angle - 90.0, x, y))
    return Blob(tuple(pts))


def bone(canvas: Canvas, shapes: Sequence[Shape]) -> None:
    canvas.outlined(shapes, BONE_FILL, BONE_LINE, BONE_LINE_WIDTH)


# Front view: right half of the body (viewer's right), x from the midline.
ILIUM_FRONT: tuple[Point, ...] = (
    (118.0, 560.0),
    (160.0, 622.0),
    (232.0, 662.0),
    (312.0, 668.0),
    (375.0, 646.0),
    (410.0, 602.0),
    (404.0, 562.0),
    (400.0, 522.0),
    (378.0, 472.0),
    (362.0, 420.0),
    (352.0, 360.0),
    (334.0, 300.0),
    (304.0, 238.0),
    (252.0, 212.0),
    (182.0, 222.0),
    (82.0, 238.0),
    (24.0, 246.0),
    (22.0, 300.0),
    (92.0, 316.0),
    (182.0, 338.0),
    (226.0, 366.0),
    (214.0, 424.0),
    (188.0, 482.0),
    (150.0, 530.0),
)
SACRUM_FRONT: tuple[Point, ...] = (
    (0.0, 540.0),
    (70.0, 536.0),
    (128.0, 548.0),
    (136.0, 500.0),
    (100.0, 420.0),
    (62.0, 350.0),
    (30.0, 300.0),
    (12.0, 272.0),
    (0.0, 262.0),
)
PSOAS_MEDIAL: tuple[Point, ...] = (
    (60.0, 1092.0),
    (62.0, 1010.0),
    (66.0, 900.0),
    (72.0, 780.0),
    (82.0, 664.0),
    (108.0, 560.0),
    (152.0, 466.0),
    (200.0, 384.0),
    (240.0, 316.0),
    (274.0, 272.0),
    (300.0, 252.0),
)
PSOAS_LATERAL: tuple[Point, ...] = (
    (70.0, 1098.0),
    (100.0, 1010.0),
    (136.0, 892.0),
    (166.0, 772.0),
    (190.0, 664.0),
    (212.0, 568.0),
    (240.0, 476.0),
    (270.0, 402.0),
    (294.0, 336.0),
    (312.0, 284.0),
    (314.0, 256.0),
)
SILHOUETTE_FRONT: tuple[Point, ...] = (
    (0.0, 1260.0),
    (262.0, 1260.0),
    (252.0, 1120.0),
    (268.0, 940.0),
    (330.0, 790.0),
    (420.0, 640.0),
    (462.0, 480.0),
    (474.0, 340.0),
    (462.0, 180.0),
    (448.0, -60.0),
    (0.0, -60.0),
)


def draw_lumbar_front(canvas: Canvas) -> None:
    levels = [(1040.0 - 112.0 * i, 62.0 + 4.0 * i, 41.0 + 1.5 * i) for i in range(5)]
    for y, half_w, _ in levels:
        for side in (1.0, -1.0):
            reach = half_w + 58.0
            bone(
                canvas,
                [capsule((side * (half_w - 10.0), y + 8.0), (side * reach, y + 14.0), 12.0, 9.0)],
            )
    for (y0, w0, h0), (y1, w1, h1) in pairwise(levels):
        disc = rounded_rect(
            (0.0, (y0 - h0 + y1 + h1) / 2),
            (w0 + w1) / 2 - 4.0,
            (y0 - h0 - y1 - h1) / 2 + 3.0,
            90.0,
            8.0,
        )
        canvas.outlined([disc], DISC_FILL, BONE_LINE, BONE_LINE_WIDTH)
    y5, w5, h5 = levels[-1]
    disc = rounded_rect(
        (0.0, (y5 - h5 + 548.0) / 2), w5 - 2.0, (y5 - h5 - 548.0) / 2 + 3.0, 90.0, 8.0
    )
    canvas.outlined([disc], DISC_FILL, BONE_LINE, BONE_LINE_WIDTH)
    for y, half_w, half_h in levels:
        bone(canvas, [rounded_rect((0.0, y), half_w, half_h, 90.0, 14.0)])


def draw_sacrum_front(canvas: Canvas) -> None:
    outline = list(SACRUM_FRONT) + mirror(reversed(SACRUM_FRONT[1:-1]))
    bone(canvas, [smooth_blob(outline)])
    for i, y in enumerate((490.0, 440.0, 394.0, 352.0)):
        for side in (1.0, -1.0):
            hole = ellipse((side * (44.0 - 5.0 * i), y), 11.0 - 1.5 * i, 8.0 - i)
            canvas.outlined([hole], DISC_FILL, BONE_LINE, BONE_LINE_WIDTH * 0.7)
    for y, half in ((516.0, 52.0), (466.0, 44.0), (418.0, 36.0), (374.0, 28.0)):
        canvas.stroke([(-half, y), (0.0, y - 4.0), (half, y)], BONE_LINE, 1.6)


def draw_hip_bones_front(canvas: Canvas) -> None:
    for flip in (1.0, -1.0):
        outline = [(flip * x, y) for x, y in ILIUM_FRONT]
        bone(canvas, [smooth_blob(outline)])
        hole = ellipse((flip * 172.0, 280.0), 58.0, 30.0, flip * -12.0)
        canvas.outlined([hole], WHITE, BONE_LINE, BONE_LINE_WIDTH)
        canvas.stroke(
            catmull_rom(
                [
                    (flip * x, y)
                    for x, y in ((170.0, 600.0), (250.0, 632.0), (330.0, 630.0), (385.0, 598.0))
                ],
                closed=False,
            ),
            BONE_LINE,
            1.6,
        )


def draw_femur_front(canvas: Canvas, flip: float) -> None:
    """The top of one thigh bone; ``flip`` is 1 for the viewer's right, -1 for the left."""

    def f(x: float, y: float) -> Point:
        return (flip * x, y)

    head = f(262.0, 404.0)
    bone(
        canvas,
        [
            Circle(head, 48.0),
            capsule(head, f(350.0, 352.0), 30.0, 32.0),
            ellipse(f(372.0, 352.0), 30.0, 44.0, flip * 10.0),
            capsule(f(356.0, 330.0), f(322.0, -80.0), 34.0, 30.0),
            ellipse(f(304.0, 262.0), 18.0, 14.0, flip * 35.0),
        ],
    )
    canvas.stroke(arc_points(head, 60.0, 30.0, 150.0, 24), BONE_LINE, 2.6)


def draw_psoas(canvas: Canvas) -> None:
    for flip in (1.0, -1.0):
        medial = [(flip * x, y) for x, y in PSOAS_MEDIAL]
        lateral = [(flip * x, y) for x, y in PSOAS_LATERAL]
        muscle = smooth_blob([*medial, *reversed(lateral)])
        canvas.outlined([muscle], ACCENT, MUSCLE_LINE, BONE_LINE_WIDTH)
        for t in (0.25, 0.5, 0.75):
            fibre = [lerp(m, lat, t) for m, lat in zip(medial[1:-1], lateral[1:-1], strict=True)]
            canvas.stroke(catmull_rom(fibre, closed=False), MUSCLE_FIBRE, 2.0)


def draw_psoas_plate(path: Path) -> None:
    canvas = Canvas((1600, 1200), View(SUPERSAMPLE, -800.0, 1200.0))
    skin = smooth_blob([*SILHOUETTE_FRONT, *mirror(reversed(SILHOUETTE_FRONT[1:-1]))])
    canvas.outlined([skin], SKIN_FILL, SKIN_LINE, 3.0)
    draw_sacrum_front(canvas)
    draw_hip_bones_front(canvas)
    draw_lumbar_front(canvas)
    for flip in (1.0, -1.0):
        draw_femur_front(canvas, flip)
    draw_psoas(canvas)
    fade_out_below(canvas, 150.0, 40.0)
    fade_out_above(canvas, 1110.0, 1170.0)
    canvas.save(path)


# Side view of the right hip bone: x forwards from the hip joint, y up.
ILIUM_SIDE: tuple[Point, ...] = (
    (95.0, 120.0),
    (60.0, 175.0),
    (0.0, 205.0),
    (-60.0, 200.0),
    (-110.0, 172.0),
    (-135.0, 135.0),
    (-128.0, 100.0),
    (-100.0, 60.0),
    (-92.0, 25.0),
    (-88.0, -15.0),
    (-78.0, -45.0),
    (-72.0, -90.0),
    (-45.0, -118.0),
    (-8.0, -112.0),
    (40.0, -92.0),
    (82.0, -80.0),
    (94.0, -55.0),
    (78.0, -30.0),
    (62.0, 10.0),
    (82.0, 68.0),
    (80.0, 95.0),
)
SACRUM_SIDE: tuple[Point, ...] = (
    (-55.0, 148.0),
    (-62.0, 110.0),
    (-78.0, 60.0),
    (-92.0, 15.0),
    (-100.0, -25.0),
    (-102.0, -55.0),
    (-96.0, -72.0),
    (-112.0, -60.0),
    (-122.0, -20.0),
    (-130.0, 30.0),
    (-132.0, 90.0),
    (-120.0, 145.0),
    (-95.0, 182.0),
)
SACRAL_TOP = ((-75.0, 165.0), 50.0)  # centre of the S1 end plate and its normal
VERTEBRA_DEPTH = 30.0  # half the front-to-back size of a lumbar body
VERTEBRA_HEIGHT = 19.0
DISC_HEIGHT = 11.0
L1_NORMAL = 98.0


def pelvis_frame(hip: Point, tilt: float) -> Callable[[Point], Point]:
    """Place points given relative to the hip joint on a pelvis tipped ``tilt`` forwards."""

    def at(p: Point) -> Point:
        return local(hip, -tilt, p[0], p[1])

    return at


def draw_femur_side(canvas: Canvas, hip: Point) -> None:
    bone(
        canvas,
        [
            Circle(hip, 31.0),
            ellipse(add(hip, (-14.0, -40.0)), 30.0, 26.0),
            capsule(add(hip, (-6.0, -40.0)), add(hip, (2.0, -330.0)), 23.0, 20.0),
        ],
    )


def lumbar_side(start: Point, normal: float) -> list[tuple[Point, float]]:
    """(centre, normal) of L5 up to L1, stacked on the sacrum in an even curve."""
    step = (L1_NORMAL - normal) / 5.0
    levels = []
    top, angle = start, normal
    for _ in range(5):
        upper = angle + step
        base = add(top, scale(direction((angle + upper) / 2), DISC_HEIGHT))
        centre = add(base, scale(direction(upper), VERTEBRA_HEIGHT))
        levels.append((centre, upper))
        top, angle = add(centre, scale(direction(upper), VERTEBRA_HEIGHT)), upper
    return levels


def corner(centre: Point, normal: float, front: float, up: float) -> Point:
    """A point in a vertebra's own frame: ``front`` towards the belly, ``up`` along the spine."""
    return local(centre, normal - 90.0, front, up)


SPINOUS_PROCESS: tuple[Point, ...] = (
    (-24.0, 10.0),
    (-50.0, 12.0),
    (-78.0, 0.0),
    (-84.0, -12.0),
    (-70.0, -16.0),
    (-46.0, -12.0),
    (-24.0, -10.0),
)


def draw_spine_side(canvas: Canvas, start: Point, normal: float) -> None:
    """L5 to L1 with wedge-shaped discs, on a sacrum whose top is at ``start``."""
    depth, height = VERTEBRA_DEPTH, VERTEBRA_HEIGHT
    below = (local(start, normal - 90.0, depth, 0.0), local(start, normal - 90.0, -depth, 0.0))
    for centre, angle in lumbar_side(start, normal):
        bone(canvas, [smooth_blob([corner(centre, angle, x, y) for x, y in SPINOUS_PROCESS])])
        disc = [
            *below,
            corner(centre, angle, -depth, -height),
            corner(centre, angle, depth, -height),
        ]
        canvas.outlined([smooth_blob(disc, 4)], DISC_FILL, BONE_LINE, BONE_LINE_WIDTH)
        bone(canvas, [rounded_rect(centre, depth, height, angle, 8.0)])
        below = (corner(centre, angle, depth, height), corner(centre, angle, -depth, height))


def body_outline_side(hip: Point, tilt: float) -> Blob:
    """Skin of the lower trunk and thigh, following the pelvis and the low-back curve."""
    at = pelvis_frame(hip, tilt)
    centre, normal = SACRAL_TOP
    back = [corner(c, a, -110.0, -12.0) for c, a in lumbar_side(at(centre), normal - tilt)]
    top_back = add(back[-1], (0.0, 160.0))
    top_front = add(hip, (235.0, 620.0))
    belly = [at((215.0, 330.0)), at((200.0, 190.0)), at((150.0, 40.0)), at((120.0, -80.0))]
    thigh = [
        add(hip, p) for p in ((100.0, -200.0), (92.0, -420.0), (-92.0, -420.0), (-104.0, -230.0))
    ]
    buttock = [at((-120.0, -150.0)), at((-200.0, -60.0)), at((-215.0, 60.0)), at((-180.0, 170.0))]
    return smooth_blob([top_front, *belly, *thigh, *buttock, *back, top_back])


def draw_pelvis_side(canvas: Canvas, hip: Point, tilt: float) -> None:
    """Skin, femur, sacrum, lumbar spine and a see-through hip bone.

    ``tilt`` tips the pelvis forwards about the hip joint; the thigh bone stays put.
    """
    at = pelvis_frame(hip, tilt)
    canvas.outlined([body_outline_side(hip, tilt)], SKIN_FILL, SKIN_LINE, 3.0)
    draw_femur_side(canvas, hip)
    bone(canvas, [smooth_blob([at(p) for p in SACRUM_SIDE])])
    centre, normal = SACRAL_TOP
    draw_spine_side(canvas, at(centre), normal - tilt)
    ilium = [smooth_blob([at(p) for p in ILIUM_SIDE])]
    inside = canvas.shapes_mask(ilium)
    canvas.fill(BONE_FILL, inside.point(lambda v: v * 78 // 100))
    canvas.fill(BONE_LINE, ImageChops.subtract(canvas.shapes_mask(ilium, BONE_LINE_WIDTH), inside))
    hole = ellipse(at((32.0, -62.0)), 30.0, 20.0, -20.0 - tilt)
    canvas.outlined([hole], WHITE, BONE_LINE, BONE_LINE_WIDTH)
    canvas.stroke(arc_points(hip, 40.0, 40.0 - tilt, 250.0 - tilt, 30), BONE_LINE, 2.6)


def curved_arrow(canvas: Canvas, centre: Point, radius: float, start: float, end: float) -> None:
    """A thick accent arc from ``start`` to ``end`` degrees with a head at the end."""
    turn = -1.0 if end < start else 1.0
    canvas.stroke(arc_points(centre, radius, start, end, 32), ACCENT, 9.0)
    base = add(centre, scale(direction(end), radius))
    ahead, side = direction(end + turn * 90.0), direction(end)
    head = (
        add(base, scale(ahead, 34.0)),
        add(add(base, scale(side, 19.0)), scale(ahead, -4.0)),
        add(add(base, scale(side, -19.0)), scale(ahead, -4.0)),
    )
    canvas.fill(ACCENT, canvas.shapes_mask([Blob(head)]))


def draw_pelvic_tilt_plate(path: Path) -> None:
    canvas = Canvas((1600, 900), View(SUPERSAMPLE, 0.0, 900.0))
    for hip_x, tilt in ((400.0, 0.0), (1200.0, 20.0)):
        draw_pelvis_side(canvas, (hip_x, 330.0), tilt)
    curved_arrow(canvas, (1200.0, 330.0), 240.0, 68.0, 32.0)
    canvas.stroke([(800.0, 150.0), (800.0, 750.0)], "#E3E8EB", 2.0)
    fade_out_below(canvas, 150.0, 70.0)
    fade_out_above(canvas, 730.0, 810.0)
    canvas.save(path)


def wave(centre_y: float, amplitude: float, thickness: float, phase: float) -> Blob:
    """A horizontal wavy band across the logo."""
    xs = [-20.0 + 8.0 * i for i in range(81)]

    def y(x: float) -> float:
        return centre_y + amplitude * math.sin(2 * math.pi * (x - phase) / 300.0)

    top = [(x, y(x) + thickness / 2) for x in xs]
    bottom = [(x, y(x) - thickness / 2) for x in reversed(xs)]
    return Blob(tuple(top + bottom))


def draw_logo(path: Path) -> None:
    """The clinic mark: a sun rising over river waves, inside a circle."""
    canvas = Canvas((600, 600), View(SUPERSAMPLE, 0.0, 600.0), mode="RGBA")
    disc = canvas.shapes_mask([Circle((300.0, 300.0), 280.0)])
    canvas.fill(PRIMARY, disc)
    canvas.fill(ACCENT, canvas.shapes_mask([Circle((300.0, 318.0), 128.0)]))
    water = wave(250.0, 16.0, 240.0, 40.0)  # its wavy top edge is the horizon
    canvas.fill(PRIMARY, ImageChops.multiply(canvas.shapes_mask([water]), disc))
    for centre_y, thickness, phase in (
        (332.0, 26.0, 40.0),
        (250.0, 24.0, 110.0),
        (172.0, 22.0, 180.0),
    ):
        band = canvas.shapes_mask([wave(centre_y, 16.0, thickness, phase)])
        canvas.fill(WHITE, ImageChops.multiply(band, disc))
    canvas.save(path)


def main() -> None:
    draw_logo(IMAGES / "logo.png")
    draw_psoas_plate(IMAGES / "psoas.png")
    draw_pelvic_tilt_plate(IMAGES / "pelvic-tilt.png")
    draw_stretches()


if __name__ == "__main__":
    main()
