"""Pieces of the model -> flowables: text with light markup, pictures, callouts, stretch
cards and quiz questions, all styled from one Styles."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
    Table,
    TableStyle,
)

from booklet import images, markup
from booklet.colors import gray_hex, reportlab_color
from booklet.figures.draw import figure_art as drawn_figure
from booklet.figures.scene import Colors
from booklet.labels import Labels
from booklet.layout.drawn import Artwork, ChoiceMark, Icon, LinkedQr, Picture, WritingLines
from booklet.layout.measured import LayoutTable, Paragraph
from booklet.model import Callout, CalloutKind, Figure, Question, QuestionKind, Stretch
from booklet.model import Picture as PictureModel
from booklet.pages import Anchor, Mark
from booklet.styles import Styles

LETTERS = "ABCDEFGH"
Box = tuple[float, float]


@dataclass
class PictureSizes:
    """Fits pictures into their slots, and prepares each file once at its largest printed size."""

    uses: dict[Path, Box] = field(default_factory=dict)
    gray: bool = False

    def fit(self, path: Path, box: Box) -> Box:
        width, height = images.pixel_size(path)
        scale = min(box[0] / width, box[1] / height)
        return width * scale, height * scale

    def plan(self, path: Path, box: Box) -> None:
        size = self.fit(path, box)
        known = self.uses.get(path, (0.0, 0.0))
        self.uses[path] = (max(known[0], size[0]), max(known[1], size[1]))

    def flowable(self, path: Path, box: Box) -> Picture:
        width, height = self.fit(path, box)
        largest = self.uses.get(path, (width, height))
        return Picture(images.embeddable(path, *largest, self.gray), width, height)


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

    @property
    def narrow(self) -> bool:
        """True on small pages (A5) and in large print, where side-by-side blocks stack."""
        return self.width < 400 or self.large_print

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

    @property
    def card_picture_box(self) -> Box:
        if self.large_print:
            return self.width * 0.6, 170.0
        return self.width * 0.27, 120.0


SPLIT_IN_ROW = 40  # a row taller than a page may split, leaving at least this much on each side


def layout_table(rows: list, colWidths: list, **options: object) -> Table:
    """A ReportLab Table whose rows can split across pages when they are taller than one."""
    return LayoutTable(rows, colWidths=colWidths, splitInRow=SPLIT_IN_ROW, **options)


def para(text: str, style: object) -> Paragraph:
    """A paragraph of plain user text (escaped, with light markup)."""
    return Paragraph(markup.inline(text), style)


MAX_KEPT_ITEMS = 8  # a list this short moves to the next page whole rather than split
MAX_LEAD_IN_CHARS = 160


def text_blocks(kit: Kit, text: str) -> list[Flowable]:
    """Light-markup text -> paragraphs and lists."""
    styles, result = kit.styles, []
    for block in markup.blocks(text):
        if isinstance(block, markup.Paragraph):
            result.append(Paragraph(block.markup, styles.body))
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
        if isinstance(block, markup.Paragraph):
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


def leads_into_a_list(paragraph: markup.Paragraph) -> bool:
    """A short paragraph, or one ending in a colon, belongs with the list after it."""
    plain = re.sub(r"<[^>]+>", "", paragraph.markup).rstrip()
    return plain.endswith(":") or len(plain) <= MAX_LEAD_IN_CHARS


def list_flowable(
    kit: Kit, block: markup.BulletList | markup.NumberedList, style: ParagraphStyle | None = None
) -> ListFlowable:
    styles = kit.styles
    style = style or styles.bullet
    items = [ListItem(Paragraph(text, style)) for text in block.items]
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


def picture_block(kit: Kit, picture: PictureModel | Figure) -> list[Flowable]:
    """A section picture or figure, centred, with its caption: a group to keep on one page."""
    if isinstance(picture, Figure):
        image: Flowable = figure_art(kit, picture, kit.section_picture_box)
    else:
        image = kit.pictures.flowable(picture.path, kit.section_picture_box)
    image.hAlign = "CENTER"
    parts: list[Flowable] = [Spacer(1, 6), image]
    if picture.caption:
        parts.append(para(picture.caption, kit.styles.caption))
    parts.append(Spacer(1, 12))
    return parts


def figure_art(kit: Kit, figure: Figure, box: Box) -> Artwork:
    """A drawn figure filling `box`, keeping its proportions; each pose is stored in the
    PDF once, however often and at whatever size it is printed."""
    art = drawn_figure(figure, kit.figure_colors, kit.pictures.gray)
    k = min(box[0] / art.width, box[1] / art.height)
    drawn = (replace(figure, caption=None, alt=None), kit.figure_colors, kit.pictures.gray)
    name = "figure-" + hashlib.sha256(repr(drawn).encode()).hexdigest()[:16]
    return Artwork(art, name, art.width * k, art.height * k)


def callout_block(kit: Kit, callout: Callout) -> Flowable:
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
    text = [Paragraph(markup.escape(label), label_style), *callout_text(kit, callout.text)]
    table = kit.row_table([[icon, text]], [34 * scale, kit.width - 34 * scale])
    # the coloured bar and the icon stand where lines start
    start, before, after = (-1, "RIGHT", "LEFT") if kit.right_to_left else (0, "LEFT", "RIGHT")
    commands = [
        ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(background)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        (f"{before}PADDING", (0, 0), (-1, -1), 8),
        (f"{before}PADDING", (start, 0), (start, 0), 10),
        (f"{after}PADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 10),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
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
    # never a label alone at the foot of a page; a callout longer than a page still splits
    return KeepTogether([table])


def callout_text(kit: Kit, text: str) -> list[Flowable]:
    flowables = text_blocks(kit, text)
    for flowable in flowables[-1:]:
        flowable.spaceAfter = 0
    return flowables


# --- stretch cards ---------------------------------------------------------------------


def stretch_card(kit: Kit, stretch: Stretch, number: int) -> list[Flowable]:
    """One stretch as a card with its bookmark: a group to keep on one page when it fits.

    A stretch too long for any page is laid out as blocks that flow from page to page.
    """
    mark = Anchor(Mark(stretch.name, f"stretch-{stretch.id}", level=1))
    rows = [
        [card_header(kit, stretch, number)],
        [card_body(kit, stretch)],
        [dosage_strip(kit, stretch)],
    ]
    card = layout_table(rows, colWidths=[kit.width])
    card.setStyle(
        padding(
            0, 0, 0, 0, [("BOX", (0, 0), (-1, -1), 1, reportlab_color(kit.styles.palette.primary))]
        )
    )
    card.spaceAfter = 12
    if card.wrap(kit.width, kit.height)[1] <= kit.height:
        return [mark, card]
    return [mark, *flowing_card(kit, stretch, number)]


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
    title = Paragraph(f"{number}.&nbsp;&nbsp;{markup.inline(stretch.name)}", styles.card_title)
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
    if stretch.purpose:
        main += [para(stretch.purpose, styles.card_purpose), Spacer(1, 4)]
    steps = [ListItem(para(step, styles.step)) for step in stretch.steps]
    main.append(
        ListFlowable(
            steps,
            bulletType="1",
            bulletFormat="%s.",
            **list_indent(styles.step, 20 * styles.scale),
            bulletColor=reportlab_color(styles.palette.primary_text),
            bulletFontName=styles.body_fonts.bold,
            bulletFontSize=styles.step.fontSize,
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
        image = kit.pictures.flowable(stretch.picture.path, kit.card_picture_box)
    if image is not None:
        image.hAlign = "CENTER"
        side += [image, Spacer(1, 8)]
    if stretch.caution and not kit.narrow:
        side.append(caution_box(kit, stretch.caution, width))
    return side


def dosage_values(labels: Labels, stretch: Stretch) -> list[tuple[str, str | None]]:
    """The five dosage fields, always in the same order; None where the stretch has none."""
    return [
        (labels.hold, labels.seconds(stretch.hold_seconds) if stretch.hold_seconds else None),
        (labels.repeat, labels.times(stretch.repeat) if stretch.repeat else None),
        (labels.sets, labels.set_count(stretch.sets) if stretch.sets else None),
        (labels.sides, labels.side(stretch.sides) if stretch.sides else None),
        (labels.frequency, stretch.frequency),
    ]


def dosage_strip(kit: Kit, stretch: Stretch) -> Table:
    """Hold, repeat, sets, sides and how often: five cells, the same on every card.

    On narrow pages (A5) the cells wrap onto two rows, so no value is broken mid-word.
    """
    styles, palette, labels = kit.styles, kit.styles.palette, kit.labels
    muted = styles.dose_value.clone("dose_missing", textColor=reportlab_color(palette.rule))
    cells: list[Any] = []
    for label, value in dosage_values(labels, stretch):
        shown = para(value, styles.dose_value) if value else Paragraph(labels.not_set, muted)
        cells.append([Paragraph(markup.escape(label.upper()), styles.dose_label), shown])
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
        [[icon, Paragraph(markup.escape(kit.labels.caution), label_style)]],
        [22 * styles.scale, None],
    )
    label.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    text = para(
        caution,
        styles.caution.clone(
            "caution_text", fontSize=11 * styles.scale, leading=14.5 * styles.scale
        ),
    )
    box = layout_table([[label], [text]], colWidths=[width])
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
        Paragraph(
            markup.escape(kit.labels.video),
            styles.callout_label.clone("video", fontSize=11 * styles.scale),
        ),
        Paragraph(f'<a href="{link}" color="{palette.primary_text}"><u>{link}</u></a>', small),
    ]
    ink = gray_hex(palette.ink) if kit.pictures.gray else palette.ink
    qr = LinkedQr(url, 50 * styles.scale, ink)
    block = kit.row_table([[qr, text]], [58 * styles.scale, width - 58 * styles.scale])
    block.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return block


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


def question_block(kit: Kit, question: Question, number: int) -> Flowable:
    """A numbered question with circles, boxes or lines to answer on, and no answer."""
    styles = kit.styles
    hint = answer_hint(kit.labels, question)
    text = markup.inline(question.text)
    if hint:
        text += f' <font name="{styles.body_fonts.italic}" color="{styles.palette.muted}">'
        text += f"{markup.escape(hint)}</font>"
    content: list[Flowable] = [Paragraph(text, styles.question)]
    content.append(answer_space(kit, question))
    table = numbered(kit, number, content)
    return KeepTogether([table, Spacer(1, 18)])


def numbered(kit: Kit, number: int, content: list[Flowable]) -> Table:
    """`content` beside its question number, the same in the booklet and the answer key."""
    styles = kit.styles
    number_style = styles.question.clone(
        "number",
        fontName=styles.heading_fonts.bold,
        textColor=reportlab_color(styles.palette.primary_text),
    )
    table = kit.row_table(
        [[Paragraph(f"{number}.", number_style), content]],
        [number_width(kit), kit.width - number_width(kit)],
    )
    table.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def number_width(kit: Kit) -> float:
    """The column a question's number stands in."""
    return 30 * kit.styles.scale


