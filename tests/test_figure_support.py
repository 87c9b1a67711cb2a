"""Figures obey the floor: every built-in pose and a thousand generated ones rest on what
holds them up, pass through no prop and no floor, keep their weight over their base, and
an impossible pose is refused with `file:line: field: message` naming a range that works."""

from __future__ import annotations

import os
import random
from dataclasses import replace

import pytest
from conftest import problems
from test_figures import content_with_figure

from booklet.figures import scene, staging, support
from booklet.figures.geometry import curve_points
from booklet.figures.library import BASES, POSES, RANGES
from booklet.model import Figure
from booklet.source.figure_field import builtin, settled

GENERATED = int(os.environ.get("BOOKLET_GENERATED_POSES", "300"))  # .ci/run: 1,000
TOUCH = 2.5  # centimetres: a resting part this close to the floor touches it
SINK = 2.0  # centimetres: nothing may go further below the floor than this
SIDE_VIEW_BASES = [b for b in BASES if b != "side-lying"]
ANGLES = (
    "trunk",
    "back",
    "head",
    "near.hip",
    "far.hip",
    "near.knee",
    "far.knee",
    "near.ankle",
    "far.ankle",
    "near.shoulder",
    "far.shoulder",
    "near.elbow",
    "far.elbow",
)


def placed_figure(figure: Figure) -> staging.Placed:
    return staging.place(figure, scene.posed(figure, dict(figure.angles)))


def points(placed: staging.Placed, names: object = None) -> list[tuple[float, float]]:
    return [
        p
        for name, part in placed.parts.items()
        if names is None or name in names  # type: ignore[operator]
        for path in part.paths
        for p in curve_points(path)
    ]


def assert_grounded(figure: Figure) -> None:
    """The drawn body rests on the parts its posture rests on, and nothing sinks below the
    floor or into a chair or table (a holding hand aside)."""
    placed = placed_figure(figure)
    resting = staging.resting_parts(figure) or tuple(placed.parts)
    floor = placed.lift
    if placed.seat is None and placed.bed is None:
        edge = -1e9 if placed.step_from is None else placed.step_from + placed.offset[0]
        lowest_resting = min(y for x, y in points(placed, resting) if x >= edge)
        assert abs(lowest_resting - floor) < TOUCH, f"{figure.name}: floats or sinks"
    turned = {s for s in ("near", "far") if figure.angle(f"{s}.turn-out") > 20.0}
    solid = [n for n in placed.parts if not (n.split("_")[0] in turned and "foot" in n)]
    solid = [n for n in solid if not (n.split("_")[0] in turned and "shin" in n)]
    below = 0.0 if placed.step_from is not None else floor  # a heel hanging off a step
    assert min(y for _, y in points(placed, solid)) > below - SINK - 0.5, figure.name
    holding = {f"{s}_{p}" for s, _ in figure.reach for p in ("hand", "forearm")}
    for prop, (x0, y0, x1, y1) in support.solid_props(figure, placed):
        # a table stands beside the body: the arms may pass it, the legs and trunk not
        beside = ("arm", "hand") if prop == "table" else ()
        solid = [n for n in placed.parts if n not in holding and not any(b in n for b in beside)]
        inside = [
            (x, y)
            for x, y in points(placed, solid)
            if x0 + SINK < x < x1 - SINK and y0 + SINK < y < y1 - SINK
        ]
        assert inside == [], f"{figure.name}: passes through a prop"
    assert support.reach_misses(figure, placed.body) == [], f"{figure.name}: a hand in the air"


@pytest.mark.parametrize("name", [*POSES, *BASES])
def test_every_built_in_pose_can_be_held(name):
    figure = builtin(name)
    assert support.posture_problems(figure) == []
    if figure.base != "side-lying":
        assert_grounded(figure)


def generated_figures(count: int, seed: int = 16) -> list[Figure]:
    """Built-in poses and base postures with up to four angles changed at random: most by
    up to 35 degrees either way (as an author adjusts a pose), some anywhere in range."""
    rng = random.Random(seed)
    names = [n for n in [*POSES, *SIDE_VIEW_BASES] if builtin(n).base != "side-lying"]
    found = []
    for _ in range(count):
        figure = builtin(rng.choice(names))
        angles = dict(figure.angles)
        for key in rng.sample(ANGLES, rng.randint(1, 4)):
            low, high, _ = RANGES[key.split(".")[-1]]
            if rng.random() < 0.8:
                now = angles.get(key, 0.0)
                low, high = max(low, now - 35.0), min(high, now + 35.0)
            angles[key] = float(round(rng.uniform(low, high)))
        found.append(settled(replace(figure, angles=tuple(sorted(angles.items())))))
    return found


