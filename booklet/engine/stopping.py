"""Signals -> a clean stop. In the process a command runs in, SIGTERM (what `docker stop`
and Kubernetes send) becomes `Terminated`, as Ctrl-C becomes KeyboardInterrupt, so the
command removes its temporary files and says one line. A batch worker dies with its
parent, and on SIGTERM removes its temporary file and ends at once, without a word.

A worker ends with `os._exit` from its signal handler rather than an exception: an
exception raised while ReportLab lays out a paragraph comes back with the paragraph's
text (a patient's name, a clinician's notes) added to its message.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from types import FrameType

# multiprocessing, ctypes and booklet.engine.output are imported by the functions that use
# them: every command imports this module first, `booklet --help` included

TERMINATED = 143  # the shell's status for a command stopped by SIGTERM
INTERRUPTED = 130  # ... and by Ctrl-C (SIGINT)
PR_SET_PDEATHSIG = 1  # Linux: the signal a process gets when its parent ends
STOP_WAIT_SECONDS = 5.0  # how long a stopped worker may take to end before it is killed


class Terminated(BaseException):
    """SIGTERM arrived; like KeyboardInterrupt, not an error of the input."""


def raise_terminated(_signal: int, _frame: FrameType | None) -> None:
    raise Terminated()


def stop_behind(error: BaseException | None) -> BaseException | None:
    """The Ctrl-C or SIGTERM that `error` was raised in place of, if any: a library that
    catches every exception (ReportLab's colour reader does) turns a stop that lands in
    it into an error of its own, whose message may quote the paragraph it was reading."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt | Terminated):
            return error
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return None


def stop_on_sigterm() -> None:
    """In the command's process: SIGTERM raises Terminated (main thread only)."""
    signal.signal(signal.SIGTERM, raise_terminated)


def become_worker(parent: int) -> None:
    """In a new batch worker: leave Ctrl-C to the parent, end cleanly on SIGTERM, and get
    SIGTERM when the parent ends (Linux), or end now if it already has."""
    import ctypes

    from booklet.engine import output  # noqa: F401  (loaded before end_worker may need it)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, end_worker)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:
        end_worker(signal.SIGTERM, None)


def end_worker(_signal: int, _frame: FrameType | None) -> None:
    from booklet.engine import output  # already loaded by become_worker

    output.remove_pending()
    os._exit(TERMINATED)


def stop_workers(wait: float = STOP_WAIT_SECONDS) -> None:
    """Ask every worker of this process to stop, wait up to `wait` seconds in all, then
    kill those still running."""
    import multiprocessing

    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    deadline = time.monotonic() + wait
    for child in children:
        child.join(max(0.0, deadline - time.monotonic()))
    for child in children:
        if child.is_alive():
            child.kill()
            child.join(1.0)
