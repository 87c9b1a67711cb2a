"""A Brand and its registered fonts -> the paragraph styles and colours of every page."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from booklet.assets.colors import (
    INK,
    MUTED,
    Palette,
    mix,
    palette_for,
    reportlab_color,
)
from booklet.assets.fonts import FontSet
from booklet.model import Brand

BODY_SIZE = 12
BODY_LEADING = 17


@dataclass(frozen=True)
class Look:
    """How a build prints, beyond the brand: direction, large print, shades of gray."""

    right_to_left: bool = False
    large_print: bool = False
    grayscale: bool = False


# (font size, leading) of each text role. Large print follows the large-print guidance:
# body text 18 pt with 1.5 line spacing, and nothing a patient must read below 14 pt.
REGULAR_SIZES: dict[str, tuple[float, float]] = {
    "body": (BODY_SIZE, BODY_LEADING),
    "heading": (22, 27),
    "subheading": (15, 19),
    "caption": (10.5, 14),
    "card_title": (15, 19),
    "step": (BODY_SIZE, 15.5),
    "dose_label": (9, 11),
    "dose_value": (12, 15),
    "link": (11, 15),
    "small": (10.5, 14),
    "cover_title": (36, 42),
    "cover_subtitle": (17, 23),
    "cover_org": (16, 20),
    "toc0": (13, 17),
    "toc1": (11.5, 14),
    "footer": (9, 12),
}
LARGE_SIZES: dict[str, tuple[float, float]] = {
    "body": (18, 27),
    "heading": (30, 36),
    "subheading": (22, 28),
    "caption": (16, 22),
    "card_title": (22, 28),
    "step": (18, 27),
    "dose_label": (14, 17),
    "dose_value": (18, 23),
    "link": (16, 22),
    "small": (16, 22),
    "cover_title": (46, 54),
    "cover_subtitle": (24, 31),
    "cover_org": (22, 28),
    "toc0": (20, 26),
    "toc1": (18, 24),
    "footer": (14, 17),
}


@dataclass(frozen=True)
class Styles:
    palette: Palette
    body_fonts: FontSet
    heading_fonts: FontSet
    body: ParagraphStyle
    bullet: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    caption: ParagraphStyle
    callout: ParagraphStyle
    callout_label: ParagraphStyle
    card_title: ParagraphStyle
    card_purpose: ParagraphStyle
    step: ParagraphStyle
    dose_label: ParagraphStyle
    dose_value: ParagraphStyle
    caution: ParagraphStyle
    link: ParagraphStyle
    question: ParagraphStyle
    choice: ParagraphStyle
    small: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_org: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ParagraphStyle]
    footer_size: float = 9
    # how much larger than regular print the fixed parts (marks, columns, lines) are drawn
    scale: float = 1.0


def make_styles(
    brand: Brand, body_fonts: FontSet, heading_fonts: FontSet, look: Look | None = None
) -> Styles:
    look = look or Look()
    palette = palette_for(brand, look.grayscale)
    ink, primary = reportlab_color(INK), reportlab_color(palette.primary_text)
    sizes = LARGE_SIZES if look.large_print else REGULAR_SIZES

    def size(role: str) -> dict[str, float]:
        return {"fontSize": sizes[role][0], "leading": sizes[role][1]}

    body = ParagraphStyle(
        "body",
        fontName=body_fonts.regular,
        **size("body"),
        textColor=ink,
        spaceAfter=8,
        alignment=TA_RIGHT if look.right_to_left else TA_LEFT,
        allowWidows=0,  # a paragraph never leaves its last line alone on the next page
    )
    # read by booklet.pdf.paragraphs.ScriptParagraph, which lays such lines out from the right
    body.direction = "rtl" if look.right_to_left else "ltr"

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    heading = derive(
        "heading",
        fontName=heading_fonts.bold,
        **size("heading"),
        textColor=primary,
        spaceBefore=20,  # room above a section; none at the top of a page
        spaceAfter=4,
    )
    return Styles(
        palette=palette,
        body_fonts=body_fonts,
        heading_fonts=heading_fonts,
        body=body,
        bullet=derive("bullet", spaceAfter=4),
        heading=heading,
        subheading=derive(
            "subheading",
            fontName=heading_fonts.bold,
            **size("subheading"),
            textColor=primary,
            spaceBefore=10,
            spaceAfter=6,
        ),
        caption=derive(
            "caption",
            fontName=body_fonts.italic,
            **size("caption"),
            textColor=reportlab_color(MUTED),
            spaceBefore=4,
            spaceAfter=0,
            alignment=TA_CENTER,
        ),
        callout=derive("callout", spaceAfter=0),
        callout_label=derive("callout_label", fontName=body_fonts.bold, spaceAfter=2),
        card_title=derive(
            "card_title",
            fontName=heading_fonts.bold,
            **size("card_title"),
            textColor=reportlab_color(palette.on_primary),
            spaceAfter=0,
        ),
        card_purpose=derive(
            "card_purpose",
            fontName=body_fonts.italic,
            textColor=reportlab_color(MUTED),
            spaceAfter=0,
        ),
        step=derive("step", **size("step"), spaceAfter=3),
        dose_label=derive(
            "dose_label",
            fontName=body_fonts.bold,
            **size("dose_label"),
            textColor=reportlab_color(MUTED),
            spaceAfter=1,
        ),
        dose_value=derive(
            "dose_value", fontName=body_fonts.bold, **size("dose_value"), spaceAfter=0
        ),
        caution=derive("caution", spaceAfter=0),
        link=derive("link", **size("link"), spaceAfter=0),
        question=derive("question", spaceAfter=6),
        choice=derive("choice", spaceAfter=0),
        small=derive("small", **size("small"), spaceAfter=4),
        cover_title=derive(
            "cover_title",
            fontName=heading_fonts.bold,
            **size("cover_title"),
            textColor=reportlab_color(palette.on_primary),
            spaceAfter=10,
        ),
        cover_subtitle=derive(
            "cover_subtitle",
            fontName=body_fonts.regular,
            **size("cover_subtitle"),
            textColor=reportlab_color(mix(palette.on_primary, palette.primary, 0.1)),
            spaceAfter=0,
        ),
        cover_org=derive(
            "cover_org",
            fontName=heading_fonts.bold,
            **size("cover_org"),
            textColor=primary,
            spaceAfter=2,
        ),
        toc_title=heading,
        toc_levels=(
            derive(
                "toc0",
                fontName=heading_fonts.bold,
                **size("toc0"),
                spaceBefore=7,
                spaceAfter=0,
                textColor=ink,
            ),
            derive(
                "toc1",
                **size("toc1"),
                leftIndent=18,
                spaceBefore=0,
                spaceAfter=0,
                textColor=reportlab_color(MUTED),
            ),
        ),
        footer_size=sizes["footer"][0],
        scale=sizes["body"][0] / BODY_SIZE,
    )