def test_a_thousand_generated_poses_are_either_held_on_the_floor_or_refused():
    held = refused = 0
    for figure in generated_figures(GENERATED * 7 // 4):
        found = support.posture_problems(figure)
        if found:
            refused += 1
            assert all(isinstance(p, str) and p for p in found)
        else:
            held += 1
            assert_grounded(figure)
    assert held >= GENERATED and refused >= GENERATED // 10, (held, refused)


def test_a_pose_lying_on_the_back_keeps_the_feet_flat_whatever_the_knee(make_content):
    for knee in (60.0, 80.0, 110.0, 130.0):
        figure = builtin("core-activation")
        angles = {**dict(figure.angles), "near.knee": knee}
        figure = settled(replace(figure, angles=tuple(sorted(angles.items()))))
        placed = placed_figure(figure)
        foot = min(y for _, y in points(placed, ("near_foot",)))
        assert abs(foot - placed.lift) < TOUCH, knee


def test_leaning_the_trunk_while_standing_bends_at_the_hips_and_keeps_the_feet_down():
    figure = builtin("standing")
    leaning = replace(figure, angles=tuple(sorted({**dict(figure.angles), "trunk": 50.0}.items())))
    upright, bent = placed_figure(figure), placed_figure(leaning)
    for side in ("near", "far"):
        # the legs stay where they stand
        assert bent.body.angles[f"{side}_shin"] == pytest.approx(
            upright.body.angles[f"{side}_shin"]
        )
    assert support.posture_problems(leaning) == []


@pytest.mark.parametrize(
    ("figure_yaml", "expected"),
    [
        (
            "pose: standing\nangles: {near: {hip: 60}, far: {hip: 60}}",
            ":9: sections[1].stretches[1].figure.angles: a body cannot hold this: the body "
            "would tip backward: its weight is 62 cm behind its base; with the other angles "
            "as they are, far hip works from -10 to 7.5; near hip works from -10 to 7.5",
        ),
        (
            "pose: sitting-on-chair\nangles: {trunk: -40}",
            ":9: sections[1].stretches[1].figure.angles: a body cannot hold this: the body "
            "would go through the chair's back; with the other angles as they are, trunk "
            "works from -12.5 to 90",
        ),
        (
            "pose: standing\nprops: [chair]\nangles: {near: {hip: 90, knee: 90}}",
            ":10: sections[1].stretches[1].figure.angles: a body cannot hold this: the near "
            "thigh would go through the chair",
        ),
    ],
)
def test_an_impossible_pose_is_refused_naming_the_angles_that_work(
    make_content, figure_yaml, expected
):
    content = make_content(content_with_figure(figure_yaml))
    found = problems(content)
    assert len(found) == 1
    assert found[0].startswith(f"{content}{expected}")


def test_a_hand_on_a_chair_brings_the_chair_and_rests_on_its_back(make_content):
    content = make_content(content_with_figure("pose: standing\nangles: {far: {reach: chair}}"))
    assert problems(content) == []
    figure = builtin("standing-quad")
    placed = placed_figure(figure)
    hand = placed.body.joints["far_wrist"]
    top = staging.CHAIR_SEAT + staging.CHAIR_BACK
    assert abs(hand[1] + placed.offset[1] - top) < 5.0
    # the chair stands in front of the standing leg, not through it
    assert support.through_props(figure, placed) == []


def test_a_heel_dropped_off_a_step_hangs_below_it_with_the_ball_of_the_foot_on_the_edge():
    placed = placed_figure(builtin("calf-stretch-step"))
    assert placed.step_from is not None
    edge = placed.step_from + placed.offset[0]
    near = points(placed, ("near_foot",))
    hanging = [y for x, y in near if x < edge]
    assert hanging and min(hanging) < staging.STEP - 2.0, "the heel hangs off, below the top"
    on_step = [y for x, y in near if x >= edge]
    assert abs(min(on_step) - staging.STEP) < TOUCH, "the ball of the foot on the step"
    far = min(y for _, y in points(placed, ("far_foot",)))
    assert abs(far - staging.STEP) < TOUCH, "the other foot stands on the step"
