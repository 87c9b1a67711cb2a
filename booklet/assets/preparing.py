"""A booklet's pictures -> prepared (`images.embeddable`) in threads, one a core, while
the pages that print them are laid out; and a content file's pictures checked
(`images.check_image`) in threads while the file is read.

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
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from booklet.assets.images import Encoded, check_image, embeddable
from booklet.cores import usable_cores

Use = tuple[Path, float, float, bool]  # the file, its largest box (points), gray
MOST_THREADS = 4
Item = TypeVar("Item")
Done = TypeVar("Done")


class Preparing:
    """Pictures being prepared, each at its largest printed size."""

    def __init__(self, uses: list[Use]) -> None:
        """Start a thread a core (up to four) on `uses`; with one core or one picture,
        each is prepared when it is first asked for."""
        self.pool, futures = in_threads(prepared, uses)
        self.futures = dict(zip(uses, futures, strict=True)) if futures else {}

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


def check_side_by_side(files: list[Path]) -> None:
    """Start checking `files` (`images.check_image`) in threads while the caller reads on:
    its own check of a file then waits for the one under way, or finds it done."""
    in_threads(check_image, files)


def in_threads(
    work: Callable[[Item], Done], items: list[Item]
) -> tuple[ThreadPoolExecutor | None, list[Future[Done]]]:
    """`work(item)` for each item, started in threads (one a core, up to four) and kept in
    UNDER_WAY until they end; no threads, and no futures, for one item or one core."""
    threads = min(len(items), usable_cores(), MOST_THREADS)
    if threads < 2:
        return None, []
    pool = ThreadPoolExecutor(threads, thread_name_prefix="picture")
    # each in a copy of this thread's context, which says whether the cache is switched off
    futures = [pool.submit(contextvars.copy_context().run, work, item) for item in items]
    pool.shutdown(wait=False)  # its threads end when the last item is done
    for earlier, theirs in list(UNDER_WAY.items()):
        if all(future.done() for future in theirs):
            del UNDER_WAY[earlier]
    UNDER_WAY[pool] = list(futures)
    return pool, futures


def prepared(use: Use) -> Encoded:
    return embeddable(*use)


# the picture threads of this process that may still be running, and their pictures: kept
# here, not by their Preparing, as a build that stops with a mistake drops its Preparing
UNDER_WAY: dict[ThreadPoolExecutor, list[Future[Any]]] = {}


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
