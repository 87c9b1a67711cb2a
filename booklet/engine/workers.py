"""Items and a function -> its results, computed by worker processes that share no lock.

Each worker has a pipe of its own to the parent and works on one item at a time, so a
worker that is killed at any moment (SIGKILL, the out-of-memory killer) can stall neither
the others nor the parent: its item is reported lost and the rest go on. A pool whose
workers share one queue hangs when a worker dies holding the queue's lock.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from booklet.engine import output, stopping

T = TypeVar("T")
R = TypeVar("R")


@dataclass
class Busy(Generic[T]):
    """One worker process, its end of the pipe, and the item it works on (if any)."""

    process: Any
    connection: Any
    item: T | None = None


def serve(
    connection: Any, start: Callable[[Any], None], setup: Any, work: Callable[[Any], Any]
) -> None:
    """A worker's life: set up once, then one item after another until told to stop or
    until the parent is gone."""
    start(setup)
    while True:
        try:
            item = connection.recv()
        except (EOFError, OSError):
            return
        if item is None or not with_suppressed_pipe_errors(connection.send, work(item)):
            return  # told to stop, or the parent is gone: nobody is left to tell


def results_in_processes(
    work: Callable[[T], R],
    items: Sequence[T],
    processes: int,
    start: Callable[[Any], None],
    setup: Any,
    lost: Callable[[T], R],
) -> Iterator[R]:
    """`work(item)` for every item, in the order they finish, by `processes` workers that
    first run `start(setup)`. An item whose worker died gives `lost(item)`.

    However the caller stops early (Ctrl-C, SIGTERM, closing this generator), the workers
    are stopped within a bounded time before the exception goes on.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    queue = iter(items)
    workers: list[Busy[T]] = []
    try:
        with output.interrupts_held():  # a worker unblocks SIGTERM once its handler is set
            for _ in range(processes):
                mine, theirs = context.Pipe()
                process = context.Process(
                    target=serve, args=(theirs, start, setup, work), daemon=True
                )
                process.start()
                theirs.close()
                workers.append(Busy(process, mine))
        for worker in workers:
            hand_out(worker, queue)
        while any(worker.item is not None for worker in workers):
            yield from collect(workers, queue, lost)
        yield from map(lost, queue)  # every worker died before these were handed out
        for worker in workers:
            with_suppressed_pipe_errors(worker.connection.send, None)
        for worker in workers:
            worker.process.join()
    except BaseException:
        with output.interrupts_held():
            stopping.stop_workers()
        raise


def hand_out(worker: Busy[T], queue: Iterator[T]) -> None:
    """The next item to this worker; if it has died, its sentinel tells `collect` so."""
    worker.item = next(queue, None)
    if worker.item is not None:
        with_suppressed_pipe_errors(worker.connection.send, worker.item)


def collect(workers: list[Busy[T]], queue: Iterator[T], lost: Callable[[T], R]) -> Iterator[R]:
    """The results that are ready (waiting for at least one), each worker given its next item."""
    busy = [worker for worker in workers if worker.item is not None]
    waits = [worker.connection for worker in busy] + [worker.process.sentinel for worker in busy]
    ready = set(multiprocessing.connection.wait(waits))
    for worker in busy:
        item = worker.item
        assert item is not None
        if worker.connection in ready or worker.connection.poll():
            try:
                result = worker.connection.recv()
            except (EOFError, OSError):
                worker.item = None
                yield lost(item)
                continue
            yield result
            hand_out(worker, queue)
        elif worker.process.sentinel in ready:
            worker.item = None  # it died with no answer: its item is lost, the rest go on
            yield lost(item)


def with_suppressed_pipe_errors(send: Callable[[Any], None], value: Any) -> bool:
    try:
        send(value)
    except (BrokenPipeError, EOFError, OSError):
        return False
    return True
