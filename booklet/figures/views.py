"""A Figure seen from the front or from above -> marks: the same jointed body as the side
view, turned in three dimensions and drawn with its floor, props, emphasis and arrow."""

from __future__ import annotations

from dataclasses import dataclass, replace

from booklet.assets.colors import mix
from booklet.figures.body import FOREARM, UPPER_ARM, Body, Part
from booklet.figures.geometry import (
    Path,
    Point,
    bounds,
    capsule,
    circle,
    rounded_rect,
    smooth_closed,
    smooth_open,
)
from booklet.figures.marks import Colors, Mark
from booklet.figures.projection import Camera, camera, projected_parts
from booklet.figures.scene import arrow_path, body_marks, posed
from booklet.figures.skeleton import (
    HeadMotion,
    Skeleton,
    extras_of,
    skeleton,
    two_bone3,
    v_add,
    v_scale,
    v_sub,
    v_unit,
)
from booklet.figures.staging import CHAIR_BACK, CHAIR_SEAT, MAT, MAT_BORDER, chair, moved
from booklet.model import Figure

FLOOR_MARGIN = 7.0
ANKLE_HEIGHT = 7.0  # the ankle joint above the sole
# how far the camera looks down on a body seen from the front, by base posture
ELEVATION = {"side-lying": 10.0, "sitting-on-floor": 15.0, "lying-on-back": 30.0}
TURN: dict[str, float] = {}  # round towards the feet +, by base posture


@dataclass(frozen=True)
class Seen:
    """A body posed in three dimensions, seen through a camera and moved onto its floor."""

    skeleton: Skeleton
    camera: Camera
    parts: dict[str, Part]
    order: list[str]
    offset: Point

    def at(self, joint: str) -> Point:
        x, y, _ = self.camera.see(self.skeleton.joints[joint])
        return (x + self.offset[0], y + self.offset[1])

    def depth(self, joint: str) -> float:
        return self.camera.see(self.skeleton.joints[joint])[2]


def lying_on_side(figure: Figure) -> bool:
    return figure.base == "side-lying"


def body_in_3d(figure: Figure, angles: dict[str, float]) -> Skeleton:
    body = posed(figure, angles, side_view=False)
    head = HeadMotion(
        turn=angles.get("head-turn", 0.0),
        tilt=angles.get("head-tilt", 0.0),
        tuck=angles.get("chin-tuck", 0.0),
    )
    bones = skeleton(body, extras_of(angles), head)
    beside = figure.view == "front" and not lying_on_side(figure)
    for side, target in figure.reach:
        if target == "chair" and beside:
            chair_beside(bones, side)
        else:
            reach_in_3d(bones, body, side, target)
    return bones


CHAIR_OUT = 24.0  # a chair held from the front view: its back this far out from a shoulder


def chair_beside(bones: Skeleton, side: str) -> None:
    """Seen from the front, a chair held for balance stands beside the body: the hand on
    the top of its back, out from the shoulder."""
    sign = 1.0 if side == "near" else -1.0
    floor = min(bones.joints[f"{s}_ankle"][1] for s in ("near", "far")) - ANKLE_HEIGHT
    shoulder = bones.joints[f"{side}_shoulder"]
    top = floor + CHAIR_SEAT + CHAIR_BACK + 2.5
    wrist = (shoulder[0], top, shoulder[2] + sign * CHAIR_OUT)
    pole = (-0.3, -0.6, sign * 1.0)
    elbow = two_bone3(shoulder, wrist, UPPER_ARM, FOREARM, pole)
    bones.joints[f"{side}_elbow"] = elbow
    bones.joints[f"{side}_wrist"] = wrist
    bones.joints[f"{side}_fingers"] = v_add(wrist, (8.0, -2.0, sign * 4.0))


REACHED_JOINT = {
    "thigh": "knee",
    "knee": "knee",
    "shin": "ankle",
    "ankle": "ankle",
    "forearm": "wrist",
    "elbow": "elbow",
    "hand": "fingers",
}


