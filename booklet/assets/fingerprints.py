"""Files -> a hash of their bytes, and results cached by it, so an edited file is read again.

A file's hash is kept only while its size, modification time, change time and inode stay
the same: replacing a picture, a font or a brand file in place (even with the same size and
modification time) changes its change time, and it is read again. A file changed in the
last two seconds is hashed on every use, as file systems keep times only so finely. A
result cached by content is therefore never stale, in one build, in `--watch` or in a
process that builds for hours.
"""

from __future__ import annotations

import functools
import hashlib
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

Stamp = tuple[int, int, int, int]
RECENT_NS = 2_000_000_000  # a file changed this recently may change again unseen

_lock = threading.Lock()
_hashes: dict[str, tuple[Stamp, str]] = {}

Params = ParamSpec("Params")
Result = TypeVar("Result")


def content_hash(path: Path) -> str:
    """The SHA-256 of the file's bytes, read again whenever the file may have changed."""
    key = os.path.abspath(path)
    info = os.stat(key)
    stamp = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    with _lock:
        known = _hashes.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    digest = hashlib.sha256(Path(key).read_bytes()).hexdigest()
    if time.time_ns() - max(info.st_mtime_ns, info.st_ctime_ns) > RECENT_NS:
        with _lock:
            _hashes[key] = (stamp, digest)
    return digest


def cached_by_content(
    maxsize: int,
) -> Callable[
    [Callable[Concatenate[Path, Params], Result]], Callable[Concatenate[Path, Params], Result]
]:
    """Cache a function of a file (and hashable settings) by the file's bytes, not its path:
    a changed file is computed again, and equal files at two paths are computed once. The
    `maxsize` results used longest ago are dropped first. A call made while another thread
    computes the same result waits for that result (or its mistake) instead of computing
    it twice: pictures are checked and prepared in threads ahead of their use."""

    def decorate(
        function: Callable[Concatenate[Path, Params], Result],
    ) -> Callable[Concatenate[Path, Params], Result]:
        results: OrderedDict[Hashable, Result] = OrderedDict()
        computing: dict[Hashable, Future[Result]] = {}

        @functools.wraps(function)
        def cached(path: Path, *args: Params.args, **kwargs: Params.kwargs) -> Result:
            key = (content_hash(path), args, tuple(sorted(kwargs.items())))
            with _lock:
                if key in results:
                    results.move_to_end(key)
                    return results[key]
                elsewhere = computing.get(key)
                if elsewhere is None:
                    mine: Future[Result] = Future()
                    computing[key] = mine
            if elsewhere is not None:
                return elsewhere.result()
            try:
                value = function(path, *args, **kwargs)
            except BaseException as error:
                with _lock:
                    del computing[key]
                mine.set_exception(error)
                raise
            with _lock:
                results[key] = value
                while len(results) > maxsize:
                    results.popitem(last=False)
                del computing[key]
            mine.set_result(value)
            return value

        return cached

    return decorate
