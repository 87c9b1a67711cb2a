"""A Booklet and its Brand -> the story of the patient booklet: cover, contents, sections
with stretch cards, the quiz (without answers) and the back page."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Spacer,
    Table,
)

from booklet.assets.colors import reportlab_color
from booklet.model import Booklet, Brand, Patient, Quiz, Stretch
from booklet.pdf.blocks import (
    Kit,
    callout_text,
    layout_table,
    list_flowable,
    padding,
    para,
    text_blocks,
)
from booklet.pdf.cards import StretchCard
from booklet.pdf.contents import Contents
from booklet.pdf.cover import Cover, CoverText
from booklet.pdf.keeping import KeptOrShrunk
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.questions import question_block
from booklet.pdf.sections import heading, section_flowables
from booklet.pdf.tagging import Place, Tag, grouped, in_place, tag, tag_of
from booklet.pdf.take_home import take_home_pages
from booklet.pdf.template import Bookmark, LateNumbers, marks_in
from booklet.words import markup

BACK_LOGO_BOX = (110.0, 80.0)
DETAILS_COLUMN = 300.0  # the least width the clinic's details take beside the logo


def cover_logo_box(kit: Kit) -> tuple[float, float]:
    """The cover logo's box: about 130 by 96 points on a letter page, less on smaller ones."""
    return kit.width * 0.255, kit.height * 0.145


def plan_card_pictures(kit: Kit, stretches: tuple[Stretch, ...]) -> None:
    """Tell the picture sizer the largest box each stretch's card prints its picture in."""
    for stretch in stretches:
        if stretch.picture:
            box = StretchCard(kit, stretch, 0).largest_figure_box(kit.width)
            kit.pictures.plan(stretch.picture.path, box)


def plan_pictures(kit: Kit, booklet: Booklet, brand: Brand) -> None:
    """Tell the picture sizer every use first, so each file is embedded once, at its largest."""
    for section in booklet.sections:
        if section.picture:
            kit.pictures.plan(section.picture.path, kit.section_picture_box)
        plan_card_pictures(kit, section.stretches)
    if brand.logo:
        kit.pictures.plan(brand.logo, cover_logo_box(kit))
        kit.pictures.plan(brand.logo, BACK_LOGO_BOX)


def booklet_story(
    kit: Kit,
    booklet: Booklet,
    brand: Brand,
    numbers: LateNumbers,
    fillers: int = 0,
    patient: Patient | None = None,
) -> list[Flowable]:
    """The whole booklet, or for a patient their handout (their name on the cover, their
    notes); `fillers` useful pages (log, questions, notes) pad it before the back page,
    so a folded booklet needs no blank pages."""
    plan_pictures(kit, booklet, brand)
    toc = Contents(kit.styles.toc_levels, numbers)
    story: list[Flowable] = [cover(kit, booklet, brand, patient), PageBreak()]
    story += contents(kit, toc, patient.notes if patient else None)
    numbering = iter(range(1, len(booklet.stretches()) + 1))
    for index, section in enumerate(booklet.sections, start=1):
        story += section_flowables(kit, section, index, numbering)
    if booklet.quiz:
        story += quiz_flowables(kit, booklet.quiz, booklet.version)
    story += take_home_pages(kit, booklet, fillers)
    story += back_page(kit, booklet, brand)
    toc.marks = [mark for mark in marks_in(story) if mark.in_contents]
    return story


def prepared_line(kit: Kit, patient: Patient) -> str:
    return kit.labels.prepared(patient.name, patient.clinician, patient.date)


def cover(kit: Kit, booklet: Booklet, brand: Brand, patient: Patient | None = None) -> Cover:
    details = tuple(
        value
        for value in (brand.contact.phone, brand.contact.website or brand.contact.email)
        if value
    )
    text = CoverText(
        title=booklet.title,
        subtitle=booklet.subtitle,
        kicker=kit.labels.guide,
        organization=brand.organization,
        details=details,
        blanks=(kit.labels.prepared_for, kit.labels.clinician, kit.labels.date_label),
        prepared=prepared_line(kit, patient) if patient else None,
    )
    logo = logo_flowable(kit, brand, cover_logo_box(kit)) if brand.logo else None
    return Cover(text, kit.styles, logo, brand.page_size_pt, brand.margin_pt, kit.bleed)


