"""Command-line arguments -> calls into booklet.build; the only module that prints or exits."""

from __future__ import annotations

import sys
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
    help="Folder for the two PDFs.",
)
def build(content: Path, brand: Path | None, out_dir: Path) -> None:
    """Write OUT/<name>.pdf and OUT/<name>-answer-key.pdf from CONTENT."""
    from booklet import build as pipeline

    with reported_errors():
        paths = pipeline.build(content, brand, out_dir)
    for path in paths:
        click.echo(str(path))


@cli.command()
@CONTENT
@BRAND
def validate(content: Path, brand: Path | None) -> None:
    """Check CONTENT (and its brand, pictures and fonts) without writing anything."""
    from booklet import build as pipeline

    with reported_errors():
        document = pipeline.load(content, brand)
    stretches = len(document.booklet.stretches())
    questions = len(document.booklet.quiz.questions) if document.booklet.quiz else 0
    click.echo(
        f"{content}: ok ({counted(len(document.booklet.sections), 'section')}, "
        f"{counted(stretches, 'stretch', 'stretches')}, {counted(questions, 'quiz question')})"
    )


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
        return False


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name)
