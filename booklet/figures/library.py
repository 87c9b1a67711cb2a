"""The pose vocabulary as data: base postures, joint ranges, props, regions and the
built-in poses. Pure data; `booklet.source.figure_field` reads authors' figures against it."""

from __future__ import annotations

from dataclasses import dataclass, field

SIDES = ("near", "far")
BODY_ANGLES = ("trunk", "back", "head", "twist", "head-turn", "head-tilt", "chin-tuck")
LIMB_ANGLES = (
    "hip",
    "knee",
    "ankle",
    "turn-out",
    "hip-out",
    "shoulder",
    "shoulder-out",
    "shoulder-turn",
    "elbow",
    "wrist",
)
ARM_ANGLES = ("shoulder", "shoulder-out", "shoulder-turn", "elbow", "wrist")
VIEWS = ("side", "front", "top")

# Anatomical ranges in degrees, with what each angle means.
RANGES: dict[str, tuple[float, float, str]] = {
    "trunk": (
        -45.0,
        90.0,
        "lean forwards + from the base posture: from the hips when upright (the legs stay), "
        "the whole body when lying or on hands and knees",
    ),
    "back": (-40.0, 45.0, "curve of the back: rounded +, arched -"),
    "head": (-40.0, 60.0, "head nodded forwards +, tipped back -"),
    "twist": (0.0, 60.0, "chest turned towards the viewer"),
    "head-turn": (-80.0, 80.0, "face turned towards the near side +, the far side -"),
    "head-tilt": (-45.0, 45.0, "ear towards the near shoulder +, the far shoulder -"),
    "chin-tuck": (0.0, 4.0, "chin drawn straight back, in centimetres"),
    "hip": (-30.0, 140.0, "hip bent (flexed) +, thigh behind the body -"),
    "knee": (0.0, 160.0, "knee bent; 0 is straight"),
    "ankle": (-30.0, 80.0, "toes pointed +, toes pulled up -; 0 is a right angle"),
    "turn-out": (0.0, 80.0, "knee dropped out to the side"),
    "hip-out": (0.0, 50.0, "leg lifted out to the side (abduction)"),
    "shoulder": (-60.0, 180.0, "arm raised forwards +, behind the body -; 180 is overhead"),
    "shoulder-out": (0.0, 180.0, "arm raised out to the side (abduction); 180 is overhead"),
    "shoulder-turn": (
        -120.0,
        90.0,
        "arm turned out (external rotation) +, in -, as the arm turns from hanging at the "
        "side with the elbow bent and the forearm pointing forward",
    ),
    "elbow": (0.0, 150.0, "elbow bent; 0 is straight"),
    "wrist": (-70.0, 70.0, "wrist bent back (extension) +, palm down (flexion) -"),
}
STRAIGHT_LEG_HIP_LIMIT = 110.0  # a hip bent further needs a bent knee (hamstrings)
STRAIGHT_KNEE = 30.0

PROPS = (
    "floor",
    "mat",
    "chair",
    "wall",
    "step",
    "towel",
    "cushion",
    "bed",
    "band",
    "door",
    "dumbbell",
    "dumbbells",
    "table",
)
REGIONS = (
    "hip-flexors",
    "quadriceps",
    "hamstrings",
    "glutes",
    "calf",
    "inner-thighs",
    "lower-back",
    "belly",
    "chest",
    "shoulder",
    "rotator-cuff",
    "upper-back",
    "neck",
    "forearm",
    "ankle",
    "foot",
)
LIMB_REGIONS = (
    "hip-flexors",
    "quadriceps",
    "hamstrings",
    "glutes",
    "calf",
    "inner-thighs",
    "shoulder",
    "rotator-cuff",
    "forearm",
    "ankle",
    "foot",
)
LANDMARKS = (
    "head",
    "chest",
    "back",
    "hips",
    "near-knee",
    "far-knee",
    "near-foot",
    "far-foot",
    "near-hand",
    "far-hand",
)
DIRECTIONS = ("up", "down", "forward", "back", "out", "in")
# Where a hand can be put instead of giving the arm's angles.
REACH_TARGETS = (
    "near-thigh",
    "far-thigh",
    "behind-near-thigh",
    "behind-far-thigh",
    "near-knee",
    "far-knee",
    "outside-near-knee",
    "near-shin",
    "far-shin",
    "near-ankle",
    "far-ankle",
    "belly",
    "hips",
    "floor",
    "floor-behind",
    "wall",
    "chair",
    "table",
    "near-forearm",
    "far-forearm",
    "near-elbow",
    "far-elbow",
    "near-hand",
    "far-hand",
)
ANATOMY = ("psoas",)
ANATOMY_DESCRIPTIONS = {
    "psoas": "Anatomy plate: the lumbar spine, pelvis and thigh bones from the front, the "
    "psoas running to the inner upper thigh bone"
}


