"""Figures: pose validation, every built-in pose drawn as vector art, props, emphasis in
the brand's accent, the `figure:` field end to end, and the `booklet figure` command."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from conftest import problems, run_cli, write_yaml

from booklet.figures import draw, scene, staging, views
from booklet.figures.geometry import bounds, curve_points
from booklet.figures.library import BASES, POSES, PROPS, REGIONS
from booklet.figures.marks import Colors
from booklet.figures.picture import figure_marks
from booklet.model import Figure
from booklet.source.figure_field import builtin

COLORS = Colors.from_brand("#1F5F7A", "#D9702B")
ROOT = Path(__file__).resolve().parent.parent
SAMPLE_POSES = (
    "kneeling-hip-flexor",
    "standing-quad",
    "low-lunge-twist",
    "knee-to-chest",
    "glute-bridge",
    "bird-dog",
    "pigeon",
    "butterfly",
    "thomas-stretch",
    "seated-hamstring",
    "calf-wall",
    "sit-to-stand",
    "heel-slide",
    "cat-cow",
    "core-activation",
)


def content_with_figure(figure_yaml: str) -> str:
    return (
        "title: Hip care\n"
        "sections:\n"
        "  - title: Stretches\n"
        "    stretches:\n"
        "      - name: A stretch\n"
        "        steps: [Do it.]\n"
        "        figure:\n" + "".join(f"          {line}\n" for line in figure_yaml.splitlines())
    )


def pdf_fill_colors(data: bytes) -> set[str]:
    """Every `r g b rg` fill colour set on the pages and in the forms they use, as #RRGGBB."""
    found = set()
    for stream in drawn_streams(data):
        text = stream.decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", text):
            found.add("#" + "".join(f"{round(float(v) * 255):02X}" for v in (r, g, b)))
    return found


def drawn_streams(data: bytes) -> list[bytes]:
    """Each page's content and each form XObject's, in page order."""
    streams = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        streams.append(page.get_contents().get_data())
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for thing in xobjects.values():
            if thing.get_object().get("/Subtype") == "/Form":
                streams.append(thing.get_object().get_data())
    return streams


def figure_forms(data: bytes) -> dict[str, int]:
    """How many pages use each figure form."""
    counts: dict[str, int] = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for name in (page.get("/Resources") or {}).get("/XObject") or {}:
            if "figure-" in name:
                counts[name] = counts.get(name, 0) + 1
    return counts


def image_xobjects(data: bytes) -> int:
    reader = pypdf.PdfReader(io.BytesIO(data))
    count = 0
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        count += sum(1 for x in xobjects.values() if x.get_object().get("/Subtype") == "/Image")
    return count


def test_library_has_every_sample_pose_and_more():
    assert set(SAMPLE_POSES) <= set(POSES)
    assert len(POSES) >= 15


@pytest.mark.parametrize("name", [*POSES, *BASES])
def test_every_pose_draws_as_vector_art_resting_on_the_floor(name):
    figure = builtin(name)
    marks = figure_marks(figure, COLORS)
    assert len(marks) > 15
    body = [m for m in marks if m.fill in (COLORS.near_fill, COLORS.far_fill)]
    lowest = min(y for m in body for p in m.paths for y in [pt[2] for pt in p if pt[0] in "ML"])
    assert lowest > -1.0, "the body goes through the floor"
    data = draw.pdf_bytes(draw.figure_drawing(figure, COLORS))
    assert image_xobjects(data) == 0
    assert COLORS.near_fill in pdf_fill_colors(data)


def test_emphasis_is_drawn_in_the_brand_accent():
    colors = Colors.from_brand("#204060", "#12AB34")
    for region in REGIONS:
        figure = Figure(name="standing", base="standing", emphasis=(region,))
        fills = pdf_fill_colors(draw.pdf_bytes(draw.figure_drawing(figure, colors)))
        assert "#12AB34" in fills, region
    plain = Figure(name="standing", base="standing")
    assert "#12AB34" not in pdf_fill_colors(draw.pdf_bytes(draw.figure_drawing(plain, colors)))


