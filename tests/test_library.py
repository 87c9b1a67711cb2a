"""Exercise libraries: stretches written once in library files and used by id."""

from __future__ import annotations

from pathlib import Path

from conftest import problems, write_yaml

from booklet.model import Sides

LIBRARY = """\
stretches:
  - name: Kneeling hip flexor stretch
    id: kneeling-hip-flexor
    steps:
      - Kneel on your right knee.
    hold: 30 seconds
    repeat: 3
    sides: each
  - name: Glute bridge
    steps:
      - Lie on your back.
    repeat: 10
"""


def content_using(tmp_path: Path, stretches: str, library: str = "lib/hip.yaml") -> Path:
    body = "\n".join(f"      {line}" for line in stretches.strip().splitlines())
    return write_yaml(
        tmp_path / "content" / "handout.yaml",
        f"title: Hip\nlibrary:\n  - ../{library}\nsections:\n  - title: Do these\n"
        f"    stretches:\n{body}\n",
    )


def test_use_takes_the_library_stretch_and_overrides_its_dosage(tmp_path, load_valid):
    write_yaml(tmp_path / "lib" / "hip.yaml", LIBRARY)
    content = content_using(
        tmp_path,
        "- use: kneeling-hip-flexor\n  hold: 2 minutes\n  sides: left\n- use: glute-bridge",
    )
    document = load_valid(content)
    first, second = document.booklet.stretches()
    assert (first.name, first.hold_seconds, first.repeat, first.sides) == (
        "Kneeling hip flexor stretch",
        120,
        3,
        Sides.LEFT,
    )
    assert (second.id, second.repeat) == ("glute-bridge", 10)
    assert tmp_path / "lib" / "hip.yaml" in document.inputs()


def test_unknown_id_is_reported_with_a_suggestion(tmp_path):
    write_yaml(tmp_path / "lib" / "hip.yaml", LIBRARY)
    content = content_using(tmp_path, "- use: glute-bridg")
    assert problems(content) == [
        f'{content}:7: sections[1].stretches[1].use: no stretch has the id "glute-bridg"; '
        'did you mean "glute-bridge"?'
    ]


def test_use_without_any_library_says_where_to_list_one(make_content):
    content = make_content(
        "title: Hip\nsections:\n  - title: A\n    stretches:\n      - use: bridge\n"
    )
    assert problems(content) == [
        f'{content}:5: sections[1].stretches[1].use: no stretch has the id "bridge"; list the '
        "library files that hold it under `library:` at the top of the file"
    ]


def test_use_accepts_only_dosage_fields(tmp_path):
    write_yaml(tmp_path / "lib" / "hip.yaml", LIBRARY)
    content = content_using(tmp_path, "- use: glute-bridge\n  steps: [Lie down.]\n  repeat: x")
    assert problems(content) == [
        f"{content}:8: sections[1].stretches[1].steps: only hold, repeat, sets, sides, "
        "frequency, rest, tempo, load, effort, duration and days can change where a library "
        "stretch is used; change the others in the "
        "library file",
        f'{content}:9: sections[1].stretches[1].repeat: "x" is not a whole number; write a '
        "number such as 1",
    ]


def test_library_problems_name_the_library_file_and_its_line(tmp_path):
    library = write_yaml(
        tmp_path / "lib" / "hip.yaml",
        "stretches:\n  - name: Bridge\n    setps: [Lie down.]\n  - name: Bridge\n    steps: [Up.]\n"
        "  - name: Bridge\n    steps: [Again.]\n",
    )
    content = content_using(tmp_path, "- use: bridge")
    assert problems(content) == [
        f'{library}:3: stretches[1].setps: unknown field; did you mean "steps"?',
        f'{library}:6: stretches[3]: the id "bridge" is used by two stretches (also on line 4); '
        "give each stretch its own id",
    ]


def test_a_missing_library_file_is_a_problem_on_the_line_naming_it(make_content, tmp_path):
    content = make_content(
        "title: Hip\nlibrary: [lib/none.yaml]\nsections:\n  - title: A\n", name="c.yaml"
    )
    assert problems(content) == [
        f"{content}:2: library[1]: {tmp_path / 'lib' / 'none.yaml'}: file not found"
    ]


def test_the_same_library_stretch_used_twice_is_reported(tmp_path):
    write_yaml(tmp_path / "lib" / "hip.yaml", LIBRARY)
    content = content_using(tmp_path, "- use: glute-bridge\n- use: glute-bridge")
    assert problems(content) == [
        f'{content}:8: sections[1].stretches[2].use: "glute-bridge" is used by two stretches '
        "(also on line 7); give each stretch its own id"
    ]


def test_restrict_to_covers_library_files(tmp_path):
    write_yaml(tmp_path / "lib" / "hip.yaml", LIBRARY)
    content = content_using(tmp_path, "- use: glute-bridge")
    from booklet.errors import BookletError
    from booklet.source.read import load

    try:
        load(content, restrict_to=tmp_path / "content")
    except BookletError as error:
        lines = [str(p) for p in error.problems]
    else:
        lines = []
    assert lines == [
        f"{content}:3: library[1]: ../lib/hip.yaml is outside {tmp_path / 'content'}, the only "
        "folder files may come from (--restrict-to); copy the file into it"
    ]


def test_the_library_sample_validates_and_overrides_dosage(load_valid):
    sample = Path(__file__).parent.parent / "content" / "hip-home-program.yaml"
    stretches = {s.id: s for s in load_valid(sample).booklet.stretches()}
    assert stretches["butterfly"].hold_seconds == 20
    assert stretches["bird-dog"].repeat == 8
