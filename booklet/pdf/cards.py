"""A Stretch -> its card, laid out for the width it is given: a header with the number and
name, the figure or picture, the numbered steps, the video link, the caution and the
dosage strip.

A card chooses its arrangement from its width and its figure: on a wide frame an upright
figure stands in a column beside the steps; on a narrow frame (A5, half-letter, large
print), or for a figure lying down or on all fours, the figure goes across the top (with
the caution beside it when there is room) and the steps run the full width below. The
figure shrinks before the card would split; a card taller than a page splits between
steps, each later piece under a "continued" header (see `card_flow`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.platypus import Flowable, ListFlowable, ListItem, Spacer, Table

from booklet.assets import images
from booklet.assets.colors import gray_hex, reportlab_color
from booklet.figures.draw import figure_art as drawn_figure
from booklet.model import Stretch
from booklet.pdf.blocks import (
    Box,
    Kit,
    described_qr,
    figure_art,
    layout_table,
    list_indent,
    padded,
    padding,
    para,
    picture_art,
)
from booklet.pdf.card_flow import CardFlow
from booklet.pdf.dosage import DoseCell, dosage_strip, dose_cells, fits, strip_table
from booklet.pdf.drawn import Icon
from booklet.pdf.keeping import stacked_height
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.tagging import ARTIFACT, CARD_ORDER, Tag, grouped, tag, tag_of, tagged_list
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import markup

WIDE_FRAME = 400.0  # points: from this width (in regular print) a figure may stand beside
LYING = 1.3  # a figure this much wider than tall spans the card instead of a column
FIGURE_SCALES = (1.0, 0.85, 0.7, 0.55, 0.42)  # tried in turn until the card fits
COMPACT_SCALES = (1.0, 0.85, 0.7)  # a handout's figures are small already
SIDE = 14.0  # the card's inner padding at each side
CAUTION_COLUMN = 150.0  # the least width of a caution beside a figure, in regular print
VIDEO_COLUMN = 210.0  # the least width beside a figure that also takes the video's code
COMPACT_GAP = 8  # points between a handout's cards
CAUTION_COLUMN_SHARE = 0.26  # of a handout card's width, for a caution under the figure
COMPACT_BESIDE = 300.0  # points: from this width a handout's figure stands beside the steps


@dataclass(frozen=True)
class CardShape:
    """How a card is arranged at one width: the figure `beside` the steps or across the
    top, the box the figure is fitted into, and the caution beside the figure or not."""

    beside: bool
    figure_box: Box
    caution_beside_figure: bool
    caution_under_figure: bool = False


class StretchCard:
    """One stretch's card, which can lay itself out for any width and page height."""

    def __init__(self, kit: Kit, stretch: Stretch, number: int) -> None:
        self.kit, self.stretch, self.number = kit, stretch, number

    @property
    def has_figure(self) -> bool:
        return self.stretch.figure is not None or self.stretch.picture is not None

    @functools.cached_property
    def dose_cells(self) -> list[DoseCell]:
        """The dosage cells, measured once: every version of the card shares them, and only
        one version is ever drawn."""
        return dose_cells(self.kit, self.stretch, CARD_ORDER["dosage"])

    @functools.cached_property
    def figure_aspect(self) -> float:
        """The figure's width over its height (1 without a figure)."""
        stretch = self.stretch
        if stretch.figure is not None:
            art = drawn_figure(stretch.figure, self.kit.figure_colors, self.kit.pictures.gray)
            return art.width / art.height
        if stretch.picture is not None:
            width, height = images.pixel_size(stretch.picture.path)
            return width / height
        return 1.0

    def shape(self, width: float, scale: float = 1.0, across: bool = False) -> CardShape:
        """The arrangement for a card `width` wide, its figure box at `scale` of the full;
        `across` puts the figure across the top in any case (a card to split by steps)."""
        kit, inner = self.kit, width - 2 * SIDE
        lying = self.figure_aspect >= LYING
        if kit.compact:
            return self.compact_shape(width, scale, across, lying)
        wide_frame = width >= WIDE_FRAME and not kit.large_print
        if wide_frame and not lying and not across:
            return CardShape(True, (width * 0.27 * scale, 120.0 * scale), False)
        tall = (150.0 if wide_frame else 175.0) * kit.styles.scale**0.5 * scale
        # a card that splits keeps its caution in a row of its own, which can split too
        room_for_caution = self.stretch.caution is not None and not across
        if lying:
            box = (inner * (0.55 if wide_frame else 1.0) * scale, tall * 0.7)
            beside = inner - box[0] >= CAUTION_COLUMN * kit.styles.scale
            return CardShape(False, box, room_for_caution and beside, across)
        return CardShape(False, (inner * 0.42 * scale, tall), room_for_caution, across)

    def compact_shape(self, width: float, scale: float, across: bool, lying: bool) -> CardShape:
        """A handout's card: the figure small, in a column beside the steps wherever the
        steps keep room enough, else across the top at a third of the usual height."""
        kit, inner = self.kit, width - 2 * SIDE
        if width >= COMPACT_BESIDE * kit.styles.scale and not across:
            tall = 84.0 * scale
            # a slim standing figure takes only its own width, leaving the steps the rest;
            # the video's code needs its own
            column = width * (0.24 if lying else 0.17) * scale
            needed = tall * self.figure_aspect + 2 if self.has_figure else column
            if self.stretch.video:
                needed = max(needed, 48.0 * kit.styles.scale)
            return CardShape(True, (min(column, needed), tall), False)
        tall = 95.0 * kit.styles.scale**0.5 * scale
        caution = self.stretch.caution is not None and not across
        return CardShape(False, (inner * (0.6 if lying else 0.4), tall), caution, across)

    def largest_figure_box(self, width: float) -> Box:
        return self.shape(width).figure_box

    def laid_out(self, width: float, page_height: float) -> list[Flowable]:
        """The card's bookmark and the card, marked as one block, for a frame `width` wide
        whose empty page holds `page_height`: the largest figure with which it fits a
        page, and smaller ones it takes instead where one fits what is left of a page."""
        shelf = self.kit.cards
        made = shelf.card(self, width, page_height) if shelf else None
        card, height = made or self.sized(width, page_height)
        stretch = self.stretch
        mark = Anchor(Bookmark(stretch.name, f"stretch-{stretch.id}", level=1))
        title = card.rows[0]
        titles = (title.title,) if isinstance(title, CardHeader) else ()
        block = marked("card", [card], stretch.name, titles=titles, height=height)
        return [mark, *grouped("Div", block, ordered=True)]

    def sized(self, width: float, page_height: float) -> tuple[CardFlow, float]:
        """The card with the largest figure with which it fits a page, and its height;
        it makes the smaller versions when asked for."""
        scales = list(COMPACT_SCALES if self.kit.compact else FIGURE_SCALES)
        while True:
            scale = scales.pop(0)
            card = self.flow(width, page_height, self.shape(width, scale))
            height = card.wrap(width, page_height)[1]
            if height <= page_height or not scales:
                break
        if height > page_height:  # to split by steps, with its figure at full size
            card = self.flow(width, page_height, self.shape(width, across=True))
            height = card.wrap(width, page_height)[1]
        card.smaller_scales = tuple(scales)
        if scales:  # the figure's box is as tall as the figure can be
            card.most_saved = self.shape(width, scale).figure_box[1] * (1 - scales[-1] / scale)
        card.version = lambda scale: self.flow(width, page_height, self.shape(width, scale))
        return card, height

    def flow(self, width: float, page_height: float, shape: CardShape) -> CardFlow:
        """The card in `shape`; one in rows (figure across the top) may split between steps."""
        rows: list[Flowable] = [CardHeader(self.kit, self.stretch, self.number, width)]
        breaks: set[int] = set()
        strip_inside = False
        if shape.beside and self.kit.compact:
            body, strip_inside = self.compact_side_rows(width, shape)
            rows.append(body)
        elif shape.beside:
            rows += self.side_rows(width, shape)
        else:
            top, steps_at = self.top_rows(width, shape)
            # between steps, and after the last when a video or caution follows; the first
            # step stays with the figure, and the dosage never goes on alone
            ends = [*steps_at[1:], steps_at[-1] + 1] if steps_at else []
            breaks = {len(rows) + at for at in ends if at < len(top) - 1}
            rows += top
        if not strip_inside:
            rows.append(dosage_strip(self.kit, self.dose_cells, width))
        card = CardFlow(
            rows,
            width,
            page_height,
            self.kit.styles.palette.primary,
            self.continued_header(width),
            self.stretch.name,
            frozenset(breaks),
        )
        if self.kit.compact:
            card.spaceAfter = COMPACT_GAP
        return card

    def continued_header(self, width: float) -> Callable[[], Flowable]:
        return lambda: CardHeader(self.kit, self.stretch, self.number, width, continued=True)

    def side_rows(self, width: float, shape: CardShape) -> list[Flowable]:
        """The figure, with the caution under it, in a column beside the steps."""
        kit, stretch = self.kit, self.stretch
        side_width = shape.figure_box[0] + 20
        has_side = self.has_figure or stretch.caution is not None
        main_width = width - side_width if has_side else width
        main = [*self.purpose(), self.steps(range(len(stretch.steps)))]
        if stretch.video:
            main += [Spacer(1, 4), video_block(kit, stretch.video, main_width - 2 * SIDE)]
        figure = self.figure(shape.figure_box)
        side: list[Flowable] = [figure, Spacer(1, 8)] if figure is not None else []
        if stretch.caution:
            side.append(caution_box(kit, stretch.caution, side_width - 2 * SIDE))
        cells, widths = (
            ([kit.reading_order([side, main])], kit.reading_order([side_width, main_width]))
            if has_side
            else ([[main]], [main_width])
        )
        body = layout_table(cells, colWidths=widths)
        body.setStyle(padding(SIDE, SIDE, 9, 6, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [body]

    def compact_side_rows(self, width: float, shape: CardShape) -> tuple[Flowable, bool]:
        """A handout's card: the figure, and the video's code under it, in a narrow column;
        the steps and (where its cells fit in one row) the dosage strip beside them. The
        caution goes under the steps, or under the figure in a column widened for it where
        that makes the card shorter. Says whether the strip is in the card's body; if not,
        it goes across the card's foot."""
        kit = self.kit
        narrow = shape.figure_box[0] + 16
        tall = shape.figure_box[1]
        layouts = [self.compact_columns(width, narrow, tall, caution_beside=False)]
        if self.stretch.caution:
            wide = max(narrow, width * CAUTION_COLUMN_SHARE)
            layouts.append(self.compact_columns(width, wide, tall, caution_beside=True))
        _, side_width, side, main, strip_inside = min(layouts, key=lambda made: made[0])
        body = layout_table(
            [kit.reading_order([side, main])],
            colWidths=kit.reading_order([side_width, width - side_width]),
        )
        bottom = 6 if strip_inside else 4
        body.setStyle(padding(SIDE, SIDE, 5, bottom, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return body, strip_inside

    def compact_columns(
        self, width: float, side_width: float, tall: float, caution_beside: bool
    ) -> tuple[float, float, list[Flowable], list[Flowable], bool]:
        """One way to fill a handout card's two columns, and how tall it comes out."""
        kit, stretch = self.kit, self.stretch
        inner, side_inner = width - side_width - 2 * SIDE, side_width - 2 * SIDE
        main: list[Flowable] = [self.steps(range(len(stretch.steps)))]
        if stretch.caution and not caution_beside:
            main += [Spacer(1, 3), compact_caution(kit, stretch.caution, inner)]
        strip_inside = fits(self.dose_cells, inner, whole=True)
        if strip_inside:
            main += [Spacer(1, 4), strip_table(kit, self.dose_cells, inner)]
        side: list[Flowable] = []
        figure = self.figure((side_width - 16, tall))
        if figure is not None:
            side.append(figure)
        if stretch.video:
            side += [Spacer(1, 6), compact_video(kit, stretch.video)]
        if stretch.caution and caution_beside:
            side += [Spacer(1, 6), compact_caution(kit, stretch.caution, side_inner)]
        height = max(column_height(side, side_inner), column_height(main, inner))
        if not strip_inside:
            height += 40  # the strip across the foot, about
        return height, side_width, side, main, strip_inside

    def top_rows(self, width: float, shape: CardShape) -> tuple[list[Flowable], list[int]]:
        """The figure across the top, then one row per step, so a long card can split
        between steps; the caution (and the video's code, on a wide card) beside the figure
        when there is room, else at the end."""
        kit, stretch = self.kit, self.stretch
        inner = width - 2 * SIDE
        rows: list[Flowable] = []
        figure = self.figure(shape.figure_box)
        caution = shape.caution_beside_figure and figure is not None and stretch.caution
        video = stretch.video if not caution else None
        if figure is not None and caution and stretch.caution:
            left = figure.width + 14.0
            beside: list[Flowable] = [caution_box(kit, stretch.caution, inner - left)]
            if stretch.video and inner - left >= VIDEO_COLUMN * kit.styles.scale:
                beside += [Spacer(1, 8), video_block(kit, stretch.video, inner - left)]
            else:
                video = stretch.video
            band = kit.row_table([[figure, beside]], [left, inner - left])
            band.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
            rows.append(padded(band, width, top=10, bottom=6))
        elif figure is not None:
            rows.append(padded(figure, width, top=10, bottom=6))
        caution_row = stretch.caution and not caution
        if caution_row and shape.caution_under_figure and stretch.caution:
            rows.append(padded(self.caution(inner), width, top=6, bottom=2))
            caution_row = False
        if stretch.purpose and not kit.compact:  # a handout's card has it in its header
            rows.append(padded(self.purpose()[0], width, top=6, bottom=2))
        steps_at = []
        for index in range(len(stretch.steps)):
            steps_at.append(len(rows))
            rows.append(padded(self.steps(range(index, index + 1)), width, top=2, bottom=0))
        if video:
            rows.append(padded(video_block(kit, video, inner), width, top=6, bottom=2))
        if caution_row and stretch.caution:
            rows.append(padded(self.caution(inner), width, top=6, bottom=2))
        rows.append(Spacer(1, 8))
        return rows, steps_at

    def caution(self, width: float) -> Table:
        """The caution in a row of its own: one line shorter on a handout's card."""
        assert self.stretch.caution is not None
        made = compact_caution if self.kit.compact else caution_box
        return made(self.kit, self.stretch.caution, width)

    def figure(self, box: Box) -> Flowable | None:
        """The drawn figure or the picture, fitted into `box`."""
        kit, stretch = self.kit, self.stretch
        image: Flowable | None = None
        if stretch.figure is not None:
            image = figure_art(kit, stretch.figure, box)
        elif stretch.picture is not None:
            image = picture_art(kit, stretch.picture, box)
        if image is not None:
            image.hAlign = "CENTER"
            tag(image, tag_of(image) or Tag("Figure"), rank=CARD_ORDER["figure"])
        return image

    def purpose(self) -> list[Flowable]:
        if not self.stretch.purpose:
            return []
        purpose = para(self.stretch.purpose, self.kit.styles.card_purpose)
        return [tag(purpose, "P", rank=CARD_ORDER["purpose"]), Spacer(1, 4)]

    def steps(self, numbers: range) -> ListFlowable:
        """The steps numbered `numbers` (from 0) as a numbered list; the rows of a card that
        splits between steps make one list in the structure tree, keyed by the stretch."""
        styles = self.kit.styles
        items = [ListItem(para(self.stretch.steps[n], styles.step)) for n in numbers]
        steps = ListFlowable(
            items,
            bulletType="1",
            start=numbers.start + 1,
            bulletFormat="%s.",
            **list_indent(styles.step, 20 * styles.scale),
            bulletColor=reportlab_color(styles.palette.primary_text),
            bulletFontName=styles.body_fonts.bold,
            bulletFontSize=styles.step.fontSize,
        )
        return tagged_list(
            steps, Tag("L", rank=CARD_ORDER["steps"], key=f"steps-{self.stretch.id}")
        )


class CardHeader(Table):
    """The card's number and name on the card's colour; on a later piece of a split card,
    followed by the word for "continued" in the card's language."""

    def __init__(
        self, kit: Kit, stretch: Stretch, number: int, width: float, continued: bool = False
    ) -> None:
        styles = kit.styles
        text = f"{number}.&nbsp;&nbsp;{markup.tie_last_words(markup.inline(stretch.name))}"
        if continued:
            text += f' <font size="{styles.card_title.fontSize * 0.75:.1f}">'
            text += f"({markup.escape(kit.labels.continued)})</font>"
        elif kit.compact and stretch.purpose:
            # a handout's card says what the exercise is for in its header, saving a line
            purpose = markup.tie_last_words(markup.inline(stretch.purpose))
            text += (
                f'&nbsp;&nbsp;<font name="{styles.body_fonts.italic}" '
                f'size="{styles.card_title.fontSize * 0.78:.1f}">{purpose}</font>'
            )
        self.title = MeasuredParagraph(text, styles.card_title)
        # a later piece's header repeats the title: decoration, read once
        # (a level-2 heading in a compact handout, which has no section headings over it)
        level = "H2" if kit.compact else "H3"
        tag(self.title, ARTIFACT if continued else Tag(level, rank=CARD_ORDER["title"]))
        super().__init__([[self.title]], colWidths=[width])
        background = ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(styles.palette.primary))
        top, bottom = (2, 4) if kit.compact else (4, 6)
        self.setStyle(padding(SIDE, SIDE, top, bottom, [background]))


DOSE_CELL_PADDING = 16  # left and right padding of a dosage cell


def caution_box(kit: Kit, caution: str, width: float) -> Table:
    """The caution in a red-marked box `width` wide."""
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
    qr = described_qr(kit, url, 50 * styles.scale, ink)
    block = kit.row_table([[qr, text]], [58 * styles.scale, width - 58 * styles.scale])
    tag(block, "Div", rank=CARD_ORDER["video"])
    block.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return block


def column_height(flowables: list[Flowable], width: float) -> float:
    return stacked_height(flowables, width, 1e6)


def compact_caution(kit: Kit, caution: str, width: float) -> Table:
    """A handout's caution: the warning sign, then "Caution:" leading its text, in a
    red-marked box one or two lines tall."""
    styles, palette = kit.styles, kit.styles.palette
    icon = Icon("triangle", "!", palette.warning, styles.body_fonts.bold, size=14 * styles.scale)
    style = styles.caution.clone(
        "compact_caution", fontSize=10 * styles.scale, leading=12.5 * styles.scale
    )
    label = markup.escape(kit.labels.introducing(kit.labels.caution))
    text = MeasuredParagraph(
        f'<font color="{palette.warning}"><b>{label}</b></font>{markup.inline(caution)}', style
    )
    box = kit.row_table([[icon, text]], [20 * styles.scale, width - 20 * styles.scale])
    tag(box, "Div", rank=CARD_ORDER["caution"])
    box.setStyle(
        padding(
            7,
            8,
            4,
            5,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.warning_tint)),
                ("LINEAFTER", (-1, 0), (-1, -1), 3, reportlab_color(palette.warning))
                if kit.right_to_left
                else ("LINEBEFORE", (0, 0), (0, -1), 3, reportlab_color(palette.warning)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ],
        )
    )
    return box


def compact_video(kit: Kit, url: str) -> Table:
    """A handout's video: the code to scan, with a short label under it."""
    styles = kit.styles
    size = 40 * styles.scale
    ink = gray_hex(styles.palette.ink) if kit.pictures.gray else styles.palette.ink
    label_style = styles.small.clone(
        "video_label",
        fontSize=8.5 * styles.scale,
        leading=10 * styles.scale,
        spaceAfter=0,
        alignment=1,
    )
    label = MeasuredParagraph(markup.escape(kit.labels.video), label_style)
    block = layout_table([[described_qr(kit, url, size, ink)], [label]], colWidths=[None])
    block.setStyle(
        padding(
            0, 0, 0, 0, [("ALIGN", (0, 0), (-1, -1), "CENTER"), ("TOPPADDING", (0, 1), (-1, 1), 2)]
        )
    )
    block.hAlign = "CENTER"
    return tag(block, "Div", rank=CARD_ORDER["video"])


def stretch_card(kit: Kit, stretch: Stretch, number: int) -> list[Flowable]:
    """One stretch's card for the kit's frame, with its bookmark, marked as one block."""
    return StretchCard(kit, stretch, number).laid_out(kit.width, kit.height)
