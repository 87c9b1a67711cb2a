"""`booklet batch`: one handout per roster row, built side by side, and one answer key."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from booklet.commands.shared import (
    BRAND,
    CHART,
    CONTENT,
    INTERRUPTED,
    LAYOUT,
    MAX_SHOWN_PROBLEMS,
    NO_CACHE,
    NO_TAGS,
    RESTRICT_TO,
    counted,
    reported_errors,
)
from booklet.engine.stopping import TERMINATED, Terminated
from booklet.errors import Problem

if TYPE_CHECKING:
    from booklet.engine.batching import Result


@click.command()
@CONTENT
@click.argument("roster", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder for the handouts and the answer key.",
)
@BRAND
@click.option(
    "--jobs",
    type=click.IntRange(1, 512),
    default=None,
    help="Processes that build handouts side by side (default: the number of cores).",
)
@click.option(
    "--shard",
    default="1/1",
    metavar="K/N",
    callback=lambda _ctx, _param, value: shard_option(value),
    help="Build only rows whose index modulo N is K-1, to share one roster among N machines.",
)
@LAYOUT
@CHART
@RESTRICT_TO
@NO_TAGS
@NO_CACHE
def batch(
    content: Path,
    roster: Path,
    out_dir: Path,
    brand: Path | None,
    jobs: int | None,
    shard: tuple[int, int],
    restrict_to: Path | None,
    layout: str | None,
    chart: bool,
    no_tags: bool,
) -> None:
    """One handout per patient in ROSTER (CSV or YAML), plus one answer key, into OUT."""
    from booklet.cores import usable_cores
    from booklet.document import PrintOptions
    from booklet.engine import batching, collector

    with reported_errors():
        plan = batching.plan(
            content,
            roster,
            brand,
            restrict_to,
            batching.Shard(*shard),
            options=PrintOptions(layout=layout, chart=chart, tagged=not no_tags),
        )
        key = batching.write_answer_key(plan, out_dir)
    collector.settle_loaded()
    try:
        with contextlib.closing(batching.run(plan, out_dir, jobs or usable_cores())) as results:
            built, problems = handout_results(results, len(plan.rows))
    except KeyboardInterrupt:
        click.echo("interrupted; the handouts already written are complete.", err=True)
        sys.exit(INTERRUPTED)
    except Terminated:
        click.echo("stopped (SIGTERM); the handouts already written are complete.", err=True)
        sys.exit(TERMINATED)
    problems = sorted([*plan.problems, *problems], key=lambda problem: problem.line or 0)
    for problem in problems[:MAX_SHOWN_PROBLEMS]:
        click.echo(str(problem), err=True)
    if len(problems) > MAX_SHOWN_PROBLEMS:
        unshown = counted(len(problems) - MAX_SHOWN_PROBLEMS, "more problem")
        click.echo(f"... and {unshown} like these.", err=True)
    bad_rows = len({problem.line for problem in problems})
    click.echo(
        f"{counted(built, 'handout')} written to {out_dir}, with the answer key {key.name}"
        + (f"; {counted(bad_rows, 'row')} with problems not built" if bad_rows else "")
    )
    if problems:
        sys.exit(1)


def handout_results(results: Iterable[Result], total: int) -> tuple[int, list[Problem]]:
    """Count the handouts built and gather the problems, with a progress bar on a terminal."""
    built, problems = 0, list[Problem]()
    show = sys.stderr.isatty() and total > 1
    bar = click.progressbar(length=total, label="handouts", file=sys.stderr)
    with bar if show else contextlib.nullcontext(bar):
        for result in results:
            built += result.path is not None
            problems += result.problems
            if show:
                bar.update(1)
    return built, problems


def shard_option(value: str) -> tuple[int, int]:
    """'2/5' -> (2, 5), with 1 <= K <= N; anything else is a usage error."""
    number, _, count = value.partition("/")
    if all(
        part.isascii() and part.isdigit() and len(part) <= 9
        for part in (number.strip(), count.strip())
    ):
        k, n = int(number), int(count)
        if 1 <= k <= n:
            return k, n
    raise click.BadParameter(
        f"{value!r}: write K/N with 1 <= K <= N, such as 1/4", param_hint="--shard"
    )
