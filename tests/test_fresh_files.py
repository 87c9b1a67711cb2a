"""A picture, a font or a brand file replaced in place is read again by the next build in
the same process: no cache serves what the file used to hold."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pypdf
import pytest
from conftest import make_picture, write_yaml
from PIL import Image

from booklet import build, load
from booklet.assets import fingerprints
from booklet.assets.fonts import FONT_FOLDER

CONTENT = """\
title: Hip care
brand: brand.yaml
sections:
  - title: Why your hip hurts
    body: Move a little every hour.
    image: picture.png
"""


def brand_file(path: Path, organization: str) -> Path:
    return write_yaml(
        path,
        f"organization: {organization}\nfonts:\n  body:\n    regular: body.ttf\n",
    )


def font_names(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        names |= {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    return names


def picture_colors(pdf: bytes) -> set[tuple[int, ...]]:
    """The colour at the middle of every picture the PDF holds."""
    found = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        for picture in page.images:
            image = picture.image.convert("RGB")
            found.add(image.getpixel((image.width // 2, image.height // 2)))
    return found


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_a_picture_a_font_and_a_brand_replaced_in_place_are_read_again(tmp_path: Path) -> None:
    content = write_yaml(tmp_path / "booklet.yaml", CONTENT)
    picture = make_picture(tmp_path / "picture.png", size=(40, 30), color=(0, 128, 128))
    font = tmp_path / "body.ttf"
    shutil.copyfile(FONT_FOLDER / "LiberationSans-Regular.ttf", font)
    brand = brand_file(tmp_path / "brand.yaml", "Lakeside Clinic")

    before = build(load(content)).booklet
    assert (0, 128, 128) in picture_colors(before)
    assert any(name.endswith("+LiberationSans") for name in font_names(before))
    assert "Lakeside Clinic" in text_of(before)

    # same sizes, written over the same files
    Image.new("RGB", (40, 30), (200, 30, 30)).save(picture)
    font.write_bytes((FONT_FOLDER / "LiberationSerif-Regular.ttf").read_bytes())
    brand_file(brand, "Riverside Clinic")

    after = build(load(content)).booklet
    assert (200, 30, 30) in picture_colors(after)
    assert (0, 128, 128) not in picture_colors(after)
    assert any(name.endswith("+LiberationSerif") for name in font_names(after))
    assert not any(name.endswith("+LiberationSans") for name in font_names(after))
    assert "Riverside Clinic" in text_of(after)
    assert "Lakeside Clinic" not in text_of(after)


def test_a_file_rewritten_with_the_same_size_and_time_is_hashed_again(tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(b"aaaa")
    old = time.time_ns() - 10**10
    os.utime(path, ns=(old, old))
    first = fingerprints.content_hash(path)
    path.write_bytes(b"bbbb")
    os.utime(path, ns=(old, old))  # same size, same modification time: the change time moves
    assert fingerprints.content_hash(path) != first


def test_a_file_changed_moments_ago_is_hashed_on_every_use(tmp_path: Path) -> None:
    path = tmp_path / "file.bin"
    path.write_bytes(b"aaaa")
    first = fingerprints.content_hash(path)
    path.write_bytes(b"bbbb")  # possibly within one tick of the file system's clock
    assert fingerprints.content_hash(path) != first


def test_equal_files_at_two_paths_are_computed_once(tmp_path: Path) -> None:
    calls: list[Path] = []

    @fingerprints.cached_by_content(maxsize=4)
    def size_of(path: Path, scale: int) -> int:
        calls.append(path)
        return len(path.read_bytes()) * scale

    one, two = tmp_path / "one", tmp_path / "two"
    one.write_bytes(b"abc")
    two.write_bytes(b"abc")
    assert size_of(one, 2) == size_of(two, 2) == 6
    assert calls == [one]
    assert size_of(one, 3) == 9
    one.write_bytes(b"abcd")
    assert size_of(one, 2) == 8
    assert len(calls) == 3


def test_a_result_being_computed_in_another_thread_is_waited_for_not_computed_again(
    tmp_path: Path,
) -> None:
    calls: list[str] = []
    started, go_on = threading.Event(), threading.Event()

    @fingerprints.cached_by_content(maxsize=4)
    def slow_size(path: Path) -> int:
        calls.append(threading.current_thread().name)
        started.set()
        go_on.wait(5)
        if path.read_bytes() == b"bad":
            raise ValueError("cannot be read")
        return len(path.read_bytes())

    good, bad = tmp_path / "good", tmp_path / "bad"
    good.write_bytes(b"abcd")
    bad.write_bytes(b"bad")
    for path, expected in ((good, 4), (bad, None)):
        started.clear()
        go_on.clear()
        with ThreadPoolExecutor(1, thread_name_prefix="ahead") as pool:
            ahead = pool.submit(slow_size, path)
            assert started.wait(5)
            threading.Timer(0.2, go_on.set).start()
            if expected is None:  # the mistake reaches the one who waited, too
                with pytest.raises(ValueError, match="cannot be read"):
                    slow_size(path)
                with pytest.raises(ValueError):
                    ahead.result()
            else:
                assert slow_size(path) == expected == ahead.result()
    assert calls == ["ahead_0", "ahead_0"]
