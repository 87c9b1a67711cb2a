"""`booklet build --watch`: rebuild whenever the content, its brand or a picture changes.

Files are polled (no extra dependency, and it works on network drives). A rebuild that
fails prints its problems and the watch goes on, waiting for the next save.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from booklet.document import Document, PrintOptions
from booklet.engine.pipeline import write_document
from booklet.errors import BookletError, OutputError
from booklet.source.read import load

POLL_SECONDS = 0.5
Stamps = dict[Path, tuple[int, int] | None]


class Rebuilt(NamedTuple):
    """What one rebuild printed, the files it read, and whether it knows them all (a file
    that does not load names no pictures, so the ones watched before are kept)."""

    lines: list[str]
    files: set[Path]
    complete: bool = True


def stamps(paths: Iterable[Path]) -> Stamps:
    """Each file's modification time and size (None when missing): what marks a save."""
    found: Stamps = {}
    for path in paths:
        try:
            info = path.stat()
            found[path] = (info.st_mtime_ns, info.st_size)
        except OSError:
            found[path] = None
    return found


def build_once(
    content: Path,
    brand: Path | None,
    out_dir: Path,
    formats: tuple[str, ...],
    restrict_to: Path | None,
    options: PrintOptions | None = None,
) -> Rebuilt:
    """One rebuild: the lines to print, and the files to watch from now on."""
    watched = {content} | ({brand} if brand else set())
    try:
        document = load(content, brand, restrict_to)
    except BookletError as error:
        return Rebuilt(problem_lines(error), watched, complete=False)
    watched |= document.inputs()
    try:
        written = write_document(document, out_dir, formats, options)
    except BookletError as error:
        return Rebuilt(problem_lines(error), watched)
    except OutputError as error:
        return Rebuilt([f"error: {error}"], watched)
    return Rebuilt([built_line(document, written)], watched)


def problem_lines(error: BookletError) -> list[str]:
    return [str(problem) for problem in error.problems] + [problems_line(error)]


def problems_line(error: BookletError) -> str:
    count = len(error.problems)
    return f"{count} problem{'s' if count != 1 else ''} found; waiting for the next save."


def built_line(document: Document, written: list[Path]) -> str:
    import pypdfium2

    booklet_pdf = next((path for path in written if path.suffix == ".pdf"), None)
    pages = len(pypdfium2.PdfDocument(booklet_pdf)) if booklet_pdf else None
    counted = f" ({pages} pages)" if pages else ""
    return f"built {', '.join(str(path) for path in written)}{counted}"


def watch(
    rebuild: Callable[[], Rebuilt],
    echo: Callable[[str], None],
    keep_going: Callable[[], bool] = lambda: True,
    poll_seconds: float = POLL_SECONDS,
) -> None:
    """Rebuild now, then after every change to a watched file, for as long as `keep_going`."""
    seen: Stamps | None = None
    watched: set[Path] = set()
    while keep_going():
        current = stamps(watched)
        if current != seen:
            lines, now_watched, complete = rebuild()
            for line in lines:
                echo(line)
            if not complete:
                now_watched |= watched
            # stamps from before the rebuild, so a save during the rebuild is seen next time
            seen = {
                **stamps(now_watched - watched),
                **{p: current[p] for p in now_watched & watched},
            }
            watched = now_watched
        time.sleep(poll_seconds)
