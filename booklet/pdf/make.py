"""A Document and print options -> PDF bytes: the patient booklet (or one patient's
handout), the clinician answer key, and the booklet imposed for saddle stitching."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import LayoutError

from booklet.assets import fonts
from booklet.assets.preparing import prepare_side_by_side
from booklet.document import Document, Outputs, PrintOptions
from booklet.errors import BookletError, Problem
from booklet.model import Patient
from booklet.pdf import compat
from booklet.pdf.answer_key import answer_key_story
from booklet.pdf.blocks import Kit, PictureSizes
from booklet.pdf.card_shelf import CardShelf
from booklet.pdf.key_ahead import KeyAhead, Start, section_pages
from booklet.pdf.render import DocumentInfo, Rendered, render
from booklet.pdf.story import booklet_story, plan_pictures
from booklet.pdf.styles import Look, make_styles
from booklet.pdf.template import MAX_PAGES, Footer, TooManyPages, footer_height
from booklet.words import languages
from booklet.words.labels import labels_for


def render_outputs(
    document: Document,
    options: PrintOptions | None = None,
    patient: Patient | None = None,
    start: Start | None = None,
) -> Outputs:
    """Both PDFs (and the imposed booklet, when asked for) as bytes, from a valid document.

    For a patient, the booklet is their handout; the key is always the whole booklet's, and
    points to sections by page only when it goes with the whole booklet. With `start`, the
    key is made elsewhere while the booklet is laid out (see key_ahead): the same bytes.
    """
    options = options or PrintOptions()
    ahead = None
    if start is not None:
        ahead = KeyAhead(
            start,
            document.booklet,
            lambda pages: render_key_pdf(document, None if patient else pages),
            names_pages=patient is None,
        )
    try:
        rendered = render_booklet(document, options, patient, ahead)
        if ahead is not None:
            key = ahead.key(rendered.anchors)
        else:
            pages = None if patient else section_pages(document.booklet, rendered.anchors)
            key = render_key_pdf(document, pages)
    finally:
        if ahead is not None:
            ahead.cancel()
    imposed = None
    if options.imposition == "saddle":
        from booklet.pdf.imposition import impose  # pypdf: imported only for a print file

        imposed = impose(rendered.data, options.creep_mm)
    return Outputs(booklet=rendered.data, answer_key=key, imposed=imposed)


@contextlib.contextmanager
def layout_reported(document: Document) -> Iterator[None]:
    """Every block is made to split or fit; this reports a case that still slipped through,
    and a booklet past the page limit. ReportLab's message is not repeated: it quotes the
    text it was laying out, which in a handout is a patient's."""
    source = str(document.booklet.source)
    try:
        yield
    except LayoutError:
        raise BookletError(
            [Problem(source, None, "", "cannot lay out a page: a block is larger than a page")]
        ) from None
    except TooManyPages:
        raise BookletError(
            [
                Problem(
                    source,
                    None,
                    "",
                    f"the booklet runs past {MAX_PAGES:,} pages, the most booklet prints; "
                    "split it into several booklets",
                )
            ]
        ) from None


class PdfSetup:
    """What both PDFs of a document share: registered fonts, styles, labels, page geometry."""

    def __init__(
        self, document: Document, bleed_pt: float = 0.0, cards: CardShelf | None = None
    ) -> None:
        booklet, brand = document.booklet, document.brand
        self.brand = brand
        self.booklet = booklet
        self.bleed_pt = bleed_pt
        self.cards = cards
        self.look = Look(
            right_to_left=languages.is_rtl(booklet.language),
            large_print=brand.large_print,
            grayscale=brand.grayscale,
        )
        self.body_fonts, heading_fonts = (
            fonts.register(fonts.for_look(family, booklet.language, self.look.large_print))
            for family in (brand.body_font, brand.heading_font)
        )
        self.styles = make_styles(brand, self.body_fonts, heading_fonts, self.look)
        self.labels = labels_for(booklet.language, brand.labels)
        page_width, page_height = brand.page_size_pt
        self.width = page_width - 2 * brand.margin_pt
        self.height = page_height - 2 * brand.margin_pt - footer_height(self.styles.footer_size)

    def kit(self) -> Kit:
        pictures = PictureSizes(gray=self.look.grayscale)
        return Kit(
            self.styles,
            self.labels,
            self.width,
            self.height,
            pictures,
            self.bleed_pt,
            large_print=self.look.large_print,
            language=self.booklet.language,
            cards=self.cards,
        )

    def info(self, title: str) -> DocumentInfo:
        booklet, brand = self.booklet, self.brand
        return DocumentInfo(
            title=title,
            author=brand.organization,
            subject=booklet.subtitle or booklet.title,
            language=booklet.language,
            page_size=brand.page_size_pt,
            margin=brand.margin_pt,
            bleed=self.bleed_pt,
            grayscale=self.look.grayscale,
            tagged=brand.tagged,
        )

    def footer(self, left: str) -> Footer:
        if self.booklet.version:
            left = f"{left} \u00b7 {self.labels.version_code(self.booklet.version)}"
        return Footer(
            left,
            self.body_fonts.regular,
            self.styles.palette.muted,
            self.styles.palette.rule,
            size=self.styles.footer_size,
            page_label=self.labels.page_of,
            direction="rtl" if self.look.right_to_left else "ltr",
        )