def logo_flowable(kit: Kit, brand: Brand, box: tuple[float, float]) -> Flowable:
    """The clinic's logo, described by the clinic's name."""
    assert brand.logo is not None
    logo = kit.pictures.flowable(brand.logo, box)
    return tag(logo, "Figure", alt=brand.organization)


def contents(kit: Kit, toc: Contents, notes: str | None = None) -> list[Flowable]:
    """The contents page; a patient's notes from their clinician go in a box under it."""
    mark = Bookmark(kit.labels.contents, "contents", level=0, in_contents=False)
    flowables: list[Flowable] = [*heading(kit, kit.labels.contents, mark)]
    row = kit.styles.toc_levels[0]
    flowables += marked("contents", [toc], height=row.leading + row.spaceBefore)
    if notes:
        flowables += [Spacer(1, 18), notes_box(kit, notes)]
    return [*grouped("Sect", flowables), PageBreak()]


def notes_box(kit: Kit, notes: str) -> Table:
    """The clinician's notes for one patient, under a label, in a framed box."""
    palette = kit.styles.palette
    label = MeasuredParagraph(markup.escape(kit.labels.clinician_notes), kit.styles.subheading)
    tag(label, "H3")
    box = tag(layout_table([[[label, *callout_text(kit, notes)]]], colWidths=[kit.width]), "Div")
    box.setStyle(
        padding(
            16,
            16,
            10,
            12,
            [
                ("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.primary_wash)),
                ("BOX", (0, 0), (-1, -1), 1.2, reportlab_color(palette.primary)),
            ],
        )
    )
    return box


def quiz_flowables(kit: Kit, quiz: Quiz, version: str | None = None) -> list[Flowable]:
    title = quiz.title or kit.labels.quiz
    flowables: list[Flowable] = [
        PageBreak(),
        *heading(kit, title, Bookmark(title, "quiz", level=0)),
    ]
    if version:
        style = kit.styles.dose_label.clone("quiz_version", fontSize=10, leading=13)
        flowables += [
            MeasuredParagraph(markup.escape(kit.labels.version_code(version)), style),
            Spacer(1, 6),
        ]
    if quiz.instructions:
        flowables += text_blocks(kit, quiz.instructions)
        flowables.append(Spacer(1, 8))
    for number, question in enumerate(quiz.questions, start=1):
        flowables += marked("question", [question_block(kit, question, number)])
    return [PageBreak(), *grouped("Sect", flowables[1:])]


def back_page(kit: Kit, booklet: Booklet, brand: Brand) -> list[Flowable]:
    """Contact details, disclaimer, review date and sources, on a page of their own."""
    labels, styles = kit.labels, kit.styles
    flowables: list[Flowable] = [PageBreak()]
    flowables += heading(kit, labels.contact, Bookmark(labels.contact, "contact", level=0))
    flowables += marked("contact", [contact_table(kit, brand)], labels.contact)
    gap = 18 if kit.width >= DETAILS_COLUMN + BACK_LOGO_BOX[0] else 10
    if brand.disclaimer:
        flowables += [Spacer(1, gap), *marked("text", [disclaimer_box(kit, brand.disclaimer)])]
    if booklet.reviewed or booklet.sources:
        # kept whole: the review date and sources move on together rather than split, and
        # the sources are set smaller first where that keeps them on the page
        def about_block(style: ParagraphStyle) -> list[Flowable]:
            return marked("lead_in_list", about_this_booklet(kit, booklet, style), labels.about)

        smaller = styles.small.clone("sources_smaller", fontSize=9, leading=11.5)
        kept = KeptOrShrunk(about_block(styles.small), kit.height, lambda: [about_block(smaller)])
        flowables += [Spacer(1, gap), kept]
    return [PageBreak(), *grouped("Sect", flowables[1:])]


def about_this_booklet(kit: Kit, booklet: Booklet, sources_style: ParagraphStyle) -> list[Flowable]:
    """The review date and the sources under their heading, the sources in `sources_style`."""
    labels, styles = kit.labels, kit.styles
    about: list[Flowable] = [
        tag(MeasuredParagraph(markup.escape(labels.about), styles.subheading), "H3")
    ]
    if booklet.reviewed:
        about.append(
            MeasuredParagraph(
                f"<b>{markup.escape(labels.introducing(labels.reviewed))}</b>"
                f"{markup.escape(labels.date(booklet.reviewed))}",
                styles.body,
            )
        )
    if booklet.sources:
        about.append(MeasuredParagraph(f"<b>{markup.escape(labels.sources)}</b>", styles.body))
        sources = markup.NumberedList(tuple(markup.inline(source) for source in booklet.sources))
        about.append(list_flowable(kit, sources, sources_style))
    return about


def contact_table(kit: Kit, brand: Brand) -> Table:
    labels, styles, contact = kit.labels, kit.styles, brand.contact
    link_color = styles.palette.primary_text
    rows: list[list[Flowable]] = []
    if contact.phone:
        rows.append([label_cell(kit, labels.phone), para(contact.phone, styles.body)])
    if contact.email:
        address = markup.escape(contact.email)
        rows.append(
            [
                label_cell(kit, labels.email),
                MeasuredParagraph(
                    f'<a href="mailto:{address}" color="{link_color}">{address}</a>', styles.body
                ),
            ]
        )
    if contact.website:
        shown = markup.escape(contact.website)
        target = contact.website_link or ""
        rows.append(
            [
                label_cell(kit, labels.website),
                MeasuredParagraph(
                    f'<a href="{markup.escape(target)}" color="{link_color}">{shown}</a>',
                    styles.body,
                ),
            ]
        )
    if contact.address:
        rows.append([label_cell(kit, labels.address), para(contact.address, styles.body)])
    organization = MeasuredParagraph(markup.escape(brand.organization), styles.cover_org)
    # the logo stands beside the details where they keep room enough, else, smaller,
    # beside the clinic's name above them
    beside = brand.logo is not None and kit.width - BACK_LOGO_BOX[0] - 24 >= DETAILS_COLUMN
    details_width = kit.width - BACK_LOGO_BOX[0] - 24 if beside else kit.width
    if brand.logo and not beside:
        small = (BACK_LOGO_BOX[0] * 0.5, BACK_LOGO_BOX[1] * 0.5)
        name_row = kit.row_table(
            [[logo_flowable(kit, brand, small), organization]],
            [small[0] + 12, kit.width - small[0] - 12],
        )
        name_row.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        organization = name_row
    details: list[Flowable] = [organization, Spacer(1, 6)]
    for number, (label, value) in enumerate(rows):
        in_place(label, Place("table", "contact", number, 0), "TH")
        tag(label, replace(tag_of(label) or Tag("TH"), scope="Row"))
        in_place(value, Place("table", "contact", number, 1), "TD")
    if rows:
        label_width = labels_column(kit, [row[0] for row in rows])
        details.append(grid(kit, rows, [label_width, details_width - label_width]))
    if brand.logo and beside:
        logo = logo_flowable(kit, brand, BACK_LOGO_BOX)
        table = kit.row_table([[logo, details]], [BACK_LOGO_BOX[0] + 24, details_width])
    else:
        table = layout_table([[details]], colWidths=[kit.width])
    table.setStyle(padding(0, 6, 0, 3, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def labels_column(kit: Kit, labels: list[Flowable]) -> float:
    """The width of the contact labels' column: 80 points, or as wide as the widest label
    prints in the language at hand, so no label breaks inside a word."""
    widest = 0.0
    for label in labels:
        label.wrap(kit.width, kit.height)  # one line each: as wide as the page allows
        widest = max(widest, *label.getActualLineWidths0())
    return max(80.0, widest + 8)


def label_cell(kit: Kit, text: str) -> MeasuredParagraph:
    return MeasuredParagraph(
        markup.escape(text),
        kit.styles.dose_label.clone(
            "label", fontSize=10.5 * kit.styles.scale, leading=17 * kit.styles.scale
        ),
    )


def grid(kit: Kit, rows: list[list[Flowable]], widths: list[float]) -> Table:
    table = kit.row_table(rows, widths, hAlign="LEFT")
    table.setStyle(padding(0, 6, 0, 0, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def disclaimer_box(kit: Kit, disclaimer: str) -> Table:
    palette = kit.styles.palette
    box = tag(layout_table([[text_blocks(kit, disclaimer)]], colWidths=[kit.width]), "Div")
    box.setStyle(
        padding(
            14, 14, 12, 6, [("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.note_tint))]
        )
    )
    return box
