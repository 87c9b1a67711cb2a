"""Emphasis: the worked region of a posed side-view body as muscle-shaped bands in the
accent colour, hatched and outlined in a dark tone of it so it reads without colour."""

from __future__ import annotations

from booklet.assets.colors import mix
from booklet.figures.body import TORSO_PROFILE, Body, profile_width
from booklet.figures.geometry import (
    Path,
    Point,
    bounds,
    capsule,
    circle,
    ellipse,
    lerp,
    local,
    polyline,
    smooth_closed,
    transform,
)
from booklet.figures.marks import LINE, Colors, Mark
from booklet.model import Figure


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
    if region in UPPER_BODY_REGIONS:
        return upper_body_paths(body, region, side)
    if region == "belly":
        return {"torso": (torso_band(body, 4.0, 28.0, 0.3, 0.85),)}
    return {"torso": (torso_band(body, 32.0, 46.0, 0.3, 0.85),)}  # chest


UPPER_BODY_REGIONS = ("shoulder", "rotator-cuff", "upper-back", "neck", "forearm", "ankle", "foot")


def upper_body_paths(body: Body, region: str, side: str) -> dict[str, tuple[Path, ...]]:
    """Emphasis shapes of the regions added for the neck, shoulders, arms, ankles and feet."""
    if region == "shoulder":
        return {f"{side}_upper_arm": (band(body, side, "upper_arm", 0.0, 0.45, -0.75, 0.75),)}
    if region == "rotator-cuff":
        return {
            "torso": (torso_band(body, 38.0, 50.0, -0.3, -0.9),),
            f"{side}_upper_arm": (band(body, side, "upper_arm", 0.0, 0.3, -0.1, -0.8),),
        }
    if region == "upper-back":
        return {"torso": (torso_band(body, 30.0, 50.0, -0.3, -0.9),)}
    if region == "neck":
        base, head = body.joints["neck_base"], body.joints["head"]
        return {"torso": (capsule(base, lerp(base, head, 0.5), 2.8),)}
    if region == "forearm":
        return {f"{side}_forearm": (band(body, side, "forearm", 0.1, 0.85, -0.6, 0.6),)}
    ankle, foot = body.joints[f"{side}_ankle"], body.angles[f"{side}_foot"]
    if region == "ankle":
        return {f"{side}_foot": (circle(ankle, 3.4),)}
    return {f"{side}_foot": (ellipse(local(ankle, foot, 8.0, -3.2), 7.5, 2.2, foot),)}


def emphasis_paths(figure: Figure, body: Body, offset: Point) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for item in figure.emphasis:
        side, _, region = item.rpartition(" ")
        for part, paths in region_paths(body, region, side or "near").items():
            found.setdefault(part, []).extend(
                transform(p, lambda q: (q[0] + offset[0], q[1] + offset[1])) for p in paths
            )
    return found


HATCH_GAP = 2.2  # centimetres between the hatching lines of an emphasised region


def emphasis_marks(paths: tuple[Path, ...], colors: Colors) -> list[Mark]:
    """An emphasised region: the accent, hatched and outlined in a dark tone of it, so it
    reads without colour too (grayscale printing, red-green colour blindness)."""
    dark = mix(colors.accent, "#000000", 0.5)
    left, bottom, right, top = bounds(paths)
    size = (right - left) + (top - bottom)
    lines = tuple(
        polyline([(left + k * HATCH_GAP - (top - bottom), bottom), (left + k * HATCH_GAP, top)])
        for k in range(int(size / HATCH_GAP) + 2)
    )
    return [
        Mark(paths, colors.accent, dark, LINE * 0.5),
        Mark(lines, None, dark, LINE * 0.28, clip=paths),
    ]
