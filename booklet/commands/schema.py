"""`booklet schema KIND`: the JSON Schema of a kind of file, for editors."""

from __future__ import annotations

import click


@click.command()
@click.argument("kind", type=click.Choice(["content", "brand", "library", "patient", "roster"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a KIND of file, for editors that check YAML as you type.

    Point an editor at it with a first line such as
    `# yaml-language-server: $schema=schemas/content.schema.json`.
    """
    from booklet.source.json_schema import schema_json

    click.echo(schema_json(kind), nl=False)
