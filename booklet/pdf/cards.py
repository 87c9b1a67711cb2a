"""A Stretch -> its card: a header with the number and name, the figure or picture, the
numbered steps, the video link, the caution and the dosage strip."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
)

from booklet.assets.colors import gray_hex, reportlab_color
from booklet.model import Stretch
from booklet.pdf.blocks import (
    Kit,
    figure_art,
    layout_table,
    list_indent,
    padded,
    padding,
    para,
    picture_art,
)
from booklet.pdf.drawn import Icon, LinkedQr
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.tagging import Place, Tag, grouped, tag, tag_of
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import languages, markup
from booklet.words.phrases import dosage_values

# a card is read title, picture, purpose, steps, video, caution, dosage, whatever its columns
CARD_ORDER = {"title": 0, "picture": 1, "steps": 2, "caution": 3, "dosage": 4}


def tagged_list(rank: int, steps: ListFlowable) -> ListFlowable:
    return tag(steps, "L", rank=rank)


def stretch_card(kit: Kit, stretch: Stretch, number: int) -> list[Flowable]:
    """One stretch as a card with its bookmark: a group to keep on one page when it fits.

    A stretch too long for any page is laid out as blocks that flow from page to page.
    """
    mark = Anchor(Bookmark(stretch.name, f"stretch-{stretch.id}", level=1))
    rows = [
        [card_header(kit, stretch, number)],
        [card_body(kit, stretch)],
        [dosage_strip(kit, stretch)],
    ]
    card = tag(layout_table(rows, colWidths=[kit.width]), "Div", ordered=True)
    card.setStyle(
        padding(
            0, 0, 0, 0, [("BOX", (0, 0), (-1, -1), 1, reportlab_color(kit.styles.palette.primary))]
        )
    )
    card.spaceAfter = 12
    if card.wrap(kit.width, kit.height)[1] <= kit.height:
        return [mark, card]
    return [mark, *grouped("Div", flowing_card(kit, stretch, number))]


def flowing_card(kit: Kit, stretch: Stretch, number: int) -> list[Flowable]:
    """A stretch too long for one page: the title stays with the picture and the first
    steps, the caution stays with the dosage, and the steps flow between them."""
    main = card_main(kit, stretch, kit.width)
    steps_at = next(i for i, f in enumerate(main) if isinstance(f, ListFlowable))
    opening = [card_header(kit, stretch, number), Spacer(1, 8), *card_side(kit, stretch, kit.width)]
    opening += main[:steps_at]
    closing = [*main[steps_at + 1 :], Spacer(1, 8), dosage_strip(kit, stretch)]
    return [KeepTogether(opening), main[steps_at], KeepTogether(closing), Spacer(1, 12)]


def card_header(kit: Kit, stretch: Stretch, number: int) -> Table:
    styles = kit.styles
    title = MeasuredParagraph(
        f"{number}.&nbsp;&nbsp;{markup.inline(stretch.name)}", styles.card_title
    )
    tag(title, "H3", rank=CARD_ORDER["title"])
    header = layout_table([[title]], colWidths=[kit.width])
    background = ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(styles.palette.primary))
    header.setStyle(padding(14, 14, 4, 6, [background]))
    return header


def card_body(kit: Kit, stretch: Stretch) -> Table:
    """Left: the picture with the caution under it. Right: purpose, numbered steps, video."""
    has_picture = stretch.picture is not None or stretch.figure is not None
    if kit.large_print:
        return stacked_card_body(kit, stretch, has_picture)
    side_width = kit.card_picture_box[0] + 20
    has_side = has_picture or (stretch.caution is not None and not kit.narrow)
    main_width = kit.width - side_width if has_side else kit.width
    main = card_main(kit, stretch, main_width - 28)
    side = card_side(kit, stretch, side_width - 28)
    cells, widths = (
        ([kit.reading_order([side, main])], kit.reading_order([side_width, main_width]))
        if has_side
        else ([[main]], [main_width])
    )
    body = layout_table(cells, colWidths=widths)
    body.setStyle(padding(14, 14, 9, 6, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return body


def stacked_card_body(kit: Kit, stretch: Stretch, has_picture: bool) -> Table:
    """Large print: one column, the picture above the steps at full size."""
    inner = kit.width - 28
    rows = [[card_side(kit, stretch, inner)]] if has_picture else []
    rows.append([card_main(kit, stretch, inner)])
    body = layout_table(rows, colWidths=[kit.width])
    body.setStyle(padding(14, 14, 9, 6, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return body


def card_main(kit: Kit, stretch: Stretch, width: float) -> list[Flowable]:
    """The purpose, the numbered steps and the video link, for a column `width` wide."""
    styles = kit.styles
    main: list[Flowable] = []
    rank = CARD_ORDER["steps"]
    if stretch.purpose:
        main += [tag(para(stretch.purpose, styles.card_purpose), "P", rank=rank), Spacer(1, 4)]
    steps = [ListItem(para(step, styles.step)) for step in stretch.steps]
    main.append(
        tagged_list(
            rank,
            ListFlowable(
                steps,
                bulletType="1",
                bulletFormat="%s.",
                **list_indent(styles.step, 20 * styles.scale),
                bulletColor=reportlab_color(styles.palette.primary_text),
                bulletFontName=styles.body_fonts.bold,
                bulletFontSize=styles.step.fontSize,
            ),
        )
    )
    if stretch.video:
        main += [Spacer(1, 4), video_block(kit, stretch.video, width)]
    if stretch.caution and kit.narrow:
        main += [Spacer(1, 6), caution_box(kit, stretch.caution, width)]
    return main


def card_side(kit: Kit, stretch: Stretch, width: float) -> list[Flowable]:
    """The picture and, under it, the caution, for a column `width` wide."""
    side: list[Flowable] = []
    image: Flowable | None = None
    if stretch.figure is not None:
        image = figure_art(kit, stretch.figure, kit.card_picture_box)
    elif stretch.picture is not None:
        image = picture_art(kit, stretch.picture, kit.card_picture_box)
    if image is not None:
        tag(image, replace(tag_of(image) or Tag("Figure"), rank=CARD_ORDER["picture"]))
        image.hAlign = "CENTER"
        side += [image, Spacer(1, 8)]
    if stretch.caution and not kit.narrow:
        side.append(caution_box(kit, stretch.caution, width))
    return side


def dosage_strip(kit: Kit, stretch: Stretch) -> Table:
    """Hold, repeat, sets, sides and how often: five cells, the same on every card.

    On narrow pages (A5) the cells wrap onto two rows, so no value is broken mid-word.
    """
    styles, palette, labels = kit.styles, kit.styles.palette, kit.labels
    muted = styles.dose_value.clone("dose_missing", textColor=reportlab_color(palette.rule))
    cells: list[Any] = []
    key, rank = f"dosage-{stretch.id}", CARD_ORDER["dosage"]
    for column, (label, value) in enumerate(dosage_values(labels, stretch)):
        shown = (
            para(value, styles.dose_value) if value else MeasuredParagraph(labels.not_set, muted)
        )
        head = MeasuredParagraph(markup.escape(label.upper()), styles.dose_label)
        tag(head, "TH", place=Place("table", key, 0, column), scope="Column", rank=rank)
        tag(shown, "TD", place=Place("table", key, 1, column), rank=rank)
        cells.append([head, shown])
    inner = kit.width - 28
    if kit.narrow:
        rows = [cells[:3], [*cells[3:], ""]]
        widths = [inner * share for share in (0.3, 0.3, 0.4)]
    else:
        rows = [cells]
        widths = [inner * share for share in (0.17, 0.17, 0.15, 0.19, 0.32)]
    rows, widths = [kit.reading_order(row) for row in rows], kit.reading_order(widths)
    strip = layout_table(rows, colWidths=widths)
    strip.setStyle(
        padding(
            10,
            6,
            5,
            6,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.primary_wash)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.75, reportlab_color(palette.primary_tint)),
            ],
        )
    )
    return padded(strip, kit.width, top=0, bottom=11)


def caution_box(kit: Kit, caution: str, width: float) -> Table:
    """The caution in a red-marked box sized for the card's narrow side column."""
    styles, palette = kit.styles, kit.styles.palette
    icon = Icon("triangle", "!", palette.warning, styles.body_fonts.bold, size=16 * styles.scale)
    label_style = styles.callout_label.clone(
        "caution_label", textColor=reportlab_color(palette.warning), spaceAfter=0
    )
    label = kit.row_table(
        [[icon, MeasuredParagraph(markup.escape(kit.labels.caution), label_style)]],
        [22 * styles.scale, None],
    )
    label.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    text = para(
        caution,
        styles.caution.clone(
            "caution_text", fontSize=11 * styles.scale, leading=14.5 * styles.scale
        ),
    )
    box = tag(layout_table([[label], [text]], colWidths=[width]), "Div", rank=CARD_ORDER["caution"])
    box.setStyle(
        padding(
            8,
            8,
            4,
            6,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.warning_tint)),
                (
                    "LINEAFTER" if kit.right_to_left else "LINEBEFORE",
                    (0, 0),
                    (-1, -1),
                    3,
                    reportlab_color(palette.warning),
                ),
                ("TOPPADDING", (0, 0), (-1, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ],
        )
    )
    return box


def video_block(kit: Kit, url: str, width: float) -> Table:
    """A QR code to scan, and the address as a link for those who type it."""
    styles, palette = kit.styles, kit.styles.palette
    link = markup.escape(url)
    small = styles.small.clone(
        "video_link", fontSize=9.5 * styles.scale, leading=12 * styles.scale, spaceAfter=0
    )
    text = [
        MeasuredParagraph(
            markup.escape(kit.labels.video),
            styles.callout_label.clone("video", fontSize=11 * styles.scale),
        ),
        MeasuredParagraph(
            f'<a href="{link}" color="{palette.primary_text}"><u>{link}</u></a>', small
        ),
    ]
    ink = gray_hex(palette.ink) if kit.pictures.gray else palette.ink
    qr = tag(
        LinkedQr(url, 50 * styles.scale, ink),
        "Figure",
        alt=f"QR code: {url}",
        lang=None if languages.primary(kit.language) == "en" else "en",
        label=url,
    )
    block = kit.row_table([[qr, text]], [58 * styles.scale, width - 58 * styles.scale])
    tag(block, "Div", rank=CARD_ORDER["steps"])
    block.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return block
