"""Pieces of the model -> flowables: text with light markup, pictures, callouts, stretch
cards and quiz questions, all styled from one Styles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)

from booklet.assets import images
from booklet.assets.colors import reportlab_color
from booklet.assets.preparing import Preparing
from booklet.figures.draw import figure_art as drawn_figure
from booklet.figures.marks import Colors
from booklet.model import Callout, CalloutKind, Figure
from booklet.model import Picture as PictureModel
from booklet.pdf.drawn import Artwork, Icon, LinkedQr, PictureFlowable
from booklet.pdf.measured import LayoutTable, MeasuredParagraph
from booklet.pdf.styles import Styles
from booklet.pdf.tagging import tag
from booklet.words import languages, markup
from booklet.words.descriptions import generated_alt, plain
from booklet.words.labels import Labels

if TYPE_CHECKING:
    from booklet.pdf.card_shelf import CardShelf

Box = tuple[float, float]
F = TypeVar("F", bound=Flowable)


@dataclass
class PictureSizes:
    """Fits pictures into their slots, and prepares each file once at its largest printed size."""

    uses: dict[Path, Box] = field(default_factory=dict)
    gray: bool = False
    # every planned use, prepared in threads from the first picture's flowable on
    preparing: Preparing | None = None

    def fit(self, path: Path, box: Box) -> Box:
        width, height = images.pixel_size(path)
        scale = min(box[0] / width, box[1] / height)
        return width * scale, height * scale

    def plan(self, path: Path, box: Box) -> None:
        size = self.fit(path, box)
        known = self.uses.get(path, (0.0, 0.0))
        self.uses[path] = (max(known[0], size[0]), max(known[1], size[1]))

    def flowable(self, path: Path, box: Box) -> PictureFlowable:
        """The picture fitted into `box`; its bytes are asked for when its page is drawn."""
        if self.preparing is None:
            uses = [(planned, *size, self.gray) for planned, size in self.uses.items()]
            self.preparing = Preparing(uses)
        width, height = self.fit(path, box)
        largest = self.uses.get(path, (width, height))
        use, preparing = (path, *largest, self.gray), self.preparing
        return PictureFlowable(lambda: preparing.encoded(use), width, height)


@dataclass(frozen=True)
class Kit:
    """Everything a block needs to lay itself out."""

    styles: Styles
    labels: Labels
    width: float
    height: float
    pictures: PictureSizes
    bleed: float = 0.0  # how far full-bleed colour runs past the cut (print-shop output)
    large_print: bool = False
    language: str = "en"  # the content's, for text written in another (a generated alt)
    compact: bool = False  # a patient's one- or two-page handout: smaller cards
    cards: CardShelf | None = None  # a batch's cards laid out already, to reuse

    @property
    def right_to_left(self) -> bool:
        return getattr(self.styles.body, "direction", "ltr") == "rtl"

    def reading_order(self, cells: list) -> list:
        """A row's cells as they stand on the page: mirrored for a right-to-left language."""
        return list(reversed(cells)) if self.right_to_left else cells

    def row_table(self, rows: list[list], widths: list, **options: object) -> Table:
        """A table of side-by-side cells, mirrored (cells, widths and alignment) when text
        runs right to left, so the first cell stands where reading starts."""
        if options.get("hAlign") == "LEFT" and self.right_to_left:
            options["hAlign"] = "RIGHT"
        rows = [self.reading_order(list(row)) for row in rows]
        table = layout_table(rows, colWidths=self.reading_order(list(widths)), **options)
        if self.right_to_left:
            # pictures, marks and inner tables stand at the right of their cells
            table.setStyle([("ALIGN", (0, 0), (-1, -1), "RIGHT")])
        return table

    def at_start(self, flowable: Flowable) -> Flowable:
        """A narrow flowable set where lines start: the left, or the right when text runs
        right to left."""
        flowable.hAlign = "RIGHT" if self.right_to_left else "LEFT"
        return flowable

    @property
    def figure_colors(self) -> Colors:
        palette = self.styles.palette
        return Colors.from_brand(palette.primary, palette.accent)

    @property
    def section_picture_box(self) -> Box:
        if self.large_print:
            return self.width, self.height * 0.5
        return self.width * 0.8, self.height * 0.4


SPLIT_IN_ROW = 40  # a row taller than a page may split, leaving at least this much on each side


def layout_table(rows: list, colWidths: list, **options: object) -> Table:
    """A ReportLab Table whose rows can split across pages when they are taller than one."""
    return LayoutTable(rows, colWidths=colWidths, splitInRow=SPLIT_IN_ROW, **options)


