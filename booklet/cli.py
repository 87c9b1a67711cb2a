"""Command-line arguments -> the commands in booklet.commands; `main` is the entry point."""

from __future__ import annotations

import click

from booklet import __version__
from booklet.commands import batch, build, check, figure, init, preview, schema, validate


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="booklet")
def cli() -> None:
    """Turn a YAML content file into a patient booklet PDF and a clinician answer key."""


for command in (
    build.build,
    validate.validate,
    check.check,
    init.init,
    preview.preview,
    schema.schema,
    batch.batch,
    figure.figure,
):
    cli.add_command(command)


def main(prog_name: str | None = None) -> None:
    cli(prog_name=prog_name)
