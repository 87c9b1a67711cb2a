"""Command-line arguments -> the commands in booklet.commands; `main` is the entry point."""

from __future__ import annotations

import os
import sys

import click

from booklet import __version__
from booklet.commands import (
    batch,
    build,
    check,
    figure,
    init,
    preview,
    schema,
    studio,
    validate,
)
from booklet.engine import collector, stopping


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
    studio.studio,
):
    cli.add_command(command)


def main(prog_name: str | None = None) -> None:
    """Run the command line. Ctrl-C and SIGTERM end it with one line and the shell's status
    (130, 143) wherever they come, even while the modules are still being imported."""
    stopping.stop_on_sigterm()
    collector.collect_less_often()
    try:
        status = cli.main(prog_name=prog_name, standalone_mode=False)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (click.Abort, KeyboardInterrupt, stopping.Terminated, Exception) as error:
        # a stop as itself, or one a library turned into an error of its own
        stop = error if isinstance(error, click.Abort) else stopping.stop_behind(error)
        if stop is None:
            raise
        if isinstance(stop, stopping.Terminated):
            stopped("stopped (SIGTERM); nothing was written.", stopping.TERMINATED)
        else:
            stopped("interrupted; nothing was written.", stopping.INTERRUPTED)
    sys.exit(status if isinstance(status, int) else 0)


def stopped(message: str, status: int) -> None:
    """Say why the command stopped and end with `status` at once: the temporary files are
    gone by now, and Python, ending normally after a Ctrl-C, may end by SIGINT instead."""
    click.echo(message, err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
