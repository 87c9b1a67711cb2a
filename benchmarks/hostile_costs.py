"""Wall time and peak memory of the four inputs whose cost once grew faster than their size.

Usage: python benchmarks/hostile_costs.py [--only NAME] [--timeout SECONDS]

- libraries: a content file listing one 485 KB library 20 times, each with another
  spelling of its path (`lib.yaml`, `./lib.yaml`, `sub/../lib.yaml`...);
- roster: `booklet batch --shard 20000/20000` of a roster of 20,000 rows with the same
  name, so the time is the planning of every row and one handout;
- pages: `booklet preview --pages 1-50000000` of the sample booklet;
- sections: a 583 KB content file of 33,000 one-line sections.

Each case runs in a new process, stopped after --timeout seconds (printed as `>N s`).
Prints the wall time, the peak resident memory of the process and its children, the exit
status and the first line of stderr.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "psoas-hip-pain.yaml"
HANDOUT = ROOT / "content" / "hip-home-program.yaml"
TIMER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
try:
    done = subprocess.run(sys.argv[2:], capture_output=True, timeout=float(sys.argv[1]))
    status, first = done.returncode, (done.stderr.decode(errors="replace").splitlines() or [""])[0]
except subprocess.TimeoutExpired:
    status, first = None, "(stopped)"
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps([time.perf_counter() - start, peak, status, first[:160]]))
"""


def library_case(folder: Path) -> list[str]:
    stretch = (
        "  - id: s{n}\n    name: Stretch number {n}\n    steps:\n"
        "      - Lie on your back with both knees bent and your feet flat on the floor.\n"
        "      - Slowly bring one knee toward your chest and hold it there gently.\n"
        "    hold: 30\n    repeat: 3\n"
    )
    text, n = "stretches:\n", 0
    while len(text) < 485_000:
        text += stretch.format(n=n)
        n += 1
    (folder / "sub").mkdir()
    (folder / "lib.yaml").write_text(text, encoding="utf-8")
    spellings = ["lib.yaml"] + [("./" * i) + "lib.yaml" for i in range(1, 10)]
    spellings += [("sub/../" * i) + "lib.yaml" for i in range(1, 11)]
    listing = "".join(f"  - {s}\n" for s in spellings)
    content = folder / "booklet.yaml"
    content.write_text(
        f"title: Libraries\nlibrary:\n{listing}sections:\n  - title: One\n    body: Hello.\n",
        encoding="utf-8",
    )
    return ["validate", str(content)]


def roster_case(folder: Path) -> list[str]:
    roster = folder / "roster.csv"
    rows = "".join("Maria Lopez,2026-11-20,kneeling-hip-flexor\n" for _ in range(20_000))
    roster.write_text("name,date,exercises\n" + rows, encoding="utf-8")
    out = folder / "out"
    return ["batch", str(HANDOUT), str(roster), "--out", str(out), "--shard", "20000/20000"]


def pages_case(folder: Path) -> list[str]:
    return ["preview", str(SAMPLE), "--pages", "1-50000000", "--out", str(folder / "p")]


def sections_case(folder: Path) -> list[str]:
    content = folder / "sections.yaml"
    lines = "".join(f"  - title: Section {n}\n" for n in range(33_000))
    content.write_text(f"title: Many sections\nsections:\n{lines}", encoding="utf-8")
    return ["build", str(content), "--out", str(folder / "out")]


CASES = {
    "libraries": library_case,
    "roster": roster_case,
    "pages": pages_case,
    "sections": sections_case,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CASES))
    parser.add_argument("--timeout", type=float, default=130.0)
    args = parser.parse_args()
    for name, make in CASES.items():
        if args.only and name != args.only:
            continue
        with tempfile.TemporaryDirectory() as folder:
            command = [sys.executable, "-m", "booklet", *make(Path(folder))]
            timer = [sys.executable, "-c", TIMER, str(args.timeout), *command]
            seconds, peak, status, first = json.loads(subprocess.check_output(timer))
            shown = f"{seconds:6.1f} s" if status is not None else f">{args.timeout:.0f} s"
            print(f"{name:10} {shown}  {peak:7.0f} MB  exit {status}  {first}", flush=True)


if __name__ == "__main__":
    main()
