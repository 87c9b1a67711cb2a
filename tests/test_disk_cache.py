"""The cache of prepared pictures: the same bytes with or without it, a damaged entry is
ignored, the folder stays under its cap, no patient's data is ever in it, --no-cache and
BOOKLET_NO_CACHE leave it untouched, and a picture used by many cards is prepared once."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import SAMPLE, run_cli, write_yaml
from PIL import Image, ImageFile

from booklet.assets import disk_cache, images
from booklet.figures import draw
from booklet.figures.marks import Colors
from booklet.source.figure_field import builtin
from booklet.source.read import load


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BOOKLET_CACHE_DIR", str(folder))
    return folder


def photo(path: Path, size: tuple[int, int] = (300, 200), mode: str = "RGB") -> Path:
    """A picture with detail everywhere (so it is decoded, scaled and compressed)."""
    image = Image.effect_mandelbrot(size, (-2.0, -1.2, 0.8, 1.2), 40).convert(mode)
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path)
    return path


def photo_content(folder: Path, cards: int = 3) -> Path:
    photo(folder / "photo.jpg")
    photo(folder / "see-through.png", mode="RGBA")
    lines = ["title: Photos", "sections:", "  - title: Pictures", "    image: see-through.png"]
    lines += ["    stretches:"]
    for number in range(cards):
        lines += [
            f"      - name: Card {number + 1}",
            "        image: photo.jpg",
            "        steps: [Stand tall.]",
        ]
    return write_yaml(folder / "photos.yaml", "\n".join(lines) + "\n")


def entries(cache: Path) -> list[Path]:
    return sorted(path for path in cache.glob("??/*") if not path.name.startswith("."))


def built(content: Path, out: Path, *options: str) -> bytes:
    result = run_cli(["build", content, "--out", out, *options])
    assert result.exit_code == 0, result.stderr
    return (out / f"{content.stem}.pdf").read_bytes()


def prepare_again(path: Path) -> images.Encoded:
    """What the PDF stores for the picture, past this process's memory of it."""
    return images.embeddable.__wrapped__(path, 100, 100)  # type: ignore[attr-defined]


