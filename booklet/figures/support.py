"""What holds a posed body up: the parts that rest on the floor, a chair, a bed, a wall or
a table; whether its centre of mass is over them; and feet put flat on the floor.

Used twice: while posing (a foot that rests on the floor in a pose lying on the back is put
flat on it, whatever the knee's angle) and when reading an author's figure (a pose that
would fall over, or a hand that cannot reach what it holds, is reported).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from booklet.figures.body import Body, Part, limb_parts, torso_path
from booklet.figures.geometry import add, curve_points, wrap
from booklet.figures.library import BASES, POSES, RANGES
from booklet.figures.scene import posed, reach_target
from booklet.figures.staging import (
    CHAIR_AHEAD,
    CHAIR_BACK,
    CHAIR_SEAT,
    SEAT_BEHIND_HIP,
    SEAT_DEPTH,
    TABLE_AHEAD,
    TABLE_DEPTH,
    TABLE_TOP,
    Placed,
    place,
)
from booklet.model import Figure

Box = tuple[float, float, float, float]  # left, bottom, right, top
CONTACT = 2.5  # a part within this many centimetres of a surface rests on it
THROUGH = 2.0  # a part further below the floor than this goes through it
BALANCE_SLACK = 2.0  # the centre of mass may be this far beyond the edge of the base
STEP = 2.5  # degrees between the angles tried for a range that works
REACH_SLACK = 3.0  # a hand this close to what it holds holds it
BACK_GIVE = 4.0  # how far a back may lean into a chair's back
# Share of the body's weight in each part, and the two joints its centre lies between.
MASSES: tuple[tuple[float, str, str, float], ...] = (
    (0.081, "neck_base", "head", 0.8),
    (0.497, "near_hip", "neck_base", 0.45),
    (0.100, "near_hip", "near_knee", 0.43),
    (0.100, "far_hip", "far_knee", 0.43),
    (0.0465, "near_knee", "near_ankle", 0.43),
    (0.0465, "far_knee", "far_ankle", 0.43),
    (0.0145, "near_ankle", "near_ankle", 0.0),
    (0.0145, "far_ankle", "far_ankle", 0.0),
    (0.028, "near_shoulder", "near_elbow", 0.44),
    (0.028, "far_shoulder", "far_elbow", 0.44),
    (0.022, "near_elbow", "near_wrist", 0.6),
    (0.022, "far_elbow", "far_wrist", 0.6),
)
HELD = ("wall", "chair", "table", "floor", "floor-behind")
# Where a base posture must rest, at the least: each group is a set of parts, one of which
# must touch.
RESTS_ON: dict[str, tuple[tuple[str, ...], ...]] = {
    "standing": (("near_foot", "far_foot"),),
    "kneeling": (("near_shin",), ("far_shin",)),
    "half-kneeling": (("near_shin",), ("far_foot",)),
    "lying-on-back": (("torso",),),
    "lying-face-down": (("torso",),),
    "all-fours": (("near_shin", "far_shin"), ("near_hand", "far_hand")),
    "sitting-on-floor": (("torso",),),
}
PART_WORDS = {
    "near_foot": "the near foot",
    "far_foot": "the far foot",
    "near_shin": "the near knee",
    "far_shin": "the far knee",
    "near_hand": "a hand",
    "far_hand": "a hand",
    "torso": "the body",
    "near_thigh": "the near knee",
    "far_thigh": "the far knee",
}


@dataclass(frozen=True)
class Balance:
    """Where the weight is and the stretch of floor (and props) that carries it."""

    center: float
    base: tuple[float, float]
    touching: frozenset[str]


def flat_feet(figure: Figure, angles: dict[str, float]) -> dict[str, float]:
    """`angles` with each foot the pose rests on put flat on the floor: lying on the back
    with the knee bent, the hip bends just so far that the sole meets the floor."""
    pose = POSES.get(figure.name)
    if figure.base != "lying-on-back" or pose is None:
        return angles
    settled = dict(angles)
    for side in ("near", "far"):
        if f"{side}_foot" in pose.rests_on and settled.get(f"{side}.knee", 0.0) >= 30.0:
            settled = foot_on_floor(figure, settled, side)
    return settled


def foot_on_floor(figure: Figure, angles: dict[str, float], side: str) -> dict[str, float]:
    """Bisect the hip angle until the sole is level with the back, the foot flat."""
    low, high = 0.0, RANGES["hip"][1]
    trial = dict(angles)
    pelvis = BASES["lying-on-back"].pelvis - trial.get("trunk", 0.0)
    for _ in range(14):
        hip = (low + high) / 2
        trial[f"{side}.hip"] = hip
        shin = pelvis - 180.0 + hip - trial.get(f"{side}.knee", 0.0)
        trial[f"{side}.ankle"] = flat_ankle(shin)
        body = posed(figure, trial)
        gap = foot_bottom(body, side) - torso_bottom(body)
        # bending the hip further lifts the foot
        if gap > 0:
            high = hip
        else:
            low = hip
    return trial


def foot_bottom(body: Body, side: str) -> float:
    return min(
        y
        for part in limb_parts(body, side)
        if part.name.endswith("foot")
        for path in part.paths
        for _, y in curve_points(path)
    )


def torso_bottom(body: Body) -> float:
    return min(y for _, y in curve_points(torso_path(body)))


def flat_ankle(shin: float) -> float:
    """The ankle angle that turns the sole flat, toes pointing away from the head."""
    low, high, _ = RANGES["ankle"]
    return min(high, max(low, wrap(shin + 90.0)))


def balance(figure: Figure, placed: Placed) -> Balance:
    """The centre of mass and the base of support of a body placed on its floor."""
    joints = {n: add(p, placed.offset) for n, p in placed.body.joints.items()}
    total = sum(m for m, *_ in MASSES)
    center = (
        sum(m * (joints[a][0] + (joints[b][0] - joints[a][0]) * t) for m, a, b, t in MASSES) / total
    )
    xs: list[float] = []
    touching: set[str] = set()
    for name, x in contact_points(figure, placed):
        touching.add(name)
        xs.append(x)
    return Balance(center, (min(xs), max(xs)) if xs else (center, center), frozenset(touching))


def surfaces(figure: Figure, placed: Placed) -> list[tuple[float, float, float]]:
    """(left, right, height) of everything the body can rest on."""
    found = [(-1e9, 1e9, placed.lift)]
    hip = add(placed.body.joints["near_hip"], placed.offset)
    if placed.seat is not None:
        found.append((hip[0] - 14.0, hip[0] + 28.0, placed.seat))
    if placed.bed is not None:
        found.append((-1e9, hip[0] + 9.0, placed.bed))
    return found


def contact_points(figure: Figure, placed: Placed) -> list[tuple[str, float]]:
    """(part, x) of every outline point resting on a surface, and of each holding hand."""
    found = []
    flats = surfaces(figure, placed)
    for name, part in placed.parts.items():
        for path in part.paths:
            for x, y in curve_points(path):
                if any(x0 <= x <= x1 and abs(y - h) <= CONTACT for x0, x1, h in flats):
                    found.append((name, x))
    for side, target in figure.reach:
        if target in HELD:
            wrist = add(placed.body.joints[f"{side}_wrist"], placed.offset)
            found.append((f"{side}_hand", wrist[0]))
    return found


LYING = ("lying-on-back", "lying-face-down", "side-lying")


def through_floor(figure: Figure, placed: Placed) -> list[str]:
    """A sentence for each part that would go through the floor (a foot turned out rests on
    its edge, a lower leg turned far out on its side, which the side view cannot show, so
    they are not counted)."""
    found = []
    for name, part in placed.parts.items():
        side = name.split("_")[0]
        turned = figure.angle(f"{side}.turn-out")
        if (name.endswith("foot") and turned > 20.0) or (name.endswith("shin") and turned > 45.0):
            continue
        if any(y < floor_under(placed, x) - THROUGH for x, y in part_points(part)):
            words = name.replace("_", " ").replace("shin", "lower leg")
            found.append(f"the {words} would go through the floor")
    return found


def part_points(part: Part) -> list[tuple[float, float]]:
    return [p for path in part.paths for p in curve_points(path)]


def floor_under(placed: Placed, x: float) -> float:
    """The height of what is under `x`: the step (or mat) the body stands on, or the floor
    behind a step a heel hangs off."""
    if placed.step_from is not None and x < placed.step_from + placed.offset[0]:
        return 0.0
    return placed.lift


def solid_props(figure: Figure, placed: Placed) -> list[tuple[str, Box]]:
    """(name, box) of each rigid prop the body must stay out of."""
    hip = add(placed.body.joints["near_hip"], placed.offset)
    boxes: list[tuple[str, Box]] = []
    if placed.seat is not None:  # the chair's back, behind the seat
        back = hip[0] - SEAT_BEHIND_HIP
        # a back may lean on it a little: chairs' backs give
        box = (back - 40.0, placed.seat + 2.0, back - BACK_GIVE, placed.seat + CHAIR_BACK)
        boxes.append(("chair's back", box))
    elif "chair" in figure.props:
        x = hip[0] + CHAIR_AHEAD
        boxes.append(("chair", (x, 0.0, x + SEAT_DEPTH, CHAIR_SEAT + CHAIR_BACK)))
    if "table" in figure.props:
        x = hip[0] + TABLE_AHEAD
        boxes.append(("table", (x, 0.0, x + TABLE_DEPTH, TABLE_TOP)))
    return boxes


def through_props(figure: Figure, placed: Placed) -> list[str]:
    """A sentence for each prop a part of the body passes through (a hand may hold it)."""
    found = []
    holding = {f"{side}_{part}" for side, _ in figure.reach for part in ("hand", "forearm")}
    for prop, (x0, y0, x1, y1) in solid_props(figure, placed):
        # a table stands beside the body: only the legs and trunk can run into it
        arms = prop == "table"
        inside = [
            name
            for name, part in placed.parts.items()
            if name not in holding
            and not (arms and any(a in name for a in ("arm", "hand")))
            and any(
                x0 + THROUGH < x < x1 - THROUGH and y0 + THROUGH < y < y1 - THROUGH
                for path in part.paths
                for x, y in curve_points(path)
            )
        ]
        if inside:
            words = inside[0].replace("_", " ").replace("shin", "lower leg")
            where = "the body" if inside[0] == "torso" else f"the {words}"
            found.append(f"{where} would go through the {prop}")
    return found


def reach_misses(figure: Figure, body: Body) -> list[tuple[str, str, float]]:
    """(side, target, centimetres short) for each hand that cannot reach what it holds."""
    misses = []
    for side, target in figure.reach:
        wanted, _ = reach_target(body, side, target)
        got = body.joints[f"{side}_wrist"]
        short = ((wanted[0] - got[0]) ** 2 + (wanted[1] - got[1]) ** 2) ** 0.5
        if short > REACH_SLACK:
            misses.append((side, target, short))
    return misses


def posture_problems(figure: Figure) -> list[str]:
    """Why `figure` could not be held by a real body, as plain sentences (none if it can)."""
    if figure.base is None or figure.base == "side-lying":
        return []
    body = posed(figure, dict(figure.angles))
    placed = place(figure, body)
    problems = [
        f"the {side} hand cannot reach the {target.replace('-', ' ')} "
        f"({short:.0f} cm short); move the body closer or drop `reach`"
        for side, target, short in reach_misses(figure, body)
    ]
    weight = balance(figure, placed)
    pose = POSES.get(figure.name)
    groups = (pose.rests_on,) if pose and pose.rests_on else RESTS_ON.get(figure.base, ())
    for group in groups:
        if not weight.touching & set(group):
            problems.append(f"{PART_WORDS[group[0]]} does not rest on the floor")
    problems += through_floor(figure, placed)
    problems += through_props(figure, placed)
    if figure.base in LYING:
        return problems
    left, right = weight.base
    if weight.center > right + BALANCE_SLACK:
        ahead = weight.center - right
        problems.append(
            f"the body would tip forward: its weight is {ahead:.0f} cm ahead of its base"
        )
    elif weight.center < left - BALANCE_SLACK:
        behind = left - weight.center
        problems.append(
            f"the body would tip backward: its weight is {behind:.0f} cm behind its base"
        )
    return problems


def working_range(figure: Figure, *angles: str) -> tuple[float, float] | None:
    """The stretch of the range of `angles` (one joint, or the same joint on both sides set
    alike), nearest the first one's value in `figure`, in which the rest of the pose can be
    held; None if no value works."""
    low, high, _ = RANGES[angles[0].split(".")[-1]]
    given = figure.angle(angles[0])
    steps = int((high - low) // STEP)
    good = []
    for i in range(steps + 1):
        value = low + i * STEP
        changed = {**dict(figure.angles), **dict.fromkeys(angles, value)}
        trial = replace(figure, angles=tuple(sorted(changed.items())))
        if not posture_problems(trial):
            good.append(value)
    if not good:
        return None
    nearest = min(good, key=lambda v: abs(v - given))
    first = last = nearest
    while first - STEP in good:
        first -= STEP
    while last + STEP in good:
        last += STEP
    return first, last
