"""`booklet figure`: draw one pose to a PNG, SVG or PDF file to preview it."""

from __future__ import annotations

from pathlib import Path

import click

from booklet.commands.shared import BRAND, reported_errors


def figure_names_starting(_ctx: click.Context, _param: click.Parameter, typed: str) -> list[str]:
    """Built-in pose names for shell completion of `booklet figure`."""
    from booklet.source.figure_field import figure_names

    return [name for name in figure_names() if name.startswith(typed)]


@click.command()
@click.argument(
    "source", metavar="NAME-or-FILE", required=False, shell_complete=figure_names_starting
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Where to draw it: a .png, .svg or .pdf file.",
)
@click.option(
    "--list",
    "list_names",
    is_flag=True,
    help="List the built-in figures with the view each is drawn in and what it shows.",
)
@BRAND
def figure(source: str | None, out: Path | None, list_names: bool, brand: Path | None) -> None:
    """Draw a built-in pose (NAME) or a pose described in a YAML FILE, to preview it."""
    from booklet.engine.previews import FIGURE_FORMATS, figure_file

    if list_names:
        from booklet.source.figure_field import catalogue

        for name, view, description in catalogue():
            click.echo(f"{name:<26} {view:<6} {description}")
        return
    if source is None:
        raise click.UsageError("name a figure or a YAML file, or give --list")
    if out is None:
        raise click.BadParameter("name a .png, .svg or .pdf file to draw to", param_hint="--out")
    if out.suffix.lower() not in FIGURE_FORMATS:
        raise click.BadParameter(f"{out.name}: name a .png, .svg or .pdf file", param_hint="--out")
    with reported_errors():
        written = figure_file(source, out, brand)
    click.echo(str(written))