def test_the_cache_gives_the_same_bytes_and_is_read_in_place_of_decoding(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = photo_content(tmp_path / "in")
    filled = built(content, tmp_path / "one")
    assert entries(cache) != []
    assert built(content, tmp_path / "two") == filled
    assert built(content, tmp_path / "three", "--no-cache") == filled

    picture = tmp_path / "in" / "photo.jpg"
    expected = prepare_again(picture)

    def no_decoding(*_args: object) -> None:
        raise AssertionError("decoded although the cache holds the picture")

    monkeypatch.setattr(images, "print_ready", no_decoding)
    assert prepare_again(picture) == expected


def test_a_damaged_entry_is_ignored_and_replaced(tmp_path: Path, cache: Path) -> None:
    picture = photo(tmp_path / "photo.jpg")
    expected = prepare_again(picture)
    for number, entry in enumerate(entries(cache)):
        data = entry.read_bytes()
        entry.write_bytes([b"", data[: len(data) // 2], data[:-1] + b"x"][number % 3])
    assert prepare_again(picture) == expected
    assert all(disk_cache.read(entry.name) is not None for entry in entries(cache))


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path, cache: Path) -> None:
    cache.write_text("a file where the folder should be")
    content = photo_content(tmp_path / "in")
    assert built(content, tmp_path / "one") == built(content, tmp_path / "two", "--no-cache")


def test_the_folder_stays_under_its_cap_dropping_the_oldest(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOKLET_CACHE_MAX_MB", str(30_000 / 1024 / 1024))
    names = [disk_cache.entry_name("test", str(number)) for number in range(8)]
    for name in names:
        disk_cache.write(name, bytes(10_000))
    total = sum(entry.stat().st_size for entry in entries(cache))
    assert 0 < total <= 30_000
    assert disk_cache.read(names[-1]) == bytes(10_000)
    assert disk_cache.read(names[0]) is None


def test_no_cache_and_its_variable_leave_the_cache_untouched(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = photo_content(tmp_path / "in")
    built(content, tmp_path / "one", "--no-cache")
    assert entries(cache) == []
    monkeypatch.setenv("BOOKLET_NO_CACHE", "1")
    built(content, tmp_path / "two")
    assert entries(cache) == []
    monkeypatch.setenv("BOOKLET_NO_CACHE", "0")
    built(content, tmp_path / "three")
    assert entries(cache) != []


def photo_program(
    folder: Path,
    sizes: tuple[tuple[int, int], tuple[int, int]] = ((300, 200), (300, 200)),
    section_photo: bool = False,
) -> Path:
    """A two-exercise program whose library stretches carry a JPEG and a see-through PNG
    (of `sizes`), the section the JPEG too when `section_photo`."""
    photo(folder / "photo.jpg", size=sizes[0])
    photo(folder / "see-through.png", size=sizes[1], mode="RGBA")
    write_yaml(
        folder / "library.yaml",
        "stretches:\n"
        "  - name: Wall stretch\n    id: wall\n    image: photo.jpg\n    steps: [Lean in.]\n"
        "  - name: Floor stretch\n    id: floor\n    image: see-through.png\n"
        "    steps: [Lie down.]\n",
    )
    image = "    image: photo.jpg\n" if section_photo else ""
    return write_yaml(
        folder / "handout.yaml",
        "title: Home program\nlibrary: [library.yaml]\nsections:\n  - title: Exercises\n"
        f"{image}    stretches:\n      - use: wall\n      - use: floor\n",
    )


def test_the_cache_holds_no_patient_data_after_a_batch(tmp_path: Path, cache: Path) -> None:
    folder = tmp_path / "in"
    content = photo_program(folder)
    roster = folder / "roster.csv"
    roster.write_text(
        "name,date,clinician,exercises,notes,file\n"
        "Quintessa Marlowe-Vance,2026-11-20,Sam Okafor,wall;floor,Zephyrine knee plan,\n"
        "Bartholomew Iglesias,2026-11-20,Sam Okafor,floor,Oxalic ankle notes,\n",
        encoding="utf-8",
    )
    result = run_cli(["batch", content, roster, "--out", tmp_path / "out", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    stored = entries(cache)
    assert stored != []
    secrets = ["Quintessa", "Marlowe", "Zephyrine", "Bartholomew", "Iglesias", "Oxalic"]
    for entry in stored:
        data = entry.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-be", "utf-16-le"):
                assert secret.encode(encoding) not in data, (entry, secret)
            assert secret.lower() not in entry.name.lower()


def test_a_picture_on_many_cards_is_checked_and_prepared_once(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    decoded: list[str] = []
    load = ImageFile.ImageFile.load

    def counted_load(image: ImageFile.ImageFile) -> object:
        if image.tile:  # data still to decode (a loaded image's tiles are gone)
            decoded.append(Path(str(image.filename)).name)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted_load)
    folder = tmp_path / "in"
    content = photo_content(folder, cards=30)
    photo(folder / "photo.jpg", size=(301, 200))  # a picture this process has not seen
    built(content, tmp_path / "out", "--no-cache")
    # checked once (at an eighth of its size), prepared for print once: not once per card
    assert decoded.count("photo.jpg") == 2


def test_a_posed_figure_is_drawn_once_per_cache_and_captions_stay_out_of_it(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure = builtin("glute-bridge")
    colors = Colors.from_brand("#2E5E7E", "#D9822B")
    drawn = draw.figure_art.__wrapped__(figure, colors)  # type: ignore[attr-defined]
    assert entries(cache) != []

    def no_posing(*_args: object) -> None:
        raise AssertionError("posed again although the cache holds the figure")

    monkeypatch.setattr(draw, "posed_art", no_posing)
    captioned = dataclasses.replace(figure, caption="Zephyrine's bridge", alt="Quintessa")
    assert draw.figure_art.__wrapped__(captioned, colors) == drawn  # type: ignore[attr-defined]
    assert all(b"Zephyrine" not in entry.read_bytes() for entry in entries(cache))


def test_settled_poses_and_qr_codes_are_read_from_the_cache(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booklet.pdf import drawn
    from booklet.source import figure_field

    # the built-in pose is settled (and stored) too when no test in this process asked for it
    adjusted = dataclasses.replace(builtin("glute-bridge"), angles=(("trunk", 5.0),))
    before = set(entries(cache))
    settled = figure_field.settled(adjusted)
    operators = drawn.qr_operators.__wrapped__("https://example.org/hip", 50.0, "#2E5E7E")
    assert len(set(entries(cache)) - before) == 2

    def not_again(*_args: object) -> None:
        raise AssertionError("computed again although the cache holds it")

    monkeypatch.setattr(figure_field, "flat_feet", not_again)
    monkeypatch.setattr(drawn, "encoded_qr", not_again)
    assert figure_field.settled(adjusted) == settled
    assert drawn.qr_operators.__wrapped__("https://example.org/hip", 50.0, "#2E5E7E") == operators


def test_a_built_in_pose_used_as_it_is_is_not_posed_again_to_validate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from booklet.source import figure_field

    def not_again(*_args: object) -> None:
        raise AssertionError("a built-in pose used as it is was settled or checked again")

    monkeypatch.setattr(figure_field, "settled_once", not_again)
    monkeypatch.setattr(figure_field, "posture_problems_once", not_again)
    document = load(SAMPLE)
    drawn = [stretch.figure for stretch in document.booklet.stretches() if stretch.figure]
    assert drawn and all(
        dataclasses.replace(figure, caption=None, alt=None) == builtin(figure.name)
        for figure in drawn
    )


def test_a_batchs_workers_share_the_pictures_prepared_before_they_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    content = photo_program(folder, sizes=((303, 200), (305, 200)), section_photo=True)
    roster = folder / "roster.csv"
    rows = [f"Patient {n},2026-11-20,Sam Okafor,wall;floor,," for n in range(6)]
    roster.write_text("name,date,clinician,exercises,notes,file\n" + "\n".join(rows) + "\n")
    prepared = tmp_path / "prepared.txt"  # appended to by every process
    prepare = images.print_ready

    def noted(path: Path, *box: float) -> Image.Image:
        with prepared.open("a") as note:
            note.write(f"{path.name}\n")
        return prepare(path, *box)

    monkeypatch.setattr(images, "print_ready", noted)
    out = tmp_path / "out"
    result = run_cli(["batch", content, roster, "--out", out, "--jobs", "2", "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert len(list(out.glob("handout-patient-*.pdf"))) == 6
    assert sorted(prepared.read_text().split()) == ["photo.jpg", "see-through.png"]
