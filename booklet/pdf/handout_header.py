"""A Patient, the Brand and the booklet's title -> the header band on page 1 of a compact
handout (the clinic's logo and name, "Home exercise program", who it is for, who prepared
it and when), and the words of its running footer."""

from __future__ import annotations

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import Flowable, Spacer

from booklet.assets.colors import reportlab_color
from booklet.model import Booklet, Brand, Patient
from booklet.pdf.blocks import Kit, layout_table, padding
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.tagging import tag
from booklet.words import markup
from booklet.words.labels import Labels

LOGO_BOX = (56.0, 40.0)
DETAILS_ACROSS = 400.0  # points: from this width the patient's details stand side by side


def header_band(kit: Kit, booklet: Booklet, brand: Brand, patient: Patient) -> list[Flowable]:
    """The clinic at the start, the patient's program at the end (under the clinic on a
    narrow page), over the brand's accent rule."""
    clinic, program = clinic_block(kit, booklet, brand), program_block(kit, patient)
    across = kit.width >= DETAILS_ACROSS * kit.styles.scale
    if across:
        table = kit.row_table([[clinic, program]], [kit.width * 0.4, kit.width * 0.6])
    else:
        table = layout_table([[clinic], [program]], colWidths=[kit.width])
        table.setStyle([("TOPPADDING", (0, 1), (-1, 1), 8)])
    table.setStyle(
        padding(
            0,
            0,
            0,
            0,
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (0, -1), (-1, -1), 3, reportlab_color(kit.styles.palette.accent)),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
            ],
        )
    )
    return marked("header", [table, Spacer(1, 8)], "header")


def clinic_block(kit: Kit, booklet: Booklet, brand: Brand) -> list[Flowable]:
    """The logo beside the clinic's name and the booklet's title."""
    styles, scale = kit.styles, kit.styles.scale
    org_style = styles.cover_org.clone(
        "band_org", fontSize=13 * scale, leading=16 * scale, spaceAfter=1
    )
    words: list[Flowable] = [
        MeasuredParagraph(markup.escape(brand.organization), org_style),
        MeasuredParagraph(
            markup.inline(booklet.title), styles.small.clone("band_title", spaceAfter=0)
        ),
    ]
    if not brand.logo:
        return words
    logo = tag(kit.pictures.flowable(brand.logo, LOGO_BOX), "Figure", alt=brand.organization)
    row = kit.row_table([[logo, words]], [LOGO_BOX[0] + 10, None])
    row.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return [row]


def program_block(kit: Kit, patient: Patient) -> list[Flowable]:
    """ "Home exercise program", the patient's name large, then the clinician and the date,
    each after its label; set toward the page's edge where it stands beside the clinic.
    Long names wrap, never cut."""
    labels, styles, scale = kit.labels, kit.styles, kit.styles.scale
    across = kit.width >= DETAILS_ACROSS * scale
    alignment = TA_RIGHT if across != kit.right_to_left else TA_LEFT
    kicker = styles.dose_label.clone(
        "band_kicker",
        fontSize=9.5 * scale,
        leading=12 * scale,
        textColor=reportlab_color(styles.palette.primary_text),
        alignment=alignment,
    )
    name = styles.heading.clone(
        "band_name",
        fontSize=18 * scale,
        leading=21 * scale,
        spaceBefore=0,
        spaceAfter=1,
        alignment=alignment,
    )
    details = styles.small.clone("band_details", spaceAfter=0, alignment=alignment)
    said = [  # the date and its label never part at a line's end
        unbroken(
            f"<b>{markup.escape(labels.introducing(labels.date_label))}</b>"
            f"{markup.escape(labels.date(patient.date))}"
        )
    ]
    if patient.clinician:
        said.insert(
            0,
            f"<b>{markup.escape(labels.introducing(labels.clinician))}</b>"
            f"{markup.escape(patient.clinician)}",
        )
    return [
        tag(
            MeasuredParagraph(markup.escape(labels.home_program.upper()), kicker),
            "H1",
            actual_text=labels.home_program,  # read as words, not letter by letter
        ),
        MeasuredParagraph(markup.escape(patient.name), name),
        MeasuredParagraph(" &nbsp;\u00b7&nbsp; ".join(said), details),
    ]


def unbroken(text: str) -> str:
    """Paragraph markup whose spaces are all non-breaking."""
    return text.replace(" ", "&nbsp;")


def one_line_width(paragraph: MeasuredParagraph) -> float:
    paragraph.wrap(1e6, 1e6)
    return max(paragraph.getActualLineWidths0() or [0.0])


def footer_words(labels: Labels, brand: Brand, patient: Patient) -> str:
    """Who the handout is for, by whom and when, in full, then the clinic and its phone."""
    prepared = labels.prepared(patient.name, patient.clinician, patient.date)
    clinic = brand.organization
    if brand.contact.phone:
        clinic += f" {brand.contact.phone}"
    return f"{prepared} \u00b7 {clinic}"
