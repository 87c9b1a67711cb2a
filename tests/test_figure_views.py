"""Figures of the whole body in the view that shows the motion: front views of the same
jointed body, arms raised out and turned, the head turned, new regions and props, the
list of built-in figures, the gallery page and the shoulder program sample."""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import problems, run_cli, write_yaml
from test_figures import content_with_figure

from booklet.figures import anatomy, projection, scene, staging, views
from booklet.figures.geometry import curve_points
from booklet.figures.library import (
    BASES,
    DIRECTIONS,
    LANDMARKS,
    POSES,
    PROPS,
    RANGES,
    REGIONS,
    VIEWS,
)
from booklet.figures.marks import Colors
from booklet.figures.picture import figure_marks
from booklet.model import Arrow
from booklet.source.figure_field import builtin, catalogue

COLORS = Colors.from_brand("#1F5F7A", "#D9702B")
ROOT = Path(__file__).resolve().parent.parent


def seen(name: str) -> views.Seen:
    figure = builtin(name)
    return views.seen(figure, dict(figure.angles))


def test_the_library_covers_every_region_clinics_print_most():
    assert len(POSES) >= 35
    for word in ("shoulder", "neck", "knee", "ankle", "balance", "band", "wall-slide"):
        assert any(word in name for name in POSES), word


