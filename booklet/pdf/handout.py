"""A Document and one Patient -> their compact handout, the home exercise program a patient
puts on the fridge: the header band, the clinician's notes, the sections the content marks
`handout: true` (shortened to what fits), the exercises as compact cards in the
clinician's order, the two-week tracking chart and the quiz when asked for; a footer on
every page names the patient, the clinician, the date and the clinic's phone in full."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, Spacer, Table

from booklet.assets.colors import reportlab_color
from booklet.document import Document, PrintOptions
from booklet.model import Booklet, Brand, Patient, Stretch
from booklet.pdf.blocks import Kit, callout_text, layout_table, padding
from booklet.pdf.card_flow import CardFlow
from booklet.pdf.cards import StretchCard
from booklet.pdf.handout_header import LOGO_BOX, footer_words, header_band
from booklet.pdf.handout_sections import (
    PlacedEarly,
    SectionAfterCards,
    SectionsOnFirstPage,
    section_versions,
)
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.render import Rendered, render
from booklet.pdf.story import plan_card_pictures, quiz_flowables
from booklet.pdf.styles import Styles
from booklet.pdf.tagging import tag
from booklet.pdf.template import Anchor, Bookmark, Footer, footer_height, footer_line
from booklet.pdf.tracking_chart import tracking_chart
from booklet.source.patient import chosen_stretches
from booklet.words import markup

if TYPE_CHECKING:
    from booklet.pdf.make import PdfSetup

MOST_FOOTER_LINES = 12  # far above a 200-character name on A5 in large print


def render_handout(
    setup: PdfSetup, document: Document, options: PrintOptions, patient: Patient
) -> Rendered:
    """The compact handout as PDF bytes, every page with the patient's footer."""
    booklet, brand = document.booklet, document.brand
    footer = setup.footer(footer_words(setup.labels, brand, patient))
    lines = footer_lines(footer, setup.width)
    footer = dataclasses.replace(footer, lines=lines)
    extra = footer_height(footer.size, lines) - footer_height(footer.size)
    setup.height -= extra
    chart = options.chart or patient.chart
    return render(
        setup.info(f"{setup.labels.home_program}: {booklet.title}"),
        footer,
        lambda _numbers: handout_story(compact_kit(setup.kit()), booklet, brand, patient, chart),
        with_cover=False,
    )


def footer_lines(footer: Footer, width: float) -> int:
    """How many lines the footer's words take beside the widest page label it may print."""
    label = footer_line(footer.page_label(999, 999), footer, 0)
    label.wrap(width, 1000)
    room = width - max(label.getActualLineWidths0()) - 30
    words = footer_line(footer.left, footer, 0)
    words.wrap(room, 1000)
    return max(1, min(MOST_FOOTER_LINES, len(words.getActualLineWidths0())))


def compact_kit(kit: Kit) -> Kit:
    """The kit with a handout's smaller card text; large print keeps its sizes, since
    nothing a patient reads in it may be smaller."""
    styles = kit.styles if kit.large_print else compact_styles(kit.styles)
    return dataclasses.replace(kit, styles=styles, compact=True)


def compact_styles(styles: Styles) -> Styles:
    return dataclasses.replace(
        styles,
        body=styles.body.clone("compact_body", fontSize=11, leading=14.5, spaceAfter=4),
        bullet=styles.bullet.clone("compact_bullet", fontSize=11, leading=14.5, spaceAfter=2),
        callout=styles.callout.clone("compact_callout", fontSize=11, leading=14.5),
        callout_label=styles.callout_label.clone("compact_label", fontSize=11, leading=14.5),
        card_title=styles.card_title.clone("compact_title", fontSize=13, leading=16.5),
        card_purpose=styles.card_purpose.clone("compact_purpose", fontSize=10.5, leading=13.5),
        step=styles.step.clone("compact_step", fontSize=10.5, leading=13, spaceAfter=1.5),
        dose_label=styles.dose_label.clone("compact_dose_label", fontSize=8, leading=10),
        dose_value=styles.dose_value.clone("compact_dose_value", fontSize=11, leading=13.5),
    )


def handout_story(
    kit: Kit, booklet: Booklet, brand: Brand, patient: Patient, chart: bool
) -> list[Flowable]:
    stretches = chosen_stretches(booklet, patient)
    plan_handout_pictures(kit, stretches, brand)
    story: list[Flowable] = [Anchor(Bookmark(kit.labels.home_program, "handout", level=0))]
    story += header_band(kit, booklet, brand, patient)
    if patient.notes:
        story += marked("callout", [handout_notes(kit, patient.notes), Spacer(1, 8)])
    cards = [
        StretchCard(kit, stretch, number).laid_out(kit.width, kit.height)
        for number, stretch in enumerate(stretches, start=1)
    ]
    sections = [section_versions(kit, s) for s in booklet.sections if s.handout]
    placed = PlacedEarly()
    if sections and cards:
        story.append(SectionsOnFirstPage(sections, least_height(cards[0]), placed))
    story += [flowable for card in cards for flowable in card]
    story += [SectionAfterCards(index, versions, placed) for index, versions in enumerate(sections)]
    if chart and stretches:
        story += [Spacer(1, 6), *tracking_chart(kit, stretches)]
    if booklet.quiz and patient.wants_quiz(compact=True):
        story += quiz_flowables(kit, booklet.quiz, booklet.version)
    return story


def least_height(card: list[Flowable]) -> float:
    """How tall a card's block is at its smallest, with the space under it."""
    flow = next(f for f in card if isinstance(f, CardFlow))
    return flow.wrap(flow.card_width, flow.page_height)[1] - flow.most_saved + flow.spaceAfter


def plan_handout_pictures(kit: Kit, stretches: tuple[Stretch, ...], brand: Brand) -> None:
    """Each picture embedded once, at the largest size a card of this handout prints it."""
    plan_card_pictures(kit, stretches)
    if brand.logo:
        kit.pictures.plan(brand.logo, LOGO_BOX)


def handout_notes(kit: Kit, notes: str) -> Table:
    """The clinician's notes in a framed box, their label leading the first paragraph
    (on a line of its own when the notes open with a list)."""
    palette, styles = kit.styles.palette, kit.styles
    color = palette.primary_text
    label = markup.escape(kit.labels.introducing(kit.labels.clinician_notes))
    text = callout_text(kit, notes)
    first = markup.blocks(notes)[0]
    if isinstance(first, markup.TextParagraph):
        lead = f'<font color="{color}"><b>{label}</b></font>'
        text[0] = MeasuredParagraph(lead + first.markup, styles.body)
        text[0].spaceAfter = 0 if len(text) == 1 else styles.body.spaceAfter
    else:
        label_style = styles.callout_label.clone(
            "notes_label", textColor=reportlab_color(color), spaceAfter=1
        )
        heading = MeasuredParagraph(markup.escape(kit.labels.clinician_notes), label_style)
        text.insert(0, tag(heading, "H2"))
    box = tag(layout_table([[text]], colWidths=[kit.width]), "Div")
    box.setStyle(
        padding(
            12,
            12,
            5,
            7,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.primary_wash)),
                ("BOX", (0, 0), (-1, -1), 1, reportlab_color(palette.primary)),
            ],
        )
    )
    return box
