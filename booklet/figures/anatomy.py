"""The anatomy plate: a front view of the lumbar spine, pelvis and thigh bones with the
psoas highlighted -> marks (units of 1/20 cm-ish; only proportions matter)."""

from __future__ import annotations

from itertools import pairwise

from booklet.assets.colors import mix
from booklet.figures.geometry import (
    Path,
    Point,
    arc,
    capsule,
    circle,
    ellipse,
    lerp,
    rounded_rect,
    smooth_closed,
    smooth_open,
)
from booklet.figures.marks import Mark

BONE_FILL = "#E9E3D9"
BONE_LINE = "#85796A"
DISC_FILL = "#F6F1EA"
SKIN_FILL = "#F1F5F7"
SKIN_LINE = "#C9D5DB"
LINE = 3.2
WINDOW = (-560.0, 60.0, 560.0, 1140.0)  # what is shown of the plate

# Right half of the body (the viewer's right), x from the midline, y up.
ILIUM: tuple[Point, ...] = (
    (118.0, 560.0), (160.0, 622.0), (232.0, 662.0), (312.0, 668.0), (375.0, 646.0),
    (410.0, 602.0), (404.0, 562.0), (400.0, 522.0), (378.0, 472.0), (362.0, 420.0),
    (352.0, 360.0), (334.0, 300.0), (304.0, 238.0), (252.0, 212.0), (182.0, 222.0),
    (82.0, 238.0), (24.0, 246.0), (22.0, 300.0), (92.0, 316.0), (182.0, 338.0),
    (226.0, 366.0), (214.0, 424.0), (188.0, 482.0), (150.0, 530.0),
)  # fmt: skip
SACRUM: tuple[Point, ...] = (
    (0.0, 540.0), (70.0, 536.0), (128.0, 548.0), (136.0, 500.0), (100.0, 420.0),
    (62.0, 350.0), (30.0, 300.0), (12.0, 272.0), (0.0, 262.0),
)  # fmt: skip
# The psoas runs down beside the lumbar spine, over the front of the hip joint on the inner
# side of the femoral head (the head shows outside it, in its socket), and inserts on the
# lesser trochanter: the inner, upper femur just below the neck.
PSOAS_MEDIAL: tuple[Point, ...] = (
    (60.0, 1092.0), (62.0, 1010.0), (66.0, 900.0), (72.0, 780.0), (82.0, 664.0),
    (104.0, 560.0), (134.0, 470.0), (168.0, 396.0), (208.0, 330.0), (246.0, 284.0),
    (286.0, 252.0),
)  # fmt: skip
PSOAS_LATERAL: tuple[Point, ...] = (
    (70.0, 1098.0), (100.0, 1010.0), (136.0, 892.0), (166.0, 772.0), (188.0, 664.0),
    (200.0, 568.0), (208.0, 480.0), (218.0, 410.0), (240.0, 350.0), (276.0, 296.0),
    (306.0, 262.0),
)  # fmt: skip
SKIN_SIDE: tuple[Point, ...] = (
    (262.0, 1260.0), (252.0, 1120.0), (268.0, 940.0), (330.0, 790.0), (420.0, 640.0),
    (462.0, 480.0), (474.0, 340.0), (462.0, 180.0), (448.0, -60.0),
)  # fmt: skip


def flip(points: tuple[Point, ...] | list[Point], side: float) -> list[Point]:
    return [(side * x, y) for x, y in points]


def window_path() -> Path:
    x0, y0, x1, y1 = WINDOW
    return rounded_rect(x0, y0, x1, y1, 0.0)


