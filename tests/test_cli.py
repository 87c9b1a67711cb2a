"""The command line end to end: exit status, what is printed where, and which files appear."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import Result
from conftest import MINIMAL_CONTENT, run_cli
from pypdf import PdfReader

from booklet import __version__

CONTENT = """\
title: Hip care
sections:
  - title: Why your hip hurts
    body: The psoas lifts your thigh.
  - title: Stretches
    stretches:
      - name: Kneeling hip flexor stretch
        steps: [Kneel on your right knee.]
quiz:
  questions:
    - question: The psoas lifts the thigh.
      answer: true
    - question: Which helps?
      choices: [Rest, Sitting all day]
      answer: Rest
"""
BROKEN = """\
title: Hip care
sections:
  - title: Stretches
    stretches:
      - name: Kneeling hip flexor stretch
        setps: [Kneel.]
"""


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# --- help and version ------------------------------------------------------------------


def test_version() -> None:
    result = run_cli(["--version"])
    assert (result.exit_code, result.stdout) == (0, f"booklet, version {__version__}\n")


def test_help_lists_the_commands() -> None:
    result = run_cli(["--help"])
    assert result.exit_code == 0
    commands = result.stdout.split("Commands:")[1].split()
    assert "build" in commands and "validate" in commands


def test_build_help_names_its_options() -> None:
    result = run_cli(["build", "--help"])
    assert result.exit_code == 0
    assert "--brand" in result.stdout and "--out" in result.stdout


def test_python_dash_m_booklet() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "booklet", "--version"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (0, f"booklet, version {__version__}\n")


# --- usage errors ----------------------------------------------------------------------


def test_unknown_option_is_a_usage_error(make_content) -> None:
    result = run_cli(["build", make_content(), "--colour", "red"])
    assert result.exit_code == 2
    assert "Error: No such option '--colour'" in result.stderr


def test_missing_argument_is_a_usage_error() -> None:
    result = run_cli(["validate"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: booklet validate [OPTIONS] CONTENT\n")
    assert "Missing argument 'CONTENT'" in result.stderr


def test_unknown_command_is_a_usage_error() -> None:
    result = run_cli(["print"])
    assert result.exit_code == 2
    assert "No such command 'print'" in result.stderr


# --- validate --------------------------------------------------------------------------


def test_validate_ok(make_content) -> None:
    content = make_content(MINIMAL_CONTENT)
    result = run_cli(["validate", content])
    assert result.exit_code == 0
    assert result.stdout == f"{content}: ok (1 section, 0 stretches, 0 quiz questions)\n"
    assert result.stderr == ""


def test_validate_counts_in_plural(make_content) -> None:
    result = run_cli(["validate", make_content(CONTENT)])
    assert result.exit_code == 0
    assert result.stdout.endswith(": ok (2 sections, 1 stretch, 2 quiz questions)\n")


def test_validate_writes_nothing(make_content, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_cli(["validate", make_content(CONTENT)])
    assert sorted(os.listdir(tmp_path)) == ["booklet.yaml"]


def test_validate_with_errors(make_content) -> None:
    content = make_content(BROKEN)
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result) == [
        f'{content}:6: sections[1].stretches[1].setps: unknown field; did you mean "steps"?',
        "1 problem found; nothing was written.",
    ]
    assert "Traceback" not in result.output


def test_validate_missing_content_file(tmp_path: Path) -> None:
    content = tmp_path / "hip.yaml"
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"{content}: file not found",
        "1 problem found; nothing was written.",
    ]


def test_validate_yaml_syntax_error_has_no_traceback(make_content) -> None:
    content = make_content("title: Hip care\n  sections: oops\n")
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert stderr_lines(result)[0] == (
        f"{content}:2: this is not valid YAML: mapping values are not allowed here"
    )
    assert "Traceback" not in result.output


# --- brands ----------------------------------------------------------------------------


def test_brand_named_in_content_is_missing(make_content, tmp_path: Path) -> None:
    content = make_content("title: Hip care\nbrand: clinic.yaml\nsections:\n  - title: One\n")
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"{content}:2: brand: {tmp_path / 'clinic.yaml'}: file not found",
        "1 problem found; nothing was written.",
    ]


def test_brand_option_that_is_missing(make_content, tmp_path: Path) -> None:
    brand = tmp_path / "clinic.yaml"
    result = run_cli(["validate", make_content(), "--brand", brand])
    assert result.exit_code == 1
    assert stderr_lines(result)[0] == f"{brand}: file not found"


def test_brand_option_overrides_content_brand(make_content, make_brand) -> None:
    content = make_content("title: Hip care\nbrand: clinic.yaml\nsections:\n  - title: One\n")
    brand = make_brand("organization: Riverside PT\n", name="other.yaml")
    result = run_cli(["validate", content, "--brand", brand])
    assert result.exit_code == 0, result.stderr


def test_problems_in_the_brand_file_point_into_it(make_content, make_brand) -> None:
    brand = make_brand("organization: Riverside PT\npage:\n  size: leter\n")
    result = run_cli(["validate", make_content(), "--brand", brand])
    assert result.exit_code == 1
    assert stderr_lines(result)[0] == (
        f'{brand}:3: page.size: "leter" is not one of: letter, a4, a5, half-letter; '
        'did you mean "letter"?'
    )


# --- build -----------------------------------------------------------------------------


def test_build_writes_both_pdfs(make_content, tmp_path: Path) -> None:
    content = make_content(CONTENT, name="psoas-hip-pain.yaml")
    out = tmp_path / "pdfs"
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(out / "psoas-hip-pain.pdf"),
        str(out / "psoas-hip-pain-answer-key.pdf"),
    ]
    assert sorted(os.listdir(out)) == ["psoas-hip-pain-answer-key.pdf", "psoas-hip-pain.pdf"]
    for name in os.listdir(out):
        assert (out / name).read_bytes().startswith(b"%PDF-")


def test_build_default_folder_is_output(make_content, tmp_path: Path, monkeypatch) -> None:
    content = make_content(CONTENT)
    monkeypatch.chdir(tmp_path)
    result = run_cli(["build", content.name])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == ["output/booklet.pdf", "output/booklet-answer-key.pdf"]
    assert sorted(os.listdir(tmp_path / "output")) == ["booklet-answer-key.pdf", "booklet.pdf"]


def test_build_uses_the_content_brand(make_content, make_brand, tmp_path: Path) -> None:
    make_brand("organization: Riverside PT\n", name="clinic.yaml")
    content = make_content(CONTENT.replace("sections:", "brand: clinic.yaml\nsections:", 1))
    result = run_cli(["build", content, "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.stderr
    assert PdfReader(tmp_path / "out" / "booklet.pdf").metadata.author == "Riverside PT"


def test_build_brand_option_overrides(make_content, make_brand, tmp_path: Path) -> None:
    make_brand("organization: Riverside PT\n", name="clinic.yaml")
    other = make_brand("organization: Hilltop Clinic\n", name="other.yaml")
    content = make_content(CONTENT.replace("sections:", "brand: clinic.yaml\nsections:", 1))
    result = run_cli(["build", content, "--brand", other, "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.stderr
    assert PdfReader(tmp_path / "out" / "booklet.pdf").metadata.author == "Hilltop Clinic"


def test_build_with_bad_input_writes_nothing(make_content, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli(["build", make_content(BROKEN), "--out", out])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert stderr_lines(result)[-1] == "1 problem found; nothing was written."
    assert os.listdir(out) == []
    assert "Traceback" not in result.output


def test_build_with_bad_input_creates_no_folder(make_content, tmp_path: Path) -> None:
    result = run_cli(["build", make_content(BROKEN), "--out", tmp_path / "out"])
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists()


def test_build_with_a_bad_brand_writes_nothing(make_content, make_brand, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    brand = make_brand("organization: Riverside PT\nlogo: missing.png\n")
    result = run_cli(["build", make_content(CONTENT), "--brand", brand, "--out", out])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"{brand}:2: logo: picture not found: {tmp_path / 'missing.png'}",
        "1 problem found; nothing was written.",
    ]
    assert os.listdir(out) == []


def test_build_keeps_old_outputs_when_input_is_bad(make_content, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "booklet.pdf").write_bytes(b"%PDF- an earlier, good build")
    result = run_cli(["build", make_content(BROKEN), "--out", out])
    assert result.exit_code == 1
    assert os.listdir(out) == ["booklet.pdf"]
    assert (out / "booklet.pdf").read_bytes() == b"%PDF- an earlier, good build"


def test_build_when_an_output_path_is_a_folder(make_content, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "booklet.pdf").mkdir(parents=True)
    result = run_cli(["build", make_content(CONTENT), "--out", out])
    assert result.exit_code == 1
    assert stderr_lines(result) == [
        f"error: {out / 'booklet.pdf'}: is a folder; remove it or choose another --out"
    ]
    assert os.listdir(out) == ["booklet.pdf"]
    assert os.listdir(out / "booklet.pdf") == []


def test_build_when_the_folder_cannot_be_made(make_content, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a folder")
    out = tmp_path / "notes.txt" / "pdfs"
    result = run_cli(["build", make_content(CONTENT), "--out", out])
    assert result.exit_code == 1
    assert stderr_lines(result) == [f"error: {out}: cannot create the folder: Not a directory"]
