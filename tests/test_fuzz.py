"""Generated and mutated content files through the whole command: a clean build or a clean
refusal, every time, within a time bound.

Each example is a content document built from valid and hostile values, written as YAML and
then possibly broken (a line dropped or doubled, a YAML trick spliced in, the file cut short).
`booklet build` must then either exit 0 with both PDFs complete, or exit 1 with only
`file:line: ...` messages and no file written. Anything else (a traceback, another status,
a stray file, a build slower than the deadline) fails. Each is built with a generated brand
file (contact links, label templates, valid or hostile), and every link in a built PDF must
pass the link rule. A second test feeds generated rosters, every value marked, to `booklet
batch`: no marker may reach stdout or stderr. The suite runs 200 examples by
default; BOOKLET_FUZZ_EXAMPLES sets another number (`.ci/run` runs 2,000).
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
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from booklet.source.links import link_problem

EXAMPLES = int(os.environ.get("BOOKLET_FUZZ_EXAMPLES", "200"))
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
GOOD_LINKS = ["https://example.org/v", "http://example.org/a?b=c#d", "HTTPS://EXAMPLE.ORG/x"]
BAD_LINKS = [
    "javascript:alert(1)",
    "javascript://host/%0Aalert(document.domain)",
    "file:///etc/passwd",
    "data:text/html,x.org",
    "https://user:secret@example.org",
    "https://exa\u200bmple.org",
    "https://example.org/" + "\u00fc" * 900,
    "https://example.org:99999",
    "vbscript:x.org",
]
GOOD_TEMPLATES = {
    "page_n_of_m": ["Page {page} of {total}", "{page}/{total}", "{{{page}}} {total}"],
    "n_seconds": ["{n} seconds", "{n} s"],
    "date_pattern": ["{day} {month} {year}", "{year}-{month}-{day}"],
    "prepared_line": ["For {name}, {date}"],
}
BAD_TEMPLATES = [
    "Page {page} of {total}{total:>300000000}",
    "{page.__class__} {total} {n} {day} {month} {year} {name} {date}",
    "{page} {total} {0} {n} {day} {month} {year} {name} {date}",
    "{page}{total}{n}{day}{month}{year}{name}{date}{",
    "{page!r}{total}",
    "{}",
]
LOOK_ALIKES = ["Yes", "No", "on", "off", "1:30", "3.10", "~", "null", "0x1F", "1e3", ".inf"]

words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip())
sensible = st.sampled_from(
    ["Hip care", "Lift your knee.", "Breathe out slowly.", "AT&T <i>x</i>", "Ça va, Łódź"]
)


def pick(hostile: bool, valid: list[Any], wrong: list[Any]) -> st.SearchStrategy[Any]:
    """One of the valid values, or in a hostile document sometimes a wrong one."""
    return st.sampled_from(valid + wrong if hostile else valid)


def texts(hostile: bool) -> st.SearchStrategy[str]:
    """Printable text: sensible sentences and YAML look-alikes, and any Unicode when hostile."""
    return st.one_of(sensible, st.sampled_from(LOOK_ALIKES), *([words] if hostile else []))


def marked_up(hostile: bool) -> st.SearchStrategy[str]:
    line = texts(hostile)
    return st.lists(
        st.one_of(line, line.map(lambda t: f"**{t}**"), line.map(lambda t: f"- {t}")),
        min_size=1,
        max_size=6,
    ).map(lambda parts: "\n".join(parts))


def numbers(hostile: bool) -> st.SearchStrategy[Any]:
    valid = st.one_of(st.integers(1, 60), st.sampled_from(["30 seconds", "2 min"]))
    return st.one_of(valid, st.integers(-5, 2000), st.just("ten")) if hostile else valid


@st.composite
def stretch(draw: st.DrawFn, hostile: bool) -> dict[str, Any]:
    item: dict[str, Any] = {
        "name": draw(texts(hostile)),
        "steps": draw(st.lists(texts(hostile), min_size=0 if hostile else 1, max_size=4)),
    }
    for field in ("hold", "repeat", "sets"):
        if draw(st.booleans()):
            item[field] = draw(numbers(hostile))
    for field in ("caution", "purpose", "frequency"):
        if draw(st.booleans()):
            item[field] = draw(texts(hostile))
    if draw(st.booleans()):
        item["sides"] = draw(pick(hostile, ["each", "both"], ["sideways"]))
    if draw(st.booleans()):
        item["video"] = draw(pick(hostile, GOOD_LINKS[:3], BAD_LINKS))
    return item


@st.composite
def section(draw: st.DrawFn, hostile: bool) -> dict[str, Any]:
    item: dict[str, Any] = {"title": draw(texts(hostile))}
    if draw(st.booleans()):
        item["body"] = draw(marked_up(hostile))
    if draw(st.booleans()):
        kind = draw(pick(hostile, ["tip", "note", "warning"], ["danger"]))
        item["callouts"] = [{"kind": kind, "text": draw(marked_up(hostile))}]
    if draw(st.booleans()):
        item["stretches"] = draw(st.lists(stretch(hostile), min_size=1, max_size=2))
    return item


@st.composite
def question(draw: st.DrawFn, hostile: bool) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multiple", "true_false", "short"]))
    item: dict[str, Any] = {"question": draw(texts(hostile))}
    if kind in ("single", "multiple"):
        choices = draw(st.lists(texts(hostile), min_size=2, max_size=5, unique=not hostile))
        item["choices"] = choices
        picked = draw(st.lists(st.sampled_from(choices), min_size=1, max_size=2, unique=True))
        item["answer"] = picked if kind == "multiple" else picked[0]
    elif kind == "true_false":
        item["answer"] = draw(pick(hostile, [True, False, "True", "false"], ["maybe"]))
    else:
        item["answer"] = draw(texts(hostile))
    if draw(st.booleans()):
        item["explanation"] = draw(marked_up(hostile))
    return item


@st.composite
def document(draw: st.DrawFn) -> dict[str, Any]:
    """A content document: a valid one, or (half the time) one with wrong values in it."""
    hostile = draw(st.booleans())
    content: dict[str, Any] = {
        "title": draw(texts(hostile)),
        "sections": draw(st.lists(section(hostile), min_size=0 if hostile else 1, max_size=3)),
    }
    if draw(st.booleans()):
        content["subtitle"] = draw(texts(hostile))
    if draw(st.booleans()):
        content["language"] = draw(pick(hostile, ["en", "es", "zh-Hant", "fr"], ["english"]))
    if draw(st.booleans()):
        questions = st.lists(question(hostile), min_size=0 if hostile else 1, max_size=3)
        content["quiz"] = {"questions": draw(questions)}
    if hostile and draw(st.booleans()):
        content[draw(st.sampled_from(["titel", "brand", "sources", "reviewed"]))] = draw(
            texts(hostile)
        )
    return content


@st.composite
def mutated_yaml(draw: st.DrawFn) -> str:
    text = yaml.safe_dump(draw(document()), sort_keys=False, allow_unicode=True)
    lines = text.splitlines(keepends=True)
    mutation = draw(
        st.sampled_from(["none", "none", "none", "none", "drop", "double", "splice", "cut"])
    )
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


@st.composite
def brand_yaml(draw: st.DrawFn) -> str:
    """A brand file: contact links and label templates, valid or hostile."""
    hostile = draw(st.booleans())
    brand: dict[str, Any] = {"organization": draw(texts(hostile))}
    contact = {}
    if draw(st.booleans()):
        contact["website"] = draw(pick(hostile, ["example.org", *GOOD_LINKS], BAD_LINKS))
    if draw(st.booleans()):
        contact["email"] = draw(
            pick(hostile, ["front@example.org"], ["a@b@c.org", "x@e.org?body=y", "mailto:"])
        )
    if draw(st.booleans()):
        contact["phone"] = draw(pick(hostile, ["555-0100", "+1 (555) 0100"], ["call us", ""]))
    if contact:
        brand["contact"] = contact
    if draw(st.booleans()):
        name = draw(st.sampled_from(sorted(GOOD_TEMPLATES)))
        wrong = BAD_TEMPLATES + ([draw(words)] if hostile else [])
        brand["labels"] = {name: draw(pick(hostile, GOOD_TEMPLATES[name], wrong))}
    return yaml.safe_dump(brand, sort_keys=False, allow_unicode=True)


def links_in(pdf: bytes) -> list[str]:
    """The targets of the PDF's link annotations (ReportLab writes them uncompressed)."""
    found = re.findall(rb"/URI \(((?:\\.|[^\\)])*)\)", pdf)
    return [re.sub(rb"\\(.)", rb"\1", link).decode("latin-1") for link in found]


@settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=20),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(source=mutated_yaml(), brand_source=st.one_of(st.none(), brand_yaml()))
def test_any_content_builds_cleanly_or_is_refused_cleanly(
    source: str, brand_source: str | None
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = root / "booklet.yaml"
        content.write_text(source, encoding="utf-8")
        brand = root / "brand.yaml"
        brand.write_text(brand_source or "organization: Clinic\n", encoding="utf-8")
        out = root / "out"
        result = run_cli(["build", content, "--out", out, "--brand", brand])
        written = sorted(path.name for path in out.iterdir()) if out.exists() else []
        event("built" if result.exit_code == 0 else "refused")
        if result.exit_code == 0:
            assert written == ["booklet-answer-key.pdf", "booklet.pdf"]
            for name in written:
                data = (out / name).read_bytes()
                assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
                assert all(link_problem(link) is None for link in links_in(data))
                assert b"/JavaScript" not in data and b"/Launch" not in data
        else:
            assert result.exit_code == 1, result.stderr
            assert written == []
            files = "|".join(re.escape(str(path)) for path in (content, brand))
            problem_line = re.compile(rf"^({files})(:\d+)?: ")
            *problems, summary = result.stderr.splitlines()
            assert problems and summary.endswith("found; nothing was written.")
            for line in problems:
                assert problem_line.match(line), line


# --- rosters: every mistake named by row and field, never by a patient's value -------------

ROSTER_CONTENT = """\
title: Hip program
sections:
  - title: Stretches
    stretches:
      - id: bridge
        name: Glute bridge
        steps: [Lift your hips.]
"""
MARK = "Qzx"  # every value drawn for a roster holds it; no message may
ROSTER_COLUMNS = ["name", "date", "clinician", "exercises", "notes", "quiz", "file"]


@st.composite
def roster_file(draw: st.DrawFn) -> tuple[str, str]:
    """A CSV or YAML roster of one or two rows, each field valid or wrong, every value
    carrying the marker; some columns or keys misspelt, some cells missing."""
    count = draw(st.integers(1, 2))
    marked = texts(True).map(lambda text: f"{MARK}{text}")
    rows = []
    for _ in range(count):
        row: dict[str, Any] = {"name": draw(marked)}
        for column in ("date", "clinician", "exercises", "notes", "quiz"):
            if draw(st.booleans()):
                row[column] = draw(
                    {
                        "date": st.sampled_from(["2026-11-20", f"{MARK}-1-2", "2026-02-30"]),
                        "exercises": st.sampled_from(["bridge", f"{MARK}id", "bridge;bridge"]),
                        "quiz": st.sampled_from(["true", "no", f"{MARK}"]),
                    }.get(column, marked)
                )
        if draw(st.booleans()):
            row[f"{MARK}{draw(st.sampled_from(ROSTER_COLUMNS))}"] = draw(marked)
        rows.append(row)
    if draw(st.booleans()):
        return "roster.yaml", yaml.safe_dump(rows, sort_keys=False, allow_unicode=True)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    if draw(st.booleans()):
        columns = columns[: draw(st.integers(1, len(columns)))]  # cells left over
    lines = [] if draw(st.integers(0, 5)) == 0 else [",".join(columns)]  # header forgotten
    for row in rows:
        cells = [str(row.get(column, "")) for column in columns]
        if draw(st.booleans()) and len(cells) > 1:
            del cells[draw(st.integers(0, len(cells) - 1))]  # a cell missing
        lines.append(",".join(f'"{cell.replace(chr(34), chr(39))}"' for cell in cells))
    return "roster.csv", "\n".join(lines) + "\n"


@settings(
    max_examples=max(10, EXAMPLES // 10),
    deadline=timedelta(seconds=20),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(roster=roster_file())
def test_any_roster_names_rows_and_fields_never_values(roster: tuple[str, str]) -> None:
    name, source = roster
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = root / "hip.yaml"
        content.write_text(ROSTER_CONTENT, encoding="utf-8")
        (root / name).write_text(source, encoding="utf-8")
        out = root / "out"
        result = run_cli(["batch", content, root / name, "--out", out, "--jobs", "1"])
        event("built" if result.exit_code == 0 else "refused")
        assert result.exit_code in (0, 1), result.stderr
        # the folder's random name may hold the mark by chance: only what is said of it counts
        said = (result.stdout + result.stderr).replace(folder, "")
        assert MARK.lower() not in said.lower()
        assert "Traceback" not in result.stderr
        for line in result.stderr.splitlines():
            assert line.startswith(str(root / name)) or line.endswith("nothing was written.")
        leftovers = (
            [p.name for p in out.iterdir() if p.name.startswith(".")] if out.exists() else []
        )
        assert leftovers == []
