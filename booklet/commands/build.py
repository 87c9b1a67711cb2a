"""`booklet build`: the booklet and answer key (PDF and/or HTML) of one content file, or
one patient's handout, or a rebuild on every save with --watch."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from booklet.commands.shared import (
    BRAND,
    CHART,
    CONTENT,
    LAYOUT,
    NO_CACHE,
    NO_TAGS,
    RESTRICT_TO,
    FiniteFloatRange,
    reported_errors,
    warn,
)

if TYPE_CHECKING:
    from booklet.document import PrintOptions


@click.command()
@CONTENT
@BRAND
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Folder for the outputs.",
)
@click.option(
    "--format",
    "formats",
    default="pdf",
    show_default=True,
    callback=lambda _ctx, _param, value: output_formats(value),
    shell_complete=lambda _ctx, _param, typed: [
        choice for choice in ("pdf", "html", "pdf,html") if choice.startswith(typed)
    ],
    help="pdf, html, or both as pdf,html. HTML is one self-contained, accessible page.",
)
@RESTRICT_TO
@click.option(
    "--patient",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Patient file: print a handout for this patient, named OUT/<name>-<patient>.pdf.",
)
@LAYOUT
@CHART
@click.option(
    "--watch",
    is_flag=True,
    help="Keep running: rebuild after every save of the content, brand or pictures.",
)
@click.option(
    "--exercise-log", is_flag=True, help="Add a weekly tick-box log of the booklet's stretches."
)
@click.option(
    "--questions-page", is_flag=True, help='Add a lined "My questions for my clinician" page.'
)
@click.option(
    "--imposition",
    type=click.Choice(["saddle"]),
    default=None,
    help="Also write OUT/<name>-saddle.pdf: pages two up in folding order, to print on both "
    "sides, fold and staple.",
)
@click.option(
    "--creep",
    type=FiniteFloatRange(0, 5),
    default=None,
    metavar="MM",
    help="With --imposition saddle: move the innermost pages this many millimetres toward the "
    "fold, the outer ones less.",
)
@click.option(
    "--bleed",
    default=None,
    metavar="LENGTH",
    callback=lambda _ctx, _param, value: bleed_points(value),
    help="Print-shop PDF: pages this much larger on every side (such as 3mm), with crop "
    "marks, TrimBox and BleedBox.",
)
@click.option(
    "--versions",
    type=click.IntRange(1, 26),
    default=None,
    help="Write N versions, OUT/<name>-A.pdf, -B ... with quiz questions and choices "
    "shuffled, each with its own answer key.",
)
@click.option(
    "--seed",
    type=click.IntRange(0, 2**31 - 1),
    default=None,
    help="With --versions: the number the shuffles start from (default 1); the same seed "
    "gives the same files.",
)
@click.option(
    "--large-print",
    is_flag=True,
    help="Large print: 18 pt body text in a low-vision typeface, 1.5 line spacing, one column.",
)
@click.option("--grayscale", is_flag=True, help="Shades of gray only, for photocopying.")
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Render the formats and quiz versions asked for in up to N processes side by side "
    "(default: the cores other programs leave free).",
)
@NO_TAGS
@NO_CACHE
def build(
    content: Path,
    brand: Path | None,
    out_dir: Path,
    formats: tuple[str, ...],
    restrict_to: Path | None,
    exercise_log: bool,
    questions_page: bool,
    imposition: str | None,
    creep: float | None,
    bleed: float | None,
    versions: int | None,
    seed: int | None,
    watch: bool,
    patient: Path | None,
    large_print: bool,
    grayscale: bool,
    no_tags: bool,
    layout: str | None,
    chart: bool,
    jobs: int | None,
) -> None:
    """Write OUT/<name>.pdf and OUT/<name>-answer-key.pdf (or .html) from CONTENT."""
    from booklet.document import PrintOptions

    if creep is not None and imposition is None:
        raise click.UsageError("--creep needs --imposition saddle")
    if bleed and imposition:
        raise click.UsageError(
            "--bleed is for a print shop, which folds its own sheets; leave out --imposition"
        )
    if seed is not None and versions is None:
        raise click.UsageError("--seed needs --versions N")
    options = PrintOptions(
        exercise_log=exercise_log,
        questions_page=questions_page,
        imposition=imposition,
        creep_mm=creep or 0.0,
        bleed_pt=bleed or 0.0,
        versions=versions or 0,
        seed=1 if seed is None else seed,
        large_print=large_print,
        grayscale=grayscale,
        tagged=not no_tags,
        layout=layout,
        chart=chart,
    )
    if (layout or chart) and patient is None:
        raise click.UsageError(
            "--layout and --chart are for a patient's handout: add --patient FILE"
        )
    if watch:
        watch_and_build(content, brand, out_dir, formats, restrict_to, options)
        return
    with reported_errors():  # ReportLab loads in here: a Ctrl-C while it does is reported too
        from booklet.engine import side_by_side

        loading = side_by_side.moment()  # how idle the other cores stay while this loads
        from booklet.engine import collector
        from booklet.engine.pipeline import build_document
        from booklet.source.read import load

        document = load(content, brand, restrict_to)
        warn(document.warnings)
        collector.settle_loaded()
        paths = build_document(
            document,
            out_dir,
            formats,
            options,
            patient,
            jobs=jobs or side_by_side.free_cores(since=loading),
        )
    for path in paths:
        click.echo(str(path))


def watch_and_build(
    content: Path,
    brand: Path | None,
    out_dir: Path,
    formats: tuple[str, ...],
    restrict_to: Path | None,
    options: PrintOptions,
) -> None:
    """`build --watch`: rebuild on every save until Ctrl-C."""
    from booklet.engine.watching import build_once, watch

    click.echo(f"Watching {content} and the files it uses; press Ctrl-C to stop.")
    try:
        watch(
            lambda: build_once(content, brand, out_dir, formats, restrict_to, options), click.echo
        )
    except KeyboardInterrupt:
        click.echo("Stopped watching.")


def bleed_points(value: str | None) -> float | None:
    """'3mm' -> points, from 1 to 10 mm; anything else is a usage error."""
    from booklet.source.values import POINTS_PER_UNIT, length_in_points

    if value is None:
        return None
    points = length_in_points(value)
    millimetres = points / POINTS_PER_UNIT["mm"] if points is not None else None
    if millimetres is None or not 1 <= round(millimetres, 6) <= 10:
        raise click.BadParameter(
            f"{value!r}: write a length from 1mm to 10mm, such as 3mm or 0.125in",
            param_hint="--bleed",
        )
    return points


def output_formats(value: str) -> tuple[str, ...]:
    """'pdf,html' -> ('pdf', 'html'); anything else is a usage error."""
    from booklet.document import FORMATS

    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part not in FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(
            f"{value!r}: choose pdf, html, or both as pdf,html", param_hint="--format"
        )
    return tuple(dict.fromkeys(chosen))
