"""Renders side by side (formats, versions, a booklet and its key): the same bytes as one
after another; mistakes, lost processes, and a key started with pages that turned out wrong."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE, make_picture, run_cli, write_yaml

from booklet.document import Document, Outputs
from booklet.engine.side_by_side import Moment, free_cores, idle_cores, moment, side_by_side
from booklet.errors import BookletError, Problem
from booklet.pdf import key_ahead
from booklet.pdf.make import render_outputs
from booklet.source.read import load


def built(
    tmp_path: Path, name: str, *options: str | Path, source: Path = SAMPLE
) -> dict[str, bytes]:
    out = tmp_path / name
    result = run_cli(["build", source, "--out", out, *options])
    assert result.exit_code == 0, result.stderr
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


def test_versions_and_formats_side_by_side_give_the_bytes_of_a_serial_build(tmp_path):
    asked = ("--versions", "2", "--format", "pdf,html")
    parallel = built(tmp_path, "parallel", *asked, "--jobs", "2")
    serial = built(tmp_path, "serial", *asked, "--jobs", "1")
    assert len(serial) == 8  # two versions, each a booklet and a key, in PDF and HTML
    assert parallel == serial


def test_a_render_in_another_process_gives_its_result_in_order():
    parent = os.getpid()
    assert side_by_side(lambda n: (n * n, os.getpid() != parent), [1, 2, 3], jobs=2) == [
        (1, True),
        (4, True),
        (9, True),
    ]


def test_a_mistake_found_in_another_process_is_raised_here():
    def render(n: int) -> int:
        if n == 2:
            raise BookletError([Problem("content.yaml", 3, "title", "is wrong")])
        return n

    with pytest.raises(BookletError) as raised:
        side_by_side(render, [1, 2, 3], jobs=2)
    assert [str(problem) for problem in raised.value.problems] == [
        "content.yaml:3: title: is wrong"
    ]


def test_a_render_whose_process_dies_is_done_here():
    parent = os.getpid()

    def render(n: int) -> int:
        if n == 2 and os.getpid() != parent:
            os._exit(9)  # killed, as the out-of-memory killer would
        return n * 10

    assert side_by_side(render, [1, 2, 3], jobs=2) == [10, 20, 30]


def test_one_job_or_one_item_stays_in_this_process():
    parent = os.getpid()
    assert side_by_side(lambda _: os.getpid(), [1, 2], jobs=1) == [parent, parent]
    assert side_by_side(lambda _: os.getpid(), [1], jobs=4) == [parent]
    assert 1 <= free_cores() <= (os.cpu_count() or 1)


def test_free_cores_are_judged_by_how_idle_the_machine_stayed_while_loading():
    # two cores: this process busy on one for half a second, the other idle or not
    assert idle_cores(Moment(10.0, 100.0), Moment(10.5, 100.5)) == 1.0
    assert idle_cores(Moment(10.0, 100.0), Moment(10.5, 100.02)) == pytest.approx(0.04)
    # too short to tell by counts that step every 10 ms, or no counts on this system
    assert idle_cores(Moment(10.0, 100.0), Moment(10.01, 100.01)) is None
    assert idle_cores(Moment(10.0, None), Moment(10.5, None)) is None
    start = moment()
    time.sleep(0.06)
    assert 1 <= free_cores(since=start) <= (os.cpu_count() or 1)


def test_no_cache_holds_in_the_processes_and_threads_a_build_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv("BOOKLET_CACHE_DIR", str(cache))
    folder = tmp_path / "in"
    for name in ("one.jpg", "two.jpg", "three.jpg"):  # a JPEG is prepared, and cached
        make_picture(folder / name, size=(120, 90))
    content = write_yaml(
        folder / "pictures.yaml",
        "title: Pictures\nsections:\n"
        + "".join(f"  - title: Part {n}\n    image: {n}.jpg\n" for n in ("one", "two", "three")),
    )
    asked = ("--no-cache", "--versions", "2", "--jobs", "2")
    result = run_cli(["build", content, "--out", tmp_path / "out", *asked])
    assert result.exit_code == 0, result.stderr
    assert not cache.exists() or [p for p in cache.rglob("*") if p.is_file()] == []


class Recorded:
    """A render 'started elsewhere' that runs here, noting what became of it."""

    def __init__(self, render: Callable[[], bytes], fails: bool = False) -> None:
        self.made = None if fails else render()
        self.cancelled = False

    def result(self) -> bytes | None:
        return self.made

    def cancel(self) -> None:
        self.cancelled = True


@pytest.fixture(scope="module")
def sample_serial() -> tuple[Document, Outputs]:
    document = load(SAMPLE)
    return document, render_outputs(document)


def test_the_key_starts_after_the_quiz_heading_with_the_booklets_pages(sample_serial):
    document, serial = sample_serial
    started: list[Recorded] = []

    def start(render: Callable[[], bytes]) -> Recorded:
        started.append(Recorded(render))
        return started[-1]

    assert render_outputs(document, start=start) == serial
    assert len(started) == 1 and not started[0].cancelled


def test_a_key_started_with_pages_that_turn_out_wrong_is_made_again(sample_serial, monkeypatch):
    document, serial = sample_serial
    started: list[Recorded] = []

    def start(render: Callable[[], bytes]) -> Recorded:
        started.append(Recorded(render))
        return started[-1]

    wrong = {section.title: 99 for section in document.booklet.sections}
    monkeypatch.setattr(key_ahead, "pages_so_far", lambda _canvas, _booklet: wrong)
    assert render_outputs(document, start=start) == serial
    assert started[0].cancelled and started[0].made != serial.answer_key


def test_a_key_whose_process_fails_is_made_here(sample_serial):
    document, serial = sample_serial
    assert render_outputs(document, start=lambda render: Recorded(render, fails=True)) == serial


def test_a_key_naming_no_page_and_a_patients_key_start_at_once_in_another_process(tmp_path):
    content = Path(__file__).resolve().parent.parent / "content" / "hip-home-program.yaml"
    patient = content.parent.parent / "patients" / "maria-lopez.yaml"
    for extra in ([], ["--patient", patient]):
        parallel = built(tmp_path, f"parallel{len(extra)}", *extra, "--jobs", "2", source=content)
        serial = built(tmp_path, f"serial{len(extra)}", *extra, "--jobs", "1", source=content)
        assert parallel == serial


def test_the_sample_with_its_key_beside_it_gives_the_bytes_of_a_serial_build(tmp_path):
    for extra in ([], ["--imposition", "saddle"]):
        parallel = built(tmp_path, f"parallel{len(extra)}", *extra, "--jobs", "2")
        serial = built(tmp_path, f"serial{len(extra)}", *extra, "--jobs", "1")
        assert parallel == serial