def answer_hint(labels: Labels, question: Question) -> str | None:
    """'Choose one.' and the like, unless the question already says so itself."""
    hint = {
        QuestionKind.SINGLE: labels.choose_one,
        QuestionKind.MULTIPLE: labels.choose_all,
        QuestionKind.TRUE_FALSE: None,
        QuestionKind.SHORT: labels.write_answer,
    }[question.kind]
    if hint and hint.rstrip(".").lower() in question.text.lower():
        return None
    return hint


def answer_space(kit: Kit, question: Question) -> Flowable:
    styles, palette, scale = kit.styles, kit.styles.palette, kit.styles.scale
    if question.kind is QuestionKind.SHORT:
        return WritingLines(question.lines, 28 * scale, palette.rule)
    mark = 13 * scale
    if question.kind is QuestionKind.TRUE_FALSE:
        row = [
            ChoiceMark("circle", mark, palette.ink),
            para(kit.labels.true, styles.choice),
            ChoiceMark("circle", mark, palette.ink),
            para(kit.labels.false, styles.choice),
        ]
        widths = [22 * scale, 90 * scale, 22 * scale, 90 * scale]
        table = kit.row_table([row], widths, hAlign="LEFT")
        return tight(table, extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    shape = "circle" if question.kind is QuestionKind.SINGLE else "square"
    rows = [
        [
            ChoiceMark(shape, mark, palette.ink),
            Paragraph(f"<b>{letter}</b>", styles.choice),
            para(choice, styles.choice),
        ]
        for letter, choice in zip(LETTERS, question.choices, strict=False)
    ]
    widths = [22 * scale, 20 * scale, kit.width - number_width(kit) - 42 * scale]
    table = kit.row_table(rows, widths, hAlign="LEFT")
    return tight(
        table,
        extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)],
    )


def tight(table: Table, extra: Iterable[tuple] = ()) -> Table:
    table.setStyle(padding(0, 0, 0, 0, extra))
    return table


def choice_answer(question: Question, labels: Labels) -> str:
    """The correct answer as the key prints it: 'B. Muscle imbalance', 'True', or the model text."""
    if question.kind is QuestionKind.TRUE_FALSE:
        return labels.true if question.answer else labels.false
    if question.kind is QuestionKind.SHORT:
        return str(question.answer)
    return "; ".join(
        f"{LETTERS[question.choices.index(choice)]}. {choice}"
        for choice in question.correct_choices()
    )
