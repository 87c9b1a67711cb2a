"""Build the sample in every variant a clinic prints and report, per variant, its pages
and every page-layout rule it breaks (split cards, stranded headings and callouts, lone
blocks, mostly empty pages, one-word title lines).

    .venv/bin/python scripts/layout_report.py [--only letter,a5,...] [--out FOLDER]

With --out, each variant's booklet is also written there as <variant>.pdf.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from booklet.document import Document, PrintOptions
from booklet.engine.pipeline import with_options
from booklet.engine.starter import write_starter
from booklet.model import Patient
from booklet.pdf.layout_check import Broken, broken_rules
from booklet.pdf.make import render_booklet
from booklet.pdf.render import Rendered
from booklet.source.read import load, load_patient

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "content" / "psoas-hip-pain.yaml"
HIP = ROOT / "content" / "hip-home-program.yaml"
MARIA = ROOT / "patients" / "maria-lopez.yaml"


POSES = (
    "kneeling-hip-flexor",
    "standing-quad",
    "low-lunge-twist",
    "thomas-stretch",
    "knee-to-chest",
    "pigeon",
    "butterfly",
    "glute-bridge",
    "bird-dog",
    "core-activation",
)
LONG_STEP = (
    "Move slowly into the position and keep breathing the whole time, letting your shoulders "
    "and jaw relax while you count to five in your head before you go on to the next step."
)
LONG_CAUTION = (
    "Stop at once if you feel sharp pain, numbness or tingling. Do not bounce. If you had "
    "surgery on your hip, knee or back in the last six months, ask your clinician first."
)


def long_cards_stretch(number: int) -> dict[str, object]:
    """A stretch as another author might write it: long steps, a long caution, a video."""
    steps = 4 + number % 9  # 4 to 12 steps
    stretch: dict[str, object] = {
        "name": f"Long stretch number {number} with a rather long name for a card title",
        "id": f"long-{number}",
        "purpose": "Eases stiffness in the hip and the low back, and keeps the joints moving.",
        "steps": [f"Step {n + 1}. {LONG_STEP}" for n in range(steps)],
        "hold": "45 seconds",
        "repeat": 10,
        "sets": 3,
        "sides": "each",
        "frequency": "Two or three times a day, in the morning and in the evening",
        "caution": LONG_CAUTION * (1 + number % 2),
        "video": f"https://example.org/videos/a-long-address-for-stretch-number-{number}",
    }
    if number % 5:
        stretch["figure"] = {"pose": POSES[number % len(POSES)], "alt": "A drawing."}
    return stretch


@functools.cache
def long_cards_content() -> Path:
    """A generated booklet of long cards, written once per run to a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="layout-"))
    sections = [
        {
            "title": f"Part {part} of the exercises, with a longer title than most",
            "body": "These exercises take a little longer. " * 6,
            "callouts": [{"kind": "warning", "text": LONG_CAUTION}],
            "stretches": [long_cards_stretch(part * 10 + n) for n in range(6)],
        }
        for part in range(1, 4)
    ]
    content = {
        "title": "Long cards from another clinic",
        "subtitle": "Many steps, long cautions and a video on every card",
        "language": "en",
        "brand": str(ROOT / "content" / "brand.yaml"),
        "sections": sections,
    }
    path = folder / "long-cards.yaml"
    path.write_text(yaml.safe_dump(content, sort_keys=False), encoding="utf-8")
    return path


@functools.cache
def starter_content() -> Path:
    """The booklet `booklet init` writes, in a folder of its own."""
    folder = Path(tempfile.mkdtemp(prefix="layout-"))
    write_starter(folder)
    return folder / "booklet.yaml"


@dataclass(frozen=True)
class Variant:
    """One way a clinic prints: a content file, and changes to its document and options."""

    content: Path | Callable[[], Path]
    page_size: str | None = None
    language: str | None = None
    options: PrintOptions = field(default_factory=PrintOptions)
    patient: Path | None = None


VARIANTS: dict[str, Variant] = {
    "letter": Variant(SAMPLE),
    "a4": Variant(SAMPLE, page_size="a4"),
    "a5": Variant(SAMPLE, page_size="a5"),
    "half-letter": Variant(SAMPLE, page_size="half-letter"),
    "large": Variant(SAMPLE, options=PrintOptions(large_print=True)),
    "a5-large": Variant(SAMPLE, page_size="a5", options=PrintOptions(large_print=True)),
    "es": Variant(ROOT / "content" / "psoas-hip-pain.es.yaml"),
    "zh": Variant(ROOT / "content" / "psoas-hip-pain.zh.yaml"),
    "fr-large": Variant(SAMPLE, language="fr", options=PrintOptions(large_print=True)),
    "ar": Variant(SAMPLE, language="ar"),
    "log": Variant(SAMPLE, options=PrintOptions(exercise_log=True)),
    "long-cards": Variant(long_cards_content),
    "long-cards-large": Variant(long_cards_content, options=PrintOptions(large_print=True)),
    "long-cards-a5": Variant(long_cards_content, page_size="a5"),
    "starter": Variant(starter_content),
    "handout": Variant(HIP, patient=MARIA),
    "handout-a5": Variant(HIP, page_size="a5", patient=MARIA),
    "handout-large": Variant(HIP, options=PrintOptions(large_print=True), patient=MARIA),
    "handout-es-chart": Variant(
        HIP, language="es", options=PrintOptions(chart=True), patient=MARIA
    ),
    "handout-booklet": Variant(HIP, options=PrintOptions(layout="booklet"), patient=MARIA),
}


def prepared(variant: Variant) -> tuple[Document, PrintOptions, Patient | None]:
    document = load(variant.content if isinstance(variant.content, Path) else variant.content())
    if variant.page_size:
        document = replace(document, brand=replace(document.brand, page_size=variant.page_size))
    if variant.language:
        booklet = replace(document.booklet, language=variant.language)
        document = replace(document, booklet=booklet)
    document = with_options(document, variant.options)
    patient = load_patient(variant.patient, document) if variant.patient else None
    return document, variant.options, patient


def laid_out(variant: Variant) -> Rendered:
    """The variant's booklet, with the record of where each block landed."""
    document, options, patient = prepared(variant)
    return render_booklet(document, options, patient)


def report(name: str, rendered: Rendered, seconds: float) -> list[Broken]:
    assert rendered.layout is not None
    broken = broken_rules(rendered.layout)
    print(f"{name:12} {rendered.pages:3} pages  {len(broken):3} broken  ({seconds:.1f} s)")
    for rule in broken:
        print(f"    {rule}")
    return broken


def main(argv: list[str] | None = None, show: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(VARIANTS), help="variants, comma-separated")
    parser.add_argument("--out", type=Path, default=None, help="also write each PDF here")
    args = parser.parse_args(argv)
    total = 0
    for name in args.only.split(","):
        started = time.perf_counter()
        rendered = laid_out(VARIANTS[name])
        total += len(report(name, rendered, time.perf_counter() - started))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}.pdf").write_bytes(rendered.data)
    show(f"{total} broken in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
