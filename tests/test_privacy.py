"""Patient data never reaches a message: every field of every patient and roster file holds
a marker, every kind of mistake is made with it, and no marker may appear on stdout,
stderr or in the text of an exception."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from booklet.errors import BookletError
from booklet.source.read import load, load_patient

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content" / "hip-home-program.yaml"
MARK = "Qzx"  # every marker starts so; no message of booklet's own holds it
NUMBER = "987654321"  # a number no message of booklet's own holds
GOOD_ROW = {
    "name": f"{MARK}name Lopez",
    "date": "2026-11-20",
    "clinician": f"{MARK}clinician",
    "exercises": "kneeling-hip-flexor",
    "notes": f"{MARK}notes walk daily",
}

# Patient files (and, as list items, YAML rosters): each a mistake with a marker in it.
PATIENT_MISTAKES = {
    "unknown key": f"name: {MARK}a\n{MARK}key: {MARK}b\n",
    "unknown key near a field": f"name: {MARK}a\nnmae{MARK}: x\n",
    "date": f"name: {MARK}a\ndate: {MARK}-11-20\n",
    "impossible date": f"name: {MARK}a\ndate: 2026-02-30\nnotes: {MARK}n\n",
    "quiz": f"name: {MARK}a\nquiz: {MARK}q\n",
    "unknown exercise": f"name: {MARK}a\nexercises: [{MARK}id, kneeling-hip-flexor]\n",
    "exercise twice": f"name: {MARK}a\nexercises: [kneeling-hip-flexor, kneeling-hip-flexor]\n",
    "hold": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, hold: {MARK}s}}]\n",
    "repeat": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, repeat: {MARK}}}]\n",
    "repeat range": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, repeat: {NUMBER}}}]\n",
    "sets range": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, sets: {NUMBER}}}]\n",
    "sides": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, sides: {MARK}}}]\n",
    "exercise key": f"name: {MARK}a\nexercises: [{{id: kneeling-hip-flexor, {MARK}: 1}}]\n",
    "long name": f"name: {MARK * 100}\n",
    "two-line name": f'name: "{MARK}a\\n{MARK}b"\n',
    "name as a list": f"name: [{MARK}a, {MARK}b]\n",
    "long notes": f"name: {MARK}a\nnotes: {MARK * 2000}\n",
    "duplicate key": f"name: {MARK}a\nname: {MARK}b\n",
    "syntax": f"name: {MARK}a: {MARK}b\n",
    "unclosed quote": f'name: "{MARK}a\nnotes: {MARK}b\n',
    "tag": f"name: !{MARK} {MARK}a\n",
    "anchor": f"name: &{MARK} {MARK}a\n",
    "alias": f"name: *{MARK}\n",
    "bad character": f"name: {MARK}a\x07{MARK}\n",
    "escape": f'name: "{MARK}\\q{MARK}"\n',
    "not a mapping": f"- {MARK}a\n- {MARK}b\n",
}
# CSV rosters: each a mistake with a marker in it.
HEADER = "name,date,clinician,exercises,notes"
ROSTER_MISTAKES = {
    "no header": f"{MARK}name Lopez,1950-01-01,{MARK}clin,kneeling-hip-flexor,{MARK}notes\n",
    "no header, name-like cells": f"{MARK}nate,notes,{MARK}c\n",
    "unknown column": f"name,{MARK}col,date\n{MARK}a,{MARK}b,2026-11-20\n",
    "misspelled column": f"nmae,date\n{MARK}a,2026-11-20\n",
    "missing cell": f"{HEADER}\n{MARK}a,2026-11-20,{MARK}c,{MARK}notes shifted\n",
    "extra cell": f"{HEADER}\n{MARK}a,2026-11-20,{MARK}c,kneeling-hip-flexor,{MARK}n,{MARK}x\n",
    "bad date": f"{HEADER}\n{MARK}a,{MARK}-1-1,{MARK}c,kneeling-hip-flexor,{MARK}n\n",
    "bad exercise": f"{HEADER}\n{MARK}a,2026-11-20,{MARK}c,{MARK}id;{MARK}id2,{MARK}n\n",
    "file": f"name,file\n{MARK}a,{MARK[0:0]}!!!\n",
    "quiz": f"name,quiz\n{MARK}a,{MARK}\n",
    "not UTF-8": f"{HEADER}\n{MARK}a,".encode() + b"\xff\xfe" + MARK.encode() + b"\n",
}


def leaks(*texts: str) -> list[str]:
    return [text for text in texts if MARK.lower() in text.lower() or NUMBER in text]


def check_run(args: list[str | Path]) -> None:
    result = run_cli(args)
    assert result.exit_code == 1, result.output
    assert result.stderr, "a mistake must be reported"
    assert not leaks(result.stdout, result.stderr), result.stderr


@pytest.mark.parametrize("name", sorted(PATIENT_MISTAKES))
def test_a_patient_file_mistake_names_no_value(name: str, tmp_path: Path) -> None:
    patient = tmp_path / "patient.yaml"
    patient.write_text(PATIENT_MISTAKES[name], encoding="utf-8")
    check_run(["build", CONTENT, "--patient", patient, "--out", tmp_path / "out"])
    with pytest.raises(BookletError) as raised:
        load_patient(patient, load(CONTENT))
    assert not leaks(str(raised.value), repr(raised.value.problems))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", sorted(PATIENT_MISTAKES))
def test_a_yaml_roster_mistake_names_no_value(name: str, tmp_path: Path) -> None:
    roster = tmp_path / "roster.yaml"
    text = PATIENT_MISTAKES[name]
    if not text.startswith("- "):
        text = "- " + text.replace("\n", "\n  ").rstrip() + "\n"
    roster.write_text(text, encoding="utf-8")
    check_run(["batch", CONTENT, roster, "--out", tmp_path / "out", "--jobs", "1"])


@pytest.mark.parametrize("name", sorted(ROSTER_MISTAKES))
def test_a_csv_roster_mistake_names_no_value(name: str, tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    text = ROSTER_MISTAKES[name]
    roster.write_bytes(text if isinstance(text, bytes) else text.encode())
    check_run(["batch", CONTENT, roster, "--out", tmp_path / "out", "--jobs", "1"])


def test_a_roster_without_its_header_row_gets_one_message(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text(ROSTER_MISTAKES["no header"], encoding="utf-8")
    result = run_cli(["batch", CONTENT, roster, "--out", tmp_path / "out"])
    assert result.stderr.splitlines() == [
        f"{roster}:1: the first line must name the columns, with name among them (name, date, "
        "clinician, exercises, notes, quiz, chart, file); add that line above the first patient",
        "1 problem found; nothing was written.",
    ]


# --- the sample patient and roster files, every value and then every key marked -------------

SAMPLES = ROOT / "patients"


def marked(node: object, counter: list[int], keys: bool) -> object:
    """The same structure with every scalar (and, with `keys`, every key) a new marker."""
    if isinstance(node, dict):
        return {
            (next_marker(counter) if keys else key): marked(value, counter, keys)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [marked(item, counter, keys) for item in node]
    return node if keys else next_marker(counter)


def next_marker(counter: list[int]) -> str:
    counter[0] += 1
    return f"{MARK}{counter[0]:04d}"


def marked_csv(text: str, header_too: bool) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    counter = [0]
    start = 0 if header_too else 1
    for row in rows[start:]:
        row[:] = [next_marker(counter) for _ in row]
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("keys", [False, True], ids=["values", "keys"])
@pytest.mark.parametrize("name", ["maria-lopez.yaml", "roster.yaml", "roster.csv"])
def test_a_sample_file_with_every_field_marked_leaks_nothing(
    name: str, keys: bool, tmp_path: Path
) -> None:
    source = (SAMPLES / name).read_text(encoding="utf-8")
    target = tmp_path / name
    if name.endswith(".csv"):
        target.write_text(marked_csv(source, header_too=keys), encoding="utf-8")
    else:
        data = marked(yaml.safe_load(source), [0], keys)
        target.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    if name.startswith("roster"):
        check_run(["batch", CONTENT, target, "--out", tmp_path / "out", "--jobs", "1"])
    else:
        check_run(["build", CONTENT, "--patient", target, "--out", tmp_path / "out"])


def test_temporary_files_are_named_without_patient_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booklet.engine import output

    made: list[str] = []
    real = output.write_temporary

    def recording(folder: Path, data: bytes) -> Path:
        path = real(folder, data)
        made.append(path.name)
        return path

    monkeypatch.setattr(output, "write_temporary", recording)
    roster = tmp_path / "roster.csv"
    roster.write_text(f"name,notes,file\n{MARK}ann,{MARK}note,\n{MARK}ben,{MARK}note,\n")
    result = run_cli(["batch", CONTENT, roster, "--out", tmp_path / "out", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    assert len(made) == 3 and not leaks(*made)
    assert not leaks(result.stdout, result.stderr)


@pytest.mark.parametrize("layout", ["compact", "booklet"])
def test_a_handout_leaves_no_patient_words_in_the_markup_cache(layout: str) -> None:
    from booklet.document import PrintOptions
    from booklet.pdf import compat
    from booklet.pdf.make import render_booklet

    root = Path(__file__).resolve().parents[1]
    document = load(root / "content" / "hip-home-program.yaml")
    patient = load_patient(root / "patients" / "maria-lopez.yaml", document)
    render_booklet(document, PrintOptions(layout=layout), patient)
    cached = " ".join(text for text, _ in compat._parsed)
    assert "López" not in cached and "Start with the" not in cached
    render_booklet(document, PrintOptions())
    assert compat._parsed  # a booklet without a patient keeps its parses
