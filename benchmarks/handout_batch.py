"""Time `booklet batch` of compact handouts, cold (an empty picture cache) and warm, on
drawn-figure content (content/hip-home-program.yaml) and on photo content (photographs of
every kind, the 4000 x 3000 photo on every patient's first card), three to eight exercises
a patient with long names; print wall time, peak memory and handouts per second.

    .venv/bin/python benchmarks/handout_batch.py [--handouts 300] [--jobs N] [--runs 1]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from photo_content import photo_handout

ROOT = Path(__file__).resolve().parents[1]
HIP = ROOT / "content" / "hip-home-program.yaml"
HIP_IDS = (
    "kneeling-hip-flexor",
    "knee-to-chest",
    "butterfly",
    "glute-bridge",
    "bird-dog",
    "core-activation",
)
PHOTO_IDS = tuple(f"photo-{n}" for n in range(1, 9))
LONG_NAME = "Maximiliana Esperanza de los Ángeles Rodríguez-Villanueva"


def roster(path: Path, handouts: int, ids: tuple[str, ...], first: str | None) -> Path:
    """A CSV roster: 3 to 8 exercises a patient (as many as there are), `first` leading."""
    rows = ["name,date,clinician,exercises,notes,file"]
    for n in range(handouts):
        count = min(len(ids), 3 + n % 6)
        chosen = [ids[(n + k) % len(ids)] for k in range(count)]
        if first:
            chosen = [first, *[c for c in chosen if c != first]][:count]
        rows.append(
            f"{LONG_NAME} {n + 1},2026-11-20,Dr Sam Okafor DPT,{';'.join(chosen)},Walk every day.,"
        )
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def timed(args: list[str], cache: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak memory (MB, largest process) of one run."""
    env = {**os.environ, "BOOKLET_CACHE_DIR": str(cache)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, after.ru_maxrss // 1024


def workload(name: str, content: Path, roster_file: Path, jobs: int, handouts: int) -> None:
    with tempfile.TemporaryDirectory() as cache_dir, tempfile.TemporaryDirectory() as out:
        args = [sys.executable, "-m", "booklet", "batch", str(content), str(roster_file)]
        args += ["--out", out, "--jobs", str(jobs)]
        for label in ("cold", "warm"):
            wall, cpu, memory = timed(args, Path(cache_dir))
            pages = sum(1 for _ in Path(out).glob("*.pdf"))
            print(
                f"{name:7} {label}: {wall:6.2f} s wall, {cpu:6.2f} s CPU, peak {memory} MB, "
                f"{handouts / wall:6.1f} handouts/s ({pages - 1} handouts)"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--handouts", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        drawn = roster(folder / "drawn.csv", args.handouts, HIP_IDS, None)
        content = photo_handout(folder)
        photos = roster(folder / "photos.csv", args.handouts, PHOTO_IDS, "photo-8")
        workload("drawn", HIP, drawn, args.jobs, args.handouts)
        workload("photos", content, photos, args.jobs, args.handouts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