@dataclass(frozen=True)
class Posture:
    """A base posture: how the body lies before any angle is given, and what it rests on."""

    pelvis: float  # direction hip joints -> waist, degrees; 90 is upright facing +x
    angles: dict[str, float]
    props: tuple[str, ...] = ()
    anchor: str = "near_ankle"  # the joint that stays put between two phases
    # the view it is drawn in unless a pose names another: "side", "front" (for a body
    # lying on its side: looking at its belly, the top limbs the near ones) or "top"
    view: str = "side"


def both(**angles: float) -> dict[str, float]:
    """The same limb angles on the near and the far side."""
    return {f"{side}.{name.replace('_', '-')}": v for side in SIDES for name, v in angles.items()}


BASES: dict[str, Posture] = {
    "standing": Posture(90.0, both(elbow=10.0)),
    "kneeling": Posture(90.0, both(knee=90.0, ankle=70.0, elbow=10.0), ("mat",), "near_knee"),
    "half-kneeling": Posture(
        90.0,
        {
            **both(elbow=10.0),
            "near.hip": -10.0,
            "near.knee": 90.0,
            "near.ankle": 70.0,
            "far.hip": 90.0,
            "far.knee": 90.0,
        },
        ("mat",),
        "near_knee",
    ),
    "lying-on-back": Posture(184.0, both(ankle=25.0, elbow=5.0), ("mat",), "near_hip"),
    "lying-face-down": Posture(-4.0, both(ankle=70.0, elbow=5.0), ("mat",), "near_hip"),
    "side-lying": Posture(
        0.0,
        {
            **both(hip=55.0, knee=90.0, ankle=20.0),
            "near.shoulder": 20.0,
            "near.elbow": 30.0,
            "far.shoulder": 160.0,
            "far.elbow": 120.0,
        },
        ("mat",),
        "near_hip",
        "front",
    ),
    # the shoulders higher than the hips: straight arms are longer than the thighs
    "all-fours": Posture(
        0.0,
        {"trunk": -11.0, **both(hip=79.0, knee=90.0, ankle=70.0, shoulder=79.0, wrist=88.0)},
        ("mat",),
        "near_knee",
    ),
    "sitting-on-chair": Posture(
        92.0, both(hip=90.0, knee=90.0, shoulder=15.0, elbow=60.0), ("chair",)
    ),
    "sitting-on-floor": Posture(
        95.0, both(hip=82.0, ankle=10.0, shoulder=-42.0), ("mat",), "near_hip"
    ),
}


@dataclass(frozen=True)
class Pose:
    """A built-in pose: a base posture with angles, hands, props, emphasis and an arrow."""

    base: str
    description: str
    angles: dict[str, float] = field(default_factory=dict)
    reach: dict[str, str] = field(default_factory=dict)
    side: str = "right"
    props: tuple[str, ...] | None = None  # None: the base posture's
    emphasis: tuple[str, ...] = ()
    arrow: tuple[str, str] | None = None
    then: dict[str, float] = field(default_factory=dict)
    layers: tuple[str, ...] = ()
    view: str | None = None  # None: the base posture's
    # the parts resting on the floor, when not the base posture's (lying on the back: the
    # feet put flat on the floor besides the back)
    rests_on: tuple[str, ...] = ()


