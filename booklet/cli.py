"""Command-line arguments -> calls into booklet.pipeline; the only module that prints or exits."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from booklet import __version__
from booklet.errors import BookletError, OutputError, Problem

if TYPE_CHECKING:
    from booklet.batch import Result
    from booklet.pipeline import PrintOptions

CONTENT = click.argument("content", type=click.Path(path_type=Path, dir_okay=True))
BRAND = click.option(
    "--brand",
    type=click.Path(path_type=Path),
    default=None,
    help="Brand file to use instead of the content file's `brand:`.",
)

MAX_SHOWN_PROBLEMS = 100  # a file with thousands of mistakes shows the first hundred
INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C
RESTRICT_TO = click.option(
    "--restrict-to",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Refuse any file that the content names outside this folder (for untrusted content).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
def cli() -> None:
    """Turn a YAML content file into a patient booklet PDF and a clinician answer key."""


@cli.command()
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
    type=click.FloatRange(0, 5),
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
) -> None:
    """Write OUT/<name>.pdf and OUT/<name>-answer-key.pdf (or .html) from CONTENT."""
    from booklet import pipeline

    if creep is not None and imposition is None:
        raise click.UsageError("--creep needs --imposition saddle")
    if bleed and imposition:
        raise click.UsageError(
            "--bleed is for a print shop, which folds its own sheets; leave out --imposition"
        )
    if seed is not None and versions is None:
        raise click.UsageError("--seed needs --versions N")
    options = pipeline.PrintOptions(
        exercise_log=exercise_log,
        questions_page=questions_page,
        imposition=imposition,
        creep_mm=creep or 0.0,
        bleed_pt=bleed or 0.0,
        versions=versions or 0,
        seed=1 if seed is None else seed,
        large_print=large_print,
        grayscale=grayscale,
    )
    if watch:
        watch_and_build(content, brand, out_dir, formats, restrict_to, options)
        return
    with reported_errors():
        document = pipeline.load(content, brand, restrict_to)
        warn(document.warnings)
        paths = pipeline.build_document(document, out_dir, formats, options, patient)
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
    from booklet.watch import build_once, watch

    click.echo(f"Watching {content} and the files it uses; press Ctrl-C to stop.")
    try:
        watch(
            lambda: build_once(content, brand, out_dir, formats, restrict_to, options), click.echo
        )
    except KeyboardInterrupt:
        click.echo("Stopped watching.")


def bleed_points(value: str | None) -> float | None:
    """'3mm' -> points, from 1 to 10 mm; anything else is a usage error."""
    from booklet.validate import POINTS_PER_UNIT, length_in_points

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


@cli.command()
@CONTENT
@BRAND
@click.option(
    "--strict", is_flag=True, help="Also require alt text on every picture (for screen readers)."
)
@RESTRICT_TO
def validate(content: Path, brand: Path | None, strict: bool, restrict_to: Path | None) -> None:
    """Check CONTENT (and its brand, pictures and fonts) without writing anything."""
    from booklet import pipeline
    from booklet.errors import BookletError

    with reported_errors():
        document = pipeline.load(content, brand, restrict_to)
        warn(document.warnings)
        if strict and (problems := pipeline.strict_problems(document)):
            raise BookletError(problems)
    stretches = len(document.booklet.stretches())
    questions = len(document.booklet.quiz.questions) if document.booklet.quiz else 0
    click.echo(
        f"{content}: ok ({counted(len(document.booklet.sections), 'section')}, "
        f"{counted(stretches, 'stretch', 'stretches')}, {counted(questions, 'quiz question')})"
    )


@cli.command()
@CONTENT
@BRAND
@click.option(
    "--grade",
    type=click.IntRange(1, 18),
    default=None,
    help="Target reading grade (default: the brand's reading_grade, or 8).",
)
@click.option(
    "--words",
    type=click.Path(path_type=Path),
    default=None,
    help="YAML file of medical words and their plain alternatives, added to the built-in list.",
)
@click.option("--strict", is_flag=True, help="Exit with status 1 when anything is found.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def check(
    content: Path,
    brand: Path | None,
    grade: int | None,
    words: Path | None,
    strict: bool,
    as_json: bool,
) -> None:
    """Report reading grade, long sentences, passive voice, medical words, PEMAT items and
    missing alt text in CONTENT; advisory unless --strict."""
    import json

    from booklet import pipeline
    from booklet.literacy.report import report_lines

    with reported_errors():
        report = pipeline.check_reading(content, brand, grade, words)
    if as_json:
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        for line in report_lines(report, strict):
            click.echo(line)
    if strict and report.findings:
        sys.exit(1)


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--force", is_flag=True, help="Replace starter files that are already there.")
def init(folder: Path, force: bool) -> None:
    """Start a new booklet in FOLDER: a commented content file, a brand file and pictures."""
    from booklet.starter import write_starter

    with reported_errors():
        written = write_starter(folder, force)
    for path in written:
        click.echo(str(path))
    click.echo(f"Next: cd {folder} && booklet build booklet.yaml")


@cli.command()
@CONTENT
@BRAND
@click.option(
    "--pages",
    default=None,
    metavar="RANGE",
    help="Pages to show, such as 1-3 or 2,5,7-8 (default: the first three).",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("preview"),
    show_default=True,
    help="Folder for the pictures.",
)
@click.option(
    "--scale",
    type=click.FloatRange(0.25, 6.0),
    default=1.5,
    show_default=True,
    help="Size: 1 is 72 pixels an inch.",
)
def preview(
    content: Path, brand: Path | None, pages: str | None, out_dir: Path, scale: float
) -> None:
    """Render pages of the booklet to OUT/<name>-page-NN.png to look at or mail."""
    from booklet import pipeline
    from booklet.preview import parse_pages
    from booklet.preview import preview as render_pages

    try:
        chosen = parse_pages(pages) if pages is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--pages") from None
    with reported_errors():
        document = pipeline.load(content, brand)
        try:
            written = render_pages(document, out_dir, chosen, scale)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--pages") from None
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("kind", type=click.Choice(["content", "brand", "library", "patient", "roster"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a KIND of file, for editors that check YAML as you type.

    Point an editor at it with a first line such as
    `# yaml-language-server: $schema=schemas/content.schema.json`.
    """
    from booklet.schema import schema_json

    click.echo(schema_json(kind), nl=False)


