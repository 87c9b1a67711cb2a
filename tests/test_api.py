"""booklet as a library: `from booklet import load, build` gives what the command writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, write_yaml

import booklet
from booklet import BookletError, PrintOptions, build, load
from booklet.document import Outputs

PROJECT = Path(__file__).parent.parent
SAMPLE = PROJECT / "content" / "psoas-hip-pain.yaml"


def test_the_library_makes_the_same_bytes_as_the_command(
    tmp_path: Path, sample_outputs: Outputs
) -> None:
    outputs = sample_outputs
    assert run_cli(["build", SAMPLE, "--out", tmp_path]).exit_code == 0
    assert outputs.booklet == (tmp_path / "psoas-hip-pain.pdf").read_bytes()
    assert outputs.answer_key == (tmp_path / "psoas-hip-pain-answer-key.pdf").read_bytes()


def test_build_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    build(load(SAMPLE), options=PrintOptions(exercise_log=True))
    build(load(SAMPLE), html=True)
    assert list(tmp_path.iterdir()) == []


def test_print_options_and_html_match_the_command(tmp_path: Path) -> None:
    args = ["build", SAMPLE, "--out", tmp_path, "--exercise-log", "--format", "pdf,html"]
    assert run_cli(args).exit_code == 0
    pdf = build(load(SAMPLE), options=PrintOptions(exercise_log=True))
    html = build(load(SAMPLE), options=PrintOptions(exercise_log=True), html=True)
    assert pdf.booklet == (tmp_path / "psoas-hip-pain.pdf").read_bytes()
    assert html.booklet == (tmp_path / "psoas-hip-pain.html").read_bytes()


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    content = write_yaml(
        tmp_path / "booklet.yaml",
        "title: Hip\nsections:\n  - titel: A\n  - title: B\n    setps: 1\n",
    )
    with pytest.raises(BookletError) as raised:
        load(content)
    assert [str(problem) for problem in raised.value.problems] == [
        f'{content}:3: sections[1].titel: unknown field; did you mean "title"?',
        f"{content}:5: sections[2].setps: unknown field; allowed here: title, body, image, "
        "figure, callouts, stretches, handout",
    ]


def test_another_brand_can_be_given_to_build(tmp_path: Path, sample_outputs: Outputs) -> None:
    brand = write_yaml(tmp_path / "brand.yaml", "organization: Lakeside Clinic\n")
    document = load(SAMPLE)
    assert build(document, brand=brand).booklet != sample_outputs.booklet
    assert (
        build(document, brand=load(SAMPLE, brand).brand).booklet
        == build(document, brand=brand).booklet
    )


def test_importing_booklet_stays_light() -> None:
    assert booklet.__version__
    with pytest.raises(AttributeError):
        booklet.no_such_name  # noqa: B018
