"""A patient's exercises with their dosage -> the two-week tracking chart of a compact
handout: the exercises down, fourteen days across (two weeks side by side, or one over
the other on a narrow page), a tick box a day, and a row for the day's pain score."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from booklet.assets.colors import reportlab_color
from booklet.model import Stretch
from booklet.pdf.blocks import Kit, layout_table, padding, para
from booklet.pdf.dosage import line_width
from booklet.pdf.drawn import TickBoxes
from booklet.pdf.keeping import KeptOrShrunk
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import markup
from booklet.words.phrases import dosage_line

DAYS = 7
WEEKS = 2
LEAST_DAY = 19.0  # points: the narrowest day column that still takes a tick box
NAME_SHARE = 0.3  # the exercises' column takes at least this share of a chart's width


def tracking_chart(kit: Kit, stretches: tuple[Stretch, ...]) -> list[Flowable]:
    """The chart under its heading and a line of advice, kept on one page where it fits."""
    labels, styles = kit.labels, kit.styles
    title = MeasuredParagraph(markup.escape(labels.tracking_chart), styles.subheading)
    hint = MeasuredParagraph(markup.escape(labels.chart_hint), styles.small)
    widest = max(line_width(day_name(kit, day)) for day in labels.day_names()) + 4
    least = max(LEAST_DAY * styles.scale, widest)
    weeks_across = kit.width * (1 - NAME_SHARE) / (DAYS * WEEKS) >= least
    tables: list[Flowable] = []
    if weeks_across:
        tables.append(week_table(kit, stretches, range(1, WEEKS + 1)))
    else:
        for week in range(1, WEEKS + 1):
            tables += [week_table(kit, stretches, range(week, week + 1)), Spacer(1, 8)]
    mark = Anchor(Bookmark(labels.tracking_chart, "tracking-chart", level=0))
    group = [mark, title, hint, Spacer(1, 4), *tables]
    return marked("chart", [KeptOrShrunk(group, kit.height)], labels.tracking_chart)


def week_table(kit: Kit, stretches: tuple[Stretch, ...], weeks: range) -> Table:
    """The weeks in `weeks` across: a row naming the weeks, a row of day names, a row per
    exercise and the pain row."""
    labels, styles, palette = kit.labels, kit.styles, kit.styles.palette
    days = labels.day_names()
    columns = DAYS * len(weeks)
    day_width = min(34.0 * styles.scale, kit.width * (1 - NAME_SHARE) / columns)
    name_width = kit.width - day_width * columns
    centred = styles.dose_label.clone("chart_week", alignment=1, spaceAfter=0)
    week_row: list[Flowable | str] = [""]
    day_row: list[Flowable | str] = [
        MeasuredParagraph(markup.escape(labels.stretch.upper()), styles.dose_label)
    ]
    for week in weeks:
        # a spanned cell prints what its first cell holds, which mirrored is the last
        named: list[Flowable | str] = [MeasuredParagraph(markup.escape(labels.week(week)), centred)]
        week_row += (
            [*[""] * (DAYS - 1), *named] if kit.right_to_left else [*named, *[""] * (DAYS - 1)]
        )
        day_row += [day_name(kit, day) for day in days]
    rows: list[list[Flowable | str]] = [week_row, day_row]
    box = min(13.0 * styles.scale, day_width - 6)
    for stretch in stretches:
        rows.append(
            [exercise_cell(kit, stretch), *[TickBoxes(1, box, palette.ink) for _ in range(columns)]]
        )
    pain_style = styles.dose_value.clone("chart_pain", fontName=styles.body_fonts.bold)
    rows.append([MeasuredParagraph(markup.escape(labels.pain_score), pain_style), *[""] * columns])
    widths = kit.reading_order([name_width, *[day_width] * columns])
    table = layout_table([kit.reading_order(row) for row in rows], colWidths=widths, repeatRows=2)
    table.setStyle(chart_style(kit, len(rows), len(weeks)))
    return table


def day_name(kit: Kit, day: str) -> MeasuredParagraph:
    """A day's name as the chart heads its column: as the language writes it, small."""
    styles = kit.styles
    style = styles.dose_label.clone(
        "chart_day",
        fontSize=7.5 * styles.scale,
        leading=9 * styles.scale,
        alignment=1,
        spaceAfter=0,
    )
    return MeasuredParagraph(markup.escape(day.upper()), style)


def exercise_cell(kit: Kit, stretch: Stretch) -> list[Flowable]:
    styles = kit.styles
    bold = styles.dose_value.clone("chart_name", fontName=styles.body_fonts.bold)
    name = para(stretch.name, bold)
    dosage = dosage_line(kit.labels, stretch)
    small = styles.small.clone(
        "chart_dosage", fontSize=8.5 * styles.scale, leading=10.5 * styles.scale, spaceAfter=0
    )
    return [name, para(dosage, small)] if dosage else [name]


def chart_style(kit: Kit, row_count: int, weeks: int) -> TableStyle:
    """A grid; the week and day names on the brand's wash, the pain row tinted, a firmer
    rule where a week starts. Columns are counted as they stand, mirrored right to left."""
    palette = kit.styles.palette
    count = 1 + DAYS * weeks

    def at(column: int) -> int:
        return count - 1 - column if kit.right_to_left else column

    week_columns = [(1 + week * DAYS, week * DAYS + DAYS) for week in range(weeks)]
    spans = [("SPAN", (min(at(a), at(b)), 0), (max(at(a), at(b)), 0)) for a, b in week_columns]
    first_day, last_day = sorted((at(1), at(count - 1)))
    side = "LINEAFTER" if kit.right_to_left else "LINEBEFORE"
    week_rules = [
        (side, (at(a), 0), (at(a), -1), 1.5, reportlab_color(palette.primary))
        for a, _ in week_columns[1:]
    ]
    return padding(
        5,
        5,
        3,
        3,
        [
            ("GRID", (0, 1), (-1, -1), 0.6, reportlab_color(palette.rule)),
            ("BACKGROUND", (0, 0), (-1, 1), reportlab_color(palette.primary_wash)),
            ("BACKGROUND", (0, row_count - 1), (-1, -1), reportlab_color(palette.note_tint)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (first_day, 0), (last_day, -1), 1),
            ("RIGHTPADDING", (first_day, 0), (last_day, -1), 1),
            ("TOPPADDING", (0, row_count - 1), (-1, -1), 10),
            ("BOTTOMPADDING", (0, row_count - 1), (-1, -1), 10),
            *spans,
            *week_rules,
        ],
    )
