"""Draw every built-in figure into the gallery of docs/figures.md.

Run from the repository root::

    python scripts/draw_figure_gallery.py          # redraw the pictures and the page
    python scripts/draw_figure_gallery.py --check  # exit 1 if the page is out of date

It writes ``docs/pictures/figures/NAME.png`` for each built-in pose, base posture and
anatomy plate, drawn by booklet itself in the sample brand's colours, and rewrites the
parts of ``docs/figures.md`` between the ``<!-- vocabulary -->`` and ``<!-- gallery -->``
markers from the pose library, so the page always shows the real drawings and the real
vocabulary.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from booklet.figures import draw
from booklet.figures.library import (
    DIRECTIONS,
    LANDMARKS,
    LIMB_REGIONS,
    PROPS,
    RANGES,
    REACH_TARGETS,
    REGIONS,
    VIEWS,
)
from booklet.figures.marks import Colors
from booklet.source.figure_field import builtin, catalogue

PAGE = Path("docs/figures.md")
PICTURES = Path("docs/pictures/figures")
COLORS = Colors.from_brand("#1F5F7A", "#D9702B")  # content/brand.yaml
PIXELS_PER_POINT = 2.0  # twice the printed size: legible on a screen


def code_list(names: tuple[str, ...] | list[str]) -> str:
    return ", ".join(f"`{name}`" for name in names)


def vocabulary_markdown() -> str:
    """The angles, props, regions, hands' places, arrows and views, from the library."""
    rows = ["| angle | from | to | meaning |", "| --- | --- | --- | --- |"]
    for name, (low, high, meaning) in RANGES.items():
        rows.append(f"| `{name}` | {low:g} | {high:g} | {meaning} |")
    sided = [r for r in REGIONS if r in LIMB_REGIONS]
    middle = [r for r in REGIONS if r not in LIMB_REGIONS]
    lines = [
        *rows,
        "",
        f"**Views:** {code_list(VIEWS)}.",
        "",
        f"**Props:** {code_list(PROPS)}.",
        "",
        f"**Regions to emphasise:** on a limb (write `far shoulder` for the far side) "
        f"{code_list(sided)}; in the middle of the body {code_list(middle)}.",
        "",
        f"**Places a hand can `reach`:** {code_list(REACH_TARGETS)}, `none`.",
        "",
        f"**Arrows:** `at` one of {code_list(LANDMARKS)}; `toward` one of {code_list(DIRECTIONS)}.",
    ]
    return "\n".join(lines)


def gallery_markdown() -> str:
    """A table of every built-in figure: its picture, name, view and what it shows."""
    rows = ["| picture | name | view | what it shows |", "| --- | --- | --- | --- |"]
    for name, view, description in catalogue():
        picture = f"![{name}](pictures/figures/{name}.png)"
        rows.append(f"| {picture} | `{name}` | {view} | {description} |")
    return "\n".join(rows)


def replaced(page: str, marker: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- {marker} -->\n)(?:.*?\n)?(<!-- /{marker} -->)", re.DOTALL)
    if not pattern.search(page):
        raise SystemExit(f"{PAGE}: the <!-- {marker} --> markers are missing")
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), page)


def page_text() -> str:
    page = PAGE.read_text(encoding="utf-8")
    page = replaced(page, "vocabulary", vocabulary_markdown())
    return replaced(page, "gallery", gallery_markdown())


def draw_pictures() -> None:
    PICTURES.mkdir(parents=True, exist_ok=True)
    for name, _, _ in catalogue():
        drawing = draw.figure_drawing(builtin(name), COLORS)
        (PICTURES / f"{name}.png").write_bytes(draw.png_bytes(drawing, PIXELS_PER_POINT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the page is current")
    arguments = parser.parse_args()
    text = page_text()
    if arguments.check:
        missing = [n for n, _, _ in catalogue() if not (PICTURES / f"{n}.png").exists()]
        current = PAGE.read_text(encoding="utf-8") == text
        if missing or not current:
            print(f"{PAGE} is out of date; run python scripts/draw_figure_gallery.py")
            return 1
        return 0
    draw_pictures()
    PAGE.write_text(text, encoding="utf-8")
    print(f"drew {len(catalogue())} figures into {PICTURES} and rewrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
