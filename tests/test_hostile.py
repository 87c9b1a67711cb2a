"""Hostile and broken input: every file gets a clear `file:line` message, exit 1, no output.

The corpus in tests/hostile/ holds one file per trick, with the line booklet must print for
it in tests/hostile/expected.yaml.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
import yaml
from conftest import make_picture, run_cli, write_yaml

from booklet.document import Outputs
from booklet.engine import output
from booklet.errors import OutputError
from booklet.file_names import unique_stems
from booklet.pdf.make import render_outputs
from booklet.source.read import load

CORPUS = Path(__file__).parent / "hostile"
EXPECTED: dict[str, str] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
CONTENT = """\
title: Hip care
sections:
  - title: Moving well
    image: {image}
"""


def listing(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_every_corpus_file_has_an_expected_message() -> None:
    files = {path.name for path in CORPUS.glob("*.yaml")} - {"expected.yaml"}
    assert files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_is_refused_with_its_message(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(CORPUS)
    out = tmp_path / "out"
    result = run_cli(["build", name, "--out", out])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1
    assert lines[0] == EXPECTED[name]
    assert lines[-1].endswith("found; nothing was written.")
    assert "Traceback" not in result.stderr
    assert listing(out) == []


def test_a_pipe_as_a_picture_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "picture.png"
    os.mkfifo(pipe)
    content = write_yaml(tmp_path / "booklet.yaml", CONTENT.format(image="picture.png"))
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert "picture.png is not a regular file (a device or pipe?)" in result.stderr


def test_a_pipe_as_the_content_file_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "booklet.yaml"
    os.mkfifo(pipe)
    result = run_cli(["validate", pipe])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{pipe}: is not a regular file"


# --- text is printed as typed ------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_yaml_look_alikes_print_as_typed_in_booklet_and_key(tmp_path: Path) -> None:
    content = write_yaml(
        tmp_path / "booklet.yaml",
        """\
        title: Walk 1:30 a day
        sections:
          - title: on
            body: "off"
        quiz:
          questions:
            - question: Is walking good for the psoas?
              choices: [Yes, No]
              answer: No
            - question: How many walks a day?
              choices: [1, 2, 3]
              answer: 2
        """,
    )
    outputs = render_outputs(load(content))
    booklet, key = pdf_text(outputs.booklet), pdf_text(outputs.answer_key)
    for typed in ("Walk 1:30 a day", "on", "off", "Yes", "No"):
        assert typed in booklet
    assert "B. No" in key and "B. 2" in key


def test_markup_in_text_is_printed_not_obeyed(tmp_path: Path) -> None:
    tricks = [
        "AT&T",
        '<img src="/etc/passwd"/>',
        '<font color="red">red</font>',
        '<a href="javascript:alert(1)">link</a>',
        "&amp; &#65; &lt;b&gt;",
        "<b>not bold</b>",
    ]
    content = write_yaml(
        tmp_path / "booklet.yaml",
        {"title": "Tricks", "sections": [{"title": t, "body": t} for t in tricks]},
    )
    booklet = render_outputs(load(content)).booklet
    text = pdf_text(booklet)
    for trick in tricks:
        assert text.count(trick) >= 2, trick
    reader = pypdf.PdfReader(io.BytesIO(booklet))
    for page in reader.pages:
        objects = page.get("/Resources", {}).get("/XObject", {})
        kinds = [thing.get_object()["/Subtype"] for thing in objects.values()]
        assert "/Image" not in kinds, "no picture may come from text"
        links = [a.get_object().get("/A", {}) for a in page.get("/Annots", [])]
        assert not any("javascript" in str(action).lower() for action in links)


# --- --restrict-to ------------------------------------------------------------------------


@pytest.fixture
def jail(tmp_path: Path) -> Path:
    root = tmp_path / "upload"
    make_picture(root / "inside.png")
    make_picture(tmp_path / "outside.png")
    (root / "linked.png").symlink_to(tmp_path / "outside.png")
    write_yaml(tmp_path / "brand.yaml", "organization: Clinic\n")
    return root


@pytest.mark.parametrize("image", ["../outside.png", "linked.png", "/dev/zero"])
def test_restrict_to_refuses_files_outside_the_folder(jail: Path, image: str) -> None:
    content = write_yaml(jail / "booklet.yaml", CONTENT.format(image=image))
    result = run_cli(["validate", content, "--restrict-to", jail])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{content}:4: sections[1].image: {image} is outside {jail}, the only folder files "
        "may come from (--restrict-to); copy the file into it"
    )


def test_restrict_to_accepts_files_inside_and_paths_are_free_without_it(jail: Path) -> None:
    inside = write_yaml(jail / "in.yaml", CONTENT.format(image="inside.png"))
    outside = write_yaml(jail / "out.yaml", CONTENT.format(image="../outside.png"))
    assert run_cli(["validate", inside, "--restrict-to", jail]).exit_code == 0
    assert run_cli(["validate", outside]).exit_code == 0


def test_restrict_to_covers_the_brand_the_content_names(jail: Path) -> None:
    content = write_yaml(
        jail / "booklet.yaml", "title: Hip care\nbrand: ../brand.yaml\nsections:\n  - title: A\n"
    )
    result = run_cli(["validate", content, "--restrict-to", jail])
    assert result.exit_code == 1
    assert "booklet.yaml:2: brand: ../brand.yaml is outside" in result.stderr


def test_restrict_to_trusts_a_brand_given_on_the_command_line(jail: Path) -> None:
    content = write_yaml(jail / "booklet.yaml", CONTENT.format(image="inside.png"))
    brand = jail.parent / "brand.yaml"
    assert run_cli(["validate", content, "--brand", brand, "--restrict-to", jail]).exit_code == 0


def test_restrict_to_covers_the_logo_of_a_brand_inside(jail: Path) -> None:
    write_yaml(jail / "brand.yaml", "organization: Clinic\nlogo: ../outside.png\n")
    content = write_yaml(
        jail / "booklet.yaml", "title: Hip care\nbrand: brand.yaml\nsections:\n  - title: A\n"
    )
    result = run_cli(["validate", content, "--restrict-to", jail])
    assert result.exit_code == 1
    assert f"{jail / 'brand.yaml'}:2: logo: ../outside.png is outside" in result.stderr


# --- output: complete, together, or not at all --------------------------------------------


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # the cache off: these tests count the renames and writes of the outputs, and the
    # cache renames an entry into place whenever this picture is new to it
    monkeypatch.setenv("BOOKLET_NO_CACHE", "1")
    make_picture(tmp_path / "hip.png")
    return write_yaml(tmp_path / "booklet.yaml", CONTENT.format(image="hip.png"))


def test_output_that_would_overwrite_an_input_is_refused(tmp_path: Path) -> None:
    make_picture(tmp_path / "hip.png").rename(tmp_path / "booklet.pdf")  # a PNG named .pdf
    source = write_yaml(tmp_path / "booklet.yaml", CONTENT.format(image="booklet.pdf"))
    before = (tmp_path / "booklet.pdf").read_bytes()
    result = run_cli(["build", source, "--out", tmp_path])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {tmp_path / 'booklet.pdf'}: is one of the files this booklet is made from; "
        "choose another --out"
    )
    assert (tmp_path / "booklet.pdf").read_bytes() == before
    assert not (tmp_path / "booklet-answer-key.pdf").exists()


def test_out_inside_a_file_is_a_clean_error(content: Path, tmp_path: Path) -> None:
    result = run_cli(["build", content, "--out", tmp_path / "booklet.yaml" / "sub"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'booklet.yaml' / 'sub'}: cannot create")


def test_out_that_is_a_file_is_a_usage_error(content: Path) -> None:
    result = run_cli(["build", content, "--out", content])
    assert result.exit_code == 2
    assert "is a file" in result.stderr


def fail_on_call(number: int, real: Callable[..., Any], error: BaseException) -> Callable[..., Any]:
    """A stand-in for `real` that raises `error` on its `number`-th call."""
    calls = {"count": 0}

    def stand_in(*args: Any, **kwargs: Any) -> Any:
        calls["count"] += 1
        if calls["count"] == number:
            raise error
        return real(*args, **kwargs)

    return stand_in


def test_a_full_disk_leaves_nothing_behind(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    full = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(output.os, "fsync", fail_on_call(2, os.fsync, full))
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"error: {out}: cannot write the outputs: No space left on device"
    )
    assert listing(out) == []


def test_an_unwritable_folder_is_a_clean_error(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    denied = PermissionError(errno.EACCES, os.strerror(errno.EACCES))
    monkeypatch.setattr(output.os, "open", fail_on_call(1, os.open, denied))
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {out}: cannot write the outputs: Permission denied"
    assert listing(out) == []


def test_a_failed_rename_puts_the_earlier_files_back(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "booklet.pdf").write_bytes(b"earlier booklet")
    busy = OSError(errno.EBUSY, os.strerror(errno.EBUSY))
    monkeypatch.setattr(output.os, "replace", fail_on_call(2, os.replace, busy))
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 1
    assert listing(out) == ["booklet.pdf"]
    assert (out / "booklet.pdf").read_bytes() == b"earlier booklet"


def test_ctrl_c_that_a_library_turns_into_an_error_is_still_an_interruption(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # ReportLab's colour reader catches every exception and raises a ValueError quoting
    # the paragraph in its place: a Ctrl-C landing there must still read as one
    from reportlab.lib import colors

    real = colors.HexColor

    def interrupted_inside_the_reader(*args: Any, **kwargs: Any) -> Any:
        if sys._getframe(1).f_code is type(colors.toColor).__call__.__code__:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(colors, "HexColor", interrupted_inside_the_reader)
    monkeypatch.setattr(colors, "cssParse", lambda _text: None)  # "#52606D" reaches HexColor
    question = {"question": "Which helps?", "choices": ["Walk", "Sit"], "answer": "Walk"}
    quiz = {"questions": [question]}  # its "Choose one." is coloured in the paragraph markup
    sections = [{"title": "Moving well", "body": "Walk a little every day."}]
    content = write_yaml(
        tmp_path / "quiz.yaml", {"title": "Hip care", "sections": sections, "quiz": quiz}
    )
    out = tmp_path / "out"
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted; nothing was written."
    assert listing(out) == []


def test_ctrl_c_while_writing_leaves_nothing_behind(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.setattr(output.os, "fsync", fail_on_call(2, os.fsync, KeyboardInterrupt()))
    result = run_cli(["build", content, "--out", out])
    assert result.exit_code == 130
    assert result.stderr.strip() == "interrupted; nothing was written."
    assert listing(out) == []


def test_ctrl_c_between_the_renames_waits_until_both_files_are_in_place(
    content: Path, tmp_path: Path
) -> None:
    # in a process of its own: the hold is for a command's single thread
    out = tmp_path / "out"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from booklet.engine import output, pipeline\n"
        "real_replace = os.replace\n"
        "def replace_then_interrupt(source, target):\n"
        "    real_replace(source, target)\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "output.os.replace = replace_then_interrupt\n"
        "try:\n"
        "    pipeline.build(Path(sys.argv[1]), out_dir=Path(sys.argv[2]))\n"
        "except KeyboardInterrupt:\n"
        "    sys.exit(130)\n"
    )
    finished = subprocess.run([sys.executable, "-c", script, str(content), str(out)])
    assert finished.returncode == 130
    assert listing(out) == ["booklet-answer-key.pdf", "booklet.pdf"]


def test_ctrl_c_during_a_real_build_leaves_no_file(tmp_path: Path) -> None:
    # Quiz questions cost the most layout per byte: this file (under the 1 MB limit) takes
    # several seconds to build, so the Ctrl-C comes while it is still laying out.
    paragraph = "Walk a little every day and rest when you need to. " * 90
    sections = [{"title": f"Part {n}", "body": paragraph} for n in range(100)]
    choices = ["Walk", "Sit all day", "Lift heavy boxes", "Rest"]
    questions = [
        {"question": f"Q{n}?", "choices": [*choices], "answer": "Walk"} for n in range(3000)
    ]
    quiz = {"questions": questions}
    content = write_yaml(
        tmp_path / "long.yaml", {"title": "Long", "sections": sections, "quiz": quiz}
    )
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "booklet", "build", str(content), "--out", str(out)],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=1.5)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.strip() == "interrupted; nothing was written."
    assert listing(out) == []


def test_write_outputs_refuses_a_folder_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "booklet-answer-key.pdf").mkdir()
    outputs = Outputs(booklet=b"%PDF-1.4 a", answer_key=b"%PDF-1.4 b")
    with pytest.raises(OutputError, match="is a folder"):
        output.write_outputs({"pdf": outputs}, tmp_path, "booklet")
    assert listing(tmp_path) == ["booklet-answer-key.pdf"]


def test_control_characters_in_quoted_values_stay_on_one_line(tmp_path: Path) -> None:
    content = write_yaml(
        tmp_path / "booklet.yaml",
        "title: Hip care\nsections:\n  - title: A\n    callouts:\n"
        '      - kind: "tip\\n\\u001b[31mred"\n        text: Hi\n',
    )
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f'{content}:5: sections[1].callouts[1].kind: "tip\\x0a\\x1b[31mred" is not one of: '
        "tip, note, warning"
    )


def test_a_flood_of_tiny_values_is_refused_at_once(tmp_path: Path) -> None:
    content = tmp_path / "flood.yaml"
    content.write_text("title: x\nsections: [" + ",".join(["1"] * 150_000) + "]\n")
    result = run_cli(["validate", content])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{content}:2: the file holds more than 100,000 values; split it up"
    )


def test_thousands_of_mistakes_show_the_first_hundred_and_a_count(tmp_path: Path) -> None:
    sections = "".join(f"  - titel: Part {n}\n" for n in range(300))
    content = write_yaml(tmp_path / "booklet.yaml", "title: x\nsections:\n" + sections)
    lines = run_cli(["validate", content]).stderr.splitlines()
    assert len(lines) == 102
    assert lines[99].startswith(f"{content}:")
    assert lines[100:] == [
        "... and 200 more problems like these.",
        "300 problems found; nothing was written.",
    ]


# --- options, rosters and page ranges --------------------------------------------------

SAMPLE = Path(__file__).resolve().parents[1] / "content" / "psoas-hip-pain.yaml"
HANDOUT = Path(__file__).resolve().parents[1] / "content" / "hip-home-program.yaml"
ROSTERS = CORPUS / "rosters"
OPTION_CASES = {
    "creep nan": (
        ["build", SAMPLE, "--imposition", "saddle", "--creep", "nan"],
        "Error: Invalid value for '--creep': 'nan' is not a number from 0 to 5",
    ),
    "scale inf": (
        ["preview", SAMPLE, "--scale", "inf"],
        "Error: Invalid value for '--scale': inf is not in the range 0.25<=x<=6.0.",
    ),
    "shard superscript": (
        ["batch", HANDOUT, ROSTERS / "no-header.csv", "--shard", "\u00b2/3"],
        "Error: Invalid value for --shard: '\u00b2/3': write K/N with 1 <= K <= N, such as 1/4",
    ),
    "pages far past the end": (
        ["preview", SAMPLE, "--pages", "1-50000000"],
        "Error: Invalid value for --pages: page 21 is past the end; the booklet has 20 pages",
    ),
}
ROSTER_CASES = {
    "no-header.csv": "no-header.csv:1: the first line must name the columns, with name among "
    "them (name, date, clinician, exercises, notes, quiz, chart, file); add that line above the "
    "first patient",
    "missing-cell.csv": "missing-cell.csv:1: exercises[1]: no stretch in the booklet has this "
    "id; the booklet's ids: kneeling-hip-flexor, knee-to-chest, butterfly, glute-bridge, "
    "bird-dog, core-activation",
    "private-key-and-dosage.yaml": "private-key-and-dosage.yaml:1: unknown field; allowed "
    "here: name, date, clinician, exercises, notes, quiz, chart, file",
}


@pytest.mark.parametrize("name", sorted(OPTION_CASES))
def test_an_option_out_of_reason_is_a_usage_error(name: str, tmp_path: Path) -> None:
    args, first = OPTION_CASES[name]
    result = run_cli([*args, "--out", tmp_path / "out"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == first
    assert listing(tmp_path / "out") == []


@pytest.mark.parametrize("name", sorted(ROSTER_CASES))
def test_a_hostile_roster_names_the_row_never_the_patient(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROSTERS)
    result = run_cli(["batch", HANDOUT, name, "--out", tmp_path / "out", "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == ROSTER_CASES[name]
    for private in ("Maria", "Lopez", "Okafor", "Knee replaced", "987654", "1950"):
        assert private not in result.output + result.stderr


def test_a_roster_of_one_name_twenty_thousand_times_is_named_in_linear_time() -> None:
    stems = unique_stems(["hip-maria-lopez"] * 20_000, ["hip-answer-key"])
    assert stems[:3] == ["hip-maria-lopez", "hip-maria-lopez-2", "hip-maria-lopez-3"]
    assert len(set(stems)) == 20_000 and stems[-1] == "hip-maria-lopez-20000"
