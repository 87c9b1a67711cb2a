"""Shared helpers: content and brand files, small pictures, loading, and the command line."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from PIL import Image

from booklet.api import build
from booklet.cli import cli
from booklet.document import Document, Outputs
from booklet.errors import BookletError
from booklet.source.read import load

SAMPLE = Path(__file__).resolve().parent.parent / "content" / "psoas-hip-pain.yaml"
MINIMAL_CONTENT = """\
title: Hip care
sections:
  - title: Why your hip hurts
"""
MINIMAL_BRAND = """\
organization: Example Physical Therapy
"""

YamlSource = str | dict[str, Any] | list[Any]


def write_yaml(path: Path, source: YamlSource) -> Path:
    """Write YAML text (dedented, as typed) or a dict/list (dumped in order) to `path`."""
    if isinstance(source, str):
        text = textwrap.dedent(source)
    else:
        text = yaml.safe_dump(source, sort_keys=False, allow_unicode=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_picture(
    path: Path, size: tuple[int, int] = (40, 30), color: str | int = "teal", mode: str = "RGB"
) -> Path:
    """Save a plain picture at `path`; the format follows the extension (.png, .jpg...)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new(mode, size, color).save(path)
    return path


def problems(content: Path, brand: Path | None = None) -> list[str]:
    """The problem lines `booklet validate` would print (an empty list when the input is valid)."""
    try:
        load(content, brand)
    except BookletError as error:
        return [str(problem) for problem in error.problems]
    return []


def run_cli(args: Sequence[str | Path]) -> Result:
    """Run `booklet ARGS` in-process; stdout and stderr are kept apart on the result."""
    return CliRunner().invoke(
        cli, [str(arg) for arg in args], prog_name="booklet", catch_exceptions=False
    )


@pytest.fixture(scope="session", autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests' cache of prepared pictures: a folder of their own, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BOOKLET_CACHE_DIR", str(folder))
        patch.delenv("BOOKLET_NO_CACHE", raising=False)
        yield folder


@pytest.fixture(scope="session")
def sample_outputs() -> Outputs:
    """The sample booklet and answer key as the library builds them, built once for the
    tests that only read them."""
    return build(load(SAMPLE))


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """A function writing a content file into tmp_path (minimal and valid unless given)."""

    def make(source: YamlSource = MINIMAL_CONTENT, name: str = "booklet.yaml") -> Path:
        return write_yaml(tmp_path / name, source)

    return make


@pytest.fixture
def make_brand(tmp_path: Path) -> Callable[..., Path]:
    """A function writing a brand file into tmp_path (minimal and valid unless given)."""

    def make(source: YamlSource = MINIMAL_BRAND, name: str = "brand.yaml") -> Path:
        return write_yaml(tmp_path / name, source)

    return make


@pytest.fixture
def picture(tmp_path: Path) -> Callable[..., Path]:
    """A function saving a small picture at tmp_path/NAME (see make_picture)."""

    def make(name: str = "picture.png", **options: Any) -> Path:
        return make_picture(tmp_path / name, **options)

    return make


@pytest.fixture
def load_valid() -> Callable[..., Document]:
    """A function loading a content file that must be valid, failing with its problems if not."""

    def check(content: Path, brand: Path | None = None) -> Document:
        try:
            return load(content, brand)
        except BookletError as error:
            pytest.fail(f"expected no problems, got:\n{error}")

    return check
