"""The spine: content file -> load -> validate -> layout -> render -> write the outputs.

`load` and the renderers never write; `write_outputs` puts all files (PDF and/or HTML,
booklet and answer key) in place together, each written to a temporary file first and
renamed only when all are complete.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from booklet.document import Document, Outputs, PrintOptions
from booklet.engine.output import output_files, patient_stem, remove_leftovers, write_files
from booklet.engine.versions import quiz_versions
from booklet.model import Patient
from booklet.pdf.make import compact_handout, render_outputs
from booklet.source.patient import compact_handout as compact_handout_booklet
from booklet.source.patient import handout
from booklet.source.read import load, load_patient
from booklet.web.answer_key_page import answer_key_html
from booklet.web.booklet_page import booklet_html
from booklet.words.labels import labels_for


def render_html(
    document: Document, patient: Patient | None = None, options: PrintOptions | None = None
) -> Outputs:
    """The booklet (or one patient's handout) and answer key as self-contained HTML pages."""
    options = options or PrintOptions()
    booklet, chart = document.booklet, False
    compact = patient is not None and compact_handout(document, options)
    if patient and compact:
        labels = labels_for(booklet.language, document.brand.labels)
        booklet = compact_handout_booklet(booklet, patient, labels.my_exercises)
        chart = options.chart or patient.chart
    elif patient:
        booklet = handout(booklet, patient)
    return Outputs(
        booklet=booklet_html(booklet, document.brand, patient, chart, compact),
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
        else render_html(document, patient, options)
        for fmt in formats
    }


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
    if out_dir.is_dir():
        remove_leftovers(out_dir)
    return write_files(files, out_dir, document.inputs() | set(also_read))


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
