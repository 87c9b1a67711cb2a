"""Rendered files -> the output folder, all of them complete or none: each file is written to
a temporary file beside its target, flushed, and renamed only when every one is ready.
Also the names of the outputs (booklet, answer key, imposed booklet, a patient's handout).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import signal
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from booklet.document import Outputs
from booklet.errors import OutputError
from booklet.file_names import handout_stem, unique_stems
from booklet.model import Patient

# The temporary files this process has made and not yet renamed or removed, so that a
# signal handler can remove them before the process ends.
_pending: set[Path] = set()
# A leftover from another machine (a shared folder) is removed only once it is this old:
# no temporary file lives more than seconds, but that machine's run may still be going.
STALE_SECONDS = 3600
TEMPORARY_GLOBS = (".booklet-*.tmp", ".booklet-*.earlier")


def output_paths(
    out_dir: Path, stem: str, extension: str = "pdf", booklet_stem: str | None = None
) -> tuple[Path, Path]:
    """The booklet's path (named `booklet_stem` for a patient's handout) and the key's."""
    return (
        out_dir / f"{booklet_stem or stem}.{extension}",
        out_dir / f"{stem}-answer-key.{extension}",
    )


def output_files(
    outputs: Outputs, out_dir: Path, stem: str, extension: str, booklet_stem: str | None = None
) -> list[tuple[Path, bytes]]:
    """Where each of one format's files goes: booklet, answer key, then the imposed booklet."""
    booklet_path, key_path = output_paths(out_dir, stem, extension, booklet_stem)
    files = [(booklet_path, outputs.booklet), (key_path, outputs.answer_key)]
    if outputs.imposed is not None:
        files.append((out_dir / f"{booklet_stem or stem}-saddle.{extension}", outputs.imposed))
    return files


def write_outputs(
    rendered: dict[str, Outputs], out_dir: Path, stem: str, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every format's files so that they all appear together, complete, or not at all."""
    files = [
        file
        for extension, outputs in rendered.items()
        for file in output_files(outputs, out_dir, stem, extension)
    ]
    return write_files(files, out_dir, inputs)


def write_files(
    files: list[tuple[Path, bytes]], out_dir: Path, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every file so that they all appear together, complete, or not at all.

    Each file is written to a temporary file beside its target and flushed to disk; only
    then are all of them renamed into place, with Ctrl-C and SIGTERM held back until the
    last rename.
    """
    targets = [target for target, _ in files]
    check_targets(targets, inputs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the folder: {error.strerror}") from None
    temporary: list[Path] = []
    try:
        for _, data in files:
            temporary.append(write_temporary(out_dir, data))
        publish(list(zip(temporary, targets, strict=True)))
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write the outputs: {error.strerror}") from None
    finally:
        for path in temporary:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
            _pending.discard(path)
    return targets


def check_targets(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Refuse to write over a folder or over any file the booklet was made from."""
    read_from = {path.resolve() for path in inputs}
    for target in targets:
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; remove it or choose another --out")
        if target.resolve() in read_from:
            raise OutputError(
                f"{target}: is one of the files this booklet is made from; choose another --out"
            )


def publish(moves: list[tuple[Path, Path]]) -> None:
    """Rename each finished temporary file onto its target: all of them, or none.

    If a rename fails, the targets already replaced get their earlier files back.
    """
    done: list[tuple[Path, Path | None]] = []
    with interrupts_held():
        try:
            for source, target in moves:
                done.append((target, keep_earlier(target)))
                os.replace(source, target)
        except OSError:
            for target, earlier in reversed(done):
                restore(target, earlier)
            raise
        finally:
            for _, earlier in done:
                if earlier is not None:
                    earlier.unlink(missing_ok=True)


def keep_earlier(target: Path) -> Path | None:
    """A second name (a hard link) for the file at `target`, so it can be put back."""
    earlier = target.with_name(f"{temporary_prefix()}{secrets.token_hex(8)}.earlier")
    try:
        os.link(target, earlier)
    except OSError:
        return None
    return earlier


def restore(target: Path, earlier: Path | None) -> None:
    with contextlib.suppress(OSError):
        if earlier is not None:
            os.replace(earlier, target)
        else:
            target.unlink(missing_ok=True)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM until the block ends, where the system allows it."""
    can_hold = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not can_hold:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_temporary(folder: Path, data: bytes) -> Path:
    """A new, hidden file in `folder` holding `data`, flushed to disk (mode follows the umask)."""
    path = folder / f"{temporary_prefix()}{secrets.token_hex(8)}.tmp"
    _pending.add(path)  # before it exists: a signal may come as soon as it does
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def temporary_prefix() -> str:
    """`.booklet-HOST-PID-`: which machine and process made a temporary file, so that a later
    run can tell a leftover of a killed run from a file another run is still writing."""
    host = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:8]
    return f".booklet-{host}-{os.getpid()}-"


def remove_pending() -> None:
    """Remove every temporary file this process has not finished (from a signal handler)."""
    for path in list(_pending):
        with contextlib.suppress(OSError):
            path.unlink()
    _pending.clear()


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files a killed run left in `folder`: this machine's whose
    process is gone, and any other that is more than an hour old."""
    host = temporary_prefix().split("-")[1]
    for pattern in TEMPORARY_GLOBS:
        for path in folder.glob(pattern):
            with contextlib.suppress(OSError):
                if is_leftover(path, host):
                    path.unlink()


def is_leftover(path: Path, host: str) -> bool:
    parts = path.name.split("-")
    if len(parts) == 4 and parts[1] == host and parts[2].isdigit():
        return not process_exists(int(parts[2]))
    return time.time() - path.lstat().st_mtime > STALE_SECONDS


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != 0


def patient_stem(stem: str, patient: Patient) -> str:
    """`<stem>-<patient-slug>`, never the same as the answer key's name."""
    return unique_stems([handout_stem(stem, patient.name)], [key_stem(stem)])[0]


def key_stem(stem: str) -> str:
    return f"{stem}-answer-key"