@pytest.mark.parametrize("prop", PROPS)
def test_each_prop_adds_to_the_picture(prop):
    base = (
        "sitting-on-chair" if prop == "chair" else "lying-on-back" if prop == "bed" else "kneeling"
    )
    bare = Figure(name=base, base=base, angles=tuple(sorted(BASES[base].angles.items())))
    with_prop = Figure(
        name=base, base=base, angles=bare.angles, props=(prop,) if prop != "chair" else ()
    )
    if prop == "chair":
        bare = Figure(name="standing", base="standing")
        with_prop = Figure(name="standing", base="standing", props=("chair",))
    added = len(figure_marks(with_prop, COLORS)) - len(figure_marks(bare, COLORS))
    assert added >= (0 if prop == "floor" else 1)


def test_the_anatomy_plate_highlights_the_psoas_in_the_accent():
    fills = pdf_fill_colors(draw.pdf_bytes(draw.figure_drawing(builtin("psoas"), COLORS)))
    assert "#D9702B" in fills


def test_a_figure_override_file_draws(tmp_path):
    source = write_yaml(
        tmp_path / "pose.yaml",
        """\
        pose: kneeling-hip-flexor
        side: left
        angles:
          trunk: 5
          near: {hip: -20, knee: 80}
          far: {shoulder: 30, elbow: 20}
        props: [mat, towel]
        emphasis: [hip-flexors, far quadriceps]
        arrow: {at: hips, toward: forward}
        """,
    )
    out = tmp_path / "pose.svg"
    result = run_cli(["figure", source, "--out", out])
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith("<?xml") and "<path" in out.read_text()


@pytest.mark.parametrize("suffix", [".png", ".pdf", ".svg"])
def test_figure_command_writes_each_format(tmp_path, suffix):
    out = tmp_path / f"pose{suffix}"
    result = run_cli(["figure", "cat-cow", "--out", out])
    assert result.exit_code == 0, result.stderr
    head = out.read_bytes()[:8]
    assert head.startswith({".png": b"\x89PNG", ".pdf": b"%PDF", ".svg": b"<?xml"}[suffix])


