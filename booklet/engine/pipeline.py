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
from booklet.engine.side_by_side import side_by_side, start_ahead
from booklet.model import Patient
from booklet.pdf.key_ahead import Start
from booklet.pdf.make import render_outputs, wants_compact_layout
from booklet.source.read import load, load_patient
from booklet.words.labels import labels_for


def render_html(
    document: Document, patient: Patient | None = None, options: PrintOptions | None = None
) -> Outputs:
    """The booklet (or one patient's handout) and answer key as self-contained HTML pages."""
    # imported here: a PDF build needs neither the web pages nor a patient's handout
    from booklet.source.patient import compact_handout_booklet, handout
    from booklet.web.answer_key_page import answer_key_html
    from booklet.web.booklet_page import booklet_html

    options = options or PrintOptions()
    booklet, chart = document.booklet, False
    compact = patient is not None and wants_compact_layout(document, options)
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
    start: Start | None = None,
) -> dict[str, Outputs]:
    """Each asked-for format ("pdf", "html") -> its files as bytes; with `start`, a PDF's
    answer key is made in another process while its booklet is laid out."""
    return {
        fmt: render_outputs(document, options, patient, start)
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
    jobs: int = 1,
) -> list[Path]:
    """Lay out, render and write a loaded document (for a patient file, their handout),
    `jobs` renders (formats, quiz versions) side by side."""
    chosen = load_patient(patient, document, today) if patient else None
    also_read = [patient] if patient else []
    return write_document(document, out_dir, formats, options, chosen, also_read, jobs)


def write_document(
    document: Document,
    out_dir: Path,
    formats: Iterable[str] = ("pdf",),
    options: PrintOptions | None = None,
    patient: Patient | None = None,
    also_read: Iterable[Path] = (),
    jobs: int = 1,
) -> list[Path]:
    """Render a loaded document in every format and edition, `jobs` renders side by side,
    and write all the files (never over a file the document was read from, nor over
    `also_read`)."""
    options = options or PrintOptions()
    document = with_options(document, options)
    stem = document.booklet.stem
    editions = [(stem, document)]
    if options.versions:
        from booklet.engine.versions import quiz_versions  # only quizzes shuffled need it

        editions = [
            (f"{stem}-{letter}", replace(document, booklet=version))
            for letter, version in quiz_versions(document.booklet, options.versions, options.seed)
        ]
    renders = [(stem, edition, fmt) for stem, edition in editions for fmt in formats]

    # one render: its key beside its booklet; several: each in a process of its own
    start = start_ahead if jobs > 1 and len(renders) == 1 else None

    def rendered(job: tuple[str, Document, str]) -> Outputs:
        _, edition, fmt = job
        return render_formats(edition, [fmt], options, patient, start)[fmt]

    files: list[tuple[Path, bytes]] = []
    for (edition_stem, _, fmt), outputs in zip(
        renders, side_by_side(rendered, renders, jobs), strict=True
    ):
        booklet_stem = patient_stem(edition_stem, patient) if patient else None
        files += output_files(outputs, out_dir, edition_stem, fmt, booklet_stem)
    if out_dir.is_dir():
        remove_leftovers(out_dir)
    return write_files(files, out_dir, document.inputs() | set(also_read))


def with_options(document: Document, options: PrintOptions) -> Document:
    """The document with what the command line asks for on top of its own settings: the
    exercise log and questions page, large print, grayscale and an untagged PDF."""
    booklet = replace(
        document.booklet,
        exercise_log=document.booklet.exercise_log or options.exercise_log,
        questions_page=document.booklet.questions_page or options.questions_page,
    )
    brand = replace(
        document.brand,
        large_print=document.brand.large_print or options.large_print,
        grayscale=document.brand.grayscale or options.grayscale,
        tagged=document.brand.tagged and options.tagged,
    )
    return replace(document, booklet=booklet, brand=brand)