def render_booklet(
    document: Document,
    options: PrintOptions,
    patient: Patient | None = None,
    ahead: KeyAhead | None = None,
    cards: CardShelf | None = None,
) -> Rendered:
    """The patient booklet (for a patient, their handout with their name in the footer),
    padded with useful pages to a multiple of 4 when it is to be folded; `cards` are
    the cards of a batch's earlier handouts. A patient's words leave the markup cache
    when their handout is made."""
    try:
        return booklet_or_handout(document, options, patient, ahead, cards)
    finally:
        if patient is not None:
            compat.forget_parsed_markup()


def booklet_or_handout(
    document: Document,
    options: PrintOptions,
    patient: Patient | None,
    ahead: KeyAhead | None,
    cards: CardShelf | None,
) -> Rendered:
    setup = PdfSetup(document, options.bleed_pt, cards)
    brand, booklet, left = document.brand, document.booklet, document.brand.organization
    if patient:
        # imported here: the booklet without a patient needs no handout
        from booklet.pdf.handout import render_handout
        from booklet.source.patient import handout

        if wants_compact_layout(document, options):
            with layout_reported(document):
                return render_handout(setup, document, options, patient)
        booklet = handout(document.booklet, patient)
        left += " \u00b7 " + setup.labels.prepared(patient.name, patient.clinician, patient.date)

    def laid_out(fillers: int) -> Rendered:
        with layout_reported(document):
            return render(
                setup.info(booklet.title),
                setup.footer(left),
                lambda numbers: with_key_ahead(
                    lambda: booklet_story(setup.kit(), booklet, brand, numbers, fillers, patient),
                    ahead,
                ),
                with_cover=True,
            )

    rendered = laid_out(0)
    if options.imposition == "saddle":
        rendered = padded_to_fold(rendered, laid_out)
    return rendered


def wants_compact_layout(document: Document, options: PrintOptions) -> bool:
    """Whether a patient's handout prints compact (`--layout`, else the brand's choice)."""
    return (options.layout or document.brand.handout_layout) == "compact"


def with_key_ahead(story: Callable[[], list[Flowable]], ahead: KeyAhead | None) -> list[Flowable]:
    """The story `story()` makes, with the answer key started as early as it can be."""
    if ahead is None:
        return story()
    ahead.start_early()
    return ahead.story(story())


def prepare_pictures(document: Document, options: PrintOptions) -> None:
    """Prepare every picture the handouts of a batch may print, side by side, at the largest
    size a handout of this layout prints it: a batch does this once, before its workers
    start, so that they share the pictures instead of each preparing them."""
    from booklet.pdf.handout import compact_kit, plan_handout_pictures

    setup = PdfSetup(document, options.bleed_pt)
    booklet, brand = document.booklet, document.brand
    compact = wants_compact_layout(document, options)
    kit = compact_kit(setup.kit()) if compact else setup.kit()
    with compat.reportlab_settings():
        if compact:
            plan_handout_pictures(kit, booklet.stretches(), brand)
        else:
            plan_pictures(kit, booklet, brand)
    gray = kit.pictures.gray
    prepare_side_by_side([(path, *size, gray) for path, size in kit.pictures.uses.items()])


def render_booklet_pdf(
    document: Document,
    patient: Patient | None = None,
    options: PrintOptions | None = None,
    cards: CardShelf | None = None,
) -> bytes:
    """The booklet's PDF bytes, or one patient's handout (reusing the batch's `cards`)."""
    return render_booklet(document, options or PrintOptions(), patient, cards=cards).data


def render_key_pdf(document: Document, pages: dict[str, int] | None = None) -> bytes:
    """The clinician's answer key for the whole booklet; `pages` are its sections' pages."""
    setup = PdfSetup(document)
    booklet, brand, labels = document.booklet, document.brand, setup.labels
    with layout_reported(document):
        return render(
            setup.info(labels.introducing(labels.answer_key) + booklet.title),
            setup.footer(f"{brand.organization} \u00b7 {labels.answer_key}"),
            lambda _numbers: answer_key_story(setup.kit(), booklet, brand, pages),
            with_cover=False,
        ).data


FOLD_PASSES = 8  # layouts tried while padding; each is one render of the booklet


def padded_to_fold(rendered: Rendered, again: Callable[[int], Rendered]) -> Rendered:
    """The booklet with useful pages added (log, questions, notes) up to a multiple of 4.

    A filler usually adds one page, but the log can take two on a small page, and a longer
    contents list can push every later page on; so after the first guess one filler more
    is tried at a time. What is still short after the last pass the imposition pads blank.
    """
    fillers = 0
    for _ in range(FOLD_PASSES):
        short = -rendered.pages % 4
        if not short:
            break
        fillers += 1 if fillers else short
        rendered = again(fillers)
    return rendered
