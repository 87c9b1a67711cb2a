"""The spine: content file -> load -> validate -> layout -> render -> write the outputs.

`load` and the renderers never write; `write_outputs` puts all files (PDF and/or HTML,
booklet and answer key) in place together, each written to a temporary file first and
renamed only when all are complete.
"""

from __future__ import annotations

import contextlib
import datetime
import os
import secrets
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from reportlab.platypus.doctemplate import LayoutError

from booklet import advice, fonts, languages, loading
from booklet.errors import BookletError, OutputError, Problem
from booklet.fields import Context, Fields
from booklet.figures.validate import figure_names, named, read_figure
from booklet.labels import labels_for
from booklet.layout.answer_key import answer_key_story
from booklet.layout.blocks import Kit, PictureSizes
from booklet.layout.booklet import booklet_story, section_key
from booklet.locate import Places
from booklet.model import NEUTRAL_BRAND, Booklet, Brand, Figure, Patient
from booklet.pages import Footer, footer_height
from booklet.patients import (
    PATIENT_FIELDS,
    handout,
    handout_stem,
    read_patient,
    unique_stems,
)
from booklet.render import DocumentInfo, Rendered, render
from booklet.styles import Look, make_styles
from booklet.validate import read_brand, read_content
from booklet.versions import quiz_versions
from booklet.web.answer_key import answer_key_html
from booklet.web.booklet import booklet_html

if TYPE_CHECKING:
    from booklet.literacy.check import Report

FIGURE_FORMATS = (".png", ".svg", ".pdf")


@dataclass(frozen=True)
class Document:
    """A validated booklet with the brand it is printed in."""

    booklet: Booklet
    brand: Brand
    warnings: tuple[Problem, ...] = ()  # told to the user; they do not stop a build

    def inputs(self) -> set[Path]:
        """Every file the document was read from: content, brand, pictures, logo, fonts."""
        brand = self.brand
        fonts_files = [
            getattr(family, style)
            for family in (brand.body_font, brand.heading_font)
            for style in fonts.STYLES
        ]
        files = [self.booklet.source, *self.booklet.libraries, brand.source, brand.logo]
        files += fonts_files
        files += [picture.path for picture in self.booklet.pictures()]
        return {file for file in files if file is not None}


@dataclass(frozen=True)
class Outputs:
    """One format's files: the patient booklet, the clinician answer key and, when asked
    for, the booklet imposed for saddle-stitch printing."""

    booklet: bytes
    answer_key: bytes
    imposed: bytes | None = None


@dataclass(frozen=True)
class PrintOptions:
    """What `booklet build` adds on request: pages to fill in, print files, quiz versions."""

    exercise_log: bool = False
    questions_page: bool = False
    imposition: str | None = None  # "saddle"
    creep_mm: float = 0.0
    bleed_pt: float = 0.0
    versions: int = 0
    seed: int = 1
    large_print: bool = False  # on top of the brand's `print: large`
    grayscale: bool = False  # on top of the brand's `print: grayscale`


FORMATS = ("pdf", "html")


def load(content: Path, brand: Path | None = None, restrict_to: Path | None = None) -> Document:
    """Read and validate a content file and its brand; raise BookletError with every problem.

    With `restrict_to`, files named inside the content file, and inside the brand file it
    names, must lie in that folder; the files given here as arguments are the caller's own.
    """
    problems: list[Problem] = []
    content_node = loading.load_yaml(content)
    booklet, brand_ref, ctx = read_content(content_node, content, restrict_to)
    problems += ctx.problems
    brand_path = brand if brand is not None else (brand_ref[0] if brand_ref else None)
    chosen = NEUTRAL_BRAND
    brand_places: Places | None = None
    if brand_path is not None:
        try:
            root = restrict_to if brand is None else None
            brand_node = loading.load_yaml(brand_path)
            loaded, brand_ctx = read_brand(brand_node, brand_path, root)
            problems += brand_ctx.problems
            chosen = loaded or NEUTRAL_BRAND
            brand_places = Places(str(brand_path), brand_node)
        except BookletError as error:
            problems += refer_to_brand_field(error.problems, brand, brand_ref, content)
    if problems or booklet is None:
        raise BookletError(problems)
    found = advice.warnings(booklet, chosen, Places(str(content), content_node), brand_places)
    return Document(booklet=booklet, brand=chosen, warnings=tuple(found))


def refer_to_brand_field(
    problems: Iterable[Problem],
    given: Path | None,
    brand_ref: tuple[Path, yaml.Node] | None,
    content: Path,
) -> list[Problem]:
    """A brand file the content names but that cannot be read is a problem on `brand:`."""
    if given is not None or brand_ref is None:
        return list(problems)
    line = brand_ref[1].start_mark.line + 1
    return [
        Problem(str(content), line, "brand", f"{p.file}: {p.message}") if p.line is None else p
        for p in problems
    ]


