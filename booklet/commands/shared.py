"""What every command shares: the common arguments and options, and the one place where
a user's mistakes become lines on stderr and an exit status."""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from booklet.engine.stopping import TERMINATED, Terminated, stop_behind
from booklet.errors import BookletError, OutputError

CONTENT = click.argument("content", type=click.Path(path_type=Path, dir_okay=True))
BRAND = click.option(
    "--brand",
    type=click.Path(path_type=Path),
    default=None,
    help="Brand file to use instead of the content file's `brand:`.",
)


class FiniteFloatRange(click.FloatRange):
    """A number from `min` to `max`; NaN and infinity, which pass every comparison or
    none, are refused like any number outside the range."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if isinstance(number, float) and not math.isfinite(number):
            self.fail(f"{value!r} is not a number from {self.min} to {self.max}", param, ctx)
        return number


MAX_SHOWN_PROBLEMS = 100  # a file with thousands of mistakes shows the first hundred
INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C
LAYOUT = click.option(
    "--layout",
    type=click.Choice(["compact", "booklet"]),
    default=None,
    help="A patient's handout: compact (one or two pages, the default) or the whole booklet "
    "(default: the brand's `handout.layout`).",
)
CHART = click.option(
    "--chart",
    is_flag=True,
    help="A patient's compact handout: add a two-week tracking chart of their exercises.",
)
NO_TAGS = click.option(
    "--no-tags",
    "no_tags",
    is_flag=True,
    help="Leave out the structure tree screen readers use (smaller, for print shops).",
)

RESTRICT_TO = click.option(
    "--restrict-to",
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    default=None,
    help="Refuse any file that the content names outside this folder (for untrusted content).",
)


def cache_option(ctx: click.Context, _param: click.Parameter, no_cache: bool) -> bool:
    """With --no-cache, the command neither reads nor fills the cache, until it ends."""
    if no_cache:
        from booklet.assets import disk_cache

        ctx.with_resource(disk_cache.disabled())
    return no_cache


NO_CACHE = click.option(
    "--no-cache",
    is_flag=True,
    expose_value=False,
    callback=cache_option,
    help="Neither use nor fill the cache of prepared pictures (also BOOKLET_NO_CACHE=1).",
)


def warn(warnings: Iterable[object]) -> None:
    """Warnings go to stderr, one a line; they do not change the exit status."""
    for line in warnings:
        click.echo(str(line), err=True)


def counted(number: int, one: str, many: str | None = None) -> str:
    """'1 section', '2 sections'."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


class reported_errors:
    """Turn the user's mistakes into lines on stderr and exit status 1."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type | None, error: BaseException | None, _tb: object) -> None:
        error = stop_behind(error) or error
        if isinstance(error, BookletError):
            for problem in error.problems[:MAX_SHOWN_PROBLEMS]:
                click.echo(str(problem), err=True)
            unshown = len(error.problems) - MAX_SHOWN_PROBLEMS
            if unshown > 0:
                click.echo(f"... and {counted(unshown, 'more problem')} like these.", err=True)
            click.echo(
                f"{counted(len(error.problems), 'problem')} found; nothing was written.", err=True
            )
            sys.exit(1)
        if isinstance(error, OutputError):
            click.echo(f"error: {error}", err=True)
            sys.exit(1)
        if isinstance(error, Terminated):
            click.echo("stopped (SIGTERM); nothing was written.", err=True)
            sys.exit(TERMINATED)
        if isinstance(error, KeyboardInterrupt):
            click.echo("interrupted; nothing was written.", err=True)
            sys.exit(INTERRUPTED)