def para(text: str, style: object) -> MeasuredParagraph:
    """A paragraph of plain user text (escaped, with light markup)."""
    return MeasuredParagraph(markup.inline(text), style)


MAX_KEPT_ITEMS = 8  # a list this short moves to the next page whole rather than split
MAX_LEAD_IN_CHARS = 160


def text_blocks(kit: Kit, text: str) -> list[Flowable]:
    """Light-markup text -> paragraphs and lists."""
    styles, result = kit.styles, []
    for block in markup.blocks(text):
        if isinstance(block, markup.TextParagraph):
            result.append(MeasuredParagraph(block.markup, styles.body))
        else:
            result.append(list_flowable(kit, block))
    return result


def text_groups(kit: Kit, text: str) -> list[list[Flowable]]:
    """Light-markup text -> groups to keep on one page each.

    A paragraph that leads into a list ("You will need:") stays with the list, and a short
    list is never split, so a page never ends on a lone lead-in or a lone item.
    """
    groups: list[list[Flowable]] = []
    lead_in = False
    for block, flowable in zip(markup.blocks(text), text_blocks(kit, text), strict=True):
        if isinstance(block, markup.TextParagraph):
            groups.append([flowable])
            lead_in = leads_into_a_list(block)
            continue
        if lead_in:
            groups[-1].append(flowable)
        elif len(block.items) <= MAX_KEPT_ITEMS:
            groups.append([flowable, Spacer(1, 0)])
        else:
            groups.append([flowable])
        lead_in = False
    return groups


def leads_into_a_list(paragraph: markup.TextParagraph) -> bool:
    """A short paragraph, or one ending in a colon, belongs with the list after it."""
    plain = re.sub(r"<[^>]+>", "", paragraph.markup).rstrip()
    return plain.endswith(":") or len(plain) <= MAX_LEAD_IN_CHARS


def list_flowable(
    kit: Kit, block: markup.BulletList | markup.NumberedList, style: ParagraphStyle | None = None
) -> ListFlowable:
    styles = kit.styles
    style = style or styles.bullet
    items = [ListItem(MeasuredParagraph(text, style)) for text in block.items]
    common = {
        "bulletColor": reportlab_color(styles.palette.primary_text),
        "bulletFontName": styles.body_fonts.bold,
        "bulletFontSize": style.fontSize,
        "spaceAfter": 8,
    }
    if isinstance(block, markup.NumberedList):
        return ListFlowable(
            items,
            bulletType="1",
            start=block.start,
            bulletFormat="%s.",
            **list_indent(style, 22 * styles.scale),
            **common,
        )
    return ListFlowable(
        items,
        bulletType="bullet",
        start="\u2022",
        **list_indent(style, 18 * styles.scale),
        **common,
    )


def list_indent(style: ParagraphStyle, indent: float) -> dict[str, object]:
    """Where a list's bullets or numbers stand: left of the text, or right of it in a
    right-to-left language."""
    if getattr(style, "direction", "ltr") == "rtl":
        return {"bulletDir": "rtl", "leftIndent": 0, "rightIndent": indent}
    return {"leftIndent": indent}


def picture_block(kit: Kit, picture: PictureModel | Figure, scale: float = 1.0) -> list[Flowable]:
    """A section picture or figure, centred, with its caption: a group to keep on one page.
    At `scale` the picture's box is that share of its usual size."""
    box = (kit.section_picture_box[0] * scale, kit.section_picture_box[1] * scale)
    if isinstance(picture, Figure):
        image: Flowable = figure_art(kit, picture, box)
    else:
        image = picture_art(kit, picture, box)
    image.hAlign = "CENTER"
    parts: list[Flowable] = [Spacer(1, 6), image]
    if picture.caption:
        parts.append(tag(para(picture.caption, kit.styles.caption), "Caption"))
    parts.append(Spacer(1, 12))
    return parts


def figure_art(kit: Kit, figure: Figure, box: Box) -> Artwork:
    """A drawn figure filling `box`, keeping its proportions; each pose is stored in the
    PDF once, however often and at whatever size it is printed."""
    art = drawn_figure(figure, kit.figure_colors, kit.pictures.gray)
    k = min(box[0] / art.width, box[1] / art.height)
    drawn = (replace(figure, caption=None, alt=None), kit.figure_colors, kit.pictures.gray)
    name = "figure-" + hashlib.sha256(repr(drawn).encode()).hexdigest()[:16]
    return described(kit, Artwork(art, name, art.width * k, art.height * k), figure)


