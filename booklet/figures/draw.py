"""Marks -> PDF drawing operators (for the booklet), or a ReportLab Drawing (for previews
and the HTML twin), and a Drawing -> PDF, SVG or PNG bytes."""

from __future__ import annotations

import dataclasses
import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

from reportlab.lib.rl_accel import fp_str

from booklet.assets import disk_cache
from booklet.assets.colors import gray_hex, mix, reportlab_color
from booklet.figures.geometry import Command, Path, curve_points
from booklet.figures.marks import Colors, Mark
from booklet.figures.picture import figure_marks
from booklet.figures.scene import marks_bounds
from booklet.model import Figure

if TYPE_CHECKING:  # ReportLab's shapes are imported only by previews and the HTML twin
    from reportlab.graphics.shapes import Drawing
    from reportlab.graphics.shapes import Path as RLPath

NON_ZERO = 1  # ReportLab's FILL_NON_ZERO: overlapping outlines fill as one shape
GRAY_DARKEN = 0.4  # how much darker the emphasis prints in a grayscale build
POINTS_PER_CM = 0.6  # people in stretch cards: about 105 pt tall when standing


def signed_area(path: Path) -> float:
    points = curve_points(path)
    return sum(
        x0 * y1 - x1 * y0
        for (x0, y0), (x1, y1) in zip(points, [*points[1:], points[0]], strict=True)
    )


def reversed_path(path: Path) -> Path:
    """The same closed outline run the other way round."""
    ends: list[tuple[float, float]] = []
    steps: list[Command] = []
    for command in path:
        if command[0] in ("M", "L"):
            if ends:
                steps.append(("L",))
            ends.append((command[1], command[2]))
        elif command[0] == "C":
            steps.append(("C", command[1], command[2], command[3], command[4]))
            ends.append((command[5], command[6]))
    result: list[Command] = [("M", *ends[-1])]
    for i in range(len(steps) - 1, -1, -1):
        step, target = steps[i], ends[i]
        if step[0] == "L":
            result.append(("L", *target))
        else:
            result.append(("C", step[3], step[4], step[1], step[2], *target))
    result.append(("Z",))
    return tuple(result)


def counter_clockwise(path: Path) -> Path:
    return reversed_path(path) if signed_area(path) < 0 else path


def rl_path(paths: Sequence[Path], k: float, dx: float, dy: float, **style: object) -> RLPath:
    """One ReportLab path holding `paths` as subpaths, scaled by `k` and moved."""
    from reportlab.graphics.shapes import Path as RLPath

    shape = RLPath(fillMode=NON_ZERO, **style)
    for path in paths:
        for command in path:
            op, values = command[0], command[1:]
            xy = [
                (values[i] + dx) * k if i % 2 == 0 else (values[i] + dy) * k
                for i in range(len(values))
            ]
            if op == "M":
                shape.moveTo(*xy)
            elif op == "L":
                shape.lineTo(*xy)
            elif op == "C":
                shape.curveTo(*xy)
            else:
                shape.closePath()
    return shape


@dataclass(frozen=True)
class Layer:
    """One painted shape of a mark: its paths filled, or stroked `width` wide."""

    paths: tuple[Path, ...]
    fill: str | None = None
    line: str | None = None
    width: float = 0.0


def mark_layers(mark: Mark) -> list[Layer]:
    """A mark as shapes painted in order. Closed outlines run one way round, so that where
    they overlap they fill as one shape."""
    closed = tuple(counter_clockwise(p) if p[-1] == ("Z",) else p for p in mark.paths)
    if mark.fill and mark.line:
        # the outline is stroked twice as wide and half covered by the fill: one silhouette
        return [Layer(closed, line=mark.line, width=2 * mark.width), Layer(closed, fill=mark.fill)]
    if mark.fill:
        return [Layer(closed, fill=mark.fill)]
    if mark.line:
        return [Layer(mark.paths, line=mark.line, width=mark.width)]
    return []


def clip_paths(mark: Mark) -> tuple[Path, ...]:
    return tuple(counter_clockwise(p) for p in mark.clip)


def mark_shapes(mark: Mark, k: float, dx: float, dy: float) -> list[RLPath]:
    none = {"fillColor": None, "strokeColor": None}
    shapes: list[RLPath] = []
    for layer in mark_layers(mark):
        if layer.fill:
            style = {**none, "fillColor": reportlab_color(layer.fill)}
            shapes.append(rl_path(layer.paths, k, dx, dy, **style))
        else:
            assert layer.line is not None
            style = {**none, "strokeColor": reportlab_color(layer.line)}
            shapes.append(
                rl_path(
                    layer.paths,
                    k,
                    dx,
                    dy,
                    **style,
                    strokeWidth=layer.width * k,
                    strokeLineJoin=1,
                    strokeLineCap=1,
                )
            )
    return shapes


def marks_drawing(marks: list[Mark], k: float) -> Drawing:
    """A drawing `k` points per unit, just big enough for `marks`."""
    from reportlab.graphics.shapes import Drawing, Group

    left, bottom, right, top = marks_bounds(marks)
    drawing = Drawing((right - left) * k, (top - bottom) * k)
    for mark in marks:
        shapes = mark_shapes(mark, k, -left, -bottom)
        if mark.clip:
            clip = rl_path(clip_paths(mark), k, -left, -bottom, isClipPath=1)
            clip.fillColor = clip.strokeColor = None
            drawing.add(Group(clip, *shapes))
        else:
            for shape in shapes:
                drawing.add(shape)
    return drawing


