"""Work that reads content or draws pages -> done on one worker thread, one job at a time,
so the server keeps answering (pages, pictures, styles) while a preview renders, and the
PDF stage's shared state (registered fonts, settings) is only ever touched by one thread."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

WORKER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="booklet-studio")
P = ParamSpec("P")
T = TypeVar("T")


async def on_worker(job: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """`job(*args, **kwargs)` on the worker thread; its exception is raised here."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(WORKER, functools.partial(job, *args, **kwargs))
