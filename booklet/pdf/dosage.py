"""A Stretch's dosage -> the strip of labelled cells under its card (hold, repeat, sets,
sides, how often, and the rest of a full prescription the stretch gives: duration, days a
week, rest, tempo, load, effort), set in one row where the values fit whole, else in the
fewest even rows.

Widths are measured in the language being printed: a label or value never breaks inside a
word, and a number stays on the line of its unit ("30 segundos")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table

from booklet.assets.colors import reportlab_color
from booklet.model import Stretch
from booklet.pdf.blocks import Kit, layout_table, padded, padding, para
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.paragraphs import with_fallback
from booklet.words import markup
from booklet.words.phrases import dosage_values

CELL_PADDING = (10.0, 6.0)  # left and right, inside each cell
COMPACT_CELL_PADDING = (7.0, 4.0)  # the same on a handout's card


def cell_padding(kit: Kit) -> tuple[float, float]:
    return COMPACT_CELL_PADDING if kit.compact else CELL_PADDING


WIDE = 1e6
NUMBER_AND_UNIT = re.compile(r"(\d)\s+(?=\S)")


@dataclass(frozen=True)
class DoseCell:
    """A label over its value, with the width each needs: `whole`, to print both without a
    line break; `least`, to break no word."""

    label: Flowable
    value: Flowable
    whole: float
    least: float


def dosage_strip(kit: Kit, cells: list[DoseCell], width: float) -> Table:
    """The cells (see `dose_cells`) in the card's side padding, for a card `width` wide."""
    return padded(
        strip_table(kit, cells, width - 28), width, top=0, bottom=6 if kit.compact else 11
    )


def strip_table(kit: Kit, cells: list[DoseCell], inner: float) -> Table:
    """The cells across `inner`, in one row or the fewest even rows."""
    # a handout's card keeps its cells in one row where they need only break between words
    one_row = fits(cells, inner, whole=True) or (
        kit.compact and len(cells) <= 5 and fits(cells, inner, whole=False)
    )
    rows = [len(cells)] if one_row else even_rows(cells, inner)
    tables, start = [], 0
    for count in rows:
        tables.append(dose_row(kit, cells[start : start + count], inner))
        start += count
    strip = layout_table([[table] for table in tables], colWidths=[inner])
    strip.setStyle(
        padding(
            0,
            0,
            0,
            0,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(kit.styles.palette.primary_wash)),
                (
                    "LINEBELOW",
                    (0, 0),
                    (-1, -2),
                    0.75,
                    reportlab_color(kit.styles.palette.primary_tint),
                ),
            ],
        )
    )
    return strip


def dose_cells(kit: Kit, stretch: Stretch) -> list[DoseCell]:
    styles, labels = kit.styles, kit.labels
    muted = styles.dose_value.clone("dose_missing", textColor=reportlab_color(styles.palette.rule))
    cells = []
    for label, value in dosage_values(labels, stretch):
        kept = NUMBER_AND_UNIT.sub("\\1\u00a0", value) if value else None
        label_text = markup.escape(label.upper())
        label_para = MeasuredParagraph(label_text, styles.dose_label)
        shown = para(kept, styles.dose_value) if kept else MeasuredParagraph(labels.not_set, muted)
        whole = max(line_width(label_para), line_width(shown))
        least = max(
            widest_word(label_text, styles.dose_label), widest_word(kept or "", styles.dose_value)
        )
        padding_width = sum(cell_padding(kit))
        cells.append(DoseCell(label_para, shown, whole + padding_width, least + padding_width))
    return cells


def line_width(paragraph: MeasuredParagraph) -> float:
    """How wide `paragraph` prints on one line, fallback fonts and all."""
    paragraph.wrap(WIDE, WIDE)
    return max(paragraph.getActualLineWidths0() or [0.0])


def widest_word(text: str, style: ParagraphStyle) -> float:
    """The width of the widest word of `text` (a word being what stands between spaces):
    measured in the style's font where it has every letter, else as a paragraph set with
    its fallback fonts."""
    words = [word for word in text.split(" ") if word.strip()]
    font, size = style.fontName, style.fontSize
    if words and with_fallback(markup.escape(text), font) == markup.escape(text):
        return max(stringWidth(word, font, size) for word in words)
    return max(
        (line_width(MeasuredParagraph(markup.inline(word), style)) for word in words), default=0.0
    )


def fits(cells: list[DoseCell], width: float, whole: bool) -> bool:
    return sum(cell.whole if whole else cell.least for cell in cells) <= width


def even_rows(cells: list[DoseCell], width: float) -> list[int]:
    """The fewest rows of about as many cells each (five cells: three over two, or two
    over three) in which every value prints whole, or else breaks no word; never an empty
    cell. Where no two rows break no word, five cells stay in two rows."""
    for count in range(2, len(cells) + 1):
        for whole in (True, False):
            for sizes in split_evenly(len(cells), count):
                rows, start = [], 0
                for size in sizes:
                    rows.append(cells[start : start + size])
                    start += size
                if all(fits(row, width, whole) for row in rows):
                    return sizes
    return [3, len(cells) - 3] if len(cells) == 5 else [1] * len(cells)


def split_evenly(total: int, count: int) -> list[list[int]]:
    """`total` cells in `count` rows differing by one at most: the fuller rows first, then
    the same rows the other way round."""
    small, extra = divmod(total, count)
    sizes = [small + 1] * extra + [small] * (count - extra)
    return [sizes, sizes[::-1]] if extra else [sizes]


def dose_row(kit: Kit, cells: list[DoseCell], width: float) -> Table:
    """One row of cells across `width`: each gets what it needs, and the rest is shared."""
    needs = [cell.whole for cell in cells]
    if sum(needs) > width:  # each its least, and what is left shared as each lacks
        lacking = [cell.whole - cell.least for cell in cells]
        # a point to spare each, so that rounding never breaks a word measured to fit
        left = max(0.0, width - sum(cell.least + 1 for cell in cells))
        needs = [
            cell.least + 1 + (left * lack / sum(lacking) if sum(lacking) else 0.0)
            for cell, lack in zip(cells, lacking, strict=True)
        ]
    spare = (width - sum(needs)) / len(cells)
    widths = [need + spare for need in needs]
    row = kit.row_table([[[cell.label, cell.value] for cell in cells]], widths)
    top, bottom = (2, 3) if kit.compact else (5, 6)
    row.setStyle(
        padding(
            *cell_padding(kit),
            top,
            bottom,
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                (
                    "LINEBEFORE",
                    (1, 0),
                    (-1, -1),
                    0.75,
                    reportlab_color(kit.styles.palette.primary_tint),
                ),
            ],
        )
    )
    return row
