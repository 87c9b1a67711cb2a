"""`booklet validate`: check a content file, its brand, pictures and fonts; write nothing."""

from __future__ import annotations

from pathlib import Path

import click

from booklet.commands.shared import BRAND, CONTENT, RESTRICT_TO, counted, reported_errors, warn


@click.command()
@CONTENT
@BRAND
@click.option(
    "--strict", is_flag=True, help="Also require alt text on every picture (for screen readers)."
)
@RESTRICT_TO
def validate(content: Path, brand: Path | None, strict: bool, restrict_to: Path | None) -> None:
    """Check CONTENT (and its brand, pictures and fonts) without writing anything."""
    from booklet.errors import BookletError
    from booklet.literacy.assess import strict_problems
    from booklet.source.read import load

    with reported_errors():
        document = load(content, brand, restrict_to)
        warn(document.warnings)
        if strict and (problems := strict_problems(document)):
            raise BookletError(problems)
    stretches = len(document.booklet.stretches())
    questions = len(document.booklet.quiz.questions) if document.booklet.quiz else 0
    click.echo(
        f"{content}: ok ({counted(len(document.booklet.sections), 'section')}, "
        f"{counted(stretches, 'stretch', 'stretches')}, {counted(questions, 'quiz question')})"
    )