def psoas_marks(accent: str) -> list[Mark]:
    clip = (window_path(),)

    def bone(*paths: Path, fill: str = BONE_FILL, width: float = LINE) -> Mark:
        return Mark(paths, fill, BONE_LINE, width, clip)

    def line(path: Path, width: float, color: str = BONE_LINE) -> Mark:
        return Mark((path,), None, color, width, clip)

    skin_outline = [*SKIN_SIDE, *flip(list(reversed(SKIN_SIDE)), -1.0)]
    marks = [
        Mark((smooth_closed(skin_outline),), SKIN_FILL, None, 0.0, clip),
        *(line(smooth_open(flip(SKIN_SIDE, side)), 3.0, SKIN_LINE) for side in (1.0, -1.0)),
    ]
    sacrum = [*SACRUM, *flip(list(reversed(SACRUM[1:-1])), -1.0)]
    marks.append(bone(smooth_closed(sacrum)))
    for i, y in enumerate((490.0, 440.0, 394.0, 352.0)):
        for side in (1.0, -1.0):
            hole = ellipse((side * (44.0 - 5.0 * i), y), 11.0 - 1.5 * i, 8.0 - i)
            marks.append(bone(hole, fill=DISC_FILL, width=LINE * 0.7))
    for y, half in ((516.0, 52.0), (466.0, 44.0), (418.0, 36.0), (374.0, 28.0)):
        marks.append(line(smooth_open([(-half, y), (0.0, y - 4.0), (half, y)]), 1.6))
    for side in (1.0, -1.0):
        marks.append(bone(smooth_closed(flip(ILIUM, side))))
        marks.append(bone(ellipse((side * 172.0, 280.0), 58.0, 30.0, side * -12.0), fill="#FFFFFF"))
        rim = flip([(170.0, 600.0), (250.0, 632.0), (330.0, 630.0), (385.0, 598.0)], side)
        marks.append(line(smooth_open(rim), 1.6))
    marks += lumbar_marks(bone)
    for side in (1.0, -1.0):
        marks += femur_marks(bone, line, side)
    muscle_line = mix(accent, "#000000", 0.3)
    fibre = mix(accent, "#FFFFFF", 0.35)
    for side in (1.0, -1.0):
        medial, lateral = flip(PSOAS_MEDIAL, side), flip(PSOAS_LATERAL, side)
        marks.append(
            Mark((smooth_closed([*medial, *reversed(lateral)]),), accent, muscle_line, LINE, clip)
        )
        for t in (0.25, 0.5, 0.75):
            points = [lerp(m, q, t) for m, q in zip(medial[1:-1], lateral[1:-1], strict=True)]
            marks.append(line(smooth_open(points), 2.0, fibre))
    return marks


def lumbar_marks(bone) -> list[Mark]:  # type: ignore[no-untyped-def]
    levels = [(1040.0 - 112.0 * i, 62.0 + 4.0 * i, 41.0 + 1.5 * i) for i in range(5)]
    marks = []
    for y, half_w, _ in levels:
        for side in (1.0, -1.0):
            reach = half_w + 58.0
            marks.append(
                bone(
                    capsule((side * (half_w - 10.0), y + 8.0), (side * reach, y + 14.0), 12.0, 9.0)
                )
            )
    for (y0, w0, h0), (y1, w1, h1) in pairwise(levels):
        top, bottom = y0 - h0 + 3.0, y1 + h1 - 3.0
        half = (w0 + w1) / 2 - 4.0
        marks.append(bone(rounded_rect(-half, bottom, half, top, 8.0), fill=DISC_FILL))
    y5, w5, h5 = levels[-1]
    marks.append(
        bone(rounded_rect(-(w5 - 2.0), 545.0, w5 - 2.0, y5 - h5 + 3.0, 8.0), fill=DISC_FILL)
    )
    for y, half_w, half_h in levels:
        marks.append(bone(rounded_rect(-half_w, y - half_h, half_w, y + half_h, 14.0)))
    return marks


def femur_marks(bone, line, side: float) -> list[Mark]:  # type: ignore[no-untyped-def]
    def f(x: float, y: float) -> Point:
        return (side * x, y)

    head = f(262.0, 404.0)
    shapes = (
        circle(head, 48.0),
        capsule(head, f(350.0, 352.0), 30.0, 32.0),
        ellipse(f(372.0, 352.0), 30.0, 44.0, side * 10.0),
        capsule(f(356.0, 330.0), f(322.0, -80.0), 34.0, 30.0),
        ellipse(f(304.0, 262.0), 18.0, 14.0, side * 35.0),
    )
    socket = arc(head, 60.0, 30.0, 150.0)
    return [bone(*shapes), line(socket, 2.6)]
