"""What a figure is drawn with: its colours and the marks (outlined shapes in drawing
order) every part of the scene becomes."""

from __future__ import annotations

from dataclasses import dataclass

from booklet.assets.colors import mix
from booklet.figures.geometry import (
    Path,
)

LINE = 0.55  # outline width in centimetres: about 0.35 pt in a card


@dataclass(frozen=True)
class Colors:
    """The figure's colours, from the brand: body in tints of the primary, emphasis accent."""

    near_fill: str
    near_line: str
    far_fill: str
    far_line: str
    accent: str
    arrow: str
    prop_fill: str = "#ECE6DC"
    prop_line: str = "#A89B8A"
    floor: str = "#B9C2C7"

    @classmethod
    def from_brand(cls, primary: str, accent: str) -> Colors:
        return cls(
            near_fill=mix(primary, "#FFFFFF", 0.55),
            near_line=mix(primary, "#000000", 0.35),
            far_fill=mix(primary, "#FFFFFF", 0.78),
            far_line=mix(primary, "#FFFFFF", 0.3),
            accent=accent,
            arrow=mix(primary, "#000000", 0.15),
        )


@dataclass(frozen=True)
class Mark:
    """Shapes drawn together: outlined (`fill` and `line`: one silhouette with an outline
    `width` wide), filled only, or stroked only (open paths). `clip`, when given, limits
    the mark to inside those shapes."""

    paths: tuple[Path, ...]
    fill: str | None = None
    line: str | None = None
    width: float = 0.0
    clip: tuple[Path, ...] = ()
