"""`booklet preview`: pages of the booklet as PNG pictures."""

from __future__ import annotations

from pathlib import Path

import click

from booklet.commands.shared import BRAND, CONTENT, FiniteFloatRange, reported_errors


@click.command()
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
    type=FiniteFloatRange(0.25, 6.0),
    default=1.5,
    show_default=True,
    help="Size: 1 is 72 pixels an inch.",
)
def preview(
    content: Path, brand: Path | None, pages: str | None, out_dir: Path, scale: float
) -> None:
    """Render pages of the booklet to OUT/<name>-page-NN.png to look at or mail."""
    from booklet.engine.previews import parse_pages
    from booklet.engine.previews import preview as render_pages
    from booklet.source.read import load

    try:
        chosen = parse_pages(pages) if pages is not None else None
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--pages") from None
    with reported_errors():
        document = load(content, brand)
        try:
            written = render_pages(document, out_dir, chosen, scale)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--pages") from None
    for path in written:
        click.echo(str(path))
