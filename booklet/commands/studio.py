"""`booklet studio`: the project's local web application, on this computer's address."""

from __future__ import annotations

import os
from pathlib import Path

import click

STUDIO_FOLDER = click.argument(
    "folder",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=Path("."),
)


@click.command()
@STUDIO_FOLDER
@click.option("--port", type=click.IntRange(0, 65535), default=8800, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Any address but this computer's own (127.0.0.1, ::1, "
    "localhost) needs --token: other computers on the network can then reach the studio.",
)
@click.option(
    "--token",
    default=None,
    help="Access token every request must carry (also BOOKLET_STUDIO_TOKEN); "
    "required with a --host other than loopback.",
)
def studio(folder: Path, port: int, host: str, token: str | None) -> None:
    """Serve the handout, booklet and brand screens over FOLDER (default: here) in a
    browser on this computer. Prints the address to open; Ctrl-C stops it."""
    from booklet.studio.security import TOKEN_ENVIRONMENT, is_loopback
    from booklet.studio.serving import serve, studio_address

    token = token or os.environ.get(TOKEN_ENVIRONMENT) or None
    if not is_loopback(host) and not token:
        raise click.UsageError(
            f"--host {host} lets other computers reach the studio and the patient data typed "
            f"into it; set an access token with --token or {TOKEN_ENVIRONMENT} (at least 16 "
            "characters), or leave --host at 127.0.0.1",
        )
    if token is not None and len(token) < 16:
        raise click.BadParameter("use at least 16 characters", param_hint="--token")
    click.echo(f"booklet studio for {folder.resolve()}")
    click.echo(f"open {studio_address(host, port, token)} in your browser; Ctrl-C stops it")
    serve(folder, host, port, token)
