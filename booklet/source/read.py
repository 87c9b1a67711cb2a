"""Files on disk -> checked values: a content file and its brand -> a Document (with the
line of every field), a patient file -> a Patient, a figure name or file -> a Figure.

Nothing here lays out or writes; every problem found is raised together as BookletError.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml

from booklet.document import Document
from booklet.errors import BookletError, Problem
from booklet.model import NEUTRAL_BRAND, Brand, Figure, Patient
from booklet.source import loading, spec
from booklet.source.brand import read_brand
from booklet.source.by_language import brand_in_language
from booklet.source.content import read_content
from booklet.source.fields import Context, Fields
from booklet.source.figure_field import figure_names, named, read_figure
from booklet.source.patient import read_patient
from booklet.source.places import Places
from booklet.source.warning_rules import warnings


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
    places = Places(str(content), content_node)
    chosen = brand_in_language(chosen, booklet.language)
    found = warnings(booklet, chosen, places, brand_places)
    return Document(booklet=booklet, brand=chosen, warnings=tuple(found), places=places)


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


def load_brand(path: Path) -> Brand:
    """A brand file on its own (for printing a document in another brand)."""
    loaded, ctx = read_brand(loading.load_yaml(path), path)
    if ctx.problems or loaded is None:
        raise BookletError(ctx.problems)
    return loaded


def load_patient(path: Path, document: Document, today: datetime.date | None = None) -> Patient:
    """Read and validate a patient file against the booklet's stretches."""
    ctx = Context(path, private=True)
    ids = [stretch.id for stretch in document.booklet.stretches()]
    fields = Fields(ctx, loading.load_private_yaml(path), "", spec.PATIENT)
    patient = read_patient(fields, ids, today or datetime.date.today())
    if ctx.problems or patient is None:
        raise BookletError(ctx.problems)
    return patient


def patient_from_mapping(
    mapping: Mapping[str, object], document: Document, today: datetime.date | None = None
) -> Patient:
    """A patient given as a mapping (as a patient file holds it), checked as a file is;
    problems are reported against `<patient>`, never with a value."""
    ctx = Context(Path("<patient>"), private=True)
    try:
        node = yaml.compose(yaml.safe_dump(dict(mapping), allow_unicode=True), yaml.SafeLoader)
    except yaml.YAMLError:
        node = None
    if node is None:
        raise BookletError([Problem("<patient>", None, "", "is not a mapping of patient fields")])
    ids = [stretch.id for stretch in document.booklet.stretches()]
    patient = read_patient(Fields(ctx, node, "", spec.PATIENT), ids, today or datetime.date.today())
    if ctx.problems or patient is None:
        raise BookletError(ctx.problems)
    return patient


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
        try:
            chosen = load_brand(brand)
        except BookletError as error:
            problems += error.problems
    if problems or figure is None:
        raise BookletError(problems)
    return figure, chosen