HANDS_BEHIND_NEAR_THIGH = (
    "far_upper_arm",
    "far_forearm",
    "far_hand",
    "far_thigh",
    "far_shin",
    "far_foot",
    "torso",
    "near_upper_arm",
    "near_forearm",
    "near_hand",
    "near_thigh",
    "near_shin",
    "near_foot",
)
IN_FRONT_OF_NEAR_LEG = (
    "far_thigh",
    "far_shin",
    "far_foot",
    "torso",
    "near_thigh",
    "near_shin",
    "near_foot",
    "far_upper_arm",
    "far_forearm",
    "far_hand",
    "near_upper_arm",
    "near_forearm",
    "near_hand",
)
FOLDED_LEG_BEHIND = (
    "far_upper_arm",
    "far_forearm",
    "far_hand",
    "far_thigh",
    "far_shin",
    "far_foot",
    "near_foot",
    "near_shin",
    "torso",
    "near_thigh",
    "near_upper_arm",
    "near_forearm",
    "near_hand",
)

POSES: dict[str, Pose] = {
    "kneeling-hip-flexor": Pose(
        "half-kneeling",
        "On the right knee, left foot forward, hips shifted forward",
        {"back": 3.0, "near.hip": -18.0, "near.knee": 78.0, "near.ankle": 62.0},
        {"near": "far-thigh", "far": "far-thigh"},
        emphasis=("hip-flexors",),
        arrow=("hips", "forward"),
    ),
    "standing-quad": Pose(
        "standing",
        "Standing, the right heel pulled to the buttock, the left hand on a chair",
        {
            "trunk": 3.0,
            "near.hip": -23.0,
            "near.knee": 160.0,
            "near.ankle": 35.0,
            "far.hip": -3.0,
            "far.knee": 2.0,
        },
        {"near": "near-ankle", "far": "chair"},
        props=("chair",),
        emphasis=("quadriceps",),
    ),
    "low-lunge-twist": Pose(
        "half-kneeling",
        "On the left knee, right foot forward, chest turned to the right",
        {
            "trunk": 4.0,
            "back": -6.0,
            "twist": 40.0,
            "head": -5.0,
            "near.hip": 94.0,
            "near.knee": 94.0,
            "near.ankle": 0.0,
            "far.hip": -19.0,
            "far.knee": 74.0,
            "far.ankle": 80.0,
            "near.shoulder": -55.0,
            "near.elbow": 8.0,
        },
        {"far": "outside-near-knee"},
        emphasis=("far hip-flexors",),
        layers=IN_FRONT_OF_NEAR_LEG,
        rests_on=("far_shin", "far_thigh", "near_foot"),
    ),
    "thomas-stretch": Pose(
        "lying-on-back",
        "Lying at the edge of a bed hugging the right knee to the chest, the left leg hanging",
        {
            "trunk": -6.0,
            "back": 6.0,
            "head": 8.0,
            "near.hip": 128.0,
            "near.knee": 140.0,
            "near.ankle": 20.0,
            "far.hip": -22.0,
            "far.knee": 88.0,
            "far.ankle": 25.0,
        },
        {"near": "near-knee", "far": "near-knee"},
        props=("bed",),
        emphasis=("far hip-flexors",),
    ),
    "knee-to-chest": Pose(
        "lying-on-back",
        "Lying on the back holding the right thigh to the chest, the left leg straight",
        {
            "trunk": -6.0,
            "back": 6.0,
            "head": 8.0,
            "near.hip": 128.0,
            "near.knee": 140.0,
            "near.ankle": 20.0,
            "far.hip": -4.0,
            "far.knee": 4.0,
            "far.ankle": 28.0,
        },
        {"near": "behind-near-thigh", "far": "behind-near-thigh"},
        emphasis=("lower-back", "far hip-flexors"),
        layers=HANDS_BEHIND_NEAR_THIGH,
    ),
    "pigeon": Pose(
        "sitting-on-floor",
        "Right shin folded in front, left leg straight back, sitting up tall on the hands",
        # the pelvis tipped forward and the back arched: the chest is up while the back
        # leg lies along the floor; the front shin folds under the thigh
        {
            "trunk": 64.0,
            "back": -36.0,
            "head": -10.0,
            # sitting, the trunk leans from the hips: these hip angles hold the legs
            # where they lie, the front shin folded and the back leg straight back
            "near.hip": 94.0,
            "near.knee": 160.0,
            "near.turn-out": 40.0,
            "near.ankle": 80.0,
            "far.hip": -92.0,
            "far.knee": 0.0,
            "far.ankle": 80.0,
        },
        {"near": "floor", "far": "floor"},
        emphasis=("glutes",),
        layers=FOLDED_LEG_BEHIND,
        rests_on=("near_shin", "near_foot", "far_thigh", "far_shin", "far_foot"),
    ),
    "butterfly": Pose(
        "sitting-on-floor",
        "Sitting tall, soles of the feet together, knees dropped out, hands at the ankles",
        {
            # tall, leaning forward from the hips to hold the ankles
            "trunk": 22.0,
            "back": 0.0,
            "head": 6.0,
            # knees up, heels near the groin, then dropped out to the sides: seen from
            # the side, low knees in front of the hips
            "near.hip": 135.0,
            "near.knee": 125.0,
            "near.turn-out": 68.0,
            "far.hip": 135.0,
            "far.knee": 125.0,
            "far.turn-out": 68.0,
            "near.ankle": 10.0,
            "far.ankle": 10.0,
        },
        {"near": "near-ankle", "far": "far-ankle"},
        emphasis=("inner-thighs", "far inner-thighs"),
        arrow=("near-knee", "down"),
        view="front",
    ),
    "glute-bridge": Pose(
        "lying-on-back",
        "Lying on the back, knees bent, hips lifted in line with shoulders and knees",
        {
            "trunk": -28.0,
            "head": 26.0,
            "near.hip": 0.0,
            "near.knee": 112.0,
            "near.ankle": 0.0,
            "far.hip": 0.0,
            "far.knee": 112.0,
            "far.ankle": 0.0,
            "near.shoulder": -32.0,
            "far.shoulder": -30.0,
        },
        emphasis=("glutes",),
        arrow=("hips", "up"),
    ),
    "bird-dog": Pose(
        "all-fours",
        "On hands and knees, the right arm reaching forward and the left leg back",
        {
            "trunk": -8.0,
            "near.hip": -8.0,
            "near.knee": 0.0,
            "near.ankle": 5.0,
            "far.hip": 82.0,
            "far.knee": 92.0,
            "far.shoulder": 172.0,
            "far.elbow": 0.0,
        },
        {"near": "floor"},
        side="left",
        emphasis=("lower-back", "glutes"),
    ),
    "core-activation": Pose(
        "lying-on-back",
        "Lying on the back, knees bent, feet flat, hands on the lower belly",
        {
            "head": 8.0,
            "near.hip": 50.0,
            "near.knee": 100.0,
            "near.ankle": 0.0,
            "far.hip": 40.0,
            "far.knee": 85.0,
            "far.ankle": 0.0,
        },
        {"near": "belly", "far": "belly"},
        emphasis=("belly",),
        rests_on=("near_foot", "far_foot"),
    ),
    "cat-cow": Pose(
        "all-fours",
        "On hands and knees, the back rounded up (cat), with the arched back (cow) faint",
        # the pelvis tilts with the back, so the shoulders stay over the hands, the
        # thighs upright
        {"back": 45.0, "trunk": -22.0, "head": 12.0, "near.hip": 68.0, "far.hip": 68.0},
        {"near": "floor", "far": "floor"},
        emphasis=("lower-back",),
        arrow=("back", "up"),
        then={"back": -30.0, "trunk": 14.0, "head": -25.0, "near.hip": 104.0, "far.hip": 104.0},
    ),
    "seated-hamstring": Pose(
        "sitting-on-floor",
        "Sitting with the right leg straight, leaning forward from the hips",
        {
            "trunk": 28.0,
            "back": 24.0,
            "near.hip": 82.0,
            "near.knee": 0.0,
            "near.ankle": -10.0,
            # the knee raised, then dropped out to the side: the foot rests on the floor
            # by the straight knee
            "far.hip": 139.0,
            "far.knee": 124.0,
            "far.ankle": 10.0,
            "far.turn-out": 80.0,
        },
        {"near": "near-shin", "far": "near-knee"},
        emphasis=("hamstrings",),
        arrow=("chest", "forward"),
    ),
    "calf-wall": Pose(
        "standing",
        "Hands on a wall, the right leg straight back with the heel down, the left knee bent",
        {
            # the whole body leans into the wall from the back heel: the hips bend back
            # by the lean so the legs keep their slope
            "trunk": 12.0,
            "near.hip": -20.0,
            "near.knee": 0.0,
            "near.ankle": -18.0,
            "far.hip": 26.0,
            "far.knee": 32.0,
            "far.ankle": -6.0,
        },
        {"near": "wall", "far": "wall"},
        props=("wall",),
        emphasis=("calf",),
    ),
    "sit-to-stand": Pose(
        "sitting-on-chair",
        "Leaning forward, nose over toes, rising from a chair; standing up shown faint",
        {
            "trunk": 40.0,
            "near.hip": 88.0,
            "far.hip": 88.0,
            "near.knee": 100.0,
            "far.knee": 100.0,
            "near.ankle": -10.0,
            "far.ankle": -10.0,
            "near.shoulder": 70.0,
            "far.shoulder": 70.0,
            "near.elbow": 10.0,
            "far.elbow": 10.0,
        },
        emphasis=("quadriceps", "glutes"),
        arrow=("hips", "up"),
        then={
            "trunk": 0.0,
            "near.hip": 0.0,
            "far.hip": 0.0,
            "near.knee": 0.0,
            "far.knee": 0.0,
            "near.ankle": 0.0,
            "far.ankle": 0.0,
            "near.shoulder": 10.0,
            "far.shoulder": 10.0,
        },
    ),
    "clamshell": Pose(
        "side-lying",
        "Lying on the left side, hips and knees bent, feet together, the right knee opening",
        {"near.turn-out": 55.0},
        emphasis=("glutes",),
        arrow=("near-knee", "up"),
        then={"near.turn-out": 0.0},
    ),
    "heel-slide": Pose(
        "lying-on-back",
        "Lying on the back, the right heel sliding towards the buttock",
        {
            "head": 8.0,
            "near.hip": 55.0,
            "near.knee": 100.0,
            "near.ankle": 5.0,
            "far.ankle": 25.0,
        },
        emphasis=("hip-flexors",),
        rests_on=("near_foot",),
        arrow=("near-foot", "back"),
        then={"near.hip": 0.0, "near.knee": 0.0, "near.ankle": 25.0},
    ),
    "standing-hip-abduction": Pose(
        "standing",
        "Standing tall holding a chair with the left hand, lifting the straight right leg out "
        "to the side",
        {"near.hip-out": 30.0},
        {"far": "chair"},
        props=("chair",),
        emphasis=("glutes",),
        arrow=("near-foot", "out"),
        then={"near.hip-out": 0.0},
        view="front",
    ),
    "side-lying-leg-raise": Pose(
        "side-lying",
        "Lying on the left side, the bottom knee bent, lifting the straight top leg",
        {"near.hip": 0.0, "near.knee": 0.0, "near.ankle": 0.0, "near.hip-out": 35.0},
        emphasis=("glutes",),
        arrow=("near-foot", "up"),
        then={"near.hip-out": 0.0},
    ),
    # --- shoulder ------------------------------------------------------------------------
    "external-rotation-band": Pose(
        "standing",
        "Standing, the right elbow at the side bent to a right angle, turning the forearm out "
        "against a band tied to a door on the left",
        {"near.elbow": 90.0, "near.shoulder-turn": 45.0, "near.shoulder-out": 5.0},
        props=("band", "door"),
        emphasis=("rotator-cuff",),
        arrow=("near-hand", "out"),
        then={"near.shoulder-turn": -40.0},
        view="front",
    ),
    "internal-rotation-band": Pose(
        "standing",
        "Standing, the right elbow at the side bent to a right angle, pulling the forearm in "
        "across the belly against a band tied to a door on the right",
        {"near.elbow": 90.0, "near.shoulder-turn": -40.0, "near.shoulder-out": 5.0},
        props=("band", "door"),
        emphasis=("rotator-cuff",),
        arrow=("near-hand", "in"),
        then={"near.shoulder-turn": 40.0},
        view="front",
    ),
    "wall-slide": Pose(
        "standing",
        "Back against a wall, arms in a W with elbows and wrists on the wall, sliding up into a Y",
        {
            **both(**{"shoulder_out": 150.0, "elbow": 30.0, "shoulder_turn": 90.0}),
        },
        props=("wall",),
        emphasis=("shoulder", "far shoulder"),
        arrow=("near-hand", "up"),
        then=both(**{"shoulder_out": 80.0, "elbow": 90.0}),
        view="front",
    ),
    "band-row": Pose(
        "standing",
        "Standing, pulling a band tied to a door in front back with both hands, elbows "
        "close to the sides, shoulder blades squeezed",
        {**both(shoulder=-25.0, elbow=95.0, wrist=-10.0)},
        props=("band", "door"),
        emphasis=("upper-back",),
        arrow=("near-hand", "back"),
        then=both(shoulder=45.0, elbow=5.0, wrist=0.0),
    ),
    "lateral-raise": Pose(
        "standing",
        "Standing with light weights, raising both arms out to the sides to shoulder height",
        both(**{"shoulder_out": 85.0, "elbow": 10.0}),
        props=("dumbbells",),
        emphasis=("shoulder", "far shoulder"),
        arrow=("near-hand", "up"),
        then=both(**{"shoulder_out": 10.0}),
        view="front",
    ),
    "shoulder-flexion": Pose(
        "standing",
        "Standing, raising the right arm forward and up overhead, thumb up",
        {"near.shoulder": 160.0, "near.elbow": 5.0},
        emphasis=("shoulder",),
        arrow=("near-hand", "up"),
        then={"near.shoulder": 0.0},
    ),
    "pendulum": Pose(
        "standing",
        "Leaning forward with the left hand on a table, the right arm hanging loose and "
        "swinging in small circles",
        {"trunk": 55.0, "near.shoulder": 55.0, "near.elbow": 0.0, "far.knee": 15.0},
        {"far": "table"},
        props=("table",),
        emphasis=("shoulder",),
        arrow=("near-hand", "forward"),
    ),
    "scapular-squeeze": Pose(
        "sitting-on-chair",
        "Sitting tall, squeezing the shoulder blades together and down, elbows bent back",
        {**both(shoulder=-30.0, elbow=90.0)},
        emphasis=("upper-back",),
        arrow=("near-hand", "back"),
        then=both(shoulder=0.0, elbow=90.0),
    ),
    # --- neck -----------------------------------------------------------------------------
    "chin-tuck": Pose(
        "sitting-on-chair",
        "Sitting tall, drawing the chin straight back without nodding, a double chin",
        {"chin-tuck": 3.5, "head": 4.0, **both(shoulder=10.0, elbow=70.0)},
        emphasis=("neck",),
        arrow=("head", "back"),
        then={"chin-tuck": 0.0, "head": 0.0},
    ),
    "neck-rotation": Pose(
        "sitting-on-chair",
        "Sitting tall, turning the head to look over the right shoulder",
        {"head-turn": 60.0, **both(shoulder=10.0, elbow=70.0)},
        emphasis=("neck",),
        arrow=("head", "out"),
        then={"head-turn": 0.0},
        view="front",
    ),
    "neck-side-bend": Pose(
        "sitting-on-chair",
        "Sitting tall, tipping the right ear towards the right shoulder",
        {"head-tilt": 35.0, **both(shoulder=10.0, elbow=70.0)},
        emphasis=("neck",),
        arrow=("head", "out"),
        then={"head-tilt": 0.0},
        view="front",
    ),
    # --- wrist and elbow ------------------------------------------------------------------
    "wrist-extensor-stretch": Pose(
        "standing",
        "Standing, the right arm out in front, palm down; the left hand bends the right wrist down",
        {"near.shoulder": 75.0, "near.elbow": 45.0, "near.wrist": -65.0},
        {"far": "near-hand"},
        emphasis=("forearm",),
    ),
    # --- knee -----------------------------------------------------------------------------
    "straight-leg-raise": Pose(
        "lying-on-back",
        "Lying on the back, the left knee bent with the foot flat, lifting the straight "
        "right leg to the height of the left knee",
        {
            "head": 8.0,
            "near.hip": 40.0,
            "near.knee": 0.0,
            "near.ankle": -10.0,
            "far.knee": 95.0,
        },
        emphasis=("quadriceps", "hip-flexors"),
        arrow=("near-foot", "up"),
        then={"near.hip": 0.0},
        rests_on=("far_foot",),
    ),
    "quad-set": Pose(
        "sitting-on-floor",
        "Sitting with the right leg straight and a rolled towel under the knee, pressing the "
        "knee down into the towel",
        {"near.ankle": -15.0},
        {"near": "near-thigh", "far": "far-thigh"},
        props=("mat", "towel"),
        emphasis=("quadriceps",),
        arrow=("near-knee", "down"),
    ),
    "seated-knee-extension": Pose(
        "sitting-on-chair",
        "Sitting on a chair, straightening the right knee until the leg is level",
        {"near.knee": 5.0, "near.ankle": -10.0},
        emphasis=("quadriceps",),
        arrow=("near-foot", "up"),
        then={"near.knee": 90.0, "near.ankle": 0.0},
    ),
    "mini-squat": Pose(
        "standing",
        "Standing behind a chair holding its back, bending the knees a little, hips back",
        {
            "trunk": 25.0,
            **both(hip=20.0, knee=50.0, ankle=-25.0),
        },
        {"near": "chair", "far": "chair"},
        props=("chair",),
        emphasis=("quadriceps", "glutes"),
        arrow=("hips", "down"),
    ),
    # --- ankle and balance ----------------------------------------------------------------
    "heel-raise": Pose(
        "standing",
        "Standing facing a wall, fingertips on it for balance, rising up onto the toes",
        # the whole body leans a little forward, its weight over the toes
        {"trunk": 6.0, **both(ankle=35.0, hip=-6.0)},
        {"near": "wall", "far": "wall"},
        props=("wall",),
        emphasis=("calf",),
        arrow=("hips", "up"),
        then=both(ankle=0.0),
    ),
    "ankle-pumps": Pose(
        "lying-on-back",
        "Lying on the back, legs straight, pulling the toes up then pointing them away",
        {"head": 8.0, "near.ankle": -20.0},
        emphasis=("calf",),
        arrow=("near-foot", "down"),
        then={"near.ankle": 45.0},
    ),
    "ankle-alphabet": Pose(
        "sitting-on-chair",
        "Sitting, the right leg held out straight, tracing the letters with the big toe",
        {"near.knee": 10.0, "near.ankle": 25.0},
        emphasis=("ankle",),
        arrow=("near-foot", "down"),
        then={"near.ankle": -20.0},
    ),
    "single-leg-balance": Pose(
        "standing",
        "Standing on the right leg behind a chair, the left foot lifted behind, a hand ready "
        "on the chair",
        {"far.hip": 0.0, "far.knee": 85.0, "far.ankle": 30.0},
        {"near": "chair"},
        props=("chair",),
        emphasis=("ankle", "glutes"),
    ),
    "calf-stretch-step": Pose(
        "standing",
        "Standing on the edge of a step, lowering the right heel over the edge",
        {"near.ankle": -25.0, "far.knee": 28.0, "far.hip": 14.0, "far.ankle": -14.0},
        props=("step",),
        emphasis=("calf",),
        arrow=("near-foot", "down"),
    ),
    # --- more for the hip, knee, back and arm -------------------------------------------
    "standing-hip-extension": Pose(
        "standing",
        "Standing tall holding the back of a chair, taking the straight right leg back",
        {"trunk": 8.0, "near.hip": -20.0, "near.ankle": 10.0},
        {"near": "chair", "far": "chair"},
        props=("chair",),
        emphasis=("glutes",),
        arrow=("near-foot", "back"),
        then={"near.hip": 0.0, "near.ankle": 0.0},
    ),
    "standing-knee-curl": Pose(
        "standing",
        "Standing tall holding the back of a chair, bending the right knee to bring the heel "
        "up behind",
        {"near.knee": 90.0, "near.ankle": 15.0},
        {"near": "chair", "far": "chair"},
        props=("chair",),
        emphasis=("hamstrings",),
        arrow=("near-foot", "up"),
        then={"near.knee": 0.0, "near.ankle": 0.0},
    ),
    "seated-marching": Pose(
        "sitting-on-chair",
        "Sitting tall, lifting the right knee up towards the chest, then lowering it",
        {"near.hip": 120.0, "near.knee": 90.0},
        emphasis=("hip-flexors",),
        arrow=("near-knee", "up"),
        then={"near.hip": 90.0},
    ),
    "prone-knee-bend": Pose(
        "lying-face-down",
        "Lying face down, bending the right knee to bring the heel towards the buttock",
        {"near.knee": 100.0, "near.ankle": 20.0},
        emphasis=("hamstrings",),
        arrow=("near-foot", "up"),
        then={"near.knee": 0.0, "near.ankle": 70.0},
    ),
    "prone-press-up": Pose(
        "lying-face-down",
        "Lying face down, pushing up on the hands to arch the back, hips staying down",
        {"back": -40.0, "head": -10.0},
        {"near": "floor", "far": "floor"},
        emphasis=("lower-back",),
        arrow=("chest", "up"),
    ),
    "prone-y-raise": Pose(
        "lying-face-down",
        "Lying face down, arms overhead in a Y, lifting both arms off the floor",
        {**both(shoulder=178.0, elbow=0.0)},
        emphasis=("upper-back",),
        arrow=("near-hand", "up"),
    ),
    "supine-shoulder-flexion": Pose(
        "lying-on-back",
        "Lying on the back, knees bent, raising both arms up and over the head to the floor",
        {"head": 8.0, **both(knee=90.0, shoulder=170.0, elbow=5.0)},
        emphasis=("shoulder",),
        arrow=("near-hand", "back"),
        then=both(shoulder=0.0),
        rests_on=("near_foot", "far_foot"),
    ),
    "biceps-curl": Pose(
        "standing",
        "Standing tall with a light weight, bending the right elbow to bring the weight up",
        {"near.elbow": 120.0, "near.shoulder": 5.0},
        props=("dumbbell",),
        emphasis=("forearm",),
        arrow=("near-hand", "up"),
        then={"near.elbow": 10.0},
    ),
    "hamstring-stretch-lying": Pose(
        "lying-on-back",
        "Lying on the back, the left knee bent, a band round the right foot pulling the "
        "straight right leg up",
        {
            "head": 10.0,
            "near.hip": 75.0,
            "near.knee": 5.0,
            "near.ankle": 0.0,
            "far.knee": 95.0,
            **both(shoulder=75.0, elbow=40.0),
        },
        props=("mat", "band"),
        emphasis=("hamstrings",),
        rests_on=("far_foot",),
    ),
    "prone-hip-extension": Pose(
        "lying-face-down",
        "Lying face down, lifting the straight right leg a little off the floor",
        {"near.hip": -15.0, "near.ankle": 60.0},
        emphasis=("glutes",),
        arrow=("near-foot", "up"),
        then={"near.hip": 0.0, "near.ankle": 70.0},
    ),
    "chest-stretch": Pose(
        "standing",
        "Standing tall, hands clasped behind the back, drawing the arms back and the chest open",
        {**both(shoulder=-40.0, elbow=5.0)},
        emphasis=("chest",),
        arrow=("near-hand", "back"),
    ),
    "thoracic-extension": Pose(
        "sitting-on-chair",
        "Sitting tall, hands behind the head, gently arching the upper back over the chair back",
        {"back": -15.0, "head": -10.0, **both(shoulder=165.0, elbow=145.0)},
        emphasis=("upper-back",),
        arrow=("chest", "up"),
    ),
}