def test_figure_command_reports_bad_input_without_traceback(tmp_path):
    result = run_cli(["figure", "kneeling-hip-flxor", "--out", tmp_path / "x.png"])
    assert result.exit_code == 1
    assert 'did you mean "kneeling-hip-flexor"?' in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "x.png").exists()
    source = write_yaml(tmp_path / "bad.yaml", "pose: standing\nangles:\n  near: {knee: 200}\n")
    result = run_cli(["figure", source, "--out", tmp_path / "x.png"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{source}:3: angles.near.knee: 200 degrees is beyond what a body can do; "
        "knee (knee bent; 0 is straight) goes from 0 to 160"
    )
    result = run_cli(["figure", "standing", "--out", tmp_path / "x.jpg"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("figure_yaml", "expected"),
    [
        (
            "pose: standing\nangles: {near: {elbow: -10}}",
            ":9: sections[1].stretches[1].figure.angles.near.elbow: -10 degrees is beyond what a "
            "body can do; elbow (elbow bent; 0 is straight) goes from 0 to 150",
        ),
        (
            "pose: standing\nangles: {trunk: lots}",
            ':9: sections[1].stretches[1].figure.angles.trunk: "lots" is not an angle; '
            "write degrees, such as 30",
        ),
        (
            "pose: standing\nangles: {near: {hip: 130, knee: 0}}",
            ":9: sections[1].stretches[1].figure.angles.near: a hip bent 130 degrees with the "
            "knee nearly straight (0) is beyond what the hamstrings allow; bend the knee at "
            "least 30 degrees or keep the hip at 110 or less",
        ),
        (
            "pose: standing\nangles: {near: {shoulder: 20, reach: wall}}",
            ":9: sections[1].stretches[1].figure.angles.near.reach: puts the hand in place, so "
            "the shoulder and elbow angles would be ignored; give `reach` or the arm's angles, "
            "not both",
        ),
        (
            "pose: standng",
            ':8: sections[1].stretches[1].figure.pose: "standng" is not a built-in figure; '
            'did you mean "standing"?',
        ),
        (
            "pose: standing\nprops: [chiar]",
            ':9: sections[1].stretches[1].figure.props[1]: "chiar" is not one of: '
            "floor, mat, chair, wall, step, towel, cushion, bed, band, door, dumbbell, "
            'dumbbells, table; did you mean "chair"?',
        ),
        (
            "pose: standing\nemphasis: [far chest]",
            ':9: sections[1].stretches[1].figure.emphasis[1]: "chest" is in the middle of the '
            'body; drop "far"',
        ),
        (
            "pose: standing\narrow: {at: hips, toward: sideways}",
            ':9: sections[1].stretches[1].figure.arrow.toward: "sideways" is not one of: '
            "up, down, forward, back, out, in",
        ),
        (
            "pose: standing\nangles: {near: {elbw: 10}}",
            ":9: sections[1].stretches[1].figure.angles.near.elbw: unknown field; "
            'did you mean "elbow"?',
        ),
    ],
)
def test_pose_problems_are_reported_with_file_line_and_field(make_content, figure_yaml, expected):
    content = make_content(content_with_figure(figure_yaml))
    assert problems(content) == [f"{content}{expected}"]


def test_image_and_figure_together_is_a_problem(make_content, picture):
    picture("p.png")
    content = make_content(
        "title: Hip care\n"
        "sections:\n"
        "  - title: Stretches\n"
        "    stretches:\n"
        "      - name: A stretch\n"
        "        steps: [Do it.]\n"
        "        image: p.png\n"
        "        figure: bird-dog\n"
    )
    assert problems(content) == [
        f"{content}:8: sections[1].stretches[1].figure: give either `image` (line 7) or "
        "`figure`, not both"
    ]


def test_figure_field_builds_a_booklet_with_vector_figures(make_content, tmp_path):
    content = make_content(
        "title: Hip care\n"
        "sections:\n"
        "  - title: What the psoas does\n"
        "    figure: {anatomy: psoas, caption: The psoas., alt: Drawing of the psoas}\n"
        "    stretches:\n"
        "      - name: Bridge\n"
        "        steps: [Lift your hips.]\n"
        "        figure: glute-bridge\n"
        "      - name: Lunge\n"
        "        steps: [Kneel on your left knee.]\n"
        "        figure:\n"
        "          pose: kneeling-hip-flexor\n"
        "          side: left\n"
        "          props: [mat, towel]\n"
    )
    result = run_cli(["build", content, "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "out" / "booklet.pdf").read_bytes()
    assert image_xobjects(data) == 0
    fills = pdf_fill_colors(data)
    assert COLORS.accent in fills or "#C8702A" in fills
    assert pypdf.PdfReader(io.BytesIO(data)).pages[2].extract_text().count("The psoas.") == 1


def test_a_pose_printed_again_is_stored_once(make_content, tmp_path):
    cards = "".join(
        f"      - name: Bridge {n}\n"
        "        steps: [Lift your hips.]\n"
        "        figure: glute-bridge\n"
        for n in range(1, 7)
    )
    content = make_content(
        "title: Hip care\n"
        "sections:\n"
        "  - title: Bridges\n"
        "    figure: {pose: glute-bridge, caption: A bridge.}\n"
        "    stretches:\n" + cards + "  - title: Lunges\n"
        "    stretches:\n"
        "      - name: Lunge\n"
        "        steps: [Kneel on your left knee.]\n"
        "        figure: kneeling-hip-flexor\n"
    )
    result = run_cli(["build", content, "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.stderr
    forms = figure_forms((tmp_path / "out" / "booklet.pdf").read_bytes())
    assert len(forms) == 2, forms  # the bridge (in the section, in six cards) and the lunge
    assert max(forms.values()) >= 2, "one form serves several pages"


def test_clamshell_is_seen_from_the_front_lying_on_its_side_the_top_knee_opening():
    figure = builtin("clamshell")
    assert figure.view == "front"
    main = views.seen(figure, dict(figure.angles))
    # lying on the side: one shoulder above the other, the top knee lifted above the bottom
    near_shoulder, far_shoulder = main.at("near_shoulder"), main.at("far_shoulder")
    assert near_shoulder[1] - far_shoulder[1] > 25.0
    assert main.at("near_knee")[1] - main.at("far_knee")[1] > 30.0
    closed = views.seen(figure, {**dict(figure.angles), **dict(figure.then)})
    assert closed.at("near_knee")[1] - closed.at("far_knee")[1] < 25.0
    marks = figure_marks(figure, COLORS)
    assert COLORS.floor in {m.fill for m in marks}


def test_side_lying_seen_from_above_lies_on_a_mat_drawn_round_it():
    marks = figure_marks(replace(builtin("clamshell"), view="top"), COLORS)
    assert COLORS.floor not in {m.fill for m in marks}, "no floor line in a view from above"
    mat = bounds(marks[0].paths)
    body = bounds([p for m in marks if m.fill == COLORS.near_fill for p in m.paths])
    assert mat[0] < body[0] and mat[1] < body[1] and body[2] < mat[2] and body[3] < mat[3]


def placed_figure(figure: Figure) -> staging.Placed:
    return staging.place(figure, scene.posed(figure, dict(figure.angles)))


def test_a_towel_under_the_knee_leaves_the_front_foot_on_the_mat():
    bare = builtin("kneeling-hip-flexor")
    with_towel = replace(bare, props=("mat", "towel"))
    for figure in (bare, with_towel):
        placed = placed_figure(figure)
        assert staging.lowest(placed.parts, ("far_foot",)) == pytest.approx(staging.MAT, abs=0.5)
    assert len(figure_marks(with_towel, COLORS)) > len(figure_marks(bare, COLORS))


@pytest.mark.parametrize("name", ["sitting-on-chair", "sit-to-stand"])
def test_a_seated_body_rests_on_the_chair_seat_not_in_it(name):
    placed = placed_figure(builtin(name))
    assert placed.seat is not None
    back = placed.body.joints["near_hip"][0] - staging.SEAT_BEHIND_HIP
    on_seat = [
        y
        for name in ("torso", "near_thigh", "far_thigh")
        for path in placed.parts[name].paths
        for x, y in curve_points(path)
        if back <= x <= back + staging.SEAT_DEPTH
    ]
    assert min(on_seat) >= placed.seat - 0.5


def test_emphasis_stays_visible_in_a_grayscale_build(tmp_path):
    """Read the grayscale PDF: the figure's emphasis is a darker gray than the body it lies
    on, outlined, and hatched with lines clipped to its shape."""
    result = run_cli(
        [
            "build",
            ROOT / "content" / "psoas-hip-pain.yaml",
            "--grayscale",
            "--out",
            tmp_path / "out",
        ]
    )
    assert result.exit_code == 0, result.stderr
    reader = pypdf.PdfReader(tmp_path / "out" / "psoas-hip-pain.pdf")
    sample = Colors.from_brand("#1F5F7A", "#D9702B")  # content/brand.yaml
    body_gray = gray_level_of(sample.near_fill)
    emphasis_gray = gray_level_of(draw.gray_safe(sample).accent)
    assert body_gray - emphasis_gray > 0.25, "the emphasis prints darker than the body"
    assert abs(body_gray - gray_level_of(sample.accent)) < 0.25, "as the plain accent would not"
    checked = 0
    for page in reader.pages:
        xobjects = (page.get("/Resources") or {}).get("/XObject") or {}
        for name, thing in xobjects.items():
            if "figure-" not in name:
                continue
            text = thing.get_object().get_data().decode("latin-1")
            triples = re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", text)
            fills = {float(r) for r, g, b in triples if r == g == b}
            if not any(abs(f - emphasis_gray) < 0.01 for f in fills):
                continue  # a pose with nothing emphasised
            if not any(abs(f - body_gray) < 0.01 for f in fills):
                continue  # not a person (the anatomy plate)
            assert re.search(r"W n\nq [\d.]+ [\d.]+ [\d.]+ RG", text), "hatching in a clip"
            checked += 1
    assert checked >= 5


def gray_level_of(hex_color: str) -> float:
    r, g, b = (int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
