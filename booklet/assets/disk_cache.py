"""Expensive results that depend only on their inputs -> files in the user's cache folder,
so the next process finds them ready (a picture decoded, scaled and compressed for print;
a figure posed and written as drawing operators; the angles that put a pose's feet on the
floor; a link's QR code as drawing operators).

Entries are named by a hash of the input bytes and every setting that shapes the result,
so an entry can never be stale; each holds a checksum of its own bytes, and one that is
damaged or unreadable is ignored (and removed) as if it were missing. Writes go to a
temporary name and are renamed into place, so processes writing at once never see half
an entry. The folder is kept under a size cap, dropping the entries used longest ago.
Nothing a patient file holds is ever stored: keys and values come from pictures, poses
and the content's links alone.

Where: `BOOKLET_CACHE_DIR`, else `$XDG_CACHE_HOME/booklet`, else `~/.cache/booklet`.
Off: `BOOKLET_NO_CACHE=1`, or `booklet build --no-cache` (see `disabled`).
Size: `BOOKLET_CACHE_MAX_MB` (default 500).
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

FORMAT = b"booklet-cache 1\n"
DEFAULT_MAX_MB = 500
_switched_off: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "booklet_cache_switched_off", default=False
)


def folder() -> Path:
    """The cache folder the environment names (it may not exist yet)."""
    chosen = os.environ.get("BOOKLET_CACHE_DIR")
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "booklet"


def enabled() -> bool:
    off = os.environ.get("BOOKLET_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")
    return not (off or _switched_off.get())


@contextlib.contextmanager
def disabled() -> Iterator[None]:
    """Neither read nor write the cache for the duration (the `--no-cache` option)."""
    token = _switched_off.set(True)
    try:
        yield
    finally:
        _switched_off.reset(token)


def max_bytes() -> int:
    try:
        megabytes = float(os.environ.get("BOOKLET_CACHE_MAX_MB", DEFAULT_MAX_MB))
    except ValueError:
        megabytes = DEFAULT_MAX_MB
    return max(0, int(megabytes * 1024 * 1024))


@functools.lru_cache(maxsize=8)
def code_version(package: Path) -> str:
    """A hash of the Python sources of a package folder: entries made by other code (a
    newer release, a change in development) are never read."""
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest()


def entry_name(*parts: str) -> str:
    """The file name of the entry for these key parts."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def read(name: str) -> bytes | None:
    """An entry's bytes, or None when the cache is off, or the entry is missing or damaged."""
    if not enabled():
        return None
    path = folder() / name[:2] / name
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, payload = data[len(FORMAT) : len(FORMAT) + 32], data[len(FORMAT) + 32 :]
    if not data.startswith(FORMAT) or hashlib.sha256(payload).digest() != checksum:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be dropped
    return payload


def write(name: str, payload: bytes) -> None:
    """Store an entry, then drop the oldest entries over the size cap. Any failure (a
    read-only or full disk) leaves the build as it was: the cache only saves time."""
    if not enabled():
        return
    shelf = folder() / name[:2]
    try:
        shelf.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=shelf, prefix=".writing-")
        with os.fdopen(handle, "wb") as file:
            file.write(FORMAT + hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, shelf / name)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
        return
    root, size, cap = folder(), len(FORMAT) + 32 + len(payload), max_bytes()
    known = _folder_bytes.get(root)
    if known is None or known + size > cap:  # look at the folder itself
        _folder_bytes[root] = keep_under_cap(root, cap)
    else:  # the folder as this process last saw it, and what it wrote since
        _folder_bytes[root] = known + size


_folder_bytes: dict[Path, int] = {}  # each folder's size as this process knows it


def keep_under_cap(root: Path, cap: int) -> int:
    """Remove the entries used longest ago until the folder holds at most `cap` bytes;
    return the bytes it holds then."""
    entries = []
    for path in root.glob("??/*"):
        with contextlib.suppress(OSError):
            info = path.stat()
            entries.append((info.st_mtime_ns, info.st_size, path))
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries):
        if total <= cap:
            break
        with contextlib.suppress(OSError):
            path.unlink()
            total -= size
    return total
