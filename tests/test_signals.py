"""SIGTERM and Ctrl-C stop a batch cleanly, whenever they come: one line on stderr, no
patient data, exit status 143 or 130, no temporary file left, no worker left running; a
temporary file left by a killed run is removed by the next run in that folder."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from booklet.engine.output import temporary_prefix

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content" / "hip-home-program.yaml"
MARK = "Qzx"
TRIALS = int(os.environ.get("BOOKLET_SIGNAL_TRIALS", "8"))  # .ci/run: 30
NOTES = " ".join(f"{MARK}note{n} walk to the corner and back." for n in range(60))


def roster(folder: Path, rows: int = 10) -> Path:
    path = folder / "roster.csv"
    lines = [f'{MARK}name{n} Lopez,2026-11-20,{MARK}clinician,,"{NOTES}"' for n in range(rows)]
    path.write_text("name,date,clinician,exercises,notes\n" + "\n".join(lines) + "\n")
    return path


def start(folder: Path, out: Path, jobs: int = 2) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "booklet", "batch", str(CONTENT), str(roster(folder))]
    command += ["--out", str(out), "--jobs", str(jobs)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def running_with(marker: str) -> list[int]:
    """Processes whose command line names `marker` (a folder only this test uses)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def check_folder(out: Path) -> None:
    names = sorted(path.name for path in out.iterdir()) if out.exists() else []
    assert not [name for name in names if name.startswith(".")], names
    for name in names:
        assert len(PdfReader(out / name).pages) > 0  # every file there is complete


def wait_for_workers_to_end(out: Path) -> list[int]:
    deadline = time.monotonic() + 10
    while running_with(str(out)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running_with(str(out))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("trial", range(TRIALS))
def test_sigterm_at_a_random_moment_stops_the_batch_cleanly(trial: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    chosen = signal.SIGINT if trial % 5 == 4 else signal.SIGTERM
    process = start(tmp_path, out)
    time.sleep(random.Random(trial).uniform(0.3, 3.0))
    process.send_signal(chosen)
    _, stderr = process.communicate(timeout=20)
    text = stderr.decode()
    assert MARK not in text and "Traceback" not in text, text
    if process.returncode != 0:
        # Before its handlers are set (while Python starts), the signal ends the process
        # as it ends any program: the shell shows the same status, 128 + the signal.
        assert process.returncode in (128 + chosen, -chosen), text
        assert len(text.strip().splitlines()) == (process.returncode > 0), text
    assert wait_for_workers_to_end(out) == []
    check_folder(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = start(tmp_path, out)
    deadline = time.monotonic() + 20
    while not (out.exists() and any(out.glob("*answer-key.pdf"))):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    time.sleep(0.3)
    process.kill()
    _, stderr = process.communicate(timeout=20)
    assert wait_for_workers_to_end(out) == []
    assert MARK not in stderr.decode()
    assert not list(out.glob(".booklet-*"))


def test_a_leftover_temporary_file_is_removed_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    gone = int(finished.stdout)
    prefix = temporary_prefix().replace(f"-{os.getpid()}-", f"-{gone}-")
    (out / f"{prefix}0123456789abcdef.tmp").write_bytes(b"")
    (out / f"{prefix}fedcba9876543210.earlier").write_bytes(b"")
    old = out / ".booklet-0123456789abcdef.tmp"  # an earlier version's name, from long ago
    old.write_bytes(b"")
    os.utime(old, (0, 0))
    mine = out / f"{temporary_prefix()}00000000aaaaaaaa.tmp"  # a live run's: kept
    mine.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "booklet", "build", str(CONTENT), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.glob(".booklet-*")) == [mine.name]


def times_ten_but_die_on_three(number: int) -> int:
    if number == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return number * 10


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks the worker")
def test_a_killed_worker_loses_its_item_and_the_rest_go_on() -> None:
    from booklet.engine.workers import results_in_processes

    results = results_in_processes(
        times_ten_but_die_on_three, list(range(8)), 2, lambda _setup: None, None, lambda n: -n
    )
    assert sorted(results) == [-3, 0, 10, 20, 40, 50, 60, 70]