def picture_art(kit: Kit, picture: PictureModel, box: Box) -> PictureFlowable:
    """A picture file fitted into `box`, with its description."""
    return described(kit, kit.pictures.flowable(picture.path, box), picture)


def described(kit: Kit, image: F, shown: PictureModel | Figure) -> F:
    """`image` as a Figure whose alternative text is the writer's alt, or its caption, or
    (in English, marked as such) a description made from the pose or the file name."""
    text = shown.alt or shown.caption
    if text:
        return tag(image, "Figure", alt=plain(text))
    language = None if languages.primary(kit.language) == "en" else "en"
    return tag(image, "Figure", alt=generated_alt(shown), lang=language)


def callout_block(kit: Kit, callout: Callout) -> Table:
    """Tip, note and warning each have their own icon, colour and border."""
    styles, palette, labels = kit.styles, kit.styles.palette, kit.labels
    looks = {
        CalloutKind.TIP: ("circle", "+", palette.primary_text, palette.primary_wash, labels.tip),
        CalloutKind.NOTE: ("square", "i", palette.muted, palette.note_tint, labels.note),
        CalloutKind.WARNING: (
            "triangle",
            "!",
            palette.warning,
            palette.warning_tint,
            labels.warning,
        ),
    }
    shape, letter, color, background, label = looks[callout.kind]
    scale = styles.scale
    icon = Icon(shape, letter, color, styles.body_fonts.bold, size=Icon.SIZE * scale)
    label_style = styles.callout_label.clone("label", textColor=reportlab_color(color))
    text = [MeasuredParagraph(markup.escape(label), label_style), *callout_text(kit, callout.text)]
    first = markup.blocks(callout.text)[0]
    if kit.compact and isinstance(first, markup.TextParagraph):
        # a handout's callout: the label leads the first paragraph, saving a line
        lead = f'<font color="{color}"><b>{markup.escape(labels.introducing(label))}</b></font>'
        text = [MeasuredParagraph(lead + first.markup, styles.body), *text[2:]]
        text[0].spaceAfter = 0 if len(text) == 1 else styles.body.spaceAfter
    table = tag(kit.row_table([[icon, text]], [34 * scale, kit.width - 34 * scale]), "Div")
    # the coloured bar and the icon stand where lines start
    start, before, after = (-1, "RIGHT", "LEFT") if kit.right_to_left else (0, "LEFT", "RIGHT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(background)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        (f"{before}PADDING", (0, 0), (-1, -1), 8),
        (f"{before}PADDING", (start, 0), (start, 0), 10),
        (f"{after}PADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 5 if kit.compact else 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6 if kit.compact else 10),
        (
            "LINEAFTER" if kit.right_to_left else "LINEBEFORE",
            (start, 0),
            (start, 0),
            4,
            reportlab_color(color),
        ),
    ]
    if callout.kind is CalloutKind.WARNING:
        commands.append(("BOX", (0, 0), (-1, -1), 1.2, reportlab_color(color)))
    table.setStyle(TableStyle(commands))
    table.spaceBefore, table.spaceAfter = 4, 12
    return table


def callout_text(kit: Kit, text: str) -> list[Flowable]:
    flowables = text_blocks(kit, text)
    for flowable in flowables[-1:]:
        flowable.spaceAfter = 0
    return flowables


# --- stretch cards ---------------------------------------------------------------------


def padding(
    left: float, right: float, top: float, bottom: float, extra: Iterable[tuple] = ()
) -> TableStyle:
    """A table style with these cell paddings, plus any other commands."""
    return TableStyle(
        [
            ("LEFTPADDING", (0, 0), (-1, -1), left),
            ("RIGHTPADDING", (0, 0), (-1, -1), right),
            ("TOPPADDING", (0, 0), (-1, -1), top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
            *extra,
        ]
    )


def padded(content: Flowable, width: float, top: float, bottom: float) -> Table:
    """`content` inside the card's side padding."""
    wrapper = layout_table([[content]], colWidths=[width])
    wrapper.setStyle(padding(14, 14, top, bottom))
    return wrapper


# --- quiz questions --------------------------------------------------------------------


def tight(table: Table, extra: Iterable[tuple] = ()) -> Table:
    table.setStyle(padding(0, 0, 0, 0, extra))
    return table


def described_qr(kit: Kit, url: str, size: float, ink: str) -> LinkedQr:
    """A video's QR code, a Figure described (in English, marked as such) by its address;
    its link is read with it."""
    english = None if languages.primary(kit.language) == "en" else "en"
    return tag(LinkedQr(url, size, ink), "Figure", alt=f"QR code: {url}", lang=english, label=url)
