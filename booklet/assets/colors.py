"""Colour text from a brand file -> "#RRGGBB", and the tints and mixes the pages use."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from reportlab.lib import colors

from booklet.model import Brand

INK = "#1F2933"


MUTED = "#52606D"


RULE = "#CBD2D9"


WARNING_RED = "#B3261E"

_HEX = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def parse_color(text: str) -> str | None:
    """'#1F6F8B', '#abc' or a CSS colour name -> '#RRGGBB'; None when it is none of these."""
    value = text.strip()
    match = _HEX.match(value)
    if match:
        digits = match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return "#" + digits.upper()
    named = colors.getAllNamedColors().get(value.lower().replace(" ", ""))
    if named is None or value.startswith("#"):
        return None
    return "#" + named.hexval()[2:].upper().rjust(6, "0")


def rgb(hex_color: str) -> tuple[float, float, float]:
    value = hex_color.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def to_hex(channels: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in channels)


def mix(hex_color: str, other: str, amount: float) -> str:
    """`amount` of `other` blended into `hex_color` (0 keeps it, 1 gives `other`)."""
    a, b = rgb(hex_color), rgb(other)
    return to_hex(tuple(x + (y - x) * amount for x, y in zip(a, b, strict=True)))  # type: ignore[arg-type]


def tint(hex_color: str, amount: float) -> str:
    """A lighter version for backgrounds: `amount` of white blended in."""
    return mix(hex_color, "#FFFFFF", amount)


def luminance(hex_color: str) -> float:
    """Relative luminance as WCAG defines it."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: str, dark: str = "#1A1A1A", light: str = "#FFFFFF") -> str:
    """The text colour (dark or light) that reads best on `background`."""
    return light if contrast(background, light) >= contrast(background, dark) else dark


def darken_until_readable(hex_color: str, background: str = "#FFFFFF", ratio: float = 4.5) -> str:
    """The colour itself if text in it reads on `background`, else a darker shade that does."""
    return shade_until_readable(hex_color, background, "#000000", ratio)


def shade_until_readable(hex_color: str, other: str, toward: str, ratio: float = 4.5) -> str:
    """The colour, blended step by step toward `toward` until it contrasts with `other`."""
    color = hex_color
    for _ in range(20):
        if contrast(color, other) >= ratio:
            return color
        color = mix(color, toward, 0.1)
    return color


def gray_hex(hex_color: str) -> str:
    """'#RRGGBB' -> the gray of the same lightness, as a grayscale build prints it."""
    level = gray_level(rgb(hex_color))
    return to_hex((level, level, level))


def gray_level(channels: tuple[float, float, float]) -> float:
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def gray_of(color: object) -> colors.Color | None:
    """Any ReportLab colour (object, name, tuple, CMYK) -> the gray of the same lightness.

    Given to the canvas as its colour-space check, so in a grayscale build every fill and
    stroke, of text, rules, tables and drawn figures alike, is set in gray.
    """
    if color is None:
        return None
    value = colors.toColor(color)
    level = gray_level(value.rgb())
    return colors.Color(level, level, level, alpha=value.alpha)


def reportlab_color(hex_color: str) -> colors.Color:
    return colors.HexColor(hex_color)


@dataclass(frozen=True)
class Palette:
    """Colours as '#RRGGBB'; `primary_text` is the primary darkened until it reads on white."""

    primary: str
    primary_text: str
    on_primary: str
    primary_tint: str
    primary_wash: str
    accent: str
    accent_tint: str
    ink: str = INK
    muted: str = MUTED
    rule: str = RULE
    warning: str = WARNING_RED
    warning_tint: str = "#FBE9E7"
    note_tint: str = "#EEF1F4"


def palette_for(brand: Brand, grayscale: bool = False) -> Palette:
    if grayscale:
        brand = dataclasses.replace(
            brand, primary=gray_hex(brand.primary), accent=gray_hex(brand.accent)
        )
    return Palette(
        primary=brand.primary,
        primary_text=darken_until_readable(brand.primary),
        on_primary=readable_on(brand.primary),
        primary_tint=tint(brand.primary, 0.86),
        primary_wash=tint(brand.primary, 0.94),
        accent=brand.accent,
        accent_tint=tint(brand.accent, 0.85),
    )
