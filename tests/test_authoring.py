"""Starting, previewing and watching a booklet: `init`, `preview` and `build --watch`."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pypdf
import pytest
from conftest import run_cli
from PIL import Image

from booklet.engine.previews import chosen_pages, parse_pages
from booklet.engine.starter import STARTER_FILES
from booklet.engine.watching import build_once, watch


def test_init_writes_a_starter_that_builds_and_passes_the_reading_check(
    tmp_path: Path, monkeypatch
) -> None:
    result = run_cli(["init", tmp_path / "clinic"])
    assert result.exit_code == 0, result.stderr
    for name in STARTER_FILES:
        assert (tmp_path / "clinic" / name).is_file()
    monkeypatch.chdir(tmp_path / "clinic")
    built = run_cli(["build", "booklet.yaml"])
    assert built.exit_code == 0, built.stderr
    assert Path("output/booklet.pdf").is_file() and Path("output/booklet-answer-key.pdf").is_file()
    assert run_cli(["check", "booklet.yaml", "--strict"]).exit_code == 0
    assert run_cli(["validate", "booklet.yaml", "--strict"]).exit_code == 0


def test_init_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    (tmp_path / "booklet.yaml").write_text("title: Mine\n", encoding="utf-8")
    result = run_cli(["init", tmp_path])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path / 'booklet.yaml'}: already there")
    assert (tmp_path / "booklet.yaml").read_text(encoding="utf-8") == "title: Mine\n"
    assert not (tmp_path / "brand.yaml").exists(), "nothing is written when one file is in the way"
    assert run_cli(["init", tmp_path, "--force"]).exit_code == 0
    assert "# A patient booklet" in (tmp_path / "booklet.yaml").read_text(encoding="utf-8")


def test_preview_writes_the_chosen_pages_as_pictures(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    out = tmp_path / "look"
    result = run_cli(["preview", tmp_path / "booklet.yaml", "--pages", "1,3-4", "--out", out])
    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert names == ["booklet-page-01.png", "booklet-page-03.png", "booklet-page-04.png"]
    with Image.open(out / "booklet-page-01.png") as page:
        assert page.size == (918, 1188)  # letter at 1.5 times 72 pixels an inch


def test_preview_defaults_to_the_first_three_pages(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    result = run_cli(["preview", tmp_path / "booklet.yaml", "--out", tmp_path / "look"])
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "look").iterdir())) == 3


def test_preview_reports_pages_past_the_end_and_bad_ranges(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    past = run_cli(["preview", tmp_path / "booklet.yaml", "--pages", "40"])
    assert past.exit_code == 2
    assert "page 40 is past the end; the booklet has 6 pages" in past.stderr
    assert run_cli(["preview", tmp_path / "booklet.yaml", "--pages", "3-1"]).exit_code == 2


def test_page_ranges() -> None:
    assert chosen_pages(parse_pages("1-3,7"), 9) == [1, 2, 3, 7]
    assert chosen_pages(parse_pages(" 2 , 2-3 "), 9) == [2, 3]
    with pytest.raises(ValueError, match="page 10 is past the end; the booklet has 9 pages"):
        chosen_pages(parse_pages("1-50000000"), 9)
    for wrong in ("", "a", "0", "3-1", "1-", "-2", "²", "1" * 5000, ",".join(["1"] * 1001)):
        try:
            parse_pages(wrong)
        except ValueError:
            continue
        raise AssertionError(f"{wrong!r} was accepted")


class Watcher:
    """`watch` running in a thread over a starter project, collecting what it prints."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lines: list[str] = []
        self.running = True
        content, out = folder / "booklet.yaml", folder / "output"
        self.thread = threading.Thread(
            target=watch,
            args=(lambda: build_once(content, None, out, ("pdf",), None), self.lines.append),
            kwargs={"keep_going": lambda: self.running, "poll_seconds": 0.05},
        )
        self.thread.start()

    def wait_for(self, text: str, after: int = 0) -> int:
        """Wait until a line containing `text` appears after line `after`; its index."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for index, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return index
            time.sleep(0.05)
        raise AssertionError(f"no line with {text!r} in {self.lines}")

    def stop(self) -> None:
        self.running = False
        self.thread.join()


def save(path: Path, data: bytes) -> None:
    """Write as an editor would, and make sure the change shows in the file's time stamp."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_bytes(data)
    if path.stat().st_mtime_ns == before:
        os.utime(path, ns=(before + 1_000_000, before + 1_000_000))


def test_watch_rebuilds_after_a_change_and_survives_an_error(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    content = tmp_path / "booklet.yaml"
    original = content.read_bytes()
    watcher = Watcher(tmp_path)
    try:
        first = watcher.wait_for("(6 pages)")
        assert watcher.lines[first].startswith(f"built {tmp_path / 'output' / 'booklet.pdf'}")
        save(content, original.replace(b"title: Caring", b"titel: Caring"))
        broken = watcher.wait_for("unknown field", after=first + 1)
        assert watcher.lines[broken].startswith(f"{content}:6: titel: unknown field")
        watcher.wait_for("waiting for the next save", after=broken)
        save(content, original.replace(b"Caring for Your Low Back", b"Your Back"))
        fixed = watcher.wait_for("built", after=broken)
        pdf = (tmp_path / "output" / "booklet.pdf").read_bytes()
        assert "Your Back" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
        picture = tmp_path / "images" / "pelvic-tilt.png"
        save(picture, b"")
        emptied = watcher.wait_for("is empty (0 bytes)", after=fixed + 1)
        save(picture, purple_png())
        watcher.wait_for("built", after=emptied)
    finally:
        watcher.stop()
    assert (tmp_path / "output" / "booklet.pdf").read_bytes() != pdf, "the new picture is used"


def purple_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 200), "purple").save(buffer, format="PNG")
    return buffer.getvalue()


def test_build_watch_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    process = subprocess.Popen(
        [sys.executable, "-m", "booklet", "build", "booklet.yaml", "--watch"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    # the first build's line, read before Ctrl-C: the files alone appear before it is printed
    printed = [process.stdout.readline(), process.stdout.readline()]
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=60)
    stdout = "".join(printed) + rest
    assert process.returncode == 0, stderr
    assert "built output/booklet.pdf, output/booklet-answer-key.pdf (6 pages)" in stdout
    assert stdout.rstrip().endswith("Stopped watching.")


def complete(words: str) -> list[str]:
    """What the shell would offer after `words`, through Click's bash completion."""
    parts = words.split(" ")
    env = {
        **os.environ,
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(parts) - 1),
        "_BOOKLET_COMPLETE": "bash_complete",
    }
    result = subprocess.run(
        [sys.executable, "-m", "booklet"], env=env, capture_output=True, text=True, check=True
    )
    return [line.split(",", 1)[1] for line in result.stdout.splitlines()]


def test_shell_completion_offers_commands_options_and_pose_names() -> None:
    assert complete("booklet pre") == ["preview"]
    assert "--watch" in complete("booklet build --")
    assert complete("booklet build x.yaml --format pdf,") == ["pdf,html"]
    assert complete("booklet figure pig") == ["pigeon"]
