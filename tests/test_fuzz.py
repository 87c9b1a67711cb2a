"""Generated and mutated content files through the whole command: a clean build or a clean
refusal, every time, within a time bound.

Each example is a content document built from valid and hostile values, written as YAML and
then possibly broken (a line dropped or doubled, a YAML trick spliced in, the file cut short).
`booklet build` must then either exit 0 with both PDFs complete, or exit 1 with only
`file:line: ...` messages and no file written. Anything else (a traceback, another status,
a stray file, a build slower than the deadline) fails. Set BOOKLET_FUZZ_EXAMPLES to run more
or fewer than the 2,000 examples the suite runs by default.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("BOOKLET_FUZZ_EXAMPLES", "2000"))
TRICKS = [
    "&a ",
    "*a",
    "!!python/object/apply:os.system ['id']",
    "!include x.yaml",
    "!!binary aGk=",
    "- ",
    ": ",
    "\t",
    "[",
    "{",
    '"',
    "'",
    "|",
    ">",
    "---\n",
    "%YAML 1.1\n",
    "? ",
    "\x00",
    "\ufeff",
    "# ",
    "<b>",
    "**",
    "&amp;",
    "x" * 1200,
]
LOOK_ALIKES = ["Yes", "No", "on", "off", "1:30", "3.10", "~", "null", "0x1F", "1e3", ".inf"]

words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
)
plain = st.one_of(
    st.sampled_from(["Hip care", "Lift your knee.", "Breathe out slowly.", "AT&T <i>x</i>"]),
    st.sampled_from(LOOK_ALIKES),
    words,
)
marked_up = st.lists(
    st.one_of(plain, plain.map(lambda t: f"**{t}**"), plain.map(lambda t: f"- {t}")),
    min_size=1,
    max_size=6,
).map(lambda parts: "\n".join(parts))
number = st.one_of(st.integers(-5, 2000), st.sampled_from(["30 seconds", "2 min", "ten"]))


@st.composite
def stretch(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": draw(plain),
        "steps": draw(st.lists(plain, min_size=0, max_size=4)),
    }
    for field in ("hold", "repeat", "sets"):
        if draw(st.booleans()):
            item[field] = draw(number)
    for field in ("caution", "purpose", "frequency"):
        if draw(st.booleans()):
            item[field] = draw(plain)
    if draw(st.booleans()):
        item["sides"] = draw(st.sampled_from(["each", "both", "left", "sideways"]))
    if draw(st.booleans()):
        item["video"] = draw(st.sampled_from(["https://example.org/v", "javascript:alert(1)"]))
    return item


@st.composite
def section(draw: st.DrawFn) -> dict[str, Any]:
    item: dict[str, Any] = {"title": draw(plain)}
    if draw(st.booleans()):
        item["body"] = draw(marked_up)
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["tip", "note", "warning", "danger"]))
        item["callouts"] = [{"kind": kind, "text": draw(marked_up)}]
    if draw(st.booleans()):
        item["stretches"] = draw(st.lists(stretch(), min_size=1, max_size=2))
    return item


@st.composite
def question(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short"]))
    item: dict[str, Any] = {"question": draw(plain)}
    if kind in ("single", "multiple"):
        choices = draw(st.lists(plain, min_size=1, max_size=5))
        item["choices"] = choices
        picked = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=2))
        item["answer"] = picked if kind == "multiple" else picked[0]
    elif kind == "true_false":
        item["answer"] = draw(st.sampled_from([True, False, "True", "no", "maybe"]))
    else:
        item["answer"] = draw(plain)
    if draw(st.booleans()):
        item["explanation"] = draw(marked_up)
    return item


@st.composite
def document(draw: st.DrawFn) -> dict[str, Any]:
    content: dict[str, Any] = {
        "title": draw(plain),
        "sections": draw(st.lists(section(), min_size=0, max_size=3)),
    }
    if draw(st.booleans()):
        content["subtitle"] = draw(plain)
    if draw(st.booleans()):
        content["language"] = draw(st.sampled_from(["en", "es", "zh-Hant", "english", "e"]))
    if draw(st.booleans()):
        content["quiz"] = {"questions": draw(st.lists(question(), min_size=0, max_size=3))}
    if draw(st.booleans()):
        content[draw(st.sampled_from(["titel", "brand", "sources", "reviewed"]))] = draw(plain)
    return content


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(draw(document()), sort_keys=False, allow_unicode=True)
    lines = text.splitlines(keepends=True)
    mutation = draw(st.sampled_from(["none", "none", "drop", "double", "splice", "cut"]))
    if mutation == "drop" and lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif mutation == "double" and lines:
        at = draw(st.integers(0, len(lines) - 1))
        lines.insert(at, lines[at])
    text = "".join(lines)
    if mutation == "splice":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(TRICKS)) + text[at:]
    elif mutation == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    return text


@settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=20),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(source=mutated_yaml())
def test_any_content_builds_cleanly_or_is_refused_cleanly(source: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = root / "booklet.yaml"
        content.write_text(source, encoding="utf-8")
        out = root / "out"
        result = run_cli(["build", content, "--out", out])
        written = sorted(path.name for path in out.iterdir()) if out.exists() else []
        if result.exit_code == 0:
            assert written == ["booklet-answer-key.pdf", "booklet.pdf"]
            for name in written:
                data = (out / name).read_bytes()
                assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        else:
            assert result.exit_code == 1, result.stderr
            assert written == []
            problem_line = re.compile(rf"^{re.escape(str(content))}(:\d+)?: ")
            *problems, summary = result.stderr.splitlines()
            assert problems and summary.endswith("found; nothing was written.")
            for line in problems:
                assert problem_line.match(line), line
