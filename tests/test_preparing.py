"""Pictures prepared in threads while the pages are laid out (booklet/assets/preparing.py)."""

from __future__ import annotations

import concurrent.futures
import os
import threading
import time
from pathlib import Path

import pytest
from conftest import make_picture

from booklet.assets import images, preparing
from booklet.assets.images import Encoded
from booklet.assets.preparing import Preparing, Use
from booklet.errors import BookletError, Problem


@pytest.fixture(autouse=True)
def two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preparing, "usable_cores", lambda: 2)
    monkeypatch.setenv("BOOKLET_NO_CACHE", "1")


def uses_of(folder: Path, count: int) -> list[Use]:
    return [
        (make_picture(folder / f"p{n}.jpg", size=(300 + n, 200)), 100.0, 80.0, False)
        for n in range(count)
    ]


def test_each_picture_is_prepared_once_in_a_thread_and_given_when_asked(tmp_path, monkeypatch):
    made: list[tuple[Path, str]] = []
    embeddable = images.embeddable

    def noted(path: Path, width: float, height: float, gray: bool = False) -> Encoded:
        made.append((path, threading.current_thread().name))
        return embeddable(path, width, height, gray)

    monkeypatch.setattr(preparing, "embeddable", noted)
    uses = uses_of(tmp_path, 3)
    started = Preparing(uses)
    assert [started.encoded(use) for use in reversed(uses)] == [
        embeddable(*use) for use in reversed(uses)
    ]
    threads = [name for path, name in made if name.startswith("picture")]
    assert sorted(path for path, name in made if name.startswith("picture")) == sorted(
        use[0] for use in uses
    )
    assert len(threads) == 3  # each prepared in a thread, then found in the picture cache


def test_a_picture_that_fails_in_its_thread_raises_its_mistake_where_it_is_asked_for(
    tmp_path, monkeypatch
):
    embeddable, tried = images.embeddable, []

    def failing(path: Path, width: float, height: float, gray: bool = False) -> Encoded:
        if path.name == "p1.jpg":
            tried.append(threading.current_thread().name)
            raise BookletError([Problem(str(path), None, "", "the picture cannot be decoded")])
        return embeddable(path, width, height, gray)

    monkeypatch.setattr(preparing, "embeddable", failing)
    uses = uses_of(tmp_path, 2)
    started = Preparing(uses)
    assert started.encoded(uses[0]).width > 0
    with pytest.raises(BookletError, match=r"p1\.jpg: the picture cannot be decoded"):
        started.encoded(uses[1])
    assert tried[0].startswith("picture") and tried[1] == threading.current_thread().name


def test_a_process_forks_only_once_every_picture_is_prepared(tmp_path, monkeypatch):
    embeddable = images.embeddable

    def slow(path: Path, width: float, height: float, gray: bool = False) -> Encoded:
        time.sleep(0.3)
        return embeddable(path, width, height, gray)

    monkeypatch.setattr(preparing, "embeddable", slow)
    started = Preparing(uses_of(tmp_path, 2))
    assert not all(future.done() for future in started.futures.values())
    child = os.fork()
    if child == 0:  # the child: nothing to do here
        os._exit(0)
    os.waitpid(child, 0)
    assert all(future.done() for future in started.futures.values())
    assert not any(thread.name.startswith("picture") for thread in threading.enumerate())


def test_with_one_core_pictures_are_prepared_when_asked_for(tmp_path, monkeypatch):
    monkeypatch.setattr(preparing, "usable_cores", lambda: 1)
    uses = uses_of(tmp_path, 2)
    started = Preparing(uses)
    assert started.futures == {}
    assert started.encoded(uses[1]) == images.embeddable(*uses[1])


def test_the_pictures_a_content_file_names_are_found_in_order_each_once(tmp_path):
    import yaml

    from booklet.source.content import named_pictures

    jail = tmp_path / "jail"
    text = (
        "title: T\n"
        "sections:\n"
        "  - title: A\n"
        "    image: {file: one.jpg, alt: x}\n"
        "    stretches:\n"
        "      - &card {name: S, image: two.png, steps: [a]}\n"
        "      - *card\n"
        "  - title: B\n"
        "    image: ../outside.jpg\n"
        "  - title: C\n"
        "    image: one.jpg\n"
        "  - title: D\n"
        '    image: "bad\\u0000name.jpg"\n'
        "  - title: E\n"
        "    image: sub/../three.gif\n"
    )
    node = yaml.compose(text)
    assert named_pictures(node, jail, jail) == [
        jail / "one.jpg",
        jail / "two.png",
        jail / "three.gif",
    ]
    assert tmp_path / "outside.jpg" in named_pictures(node, jail, None)


def test_a_content_files_pictures_are_checked_ahead_and_their_problems_kept_in_place(
    tmp_path, monkeypatch
):
    from conftest import write_yaml

    from booklet import load

    checked, check = [], preparing.check_image

    def noted(path: Path) -> str | None:
        checked.append((path.name, threading.current_thread().name))
        return check(path)

    monkeypatch.setattr(preparing, "check_image", noted)
    start = preparing.in_threads

    def started_and_done(work, items):  # the threads finish before the file is read
        pool, futures = start(work, items)
        concurrent.futures.wait(futures)
        return pool, futures

    monkeypatch.setattr(preparing, "in_threads", started_and_done)

    folder = tmp_path / "in"
    for n in range(4):
        make_picture(folder / f"p{n}.jpg", size=(60 + n, 40))
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    sections = "".join(
        f"  - title: Part {n}\n    image: {name}\n"
        for n, name in enumerate(["p0.jpg", "p1.jpg", "broken.jpg", "p2.jpg", "p3.jpg"])
    )
    content = write_yaml(
        folder / "pictures.yaml", "title: Pictures\nsections:\n" + sections + "  - titel: Oops\n"
    )
    with pytest.raises(BookletError) as raised:
        load(content)
    lines = [(problem.line, problem.field) for problem in raised.value.problems]
    assert lines[0] == (8, "sections[3].image")
    assert "broken.jpg is damaged or truncated" in raised.value.problems[0].message
    assert [field for _, field in lines[1:]] == ["sections[6].titel"]
    ahead = sorted(name for name, thread in checked if thread.startswith("picture"))
    assert ahead == ["broken.jpg", "p0.jpg", "p1.jpg", "p2.jpg", "p3.jpg"]