def reach_in_3d(bones: Skeleton, body: Body, side: str, target: str) -> None:
    """The hand put where the side view put it, across the body to the limb it holds."""
    x, y = body.joints[f"{side}_wrist"]
    sign = 1.0 if side == "near" else -1.0
    held = target.removeprefix("behind-").removeprefix("outside-").split("-")[0]
    part = target.split("-")[-1]
    if held in ("near", "far") and part in REACHED_JOINT:
        z = bones.joints[f"{held}_{REACHED_JOINT[part]}"][2] + sign * 2.0
    elif target in ("belly", "hips"):
        z = sign * 6.0
    else:
        z = bones.joints[f"{side}_shoulder"][2]
    shoulder = bones.joints[f"{side}_shoulder"]
    wrist = (x, y, z)
    if held in ("near", "far") and part in ("forearm", "hand", "elbow"):
        # the other arm, where it is turned to in three dimensions
        start, end, t = {"forearm": ("elbow", "wrist", 0.7), "hand": ("wrist", "fingers", 0.4)}.get(
            part, ("elbow", "elbow", 0.0)
        )
        a, b = bones.joints[f"{held}_{start}"], bones.joints[f"{held}_{end}"]
        wrist = v_add(a, v_scale(v_sub(b, a), t))
    pole = (-0.4, -0.5, sign * 1.0)
    elbow = two_bone3(shoulder, wrist, UPPER_ARM, FOREARM, pole)
    along = v_unit(v_sub(wrist, elbow))
    bones.joints[f"{side}_elbow"] = elbow
    bones.joints[f"{side}_wrist"] = wrist
    bones.joints[f"{side}_fingers"] = v_add(wrist, v_scale(along, 17.0))


def seen(figure: Figure, angles: dict[str, float]) -> Seen:
    bones = body_in_3d(figure, angles)
    base = figure.base or ""
    cam = camera(figure.view, lying_on_side(figure), ELEVATION.get(base, 0.0), TURN.get(base, 0.0))
    parts, order = projected_parts(bones, cam)
    lowest = bounds([p for part in parts.values() for p in part.paths])[1]
    lift = MAT_BORDER if figure.view == "top" else (MAT if "mat" in figure.props else 0.0)
    offset = (0.0, lift - lowest)
    return Seen(bones, cam, moved(parts, offset), order, offset)


def projected_marks(figure: Figure, colors: Colors) -> list[Mark]:
    """Every mark of `figure` seen from the front or from above, back to front."""
    angles = dict(figure.angles)
    main = seen(figure, angles)
    marks = prop_marks(figure, main, colors)
    if figure.then:
        ghost = seen(figure, {**angles, **dict(figure.then)})
        ghost = aligned(ghost, main, anchor_joint(figure, main, ghost))
        marks += body_marks(ghost.parts, tuple(ghost.order), colors, {}, faint=True)
        marks += band_marks(figure, ghost, colors, faint=True)
    emphasis = emphasis_paths(figure, main)
    marks += body_marks(main.parts, tuple(main.order), colors, emphasis)
    marks += band_marks(figure, main, colors)
    marks += held_marks(figure, main, colors)
    marks += arrow_marks(figure, main, colors)
    return marks


def anchor_joint(figure: Figure, main: Seen, ghost: Seen) -> str:
    """The joint that stays put between the two phases: on the feet, the ankle that moves
    least (the one standing); else the hips."""
    if figure.base not in ("standing", "sitting-on-chair"):
        return "near_hip"

    def moved_by(joint: str) -> float:
        a, b = main.skeleton.joints[joint], ghost.skeleton.joints[joint]
        return sum((p - q) ** 2 for p, q in zip(a, b, strict=True))

    return min(("near_ankle", "far_ankle"), key=moved_by)


def aligned(ghost: Seen, main: Seen, joint: str) -> Seen:
    """The second phase moved so `joint` is where it is in the first."""
    target, there = main.at(joint), ghost.at(joint)
    dx = target[0] - there[0]
    dy = target[1] - there[1] if main.camera.name == "top" else 0.0
    return replace(
        ghost,
        parts=moved(ghost.parts, (dx, dy)),
        offset=(ghost.offset[0] + dx, ghost.offset[1] + dy),
    )


# --- props ------------------------------------------------------------------------------