def test_figure_list_names_every_figure_with_its_view():
    result = run_cli(["figure", "--list"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(catalogue())
    butterfly = next(line for line in lines if line.startswith("butterfly "))
    assert " front " in butterfly and "soles" in butterfly


def test_figure_without_a_name_or_list_is_a_usage_error():
    result = run_cli(["figure"])
    assert result.exit_code != 0 and "--list" in result.stderr


def test_butterfly_seen_from_the_front_has_knees_out_and_soles_together():
    main = seen("butterfly")
    hips = [main.at(f"{s}_hip")[0] for s in ("near", "far")]
    knees = [main.at(f"{s}_knee")[0] for s in ("near", "far")]
    ankles = [main.at(f"{s}_ankle")[0] for s in ("near", "far")]
    assert abs(knees[0] - knees[1]) > 2.5 * abs(hips[0] - hips[1])
    assert abs(ankles[0] - ankles[1]) < abs(hips[0] - hips[1])
    for side in ("near", "far"):  # knees dropped low, below the hips
        assert main.at(f"{side}_knee")[1] < main.at(f"{side}_hip")[1] + 10.0


def test_an_arm_raised_out_goes_sideways_in_a_front_view_and_shortens_in_a_side_view():
    down = views.seen(builtin("standing"), dict(builtin("standing").angles))
    up = seen("lateral-raise")
    middle = (up.at("near_hip")[0] + up.at("far_hip")[0]) / 2
    assert abs(up.at("near_wrist")[0] - middle) > abs(down.at("near_wrist")[0] - middle) + 40
    assert up.at("near_wrist")[1] > up.at("near_elbow")[1] - 8.0  # about shoulder height
    side = scene.posed(builtin("lateral-raise"), dict(builtin("lateral-raise").angles))
    assert side.limb("near").upper_arm < 0.3, "seen end on from the side"


def test_turning_the_arm_out_moves_the_hand_away_from_the_belly():
    figure = builtin("external-rotation-band")
    out = views.seen(figure, dict(figure.angles))
    start = views.seen(figure, {**dict(figure.angles), **dict(figure.then)})
    middle = (out.at("near_hip")[0] + out.at("far_hip")[0]) / 2
    assert abs(out.at("near_wrist")[0] - middle) > abs(start.at("near_wrist")[0] - middle) + 15
    # the elbow stays at the side
    assert out.at("near_elbow") == pytest.approx(start.at("near_elbow"), abs=0.5)


def test_a_turned_head_shows_its_nose_on_the_side_it_turns_to():
    figure = builtin("neck-rotation")
    main = views.seen(figure, dict(figure.angles))
    shapes, _ = projection.head_outline(main.skeleton, main.camera)
    assert len(shapes) == 3, "neck, head and nose"
    straight = views.seen(figure, {**dict(figure.angles), "head-turn": 0.0})
    assert len(projection.head_outline(straight.skeleton, straight.camera)[0]) == 2
    nose = curve_points(shapes[2])
    nose_x = sum(x for x, _ in nose) / len(nose)
    center = main.camera.see(main.skeleton.joints["head"])[0]
    near_side = main.camera.see(main.skeleton.joints["near_shoulder"])[0]
    assert (nose_x - center) * (near_side - center) > 0, "towards the near (right) shoulder"


def test_a_chin_tuck_moves_the_head_back_without_nodding():
    figure = builtin("chin-tuck")
    tucked = scene.posed(figure, {**dict(figure.angles), "head": 0.0})
    plain = scene.posed(figure, {**dict(figure.angles), "head": 0.0, "chin-tuck": 0.0})
    assert tucked.joints["head"][0] < plain.joints["head"][0] - 3.0
    assert tucked.angles["head"] == plain.angles["head"]


@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize("pose", ["standing", "lateral-raise"])
def test_every_region_is_drawn_in_the_accent_in_both_views(region, pose):
    figure = replace(builtin(pose), emphasis=(region,))
    fills = {m.fill for m in figure_marks(figure, COLORS)}
    turned_away = figure.view == "front" and region in ("upper-back", "lower-back")
    assert (COLORS.accent in fills) != turned_away


def test_emphasis_shoulder_and_a_band_are_accepted_and_drawn(make_content):
    content = make_content(
        content_with_figure("pose: standing\nprops: [band, door]\nemphasis: [shoulder]")
    )
    assert problems(content) == []
    figure = replace(builtin("band-row"), props=("band", "door"))
    strokes = [m for m in figure_marks(figure, COLORS) if m.line == COLORS.accent]
    assert strokes, "the band is drawn in the accent"


def test_a_view_that_does_not_exist_is_reported(make_content):
    content = make_content(content_with_figure("pose: standing\nview: behind"))
    assert problems(content) == [
        f'{content}:9: sections[1].stretches[1].figure.view: "behind" is not one of: '
        "side, front, top"
    ]


def test_a_front_view_figure_file_draws(tmp_path):
    source = write_yaml(
        tmp_path / "pose.yaml",
        """\
        pose: standing
        view: front
        angles:
          head-tilt: 20
          near: {shoulder-out: 90, elbow: 90, shoulder-turn: 90}
        emphasis: [rotator-cuff, neck]
        arrow: {at: near-hand, toward: out}
        """,
    )
    out = tmp_path / "pose.png"
    result = run_cli(["figure", source, "--out", out])
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")


def test_the_anatomy_plate_puts_the_heads_in_their_sockets_and_the_psoas_on_the_inner_femur():
    head_x, head_y = 262.0, 404.0  # femoral head centre, in the socket (anatomy.femur_marks)
    insertion = anatomy.PSOAS_LATERAL[-1]
    assert insertion[1] < head_y - 100.0, "below the head and neck"
    assert insertion[0] < 322.0 + 30.0, "on the inner side of the shaft, not the outer"
    # the lateral border passes medial to the head's centre: the head shows in its socket
    at_head = min(anatomy.PSOAS_LATERAL, key=lambda p: abs(p[1] - head_y))
    assert at_head[0] < head_x


def test_the_gallery_page_shows_every_built_in_figure():
    text = (ROOT / "docs" / "figures.md").read_text(encoding="utf-8")
    for name, _, _ in catalogue():
        assert f"pictures/figures/{name}.png" in text, name
    result = subprocess.run(
        [sys.executable, "scripts/draw_figure_gallery.py", "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "sample", ["content/shoulder-home-program.yaml", "content/hip-home-program.yaml"]
)
def test_the_program_samples_pass_the_strict_check_and_build(tmp_path, sample):
    result = run_cli(["check", "--strict", ROOT / sample])
    assert result.exit_code == 0, result.stdout + result.stderr
    built = run_cli(["build", ROOT / sample, "--out", tmp_path / "out"])
    assert built.exit_code == 0, built.stderr


def test_a_chair_held_in_a_front_view_stands_beside_the_body_under_the_hand():
    figure = builtin("standing-hip-abduction")
    main = views.seen(figure, dict(figure.angles))
    hand = main.at("far_wrist")
    hips = [main.at(f"{s}_hip")[0] for s in ("near", "far")]
    assert not min(hips) - 15.0 < hand[0] < max(hips) + 15.0, "out beside the body"
    chair_top = staging.CHAIR_SEAT + staging.CHAIR_BACK
    assert abs(hand[1] - chair_top) < 6.0
    # the standing foot stays put in both phases; the lifted one moves out
    ghost = views.seen(figure, {**dict(figure.angles), **dict(figure.then)})
    assert views.anchor_joint(figure, main, ghost) == "far_ankle"


def test_any_view_prop_region_and_arrow_together_draws():
    """Every combination an author can write draws, in every view, without failing."""
    rng = random.Random(7)
    names = [*POSES, *BASES]
    sideways = ("head-turn", "head-tilt", "chin-tuck", "near.shoulder-out", "far.shoulder-turn")
    for _ in range(200):
        figure = builtin(rng.choice(names))
        angles = dict(figure.angles)
        for key in rng.sample([*sideways, "near.hip-out", "near.wrist", "near.turn-out"], 3):
            low, high, _ = RANGES[key.split(".")[-1]]
            angles[key] = rng.uniform(low, high)
        figure = replace(
            figure,
            angles=tuple(sorted(angles.items())),
            view=rng.choice(VIEWS),
            props=tuple(rng.sample(PROPS, 3)),
            emphasis=tuple(rng.sample(REGIONS, 2)),
            arrow=Arrow(rng.choice(LANDMARKS), rng.choice(DIRECTIONS)),
            then=(("near.shoulder-out", 40.0),),
        )
        assert figure_marks(figure, COLORS)