def render_html(document: Document, patient: Patient | None = None) -> Outputs:
    """The booklet (or one patient's handout) and answer key as self-contained HTML pages."""
    booklet = handout(document.booklet, patient) if patient else document.booklet
    return Outputs(
        booklet=booklet_html(booklet, document.brand, patient),
        answer_key=answer_key_html(document.booklet, document.brand),
    )


def render_formats(
    document: Document,
    formats: Iterable[str],
    options: PrintOptions | None = None,
    patient: Patient | None = None,
) -> dict[str, Outputs]:
    """Each asked-for format ("pdf", "html") -> its files as bytes."""
    return {
        fmt: render_outputs(document, options, patient)
        if fmt == "pdf"
        else render_html(document, patient)
        for fmt in formats
    }


def render_outputs(
    document: Document, options: PrintOptions | None = None, patient: Patient | None = None
) -> Outputs:
    """Both PDFs (and the imposed booklet, when asked for) as bytes, from a valid document.

    For a patient, the booklet is their handout; the key is always the whole booklet's, and
    points to sections by page only when it goes with the whole booklet.
    """
    options = options or PrintOptions()
    rendered = render_booklet(document, options, patient)
    pages = None if patient else section_pages(document.booklet, rendered.anchors)
    imposed = None
    if options.imposition == "saddle":
        from booklet.imposition import impose  # pypdf: imported only for a print file

        imposed = impose(rendered.data, options.creep_mm)
    return Outputs(
        booklet=rendered.data, answer_key=render_key_pdf(document, pages), imposed=imposed
    )


@contextlib.contextmanager
def layout_reported(document: Document) -> Iterator[None]:
    """Every block is made to split or fit; this reports a case that still slipped through."""
    try:
        yield
    except LayoutError as error:
        reason = str(error).strip().splitlines()[0][:200]
        raise BookletError(
            [Problem(str(document.booklet.source), None, "", f"cannot lay out a page: {reason}")]
        ) from None


class PdfSetup:
    """What both PDFs of a document share: registered fonts, styles, labels, page geometry."""

    def __init__(self, document: Document, bleed_pt: float = 0.0) -> None:
        booklet, brand = document.booklet, document.brand
        self.brand = brand
        self.booklet = booklet
        self.bleed_pt = bleed_pt
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
    document: Document, options: PrintOptions, patient: Patient | None = None
) -> Rendered:
    """The patient booklet (for a patient, their handout with their name in the footer),
    padded with useful pages to a multiple of 4 when it is to be folded."""
    setup = PdfSetup(document, options.bleed_pt)
    brand = document.brand
    booklet = handout(document.booklet, patient) if patient else document.booklet
    left = brand.organization
    if patient:
        left += " \u00b7 " + setup.labels.prepared(patient.name, patient.clinician, patient.date)

    def laid_out(fillers: int) -> Rendered:
        with layout_reported(document):
            return render(
                setup.info(booklet.title),
                setup.footer(left),
                lambda numbers: booklet_story(
                    setup.kit(), booklet, brand, numbers, fillers, patient
                ),
                with_cover=True,
            )

    rendered = laid_out(0)
    if options.imposition == "saddle":
        rendered = padded_to_fold(rendered, laid_out)
    return rendered


def render_booklet_pdf(document: Document, patient: Patient | None = None) -> bytes:
    """The booklet's PDF bytes, or one patient's handout."""
    return render_booklet(document, PrintOptions(), patient).data