def body_box(main: Seen) -> tuple[float, float, float, float]:
    return bounds([p for part in main.parts.values() for p in part.paths])


def prop_marks(figure: Figure, main: Seen, colors: Colors) -> list[Mark]:
    left, _, right, top = body_box(main)
    fill, line = colors.prop_fill, colors.prop_line
    if figure.view == "top":
        if "mat" not in figure.props:
            return []
        shape = rounded_rect(left - MAT_BORDER, 0.0, right + MAT_BORDER, top + MAT_BORDER, 1.5)
        return [Mark((shape,), mix(fill, "#FFFFFF", 0.5), line, 0.3)]
    marks: list[Mark] = []
    if "wall" in figure.props:  # behind the person: a pale panel
        panel = rounded_rect(left - 12.0, 0.0, right + 12.0, top + 10.0, 0.5)
        marks.append(Mark((panel,), mix(fill, "#FFFFFF", 0.55), line, 0.3))
    if "door" in figure.props:  # the edge of an open door, on the side the band is tied
        x = door_x(figure, main)
        edge = rounded_rect(x - 1.5, 0.0, x + 3.5, top + 8.0, 0.5)
        marks.append(Mark((edge,), fill, line, 0.3))
    marks.append(
        Mark(
            (rounded_rect(left - FLOOR_MARGIN, -0.45, right + FLOOR_MARGIN, 0.0, 0.2),),
            colors.floor,
        )
    )
    if "mat" in figure.props:
        mat = rounded_rect(left - 4.0, 0.0, right + 4.0, MAT, 0.6)
        marks.append(Mark((mat,), fill, line, 0.3))
    if figure.base == "sitting-on-chair":
        marks += front_chair(main, colors)
    elif "chair" in figure.props:
        marks += chairs_beside(figure, main, colors)
    if "step" in figure.props:
        feet = [bounds(main.parts[f"{s}_foot"].paths) for s in ("near", "far")]
        x0, x1 = min(f[0] for f in feet) - 8.0, max(f[2] for f in feet) + 8.0
        marks.append(Mark((rounded_rect(x0, 0.0, x1, 14.0, 0.8),), fill, line, 0.3))
    return marks


def chairs_beside(figure: Figure, main: Seen, colors: Colors) -> list[Mark]:
    """A chair beside the body under each hand that holds one, seen from its side, the seat
    turned away from the person."""
    marks: list[Mark] = []
    middle = (main.at("near_hip")[0] + main.at("far_hip")[0]) / 2
    for side, target in figure.reach:
        if target != "chair":
            continue
        x = main.at(f"{side}_wrist")[0]
        facing = 1 if x > middle else -1
        marks += chair(x - facing * 1.5, CHAIR_SEAT, facing, colors)
    return marks


def front_chair(main: Seen, colors: Colors) -> list[Mark]:
    """A chair seen from the front: the seat under the hips, its legs, the back behind."""
    hips = [main.at(f"{s}_hip") for s in ("near", "far")]
    x0, x1 = min(h[0] for h in hips) - 24.0, max(h[0] for h in hips) + 24.0
    seat = min(h[1] for h in hips) - 10.0
    fill, line = colors.prop_fill, colors.prop_line
    back = rounded_rect(x0 + 3.0, seat, x1 - 3.0, seat + 46.0, 1.5)
    legs = (
        rounded_rect(x0 + 1.0, 0.0, x0 + 4.0, seat, 0.8),
        rounded_rect(x1 - 4.0, 0.0, x1 - 1.0, seat, 0.8),
    )
    board = rounded_rect(x0, seat - 4.0, x1, seat, 1.2)
    return [
        Mark((back,), mix(fill, "#FFFFFF", 0.3), line, 0.3),
        Mark(legs, fill, line, 0.3),
        Mark((board,), fill, line, 0.3),
    ]


