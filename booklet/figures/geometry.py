"""Points and angles -> outlines as cubic Bezier paths (y up, any unit)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

Point = tuple[float, float]
# A path is a tuple of commands: ("M", x, y), ("L", x, y), ("C", x1, y1, x2, y2, x, y), ("Z",)
Command = tuple
Path = tuple[Command, ...]

KAPPA = 0.5522847498  # control-point distance that makes a quarter circle from one Bezier


def direction(angle: float) -> Point:
    """Unit vector at `angle` degrees, counter-clockwise from +x."""
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
    """An angle in the range [-180, 180)."""
    return (angle + 180.0) % 360.0 - 180.0


def smoothstep(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return t * t * (3.0 - 2.0 * t)


def local(origin: Point, angle: float, along: float, across: float) -> Point:
    """The point `along` the direction `angle` from `origin` and `across` to its left."""
    a = direction(angle)
    return (origin[0] + along * a[0] - across * a[1], origin[1] + along * a[1] + across * a[0])


def smooth_closed(points: Sequence[Point]) -> Path:
    """A closed Catmull-Rom curve through `points`, as Bezier segments."""
    n = len(points)
    commands: list[Command] = [("M", *points[0])]
    sixth = 1 / 6
    for i in range(n):
        (x0, y0), (x1, y1) = points[i - 1], points[i]
        (x2, y2), (x3, y3) = points[(i + 1) % n], points[(i + 2) % n]
        # add(p1, scale(sub(p2, p0), 1 / 6)) and sub(p2, scale(sub(p3, p1), 1 / 6)), inline
        c1 = (x1 + (x2 - x0) * sixth, y1 + (y2 - y0) * sixth)
        c2 = (x2 - (x3 - x1) * sixth, y2 - (y3 - y1) * sixth)
        commands.append(("C", *c1, *c2, x2, y2))
    commands.append(("Z",))
    return tuple(commands)


def smooth_open(points: Sequence[Point]) -> Path:
    """An open Catmull-Rom curve through `points` (ends repeated), as Bezier segments."""
    padded = [points[0], *points, points[-1]]
    commands: list[Command] = [("M", *points[0])]
    for i in range(1, len(padded) - 2):
        p0, p1, p2, p3 = padded[i - 1], padded[i], padded[i + 1], padded[i + 2]
        c1 = add(p1, scale(sub(p2, p0), 1 / 6))
        c2 = sub(p2, scale(sub(p3, p1), 1 / 6))
        commands.append(("C", *c1, *c2, *p2))
    return tuple(commands)


def polygon(points: Sequence[Point]) -> Path:
    return (("M", *points[0]), *(("L", *p) for p in points[1:]), ("Z",))


def polyline(points: Sequence[Point]) -> Path:
    return (("M", *points[0]), *(("L", *p) for p in points[1:]))


def arc_commands(center: Point, radius: float, start: float, end: float) -> list[Command]:
    """Bezier pieces (no move) of the arc from `start` to `end` degrees, at most 90 each."""
    pieces = max(1, math.ceil(abs(end - start) / 90.0 - 1e-9))
    step = (end - start) / pieces
    k = 4 / 3 * math.tan(math.radians(step) / 4) * radius
    commands: list[Command] = []
    cx, cy = center
    cos, sin, radians = math.cos, math.sin, math.radians
    # each piece starts where the one before ended: its end point and tangent are reused
    # (add, scale and direction written out: the same arithmetic, without the calls)
    a0 = start + 0 * step  # as the loop once computed it: a start of -0.0 becomes 0.0
    x0, y0 = cx + cos(radians(a0)) * radius, cy + sin(radians(a0)) * radius
    tx0, ty0 = cos(radians(a0 + 90.0)), sin(radians(a0 + 90.0))
    for i in range(pieces):
        a1 = start + (i + 1) * step
        x3, y3 = cx + cos(radians(a1)) * radius, cy + sin(radians(a1)) * radius
        tx3, ty3 = cos(radians(a1 + 90.0)), sin(radians(a1 + 90.0))
        commands.append(("C", x0 + tx0 * k, y0 + ty0 * k, x3 - tx3 * k, y3 - ty3 * k, x3, y3))
        x0, y0, tx0, ty0 = x3, y3, tx3, ty3
    return commands


def arc(center: Point, radius: float, start: float, end: float) -> Path:
    """An open arc."""
    first = add(center, scale(direction(start), radius))
    return (("M", *first), *arc_commands(center, radius, start, end))


def circle(center: Point, radius: float) -> Path:
    first = (center[0] + radius, center[1])
    return (("M", *first), *arc_commands(center, radius, 0.0, 360.0), ("Z",))


def ellipse(center: Point, rx: float, ry: float, angle: float = 0.0) -> Path:
    """An ellipse turned `angle` degrees, from eight points on it."""
    points = []
    for i in range(8):
        t = 2 * math.pi * i / 8
        points.append(local(center, angle, rx * math.cos(t), ry * math.sin(t)))
    return smooth_closed(points)


def capsule(a: Point, b: Point, ra: float, rb: float | None = None) -> Path:
    """A rounded bar from `a` to `b`, `ra` wide at `a` and `rb` at `b` (half widths)."""
    rb = ra if rb is None else rb
    heading = angle_of(sub(b, a))
    gap = length(sub(b, a))
    # the tangent lines of two circles of different sizes meet them off the perpendicular
    tilt = math.degrees(math.asin(max(-1.0, min(1.0, (ra - rb) / gap)))) if gap > 1e-9 else 0.0
    start = add(b, scale(direction(heading - 90 - tilt), rb))
    commands: list[Command] = [("M", *start)]
    commands += arc_commands(b, rb, heading - 90 - tilt, heading + 90 + tilt)
    commands.append(("L", *add(a, scale(direction(heading + 90 + tilt), ra))))
    commands += arc_commands(a, ra, heading + 90 + tilt, heading + 270 - tilt)
    commands.append(("Z",))
    return tuple(commands)


def rounded_rect(x0: float, y0: float, x1: float, y1: float, radius: float) -> Path:
    r = max(0.0, min(radius, (x1 - x0) / 2, (y1 - y0) / 2))
    commands: list[Command] = [("M", x0 + r, y0), ("L", x1 - r, y0)]
    commands += arc_commands((x1 - r, y0 + r), r, -90.0, 0.0)
    commands.append(("L", x1, y1 - r))
    commands += arc_commands((x1 - r, y1 - r), r, 0.0, 90.0)
    commands.append(("L", x0 + r, y1))
    commands += arc_commands((x0 + r, y1 - r), r, 90.0, 180.0)
    commands.append(("L", x0, y0 + r))
    commands += arc_commands((x0 + r, y0 + r), r, 180.0, 270.0)
    commands.append(("Z",))
    return tuple(commands)


@functools.lru_cache(maxsize=4096)
def curve_points(path: Path, steps: int = 8) -> tuple[Point, ...]:
    """Points on the path itself (curves sampled), for measuring what is drawn.

    Cached: a figure's outlines are measured for its bounds and for their direction."""
    weights = bezier_weights(steps)
    found: list[Point] = []
    append = found.append
    for command in path:
        op = command[0]
        if op == "C" and found:
            (x0, y0), (_, x1, y1, x2, y2, x3, y3) = found[-1], command
            for a, b, c, d in weights:
                append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
        elif op == "M" or op == "L":
            append((command[1], command[2]))
    return tuple(found)


@functools.lru_cache(maxsize=8)
def bezier_weights(steps: int) -> tuple[tuple[float, float, float, float], ...]:
    """The cubic Bezier weights at t = 1/steps, 2/steps ... 1 (the same for every curve)."""
    weights = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        weights.append((u**3, 3 * u * u * t, 3 * u * t * t, t**3))
    return tuple(weights)


def bounds(paths: Sequence[Path]) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) of what `paths` draw."""
    points = [p for path in paths for p in curve_points(path)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def transform(path: Path, fn: Callable[[Point], Point]) -> Path:
    """`path` with every point moved by `fn(point) -> point`."""
    moved: list[Command] = []
    for command in path:
        if len(command) == 3:
            moved.append((command[0], *fn((command[1], command[2]))))
        elif len(command) == 7:
            _, x1, y1, x2, y2, x3, y3 = command
            moved.append((command[0], *fn((x1, y1)), *fn((x2, y2)), *fn((x3, y3))))
        else:
            values = command[1:]
            new: list[float] = []
            for i in range(0, len(values), 2):
                new.extend(fn((values[i], values[i + 1])))
            moved.append((command[0], *new))
    return tuple(moved)