def render_key_pdf(document: Document, pages: dict[str, int] | None = None) -> bytes:
    """The clinician's answer key for the whole booklet; `pages` are its sections' pages."""
    setup = PdfSetup(document)
    booklet, brand, labels = document.booklet, document.brand, setup.labels
    with layout_reported(document):
        return render(
            setup.info(f"{labels.answer_key}: {booklet.title}"),
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


def section_pages(booklet: Booklet, anchors: dict[str, int]) -> dict[str, int]:
    """Each section's title -> the booklet page its heading is on (the first, if repeated)."""
    pages: dict[str, int] = {}
    for index, section in enumerate(booklet.sections, start=1):
        page = anchors.get(section_key(index))
        if page is not None:
            pages.setdefault(section.title, page)
    return pages


def output_paths(
    out_dir: Path, stem: str, extension: str = "pdf", booklet_stem: str | None = None
) -> tuple[Path, Path]:
    """The booklet's path (named `booklet_stem` for a patient's handout) and the key's."""
    return (
        out_dir / f"{booklet_stem or stem}.{extension}",
        out_dir / f"{stem}-answer-key.{extension}",
    )


def output_files(
    outputs: Outputs, out_dir: Path, stem: str, extension: str, booklet_stem: str | None = None
) -> list[tuple[Path, bytes]]:
    """Where each of one format's files goes: booklet, answer key, then the imposed booklet."""
    booklet_path, key_path = output_paths(out_dir, stem, extension, booklet_stem)
    files = [(booklet_path, outputs.booklet), (key_path, outputs.answer_key)]
    if outputs.imposed is not None:
        files.append((out_dir / f"{booklet_stem or stem}-saddle.{extension}", outputs.imposed))
    return files


def write_outputs(
    rendered: dict[str, Outputs], out_dir: Path, stem: str, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every format's files so that they all appear together, complete, or not at all."""
    files = [
        file
        for extension, outputs in rendered.items()
        for file in output_files(outputs, out_dir, stem, extension)
    ]
    return write_files(files, out_dir, inputs)


def write_files(
    files: list[tuple[Path, bytes]], out_dir: Path, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every file so that they all appear together, complete, or not at all.

    Each file is written to a temporary file beside its target and flushed to disk; only
    then are all of them renamed into place, with Ctrl-C held back until the last rename.
    """
    targets = [target for target, _ in files]
    check_targets(targets, inputs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the folder: {error.strerror}") from None
    temporary: list[Path] = []
    try:
        for _, data in files:
            temporary.append(write_temporary(out_dir, data))
        publish(list(zip(temporary, targets, strict=True)))
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write the outputs: {error.strerror}") from None
    finally:
        for path in temporary:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return targets


def check_targets(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Refuse to write over a folder or over any file the booklet was made from."""
    read_from = {path.resolve() for path in inputs}
    for target in targets:
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; remove it or choose another --out")
        if target.resolve() in read_from:
            raise OutputError(
                f"{target}: is one of the files this booklet is made from; choose another --out"
            )


def publish(moves: list[tuple[Path, Path]]) -> None:
    """Rename each finished temporary file onto its target: all of them, or none.

    If a rename fails, the targets already replaced get their earlier files back.
    """
    done: list[tuple[Path, Path | None]] = []
    with interrupts_held():
        try:
            for source, target in moves:
                done.append((target, keep_earlier(target)))
                os.replace(source, target)
        except OSError:
            for target, earlier in reversed(done):
                restore(target, earlier)
            raise
        finally:
            for _, earlier in done:
                if earlier is not None:
                    earlier.unlink(missing_ok=True)


def keep_earlier(target: Path) -> Path | None:
    """A second name (a hard link) for the file at `target`, so it can be put back."""
    earlier = target.with_name(f".booklet-{secrets.token_hex(8)}.earlier")
    try:
        os.link(target, earlier)
    except OSError:
        return None
    return earlier


def restore(target: Path, earlier: Path | None) -> None:
    with contextlib.suppress(OSError):
        if earlier is not None:
            os.replace(earlier, target)
        else:
            target.unlink(missing_ok=True)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, where the system allows it."""
    can_hold = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not can_hold:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_temporary(folder: Path, data: bytes) -> Path:
    """A new, hidden file in `folder` holding `data`, flushed to disk (mode follows the umask)."""
    path = folder / f".booklet-{secrets.token_hex(8)}.tmp"
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def build(
    content: Path,
    brand: Path | None = None,
    out_dir: Path = Path("output"),
    formats: Iterable[str] = ("pdf",),
    restrict_to: Path | None = None,
    options: PrintOptions | None = None,
    patient: Path | None = None,
    today: datetime.date | None = None,
) -> list[Path]:
    """Validate, lay out, render and write: the whole `booklet build`.

    With quiz versions, each version is a whole booklet and key named `<stem>-A`, `<stem>-B`...
    With a patient file, the booklet is that patient's handout, named after them.
    """
    document = load(content, brand, restrict_to)
    return build_document(document, out_dir, formats, options, patient, today)


def build_document(
    document: Document,
    out_dir: Path = Path("output"),
    formats: Iterable[str] = ("pdf",),
    options: PrintOptions | None = None,
    patient: Path | None = None,
    today: datetime.date | None = None,
) -> list[Path]:
    """Lay out, render and write a loaded document (for a patient file, their handout)."""
    chosen = load_patient(patient, document, today) if patient else None
    also_read = [patient] if patient else []
    return write_document(document, out_dir, formats, options, chosen, also_read)


def write_document(
    document: Document,
    out_dir: Path,
    formats: Iterable[str] = ("pdf",),
    options: PrintOptions | None = None,
    patient: Patient | None = None,
    also_read: Iterable[Path] = (),
) -> list[Path]:
    """Render a loaded document in every format and edition, and write all the files
    (never over a file the document was read from, nor over `also_read`)."""
    options = options or PrintOptions()
    document = with_options(document, options)
    stem = document.booklet.stem
    editions = [(stem, document)]
    if options.versions:
        editions = [
            (f"{stem}-{letter}", replace(document, booklet=version))
            for letter, version in quiz_versions(document.booklet, options.versions, options.seed)
        ]
    files: list[tuple[Path, bytes]] = []
    for edition_stem, edition in editions:
        booklet_stem = patient_stem(edition_stem, patient) if patient else None
        for extension, outputs in render_formats(edition, formats, options, patient).items():
            files += output_files(outputs, out_dir, edition_stem, extension, booklet_stem)
    return write_files(files, out_dir, document.inputs() | set(also_read))


def patient_stem(stem: str, patient: Patient) -> str:
    """`<stem>-<patient-slug>`, never the same as the answer key's name."""
    return unique_stems([handout_stem(stem, patient.name)], [key_stem(stem)])[0]


def key_stem(stem: str) -> str:
    return f"{stem}-answer-key"


def load_patient(path: Path, document: Document, today: datetime.date | None = None) -> Patient:
    """Read and validate a patient file against the booklet's stretches."""
    ctx = Context(path)
    ids = [stretch.id for stretch in document.booklet.stretches()]
    fields = Fields(ctx, loading.load_yaml(path), "", PATIENT_FIELDS)
    patient = read_patient(fields, ids, today or datetime.date.today())
    if ctx.problems or patient is None:
        raise BookletError(ctx.problems)
    return patient


def with_options(document: Document, options: PrintOptions) -> Document:
    """The document with what the command line asks for on top of its own settings: the
    exercise log and questions page, large print and grayscale."""
    booklet = replace(
        document.booklet,
        exercise_log=document.booklet.exercise_log or options.exercise_log,
        questions_page=document.booklet.questions_page or options.questions_page,
    )
    brand = replace(
        document.brand,
        large_print=document.brand.large_print or options.large_print,
        grayscale=document.brand.grayscale or options.grayscale,
    )
    return replace(document, booklet=booklet, brand=brand)


def places_of(content: Path) -> Places:
    """Field paths of a content file that has already loaded without problems -> lines."""
    return Places(str(content), loading.load_yaml(content))


def check_reading(
    content: Path, brand: Path | None = None, grade: int | None = None, words: Path | None = None
) -> Report:
    """The whole `booklet check`: validate, then measure and report on the text."""
    # the reading measures (textstat and its dictionaries) are imported only when asked for
    from booklet.literacy import jargon
    from booklet.literacy.check import check

    document = load(content, brand)
    extra = jargon.read_words(words) if words is not None else None
    target = grade if grade is not None else document.brand.reading_grade
    return check(document.booklet, places_of(content), target, jargon.word_list(extra))


def strict_problems(document: Document) -> list[Problem]:
    """What `validate --strict` adds: every picture must have alt text."""
    from booklet.literacy.check import missing_alt

    places = places_of(document.booklet.source)
    return [
        Problem(places.file, places.line(field), field, message)
        for field, message in missing_alt(document.booklet)
    ]


def load_figure(source: str, brand: Path | None = None) -> tuple[Figure, Brand]:
    """A built-in figure name, or a YAML file holding one figure mapping, and its brand."""
    path = Path(source)
    looks_like_file = path.suffix.lower() in (".yaml", ".yml") or path.exists()
    if looks_like_file:
        ctx = Context(path)
        figure = read_figure(ctx, loading.load_yaml(path), "")
    else:
        ctx = Context(Path("booklet figure"))
        figure = named(ctx, None, "NAME", source, figure_names())
    problems = list(ctx.problems)
    chosen = NEUTRAL_BRAND
    if brand is not None:
        loaded, brand_ctx = read_brand(loading.load_yaml(brand), brand)
        problems += brand_ctx.problems
        chosen = loaded or NEUTRAL_BRAND
    if problems or figure is None:
        raise BookletError(problems)
    return figure, chosen


def figure_file(source: str, out: Path, brand: Path | None = None) -> Path:
    """Draw one figure to `out` (.png, .svg or .pdf) for previewing a pose."""
    from booklet.figures import draw
    from booklet.figures.scene import Colors

    figure, chosen = load_figure(source, brand)
    drawing = draw.figure_drawing(figure, Colors.from_brand(chosen.primary, chosen.accent))
    suffix = out.suffix.lower()
    data = {
        ".png": draw.png_bytes,
        ".svg": draw.svg_bytes,
        ".pdf": draw.pdf_bytes,
    }[suffix](drawing)
    write_files([(out, data)], out.parent)
    return out
