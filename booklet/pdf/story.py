"""A Booklet and its Brand -> the story of the patient booklet: cover, contents, sections
with stretch cards, the quiz (without answers) and the back page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
)

from booklet.assets.colors import reportlab_color
from booklet.model import Booklet, Brand, Patient, Quiz, Section
from booklet.pdf.blocks import (
    Kit,
    callout_block,
    callout_text,
    layout_table,
    list_flowable,
    padding,
    para,
    picture_block,
    text_blocks,
    text_groups,
)
from booklet.pdf.cards import stretch_card
from booklet.pdf.contents import Contents
from booklet.pdf.cover import Cover, CoverText
from booklet.pdf.drawn import Rule
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.questions import question_block
from booklet.pdf.tagging import Place, Tag, grouped, in_place, tag, tag_of
from booklet.pdf.take_home import take_home_pages
from booklet.pdf.template import Anchor, Bookmark, LateNumbers, marks_in
from booklet.words import markup

BACK_LOGO_BOX = (110.0, 80.0)


def cover_logo_box(kit: Kit) -> tuple[float, float]:
    """The cover logo's box: about 130 by 96 points on a letter page, less on smaller ones."""
    return kit.width * 0.255, kit.height * 0.145


def plan_pictures(kit: Kit, booklet: Booklet, brand: Brand) -> None:
    """Tell the picture sizer every use first, so each file is embedded once, at its largest."""
    for section in booklet.sections:
        if section.picture:
            kit.pictures.plan(section.picture.path, kit.section_picture_box)
        for stretch in section.stretches:
            if stretch.picture:
                kit.pictures.plan(stretch.picture.path, kit.card_picture_box)
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


def heading(kit: Kit, title: str, mark: Bookmark) -> list[Flowable]:
    """An anchor, the heading and its accent rule: kept with what follows by the caller."""
    palette = kit.styles.palette
    return [
        Anchor(mark),
        tag(MeasuredParagraph(markup.inline(title), kit.styles.heading), "H2"),
        kit.at_start(Rule(palette.accent, 3, length=48, space_before=2, space_after=14)),
    ]


def contents(kit: Kit, toc: Contents, notes: str | None = None) -> list[Flowable]:
    """The contents page; a patient's notes from their clinician go in a box under it."""
    mark = Bookmark(kit.labels.contents, "contents", level=0, in_contents=False)
    flowables: list[Flowable] = [*heading(kit, kit.labels.contents, mark), toc]
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


def section_flowables(
    kit: Kit, section: Section, index: int, numbering: Iterator[int]
) -> list[Flowable]:
    """Heading kept with its first block; then text, picture, callouts and stretch cards.

    Each block is a group of flowables kept on one page; groups are never nested, because
    a KeepTogether inside another always looks too tall to fit.
    """
    groups: list[list[Flowable]] = []
    if section.body:
        groups += text_groups(kit, section.body)
    if visual := section.picture or section.figure:
        groups.append(picture_block(kit, visual))
    groups += [[callout_block(kit, c)] for c in section.callouts]
    groups += [stretch_card(kit, s, next(numbering)) for s in section.stretches]
    head = heading(kit, section.title, Bookmark(section.title, section_key(index), level=0))
    first, rest = (groups[0], groups[1:]) if groups else ([], [])
    kept = [KeepTogether(head + first)]
    kept += [KeepTogether(group) if len(group) > 1 else group[0] for group in rest]
    return grouped("Sect", [*kept, Spacer(1, 14)])


def section_key(index: int) -> str:
    """The bookmark key of the section numbered `index` (from 1)."""
    return f"section-{index}"


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
    flowables += [question_block(kit, q, n) for n, q in enumerate(quiz.questions, start=1)]
    return [PageBreak(), *grouped("Sect", flowables[1:])]


def back_page(kit: Kit, booklet: Booklet, brand: Brand) -> list[Flowable]:
    """Contact details, disclaimer, review date and sources, on a page of their own."""
    labels, styles = kit.labels, kit.styles
    flowables: list[Flowable] = [PageBreak()]
    flowables += heading(kit, labels.contact, Bookmark(labels.contact, "contact", level=0))
    flowables.append(contact_table(kit, brand))
    if brand.disclaimer:
        flowables.append(Spacer(1, 18))
        flowables.append(disclaimer_box(kit, brand.disclaimer))
    about: list[Flowable] = []
    if booklet.reviewed:
        about.append(
            MeasuredParagraph(
                f"<b>{markup.escape(labels.reviewed)}:</b> "
                f"{markup.escape(labels.date(booklet.reviewed))}",
                styles.body,
            )
        )
    if booklet.sources:
        about.append(MeasuredParagraph(f"<b>{markup.escape(labels.sources)}</b>", styles.body))
        sources = markup.NumberedList(tuple(markup.inline(source) for source in booklet.sources))
        about.append(list_flowable(kit, sources, styles.small))
    if about:
        flowables += [
            Spacer(1, 18),
            tag(MeasuredParagraph(markup.escape(labels.about), styles.subheading), "H3"),
            *about,
        ]
    return [PageBreak(), *grouped("Sect", flowables[1:])]


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
        target = contact.website if "://" in contact.website else f"https://{contact.website}"
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
    details: list[Flowable] = [
        MeasuredParagraph(markup.escape(brand.organization), styles.cover_org),
        Spacer(1, 6),
    ]
    for number, (label, value) in enumerate(rows):
        in_place(label, Place("table", "contact", number, 0), "TH")
        tag(label, replace(tag_of(label) or Tag("TH"), scope="Row"))
        in_place(value, Place("table", "contact", number, 1), "TD")
    if rows:
        details.append(grid(kit, rows, [80, kit.width - 80 - BACK_LOGO_BOX[0] - 24]))
    if brand.logo:
        logo = logo_flowable(kit, brand, BACK_LOGO_BOX)
        table = kit.row_table(
            [[logo, details]], [BACK_LOGO_BOX[0] + 24, kit.width - BACK_LOGO_BOX[0] - 24]
        )
    else:
        table = layout_table([[details]], colWidths=[kit.width])
    table.setStyle(padding(0, 6, 0, 3, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


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
