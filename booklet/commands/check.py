"""`booklet check`: the reading level, wording and PEMAT report of a content file."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from booklet.commands.shared import BRAND, CONTENT, reported_errors


@click.command()
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

    from booklet.literacy.assess import check_reading
    from booklet.literacy.report import report_lines
    from booklet.source.read import load

    with reported_errors():
        report = check_reading(load(content, brand), grade, words)
    if as_json:
        click.echo(json.dumps(report.as_json(), indent=2, ensure_ascii=False))
    else:
        for line in report_lines(report, strict):
            click.echo(line)
    if strict and report.findings:
        sys.exit(1)
