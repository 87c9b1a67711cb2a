"""booklet as a library: read and validate a booklet, then make its files as bytes.

    from booklet import load, build

    document = load("content/psoas-hip-pain.yaml")      # raises BookletError when wrong
    outputs = build(document)                             # nothing is written to disk
    outputs.booklet, outputs.answer_key                   # the two PDFs, as bytes
    sheet = handout(document, {"name": "Maria López", "exercises": ["glute-bridge"]})

`booklet build` on the command line does the same and then writes the bytes to files.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Mapping
from pathlib import Path

from booklet.document import Document, Outputs, PrintOptions
from booklet.engine import pipeline
from booklet.model import Brand, Patient
from booklet.pdf.make import render_outputs
from booklet.source import read
from booklet.source.by_language import brand_in_language

PathLike = str | os.PathLike[str]


def load(
    content: PathLike, brand: PathLike | None = None, restrict_to: PathLike | None = None
) -> Document:
    """The validated booklet and its brand (the content's `brand:`, or `brand` instead).

    Raises BookletError, whose `problems` lists every mistake with its file and line.
    With `restrict_to`, every file the content names must lie inside that folder.
    """
    return read.load(
        Path(content),
        Path(brand) if brand is not None else None,
        Path(restrict_to) if restrict_to is not None else None,
    )


def build(
    document: Document,
    brand: Brand | PathLike | None = None,
    options: PrintOptions | None = None,
    html: bool = False,
) -> Outputs:
    """The booklet and answer key as bytes: PDFs, or with `html` the accessible HTML pages.

    `brand` prints the document in another brand (a loaded Brand or a brand file);
    `options` adds print options (exercise log, imposition, bleed...). Nothing is written.
    """
    if brand is not None:
        chosen = brand_in_language(brand_of(brand), document.booklet.language)
        document = Document(document.booklet, chosen)
    document = pipeline.with_options(document, options or PrintOptions())
    if html:
        return pipeline.render_html(document)
    return render_outputs(document, options)


def handout(
    document: Document,
    patient: Patient | Mapping[str, object],
    options: PrintOptions | None = None,
    html: bool = False,
    today: datetime.date | None = None,
) -> Outputs:
    """One patient's handout and the answer key as bytes, without any file on disk.

    `patient` is a loaded Patient, or a mapping holding what a patient file holds (`name`,
    `date`, `clinician`, `exercises` with their dosage, `notes`, `quiz`, `chart`), checked
    as a patient file is: BookletError names each wrong field, never its value. The layout
    is the brand's `handout.layout` (compact by default) unless `options.layout` says.
    """
    if not isinstance(patient, Patient):
        patient = read.patient_from_mapping(patient, document, today)
    options = options or PrintOptions()
    document = pipeline.with_options(document, options)
    if html:
        return pipeline.render_html(document, patient, options)
    return render_outputs(document, options, patient)


def brand_of(brand: Brand | PathLike) -> Brand:
    return brand if isinstance(brand, Brand) else read.load_brand(Path(brand))
