"""Independent renders -> their results, in order, made side by side in forked processes
when more than one core is free, or one after another in this process.

Each render is a pure function of a loaded document, so a forked process starts with the
document, the fonts and the caches of this one and only sends back bytes; the results
are the same bytes in either case (tests/test_side_by_side.py). A mistake found while
laying out (a BookletError) comes back as itself; a process that dies leaves its render
to this process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

from booklet.cores import usable_cores
from booklet.engine import output, stopping
from booklet.errors import BookletError

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Moment:
    """A point in time, with the processor time the machine had spent idle by then
    (Linux's /proc/stat, in seconds of one core; None where it cannot be read)."""

    seconds: float
    idle: float | None


def moment() -> Moment:
    return Moment(time.monotonic(), idle_seconds())


def idle_seconds() -> float | None:
    try:
        with open("/proc/stat", encoding="ascii") as file:
            fields = file.readline().split()
        return (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")  # idle, iowait
    except (OSError, ValueError, IndexError):
        return None


def free_cores(since: Moment | None = None) -> int:
    """The cores this process may use that other processes are not busy on (at least 1).

    With `since`, judged by the cores that stood idle from then to now while this process
    was busy loading (it is the 1 added). Else, and where that cannot be measured, by the
    load average, which is a minute's mean: it still counts a build that ended seconds
    ago, so back-to-back builds would each keep to one core."""
    cores = usable_cores()
    idle = idle_cores(since, moment()) if since else None
    if idle is not None:
        return max(1, min(cores, 1 + round(idle)))
    busy = round(os.getloadavg()[0]) if hasattr(os, "getloadavg") else 0
    return max(1, min(cores, cores - busy))


def idle_cores(since: Moment, now: Moment) -> float | None:
    """How many cores stood idle on average between two moments; None when it cannot be
    told (no idle counts, or too short a time for the counts' 10 ms steps)."""
    elapsed = now.seconds - since.seconds
    if since.idle is None or now.idle is None or elapsed < 0.05:
        return None
    return max(0.0, now.idle - since.idle) / elapsed


@dataclass(frozen=True)
class Outcome(Generic[R]):
    """What one render gave: its result, the mistake it found, or nothing (its process died)."""

    index: int
    result: R | None = None
    error: BookletError | None = None
    lost: bool = False


def side_by_side(render: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """`[render(item) for item in items]`, by up to `jobs` forked processes when there is
    more than one item and the system can fork."""
    processes = min(jobs, len(items))
    if processes <= 1:
        return [render(item) for item in items]
    # imported here (and below): a build on one free core starts no other process
    import multiprocessing

    from booklet.engine import workers

    if "fork" not in multiprocessing.get_all_start_methods():
        return [render(item) for item in items]

    def attempt(index: int) -> Outcome[R]:
        try:
            return Outcome(index, result=render(items[index]))
        except BookletError as error:
            return Outcome(index, error=error)

    outcomes = workers.results_in_processes(
        attempt,
        range(len(items)),
        processes,
        stopping.become_worker,
        os.getpid(),
        lambda index: Outcome(index, lost=True),
    )
    found = sorted(outcomes, key=lambda outcome: outcome.index)
    errors = [outcome.error for outcome in found if outcome.error is not None]
    if errors:
        raise errors[0]
    return [
        render(items[outcome.index]) if outcome.lost else cast(R, outcome.result)
        for outcome in found
    ]


class Ahead:
    """One render started now in a forked process, its bytes collected later (see
    booklet.pdf.key_ahead): None when it failed or its process died, for the caller to
    render it itself."""

    def __init__(self, render: Callable[[], bytes]) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self.connection, theirs = context.Pipe(duplex=False)
        self.process = context.Process(
            target=render_and_send, args=(render, theirs, os.getpid()), daemon=True
        )
        with output.interrupts_held():  # the process unblocks SIGTERM once its handler is set
            self.process.start()
        theirs.close()

    def result(self) -> bytes | None:
        try:
            found = self.connection.recv()
        except (EOFError, OSError):
            found = None
        self.process.join()
        return found if isinstance(found, bytes) else None

    def cancel(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()


def render_and_send(render: Callable[[], bytes], connection: Any, parent: int) -> None:
    stopping.become_worker(parent)
    from booklet.engine import workers

    try:
        made: bytes | None = render()
    except Exception:  # this process's caller renders it again, and reports what is wrong
        made = None
    workers.with_suppressed_pipe_errors(connection.send, made)


def start_ahead(render: Callable[[], bytes]) -> Ahead | None:
    """The render started in a forked process, or None where processes cannot fork."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return Ahead(render)