def band_marks(figure: Figure, main: Seen, colors: Colors, faint: bool = False) -> list[Mark]:
    """An elastic band: from a door to the hand, between the hands, or under the feet."""
    if "band" not in figure.props:
        return []
    hands = [main.at(f"{s}_wrist") for s in ("near", "far")]
    color = mix(colors.accent, "#FFFFFF", 0.6 if faint else 0.0)
    if "door" in figure.props:
        door = door_x(figure, main)
        hand = main.at("near_wrist")
        far_hand = main.at("far_wrist")
        paths: tuple[Path, ...] = (smooth_open([(door, hand[1]), hand]),)
        if abs(far_hand[1] - hand[1]) < 12.0 and figure.view == "side":
            paths += (smooth_open([(door, far_hand[1]), far_hand]),)
        anchor = circle((door, hand[1]), 1.6)
        return [Mark(paths, None, color, 1.2), Mark((anchor,), color)]
    feet = [main.at(f"{s}_ankle") for s in ("near", "far")]
    if min(h[1] for h in hands) < main.at("near_knee")[1]:
        foot = min(feet, key=lambda f: f[1])
        path = smooth_open([hands[0], (foot[0], foot[1] - 2.0), hands[1]])
        return [Mark((path,), None, color, 1.2)]
    middle = ((hands[0][0] + hands[1][0]) / 2, (hands[0][1] + hands[1][1]) / 2 - 2.0)
    return [Mark((smooth_open([hands[0], middle, hands[1]]),), None, color, 1.2)]


def door_x(figure: Figure, main: Seen) -> float:
    """Where the door a band is tied to stands: the band pulls against the motion, so it is
    tied on the side the hand moves away from."""
    left, _, right, _ = body_box(main)
    pulls_in = figure.arrow is not None and figure.arrow.toward == "in"
    return left - 8.0 if pulls_in else right + 8.0


def held_marks(figure: Figure, main: Seen, colors: Colors) -> list[Mark]:
    """A dumbbell in each hand that holds one."""
    if "dumbbell" not in figure.props and "dumbbells" not in figure.props:
        return []
    marks = []
    for side in ("near", "far") if "dumbbells" in figure.props else ("near",):
        grip = main.at(f"{side}_fingers")
        wrist = main.at(f"{side}_wrist")
        middle = ((grip[0] * 2 + wrist[0]) / 3, (grip[1] * 2 + wrist[1]) / 3)
        bar = capsule((middle[0] - 7.0, middle[1]), (middle[0] + 7.0, middle[1]), 1.0)
        ends = (
            circle((middle[0] - 7.0, middle[1]), 3.2),
            circle((middle[0] + 7.0, middle[1]), 3.2),
        )
        marks.append(Mark((bar, *ends), "#6B6F73", "#3A3D40", 0.3))
    return marks


# --- emphasis and the arrow ----------------------------------------------------------------


REGION_PARTS: dict[str, tuple[str, float, float, float]] = {
    # region: (part, from, to along it, half width of the patch as a share of the part's)
    "inner-thighs": ("thigh", 0.15, 0.85, 0.5),
    "quadriceps": ("thigh", 0.1, 0.9, 0.55),
    "hamstrings": ("thigh", 0.1, 0.9, 0.55),
    "calf": ("shin", 0.1, 0.6, 0.55),
    "shoulder": ("upper_arm", -0.05, 0.35, 0.75),
    "rotator-cuff": ("upper_arm", -0.12, 0.22, 0.7),
    "forearm": ("forearm", 0.1, 0.8, 0.55),
    "ankle": ("foot", -0.15, 0.3, 0.7),
    "foot": ("foot", 0.1, 0.95, 0.55),
    "glutes": ("thigh", -0.1, 0.25, 0.7),
    "hip-flexors": ("thigh", 0.0, 0.4, 0.55),
}
TORSO_REGIONS = {"chest": (38.0, 48.0), "upper-back": (34.0, 50.0), "belly": (6.0, 28.0)}
TORSO_REGIONS["lower-back"] = (6.0, 30.0)
BACK_REGIONS = ("upper-back", "lower-back")


