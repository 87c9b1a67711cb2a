"""Command-line arguments -> calls into booklet.build; the only module that prints or exits."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

import click

from booklet import __version__
from booklet.errors import BookletError, OutputError

CONTENT = click.argument("content", type=click.Path(path_type=Path, dir_okay=True))
BRAND = click.option(
    "--brand",
    type=click.Path(path_type=Path),
    default=None,
    help="Brand file to use instead of the content file's `brand:`.",
)

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
    help="pdf, html, or both as pdf,html. HTML is one self-contained, accessible page.",
)
@RESTRICT_TO
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
    large_print: bool,
    grayscale: bool,
) -> None:
    """Write OUT/<name>.pdf and OUT/<name>-answer-key.pdf (or .html) from CONTENT."""
    from booklet import build as pipeline

    with reported_errors():
        document = pipeline.load(content, brand, restrict_to)
        warn(document.warnings)
        printing = pipeline.Printing(large_print, grayscale)
        paths = pipeline.build_document(document, out_dir, formats, printing)
    for path in paths:
        click.echo(str(path))


@cli.command()
@CONTENT
@BRAND
@click.option(
    "--strict", is_flag=True, help="Also require alt text on every picture (for screen readers)."
)
@RESTRICT_TO
def validate(content: Path, brand: Path | None, strict: bool, restrict_to: Path | None) -> None:
    """Check CONTENT (and its brand, pictures and fonts) without writing anything."""
    from booklet import build as pipeline
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

    from booklet import build as pipeline
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


def output_formats(value: str) -> tuple[str, ...]:
    """'pdf,html' -> ('pdf', 'html'); anything else is a usage error."""
    from booklet.build import FORMATS

    chosen = [part.strip().lower() for part in value.split(",") if part.strip()]
    wrong = [part for part in chosen if part not in FORMATS]
    if wrong or not chosen:
        raise click.BadParameter(
            f"{value!r}: choose pdf, html, or both as pdf,html", param_hint="--format"
        )
    return tuple(dict.fromkeys(chosen))


@cli.command()
@click.argument("source", metavar="NAME-or-FILE")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Where to draw it: a .png, .svg or .pdf file.",
)
@BRAND
def figure(source: str, out: Path, brand: Path | None) -> None:
    """Draw a built-in pose (NAME) or a pose described in a YAML FILE, to preview it."""
    from booklet import build as pipeline

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

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> bool:
        if isinstance(error, BookletError):
            for problem in error.problems:
                click.echo(str(problem), err=True)
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
        return False


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name)
