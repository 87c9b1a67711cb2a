"""A booklet's pictures -> prepared (`images.embeddable`) in threads, one a core, while
the pages that print them are laid out.

Decoding, resizing and compressing let other threads run, so photographs are prepared on
every core, and the layout, which needs a picture's bytes only when it draws the page
that shows it, goes on beside them. Asking for a picture waits for its own thread alone;
a picture that failed in its thread is made again where it is asked for, which raises
its mistake with its message.

A process that forks first waits for every picture still being prepared: a thread does
not go on in the child, and the locks it held would stay held there.
"""

from __future__ import annotations

import contextvars
import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from booklet.assets.images import Encoded, embeddable
from booklet.cores import usable_cores

Use = tuple[Path, float, float, bool]  # the file, its largest box (points), gray
MOST_THREADS = 4


class Preparing:
    """Pictures being prepared, each at its largest printed size."""

    def __init__(self, uses: list[Use]) -> None:
        """Start a thread a core (up to four) on `uses`; with one core or one picture,
        each is prepared when it is first asked for."""
        self.futures: dict[Use, Future[Encoded]] = {}
        self.pool: ThreadPoolExecutor | None = None
        threads = min(len(uses), usable_cores(), MOST_THREADS)
        if threads < 2:
            return
        self.pool = ThreadPoolExecutor(threads, thread_name_prefix="picture")
        for use in uses:
            # in a copy of this thread's context, which says whether the cache is switched off
            self.futures[use] = self.pool.submit(contextvars.copy_context().run, prepared, use)
        self.pool.shutdown(wait=False)  # its threads end when the last picture is done
        for pool, futures in list(UNDER_WAY.items()):
            if all(future.done() for future in futures):
                del UNDER_WAY[pool]
        UNDER_WAY[self.pool] = list(self.futures.values())

    def encoded(self, use: Use) -> Encoded:
        """What the PDF stores for `use`, once its thread is done with it."""
        future = self.futures.get(use)
        if future is not None and future.exception() is None:  # waits for it
            return future.result()
        return prepared(use)  # a mistake is raised here, with its message

    def finish(self) -> None:
        """Wait until every picture is prepared and its threads have ended."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            UNDER_WAY.pop(self.pool, None)


def prepared(use: Use) -> Encoded:
    return embeddable(*use)


# the picture threads of this process that may still be running, and their pictures: kept
# here, not by their Preparing, as a build that stops with a mistake drops its Preparing
UNDER_WAY: dict[ThreadPoolExecutor, list[Future[Encoded]]] = {}


def finish_all() -> None:
    """Wait for every picture thread of this process to end."""
    for pool in list(UNDER_WAY):
        pool.shutdown(wait=True)
    UNDER_WAY.clear()


def prepare_side_by_side(uses: list[Use]) -> None:
    """Prepare every use, side by side, and return when all are done: a batch does this
    before its workers start, so that they share the pictures."""
    Preparing(uses).finish()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(before=finish_all)
