"""Python's cycle collector, set for a command that runs once and ends.

Laying out a booklet makes millions of small objects, most of them short-lived and few in
cycles, while the modules, fonts and the loaded document stay alive to the end. With
Python's default thresholds, full collections walk all of those again and again: a sixth
of a 165-page build. Collecting young objects less often, and putting what is loaded
before the layout out of the collector's sight, keeps memory within a few megabytes of
the default (benchmarks/benchmark.py reports the peak).
"""

from __future__ import annotations

import gc

YOUNGEST = 10_000  # allocations between collections of the youngest objects (default 700)
OLDER = 10  # collections of one generation between collections of the next


def collect_less_often() -> None:
    """Collect young objects every YOUNGEST allocations, not every 700."""
    gc.set_threshold(YOUNGEST, OLDER, OLDER)


def settle_loaded() -> None:
    """Move every object alive now (modules, fonts, the loaded document) out of the
    collector's sight: they live as long as the command, so walking them finds nothing.
    Before a batch forks its workers, this also spares the workers' copies of those pages
    the writes a collection makes."""
    gc.freeze()