def figure_scale(figure: Figure, marks: list[Mark], points_per_cm: float) -> float:
    """Points per unit: people at `points_per_cm`, anatomy plates about 300 points wide."""
    if figure.base is None:
        left, _, right, _ = marks_bounds(marks)
        return 300.0 / (right - left)
    return points_per_cm


@functools.lru_cache(maxsize=256)
def figure_drawing(figure: Figure, colors: Colors, points_per_cm: float = POINTS_PER_CM) -> Drawing:
    """The figure as a ReportLab drawing, for previews and the HTML twin. Callers only read
    the drawing; they never change it."""
    marks = figure_marks(figure, colors)
    return marks_drawing(marks, figure_scale(figure, marks, points_per_cm))


@dataclass(frozen=True)
class Art:
    """A figure as PDF operators that need no resources, drawn from (0, 0) to (width, height)
    points; they save and restore the graphics state."""

    width: float
    height: float
    operators: str


@functools.lru_cache(maxsize=256)
def figure_art(
    figure: Figure, colors: Colors, gray: bool = False, points_per_cm: float = POINTS_PER_CM
) -> Art:
    """The figure as PDF operators, written straight from its marks; with `gray`, every
    colour as the gray of the same lightness (for a grayscale build).

    Posing and outlining a figure costs more than laying out its card, and a batch prints
    the same figures in every handout, so each is drawn once per process, and kept in the
    disk cache for the next (its caption and alt text are not part of the drawing, and are
    left out of the cache's key).
    """
    drawing = dataclasses.replace(figure, caption=None, alt=None)
    key = f"{drawing!r} {colors!r} {gray} {points_per_cm!r}"
    entry = disk_cache.entry_name("figure", disk_cache.code_version(FIGURES), key)
    stored = art_from_entry(disk_cache.read(entry))
    if stored is not None:
        return stored
    art = posed_art(figure, colors, gray, points_per_cm)
    disk_cache.write(entry, f"{art.width!r}\n{art.height!r}\n{art.operators}".encode())
    return art


FIGURES = FilePath(__file__).parent


def art_from_entry(entry: bytes | None) -> Art | None:
    """The figure a disk cache entry holds, or None."""
    if entry is None:
        return None
    try:
        width, height, operators = entry.decode().split("\n", 2)
        return Art(float(width), float(height), operators)
    except ValueError:
        return None


def posed_art(figure: Figure, colors: Colors, gray: bool, points_per_cm: float) -> Art:
    """Pose the figure and write its marks as PDF operators."""
    marks = figure_marks(figure, gray_safe(colors) if gray else colors)
    k = figure_scale(figure, marks, points_per_cm)
    left, bottom, right, top = marks_bounds(marks)
    operators = ["q"]
    for mark in marks:
        operators += mark_operators(mark, k, -left, -bottom, gray)
    operators.append("Q")
    return Art((right - left) * k, (top - bottom) * k, "\n".join(operators))


def gray_safe(colors: Colors) -> Colors:
    """The figure's colours for a grayscale build: the emphasis a darker tone than any part
    of the body, so it does not vanish into a body of the same gray."""
    return replace(colors, accent=mix(colors.accent, "#000000", GRAY_DARKEN))


def mark_operators(mark: Mark, k: float, dx: float, dy: float, gray: bool = False) -> list[str]:
    """One mark's PDF operators: each layer painted in its own saved graphics state, inside
    the clip when the mark has one."""
    painted = [layer_operators(layer, k, dx, dy, gray) for layer in mark_layers(mark)]
    if not mark.clip:
        return painted
    return ["q", f"{path_operators(clip_paths(mark), k, dx, dy)} W n", *painted, "Q"]


def layer_operators(layer: Layer, k: float, dx: float, dy: float, gray: bool = False) -> str:
    path = path_operators(layer.paths, k, dx, dy)
    if layer.fill:
        return f"q {color_operands(layer.fill, gray)} rg {path} f Q"
    assert layer.line is not None
    color = color_operands(layer.line, gray)
    return f"q {color} RG {fp_str(layer.width * k)} w 1 J 1 j {path} S Q"


def color_operands(hex_color: str, gray: bool) -> str:
    return fp_str(*reportlab_color(gray_hex(hex_color) if gray else hex_color).rgb())


def path_operators(paths: Sequence[Path], k: float, dx: float, dy: float) -> str:
    """`paths` scaled by `k` and moved, as one PDF path (the nonzero rule fills it)."""
    parts: list[str] = []
    for path in paths:
        for command in path:
            op = command[0]
            if op == "C":
                _, x1, y1, x2, y2, x3, y3 = command
                moved = ((x1 + dx) * k, (y1 + dy) * k, (x2 + dx) * k, (y2 + dy) * k)
                parts.append(f"{fp_str(*moved, (x3 + dx) * k, (y3 + dy) * k)} c")
            elif op == "Z":
                parts.append("h")
            else:
                point = fp_str((command[1] + dx) * k, (command[2] + dy) * k)
                parts.append(f"{point} {'m' if op == 'M' else 'l'}")
    return " ".join(parts)


def pdf_bytes(drawing: Drawing) -> bytes:
    from reportlab.graphics import renderPDF  # previews only: the booklet uses operators

    return renderPDF.drawToString(drawing)


def svg_bytes(drawing: Drawing) -> bytes:
    from reportlab.graphics import renderSVG  # previews and the HTML twin only

    return renderSVG.drawToString(drawing).encode("utf-8")


def png_bytes(drawing: Drawing, scale: float = 4.0) -> bytes:
    """Rendered through the PDF, so the picture is exactly what prints."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_bytes(drawing))
    try:
        image = document[0].render(scale=scale).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
