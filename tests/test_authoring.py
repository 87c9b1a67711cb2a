"""Starting, previewing and watching a booklet: `init`, `preview` and `build --watch`."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from PIL import Image

from booklet.preview import parse_pages
from booklet.starter import STARTER_FILES


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
    assert (tmp_path / "booklet.yaml").read_text(encoding="utf-8").startswith("# A patient booklet")


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
    assert parse_pages("1-3,7") == [1, 2, 3, 7]
    assert parse_pages(" 2 , 2-3 ") == [2, 3]
    for wrong in ("", "a", "0", "3-1", "1-", "-2"):
        try:
            parse_pages(wrong)
        except ValueError:
            continue
        raise AssertionError(f"{wrong!r} was accepted")
