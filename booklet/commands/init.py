"""`booklet init`: write a starter project that builds as it is."""

from __future__ import annotations

from pathlib import Path

import click

from booklet.commands.shared import reported_errors


@click.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option("--force", is_flag=True, help="Replace starter files that are already there.")
def init(folder: Path, force: bool) -> None:
    """Start a new booklet in FOLDER: a commented content file, a brand file and pictures."""
    from booklet.engine.starter import write_starter

    with reported_errors():
        written = write_starter(folder, force)
    for path in written:
        click.echo(str(path))
    click.echo(f"Next: cd {folder} && booklet build booklet.yaml")
