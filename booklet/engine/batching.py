"""A content file and a roster -> one handout PDF per roster row, built in parallel, and
the answer key once.

The content, brand, fonts and pictures are loaded and checked once; each worker process
starts from that (forked after the answer key has warmed every cache, or given the loaded
document where processes cannot fork) and only lays out and writes handouts. Each
handout is written on its own, atomically, so a row that fails leaves no file behind.
"""

from __future__ import annotations

import datetime
import functools
import os
from collections.abc import Generator
from dataclasses import dataclass, field
from pathlib import Path

from booklet.document import Document, PrintOptions
from booklet.engine import stopping, workers
from booklet.engine.output import key_stem, remove_leftovers, write_files
from booklet.engine.pipeline import with_options
from booklet.errors import BookletError, OutputError, Problem
from booklet.pdf.card_shelf import CardShelf
from booklet.pdf.make import prepare_pictures, render_booklet_pdf, render_key_pdf
from booklet.source.read import load
from booklet.source.roster import Row, read_roster


@dataclass(frozen=True)
class Shard:
    """Build only rows whose index (from 0) modulo `count` is `number - 1`."""

    number: int = 1
    count: int = 1

    def holds(self, row_number: int) -> bool:
        return (row_number - 1) % self.count == self.number - 1


@dataclass(frozen=True)
class Plan:
    """What a batch builds: the document, this shard's good rows, and its rows' problems."""

    document: Document
    roster: Path
    rows: tuple[Row, ...]
    problems: tuple[Problem, ...]
    options: PrintOptions = field(default_factory=PrintOptions)  # layout, tracking chart

    def inputs(self) -> set[Path]:
        return self.document.inputs() | {self.roster}


@dataclass(frozen=True)
class Result:
    """One row built (its file) or not (its problems)."""

    number: int
    path: Path | None
    problems: tuple[Problem, ...] = ()


def plan(
    content: Path,
    roster: Path,
    brand: Path | None = None,
    restrict_to: Path | None = None,
    shard: Shard = Shard(),
    today: datetime.date | None = None,
    options: PrintOptions | None = None,
) -> Plan:
    """Load and check everything before building anything.

    Raises BookletError when the content, brand or roster file is wrong as a whole. Names
    are given over the whole roster, so every shard names each row the same way.
    """
    options = options or PrintOptions()
    document = with_options(load(content, brand, restrict_to), options)
    ids = [stretch.id for stretch in document.booklet.stretches()]
    stem = document.booklet.stem
    rows = read_roster(roster, ids, today or datetime.date.today(), stem, key_stem(stem))
    mine = [row for row in rows if shard.holds(row.number)]
    return Plan(
        document=document,
        roster=roster,
        rows=tuple(row for row in mine if row.patient is not None),
        problems=tuple(problem for row in mine for problem in row.problems),
        options=options,
    )


def write_answer_key(plan: Plan, out_dir: Path) -> Path:
    """The answer key, once for the whole batch (every shard writes the same bytes)."""
    document = plan.document
    target = out_dir / f"{key_stem(document.booklet.stem)}.pdf"
    if out_dir.is_dir():
        remove_leftovers(out_dir)
    return write_files([(target, render_key_pdf(document))], out_dir, plan.inputs())[0]


def run(plan: Plan, out_dir: Path, jobs: int) -> Generator[Result, None, None]:
    """Build each row's handout, `jobs` at a time, yielding results as rows finish."""
    work = list(plan.rows)
    if work:
        prepare_pictures(plan.document, plan.options)  # once, for every worker to share
    setup = Worker(
        plan.document, plan.roster, out_dir, frozenset(plan.inputs()), os.getpid(), plan.options
    )
    if jobs <= 1 or len(work) <= 1:
        global _worker
        _worker = setup
        yield from map(build_row, work)
        return
    processes = min(jobs, len(work))
    lost = functools.partial(failed_row, plan.roster, "the process building this handout ended")
    yield from workers.results_in_processes(build_row, work, processes, start_worker, setup, lost)


@dataclass(frozen=True)
class Worker:
    """What every worker needs, loaded once: the document and where handouts go."""

    document: Document
    roster: Path
    out_dir: Path
    inputs: frozenset[Path]
    parent: int  # the process id of the batch, which the worker must not outlive
    options: PrintOptions = field(default_factory=PrintOptions)
    cards: CardShelf = field(init=False)  # the cards laid out for this worker's handouts

    def __post_init__(self) -> None:
        # each worker fills its own shelf, from the content's stretches only
        object.__setattr__(self, "cards", CardShelf(self.document.booklet.stretches()))


_worker: Worker | None = None  # set once in each worker process, before any row


def start_worker(worker: Worker) -> None:
    """Ctrl-C is the parent's to handle; a stopped worker first removes its temporary file."""
    global _worker
    _worker = worker
    stopping.become_worker(worker.parent)


def build_row(row: Row) -> Result:
    """Lay out and write one handout. Problems name the row only, never the patient."""
    worker = _worker
    assert worker is not None and row.patient is not None
    target = worker.out_dir / f"{row.stem}.pdf"
    try:
        data = render_booklet_pdf(worker.document, row.patient, worker.options, worker.cards)
        write_files([(target, data)], worker.out_dir, worker.inputs)
    except BookletError:
        return failed(worker, row, "cannot lay out a page of this handout")
    except OutputError as error:
        reason = str(error).rsplit(": ", 1)[-1]
        return failed(worker, row, f"cannot write this handout: {reason}")
    except Exception as error:
        stop = stopping.stop_behind(error)
        if stop is not None:  # a Ctrl-C or SIGTERM a library turned into an error of its own
            raise stop from None
        # A library's error may carry the text it was laying out: name only its kind.
        return failed(worker, row, f"cannot lay out this handout ({type(error).__name__})")
    return Result(row.number, target)


def failed(worker: Worker, row: Row, message: str) -> Result:
    return failed_row(worker.roster, message, row)


def failed_row(roster: Path, message: str, row: Row) -> Result:
    return Result(row.number, None, (Problem(str(roster), row.number, "", message),))
