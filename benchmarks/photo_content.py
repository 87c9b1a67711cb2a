"""Photographs of every kind a clinic sends, and content files that print them.

- `photo_files`: PNG, see-through PNG, JPEG, CMYK JPEG, 16-bit PNG, palette PNG with
  transparency, GIF, and one 4000 x 3000 photograph, each with photo-like detail (a
  Mandelbrot texture over gradients, so they compress like photographs, not flat colour);
- `photo_booklet`: a booklet of about nine A4 pages, a section and a card per picture;
- `card_booklet`: `cards` stretch cards reusing eight photographs;
- `phone_booklet`: twenty pictures as a clinic takes them, 4032 x 3024 phone photographs
  (some turned by their EXIF orientation) and 3000 x 2000 PNG screenshots, all different;
- `photo_library` and `photo_handout`: a library of photo cards and a handout that uses
  three of them per patient, for `booklet batch`.

Every file is made the same each time (no randomness), so runs compare like with like.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

PARAGRAPH = (
    "Move a little every hour. Short walks help your back and hips feel better. "
    "Stand up from your chair every 30 minutes, and walk for ten minutes after meals."
)


def texture(size: tuple[int, int], shift: float = 0.0) -> Image.Image:
    """An RGB picture with fine detail everywhere, as a photograph has."""
    width, height = size
    detail = Image.effect_mandelbrot(size, (-2.0 + shift, -1.2, 0.8 + shift, 1.2), 60)
    across = Image.linear_gradient("L").resize(size)
    around = Image.radial_gradient("L").resize(size)
    return Image.merge("RGB", (detail, across, around.rotate(90 if width == height else 0)))


def photo_files(folder: Path) -> list[Path]:
    """The eight pictures, written into `folder` (made if missing)."""
    folder.mkdir(parents=True, exist_ok=True)
    base = texture((1600, 1200))
    files: list[tuple[str, Image.Image, dict[str, object]]] = [
        ("photo.png", base, {}),
        ("see-through.png", with_alpha(base), {}),
        ("photo.jpg", texture((1800, 1200), 0.3), {"quality": 90}),
        ("cmyk.jpg", texture((1200, 1600), 0.6).convert("CMYK"), {"quality": 90}),
        ("deep.png", base.convert("L").convert("I").point(lambda v: v * 257).convert("I;16"), {}),
        ("palette.png", palette_with_transparency(base), {}),
        ("animated.gif", base.resize((800, 600)).convert("P"), {}),
        ("large-photo.jpg", texture((4000, 3000), 0.9), {"quality": 92}),
    ]
    paths = []
    for name, image, options in files:
        path = folder / name
        if not path.exists():
            image.save(path, **options)
        paths.append(path)
    return paths


def with_alpha(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    rgba.putalpha(Image.radial_gradient("L").resize(image.size).point(lambda v: 255 - v))
    return rgba


def palette_with_transparency(image: Image.Image) -> Image.Image:
    palette = image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64)
    palette.info["transparency"] = 0
    return palette


def card(name: str, picture: str, indent: str, card_id: str | None = None) -> list[str]:
    return [
        f"{indent}- name: {name}",
        *([f"{indent}  id: {card_id}"] if card_id else []),
        f"{indent}  image: {{file: {picture}, alt: A person doing {name.lower()}}}",
        f"{indent}  steps:",
        f"{indent}    - Get into the starting position slowly.",
        f"{indent}    - Move gently until you feel a light stretch.",
        f"{indent}  hold: 30 seconds",
        f"{indent}  repeat: 3",
        f"{indent}  caution: Stop if you feel sharp pain.",
    ]


def photo_booklet(folder: Path) -> Path:
    """About nine A4 pages: a section with a photograph per picture, and every other
    section with a card showing its picture again, smaller."""
    write(folder / "brand-a4.yaml", ["organization: Example Clinic", "page:", "  size: a4"])
    head = ["title: Photographs of every kind", "brand: brand-a4.yaml"]
    sections = picture_sections(photo_files(folder / "photos"))
    return write(folder / "photo-booklet.yaml", [*head, *sections])


def picture_sections(pictures: list[Path]) -> list[str]:
    """A section per picture, every other one with a card showing the picture again."""
    lines = ["sections:"]
    for number, path in enumerate(pictures, 1):
        picture = f"{path.parent.name}/{path.name}"
        lines += [
            f"  - title: Part {number}",
            f"    body: {PARAGRAPH}",
            f"    image: {{file: {picture}, alt: Picture {number}, caption: Part {number}}}",
        ]
        if number % 2:
            lines += ["    stretches:", *card(f"Exercise {number}", picture, "      ")]
    return lines


def card_booklet(folder: Path, cards: int = 200) -> Path:
    """`cards` stretch cards in ten sections, reusing the eight photographs."""
    pictures = [path.name for path in photo_files(folder / "photos")]
    lines = ["title: Many cards, few photographs", "sections:"]
    per_section = max(1, cards // 10)
    for number in range(cards):
        if number % per_section == 0:
            lines += [f"  - title: Section {number // per_section + 1}", "    stretches:"]
        lines += card(f"Exercise {number + 1}", f"photos/{pictures[number % 8]}", "      ")
    return write(folder / f"cards-{cards}.yaml", lines)


def photo_library(folder: Path) -> Path:
    """A library of eight exercises, one per photograph."""
    pictures = [path.name for path in photo_files(folder / "photos")]
    lines = ["stretches:"]
    for number, picture in enumerate(pictures, 1):
        lines += card(f"Photo exercise {number}", f"photos/{picture}", "  ", f"photo-{number}")
    return write(folder / "photo-library.yaml", lines)


def photo_handout(folder: Path) -> Path:
    """A handout whose patients each get exercises from the photo library."""
    photo_library(folder)
    lines = [
        "title: Your home program",
        "library:",
        "  - photo-library.yaml",
        "sections:",
        "  - title: How to use this program",
        f"    body: {PARAGRAPH}",
        "    image: {file: photos/photo.jpg, alt: A clinic}",
        "  - title: Your exercises",
        "    stretches:",
        *[f"      - use: photo-{number}" for number in range(1, 9)],
    ]
    return write(folder / "photo-handout.yaml", lines)


def photo_roster(folder: Path, handouts: int) -> Path:
    """A CSV roster: each patient gets three of the eight photo exercises."""
    rows = ["name,date,clinician,exercises,notes,file"]
    for n in range(handouts):
        chosen = ";".join(f"photo-{(n + k) % 8 + 1}" for k in range(3))
        rows.append(f"Patient {n + 1},2026-11-20,Sam Okafor,{chosen},Walk every day.,")
    path = folder / "photo-roster.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


PHONE_PHOTOS = 16  # 4032 x 3024 JPEG, every fourth turned by its EXIF orientation
SCREENSHOTS = 4  # 3000 x 2000 PNG


def phone_files(folder: Path) -> list[Path]:
    """Pictures as a clinic's phone and computer make them, each different from the rest:
    PHONE_PHOTOS full-size phone photographs (some to be turned upright) and SCREENSHOTS
    large PNG screenshots."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(PHONE_PHOTOS):
        path = folder / f"phone-{number + 1}.jpg"
        if not path.exists():
            exif = Image.Exif()
            exif[0x0112] = 6 if number % 4 == 0 else 1  # Orientation: 6 is turned a quarter
            texture((4032, 3024), 0.05 * number).save(path, quality=88, exif=exif.tobytes())
        paths.append(path)
    for number in range(SCREENSHOTS):
        path = folder / f"screen-{number + 1}.png"
        if not path.exists():
            texture((3000, 2000), 0.3 + 0.1 * number).save(path)
        paths.append(path)
    return paths


def phone_booklet(folder: Path) -> Path:
    """About twenty letter pages: a section per picture, every other one with a card
    showing it again, smaller."""
    head = ["title: Pictures from the clinic's phone"]
    sections = picture_sections(phone_files(folder / "phones"))
    return write(folder / "phone-booklet.yaml", [*head, *sections])


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
