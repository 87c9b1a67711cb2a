"""Time and peak memory of `booklet build` from a cold process.

Usage: python scripts/benchmark.py [CONTENT] [--runs N] [--build OPTION ...]

Everything after `--build` goes to `booklet build`, for example
`--build --imposition saddle --exercise-log` or `--build --versions 4`.

Each run starts a new Python process (imports, font loading and all), so the figure is what
a user waits for. Prints every run, then the median wall time and the largest peak memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one_run(content: Path, out_dir: Path, options: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of one cold `booklet build`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "booklet", "build", str(content), "--out", str(out_dir), *options],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sample = ROOT / "content" / "psoas-hip-pain.yaml"
    parser.add_argument("content", nargs="?", default=sample, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", nargs=argparse.REMAINDER, default=[])
    args = parser.parse_args()
    times, peaks = [], []
    with tempfile.TemporaryDirectory() as out:
        for run in range(1, args.runs + 1):
            seconds, peak = one_run(args.content, Path(out), args.build)
            times.append(seconds)
            peaks.append(peak)
            print(f"run {run}: {seconds:.3f} s, peak memory so far {peak:.0f} MiB")
        sizes = {p.name: p.stat().st_size for p in Path(out).glob("*.pdf")}
    print(f"median wall time: {statistics.median(times):.3f} s over {args.runs} cold runs")
    print(f"peak memory: {max(peaks):.0f} MiB")
    for name, size in sorted(sizes.items()):
        print(f"{name}: {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