def figure_names_starting(_ctx: click.Context, _param: click.Parameter, typed: str) -> list[str]:
    """Built-in pose names for shell completion of `booklet figure`."""
    from booklet.figures.validate import figure_names

    return [name for name in figure_names() if name.startswith(typed)]


@cli.command()
@CONTENT
@click.argument("roster", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the handouts and the answer key.",
)
@BRAND
@click.option(
    "--jobs",
    type=click.IntRange(1, 512),
    default=None,
    help="Processes that build handouts side by side (default: the number of cores).",
)
@click.option(
    "--shard",
    default="1/1",
    metavar="K/N",
    callback=lambda _ctx, _param, value: shard_option(value),
    help="Build only rows whose index modulo N is K-1, to share one roster among N machines.",
)
@RESTRICT_TO
def batch(
    content: Path,
    roster: Path,
    out_dir: Path,
    brand: Path | None,
    jobs: int | None,
    shard: tuple[int, int],
    restrict_to: Path | None,
) -> None:
    """One handout per patient in ROSTER (CSV or YAML), plus one answer key, into OUT."""
    from booklet import batch as pipeline

    with reported_errors():
        plan = pipeline.plan(content, roster, brand, restrict_to, pipeline.Shard(*shard))
        key = pipeline.write_answer_key(plan, out_dir)
    results = pipeline.run(plan, out_dir, jobs or pipeline.default_jobs())
    try:
        built, problems = handout_results(results, len(plan.rows))
    except KeyboardInterrupt:
        click.echo("interrupted; the handouts already written are complete.", err=True)
        sys.exit(INTERRUPTED)
    problems = sorted([*plan.problems, *problems], key=lambda problem: problem.line or 0)
    for problem in problems:
        click.echo(str(problem), err=True)
    bad_rows = len({problem.line for problem in problems})
    click.echo(
        f"{counted(built, 'handout')} written to {out_dir}, with the answer key {key.name}"
        + (f"; {counted(bad_rows, 'row')} with problems not built" if bad_rows else "")
    )
    if problems:
        sys.exit(1)


def handout_results(results: Iterable[Result], total: int) -> tuple[int, list[Problem]]:
    """Count the handouts built and gather the problems, with a progress bar on a terminal."""
    built, problems = 0, list[Problem]()
    show = sys.stderr.isatty() and total > 1
    bar = click.progressbar(length=total, label="handouts", file=sys.stderr)
    with bar if show else contextlib.nullcontext(bar):
        for result in results:
            built += result.path is not None
            problems += result.problems
            if show:
                bar.update(1)
    return built, problems


def shard_option(value: str) -> tuple[int, int]:
    """'2/5' -> (2, 5), with 1 <= K <= N; anything else is a usage error."""
    number, _, count = value.partition("/")
    if number.strip().isdigit() and count.strip().isdigit():
        k, n = int(number), int(count)
        if 1 <= k <= n:
            return k, n
    raise click.BadParameter(
        f"{value!r}: write K/N with 1 <= K <= N, such as 1/4", param_hint="--shard"
    )


def output_formats(value: str) -> tuple[str, ...]:
    """'pdf,html' -> ('pdf', 'html'); anything else is a usage error."""
    from booklet.pipeline import FORMATS

    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part not in FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(
            f"{value!r}: choose pdf, html, or both as pdf,html", param_hint="--format"
        )
    return tuple(dict.fromkeys(chosen))


@cli.command()
@click.argument("source", metavar="NAME-or-FILE", shell_complete=figure_names_starting)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to draw it: a .png, .svg or .pdf file.",
)
@BRAND
def figure(source: str, out: Path, brand: Path | None) -> None:
    """Draw a built-in pose (NAME) or a pose described in a YAML FILE, to preview it."""
    from booklet import pipeline

    if out.suffix.lower() not in pipeline.FIGURE_FORMATS:
        raise click.BadParameter(f"{out.name}: name a .png, .svg or .pdf file", param_hint="--out")
    with reported_errors():
        written = pipeline.figure_file(source, out, brand)
    click.echo(str(written))


def warn(warnings: Iterable[object]) -> None:
    """Warnings go to stderr, one a line; they do not change the exit status."""
    for line in warnings:
        click.echo(str(line), err=True)


def counted(number: int, one: str, many: str | None = None) -> str:
    """'1 section', '2 sections'."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


class reported_errors:
    """Turn the user's mistakes into lines on stderr and exit status 1."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> None:
        if isinstance(error, BookletError):
            for problem in error.problems[:MAX_SHOWN_PROBLEMS]:
                click.echo(str(problem), err=True)
            unshown = len(error.problems) - MAX_SHOWN_PROBLEMS
            if unshown > 0:
                click.echo(f"... and {counted(unshown, 'more problem')} like these.", err=True)
            click.echo(
                f"{counted(len(error.problems), 'problem')} found; nothing was written.", err=True
            )
            sys.exit(1)
        if isinstance(error, OutputError):
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        if isinstance(error, KeyboardInterrupt):
            click.echo("interrupted; nothing was written.", err=True)
            sys.exit(INTERRUPTED)


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name)
