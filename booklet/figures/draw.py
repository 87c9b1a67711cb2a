"""Marks -> a ReportLab Drawing (vector, for the PDF), and a Drawing -> PDF, SVG or PNG bytes."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

from reportlab.graphics import renderPDF, renderSVG
from reportlab.graphics.shapes import Drawing, Group
from reportlab.graphics.shapes import Path as RLPath

from booklet.colors import reportlab_color
from booklet.figures.geometry import Command, Path, curve_points
from booklet.figures.scene import Colors, Mark, figure_marks, marks_bounds
from booklet.model import Figure

NON_ZERO = 1  # ReportLab's FILL_NON_ZERO: overlapping outlines fill as one shape
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


def mark_shapes(mark: Mark, k: float, dx: float, dy: float) -> list[RLPath]:
    closed = [counter_clockwise(p) if p[-1] == ("Z",) else p for p in mark.paths]
    none = {"fillColor": None, "strokeColor": None}
    shapes: list[RLPath] = []
    if mark.line and mark.fill:
        # the outline is stroked twice as wide and half covered by the fill: one silhouette
        shapes.append(
            rl_path(
                closed,
                k,
                dx,
                dy,
                **{**none, "strokeColor": reportlab_color(mark.line)},
                strokeWidth=2 * mark.width * k,
                strokeLineJoin=1,
                strokeLineCap=1,
            )
        )
    if mark.fill:
        shapes.append(
            rl_path(closed, k, dx, dy, **{**none, "fillColor": reportlab_color(mark.fill)})
        )
    elif mark.line:
        shapes.append(
            rl_path(
                mark.paths,
                k,
                dx,
                dy,
                **{**none, "strokeColor": reportlab_color(mark.line)},
                strokeWidth=mark.width * k,
                strokeLineJoin=1,
                strokeLineCap=1,
            )
        )
    return shapes


def marks_drawing(marks: list[Mark], k: float) -> Drawing:
    """A drawing `k` points per unit, just big enough for `marks`."""
    left, bottom, right, top = marks_bounds(marks)
    drawing = Drawing((right - left) * k, (top - bottom) * k)
    for mark in marks:
        shapes = mark_shapes(mark, k, -left, -bottom)
        if mark.clip:
            clip = rl_path(
                [counter_clockwise(p) for p in mark.clip], k, -left, -bottom, isClipPath=1
            )
            clip.fillColor = clip.strokeColor = None
            drawing.add(Group(clip, *shapes))
        else:
            for shape in shapes:
                drawing.add(shape)
    return drawing


@functools.lru_cache(maxsize=256)
def figure_drawing(figure: Figure, colors: Colors, points_per_cm: float = POINTS_PER_CM) -> Drawing:
    """The figure as vector art, at `points_per_cm` (anatomy plates fill about 300 points).

    Posing and outlining a figure costs more than laying out its card, and a batch prints
    the same figures in every handout, so each is drawn once per process. Callers only read
    the drawing; they never change it.
    """
    marks = figure_marks(figure, colors)
    if figure.base is None:
        left, _, right, _ = marks_bounds(marks)
        return marks_drawing(marks, 300.0 / (right - left))
    return marks_drawing(marks, points_per_cm)


def pdf_bytes(drawing: Drawing) -> bytes:
    return renderPDF.drawToString(drawing)


def svg_bytes(drawing: Drawing) -> bytes:
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
