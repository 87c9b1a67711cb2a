"""Draw the sample images used by the example booklets.

Run from the repository root::

    python scripts/draw_sample_images.py

It writes, deterministically (same bytes on every run):

* ``images/logo.png`` - the mark of the example clinic "Riverside Physical
  Therapy": a sun rising over river waves inside a circle, on a transparent
  background.
* ``images/pelvic-tilt.png`` - two side views of pelvis and lower spine:
  neutral, and tipped forward with a deeper lower-back curve.

Everything is drawn at several times the final size and scaled down with
Lanczos filtering for smooth edges. Only Pillow and the standard library are
used.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from booklet.figures.geometry import add, angle_of, direction, local, scale, sub

Point = tuple[float, float]
RGB = tuple[int, int, int]

SUPERSAMPLE = 3
IMAGES = Path("images")

PRIMARY = "#1F5F7A"
ACCENT = "#D9702B"
BONE_FILL = "#E9E3D9"
BONE_LINE = "#85796A"
DISC_FILL = "#F6F1EA"
WHITE = "#FFFFFF"


def rgb(color: str) -> RGB:
    """Return an ``#RRGGBB`` colour as a tuple."""
    value = color.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


# --------------------------------------------------------------------------
# Plane geometry
# --------------------------------------------------------------------------


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
# Anatomy plates (world units are final pixels, y up)
# --------------------------------------------------------------------------

BONE_LINE_WIDTH = 3.2
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
    draw_pelvic_tilt_plate(IMAGES / "pelvic-tilt.png")


if __name__ == "__main__":
    main()
