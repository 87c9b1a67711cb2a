"""Renders side by side: the same bytes as one after another, mistakes and lost processes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import SAMPLE, make_picture, run_cli, write_yaml

from booklet.engine.side_by_side import free_cores, side_by_side
from booklet.errors import BookletError, Problem


def built(tmp_path: Path, name: str, *options: str) -> dict[str, bytes]:
    out = tmp_path / name
    result = run_cli(["build", SAMPLE, "--out", out, *options])
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
