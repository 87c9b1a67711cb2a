"""A Booklet -> the pages a patient fills in at home: the weekly exercise log, "My
questions for my clinician", and lined notes pages (which also pad a folded booklet)."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from booklet.assets.colors import reportlab_color
from booklet.model import Booklet, Stretch
from booklet.pdf.blocks import Kit, layout_table, padding, para
from booklet.pdf.drawn import LinesToFill, Rule, TickBoxes, WritingLines
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.tagging import Place, grouped, tag
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import markup
from booklet.words.phrases import dosage_line, times_a_day

LOG, QUESTIONS, NOTES = "log", "questions", "notes"
TICK_BOX = 15  # points: over 5 mm, room for a tick or a cross made with a pen
LINE_SPACING = 30


def take_home_pages(kit: Kit, booklet: Booklet, fillers: int = 0) -> list[Flowable]:
    """The pages the content (or the command line) asks for, then `fillers` more useful pages."""
    kinds = [
        kind
        for kind, wanted in ((LOG, booklet.exercise_log), (QUESTIONS, booklet.questions_page))
        if wanted and (kind != LOG or booklet.stretches())
    ]
    kinds += filler_kinds(booklet, fillers)
    flowables: list[Flowable] = []
    for number, kind in enumerate(kinds, start=1):
        page = page_of_kind(kit, booklet, kind, number)
        flowables += [page[0], *grouped("Sect", page[1:])]  # the page break, then the page
    return flowables


def filler_kinds(booklet: Booklet, count: int) -> list[str]:
    """Pages that pad a folded booklet: the log and the questions page if not already in,
    then notes pages. Never blank ones."""
    candidates = []
    if booklet.stretches() and not booklet.exercise_log:
        candidates.append(LOG)
    if not booklet.questions_page:
        candidates.append(QUESTIONS)
    candidates += [NOTES] * count
    return candidates[:count]


def page_of_kind(kit: Kit, booklet: Booklet, kind: str, number: int) -> list[Flowable]:
    if kind == LOG:
        return exercise_log(kit, booklet.stretches(), f"log-{number}")
    title = kit.labels.my_questions if kind == QUESTIONS else kit.labels.notes
    hint = kit.labels.questions_hint if kind == QUESTIONS else None
    return lined_page(kit, title, hint, f"{kind}-{number}", in_contents=kind == QUESTIONS)


def page_heading(kit: Kit, title: str, key: str, in_contents: bool = True) -> list[Flowable]:
    return [
        PageBreak(),
        Anchor(Bookmark(title, key, level=0, in_contents=in_contents)),
        tag(MeasuredParagraph(markup.escape(title), kit.styles.heading), "H2"),
        Rule(kit.styles.palette.accent, 3, length=48, space_before=2, space_after=12),
    ]


def lined_page(
    kit: Kit, title: str, hint: str | None, key: str, in_contents: bool
) -> list[Flowable]:
    """A heading, a line of advice, and ruled lines to the foot of the page."""
    flowables = page_heading(kit, title, key, in_contents)
    if hint:
        flowables += [MeasuredParagraph(markup.escape(hint), kit.styles.body), Spacer(1, 6)]
    flowables.append(LinesToFill(LINE_SPACING, kit.styles.palette.rule))
    return flowables


def exercise_log(kit: Kit, stretches: tuple[Stretch, ...], key: str) -> list[Flowable]:
    """Days across, stretches (with their dosage) down, a tick box per time a day, and a
    row to write the day's pain score in."""
    labels, styles, palette = kit.labels, kit.styles, kit.styles.palette
    flowables = page_heading(kit, labels.exercise_log, key)
    flowables += [
        MeasuredParagraph(markup.escape(labels.log_hint), styles.body),
        Spacer(1, 4),
        week_line(kit),
        Spacer(1, 12),
    ]
    days = labels.day_names()
    day_width = min(40.0, kit.width * 0.56 / len(days))
    name_width = kit.width - day_width * len(days)
    header_style = styles.dose_label.clone("log_day", alignment=1)
    header: list[Flowable | str] = [
        MeasuredParagraph(markup.escape(labels.stretch.upper()), styles.dose_label)
    ]
    header += [MeasuredParagraph(markup.escape(day.upper()), header_style) for day in days]
    for column, cell in enumerate(header):
        tag(cell, "TH", place=Place("table", key, 0, column), scope="Column")
    rows: list[list[Flowable | str]] = [header]
    for row, stretch in enumerate(stretches, start=1):
        boxes = times_a_day(stretch.frequency)
        rows.append(
            [
                stretch_cell(kit, stretch, Place("table", key, row, 0)),
                *[
                    tag(
                        TickBoxes(boxes, TICK_BOX, palette.ink),
                        "TD",
                        place=Place("table", key, row, column),
                    )
                    for column in range(1, len(days) + 1)
                ],
            ]
        )
    pain_style = styles.dose_value.clone("log_pain", fontName=styles.body_fonts.bold)
    pain = MeasuredParagraph(markup.escape(labels.pain_score), pain_style)
    tag(pain, "TH", place=Place("table", key, len(rows), 0), scope="Row")
    rows.append([pain, *[""] * len(days)])
    table = layout_table(rows, colWidths=[name_width, *[day_width] * len(days)], repeatRows=1)
    table.setStyle(log_style(kit, len(rows)))
    flowables.append(table)
    return flowables


def week_line(kit: Kit) -> Table:
    label = MeasuredParagraph(markup.escape(kit.labels.week_of), kit.styles.dose_value)
    line = WritingLines(1, 10, kit.styles.palette.ink)
    table = layout_table([[label, line]], colWidths=[70, 170], hAlign="LEFT")
    table.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return table


def stretch_cell(kit: Kit, stretch: Stretch, place: Place) -> list[Flowable]:
    """The stretch's name and dosage: one row header cell at `place`."""
    styles = kit.styles
    name = para(stretch.name, styles.dose_value.clone("log_name", fontName=styles.body_fonts.bold))
    dosage = dosage_line(kit.labels, stretch)
    small = styles.small.clone("log_dosage", fontSize=8.5, leading=10.5, spaceAfter=0)
    cell = [name, para(dosage, small)] if dosage else [name]
    return [tag(paragraph, "TH", place=place, scope="Row") for paragraph in cell]


def log_style(kit: Kit, row_count: int) -> TableStyle:
    palette = kit.styles.palette
    return padding(
        6,
        6,
        4,
        4,
        [
            ("GRID", (0, 0), (-1, -1), 0.75, reportlab_color(palette.rule)),
            ("BACKGROUND", (0, 0), (-1, 0), reportlab_color(palette.primary_wash)),
            ("BACKGROUND", (0, row_count - 1), (-1, -1), reportlab_color(palette.note_tint)),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (1, 0), (-1, -1), 2),
            ("RIGHTPADDING", (1, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("TOPPADDING", (0, row_count - 1), (-1, -1), 12),
            ("BOTTOMPADDING", (0, row_count - 1), (-1, -1), 12),
        ],
    )