def emphasis_paths(figure: Figure, main: Seen) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for item in figure.emphasis:
        side, _, region = item.rpartition(" ")
        side = side or "near"
        if region in REGION_PARTS:
            part, t0, t1, share = REGION_PARTS[region]
            start, end = LIMB_ENDS[part]
            a, b = main.at(f"{side}_{start}"), main.at(f"{side}_{end}")
            a, b = (
                (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                (
                    a[0] + (b[0] - a[0]) * t1,
                    a[1] + (b[1] - a[1]) * t1,
                ),
            )
            width = WIDTHS[part] * share
            found.setdefault(f"{side}_{part}", []).append(capsule(a, b, width, width * 0.8))
        elif region == "neck":
            base, head = main.at("neck_base"), main.at("head")
            # the neck between the shoulders and the jaw, below the face
            mid = (base[0] + (head[0] - base[0]) * 0.25, base[1] + (head[1] - base[1]) * 0.25)
            found.setdefault("head", []).append(capsule(base, mid, 3.0))
        elif region in BACK_REGIONS and main.camera.name == "front" and not lying_on_side(figure):
            continue  # the back is turned away from the viewer
        else:
            low, high = TORSO_REGIONS.get(region, (38.0, 48.0))
            found.setdefault("torso", []).append(torso_patch(main, low, high))
    return found


LIMB_ENDS = {
    "thigh": ("hip", "knee"),
    "shin": ("knee", "ankle"),
    "foot": ("ankle", "toe"),
    "upper_arm": ("shoulder", "elbow"),
    "forearm": ("elbow", "wrist"),
}
WIDTHS = {"thigh": 7.0, "shin": 4.5, "foot": 3.6, "upper_arm": 4.6, "forearm": 3.4}


def torso_patch(main: Seen, low: float, high: float) -> Path:
    """A band across the trunk between `low` and `high` centimetres up the spine."""
    hips = [main.at(f"{s}_hip") for s in ("near", "far")]
    shoulders = [main.at(f"{s}_shoulder") for s in ("near", "far")]

    def across(s: float, share: float) -> tuple[Point, Point]:
        t = s / 51.0
        ends = []
        for hip, shoulder in zip(hips, shoulders, strict=True):
            ends.append((hip[0] + (shoulder[0] - hip[0]) * t, hip[1] + (shoulder[1] - hip[1]) * t))
        mid = ((ends[0][0] + ends[1][0]) / 2, (ends[0][1] + ends[1][1]) / 2)
        return tuple(  # type: ignore[return-value]
            (mid[0] + (e[0] - mid[0]) * share, mid[1] + (e[1] - mid[1]) * share) for e in ends
        )

    (a0, a1), (b0, b1) = across(low, 0.75), across(high, 0.75)
    return smooth_closed([a0, b0, b1, a1])


def front_heading(figure: Figure, main: Seen, at: Point) -> float:
    """Which way the arrow points on the page: out and in are away from and towards the
    body's middle line (at the head, which is on it: towards the near side and the far
    side); forward and back are towards and away from the viewer, drawn as down and up the
    page."""
    toward = figure.arrow.toward if figure.arrow else "up"
    if toward in ("out", "in"):
        middle = (main.at("near_hip")[0] + main.at("far_hip")[0]) / 2
        if figure.arrow is not None and figure.arrow.at == "head":
            at = main.at("near_shoulder")
        outward = 0.0 if at[0] >= middle else 180.0
        return outward if toward == "out" else outward + 180.0
    if figure.view == "front" and lying_on_side(figure) and toward in ("forward", "back"):
        return 0.0 if toward == "forward" else 180.0
    return {"up": 90.0, "down": -90.0, "forward": -90.0, "back": 90.0}[toward]


LANDMARK_JOINTS = {"head": "head", "chest": "neck_base", "back": "neck_base", "hips": "near_hip"}


def arrow_marks(figure: Figure, main: Seen, colors: Colors) -> list[Mark]:
    if figure.arrow is None:
        return []
    name = figure.arrow.at
    if name in LANDMARK_JOINTS:
        at = main.at(LANDMARK_JOINTS[name])
    else:
        side, joint = name.split("-")
        at = main.at(f"{side}_{ {'foot': 'ankle', 'hand': 'wrist'}.get(joint, joint) }")
    heading = front_heading(figure, main, at)
    left, bottom, right, top = body_box(main)
    return arrow_path(at, heading, ((left + right) / 2, (bottom + top) / 2), colors)
