"""Patient handouts: patient files, rosters (CSV and YAML), safe names, shards, privacy."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from conftest import run_cli, write_yaml
from pypdf import PdfReader

from booklet.engine import batching as batch
from booklet.errors import BookletError
from booklet.file_names import safe_name, unique_stems

TODAY = datetime.date(2026, 11, 20)
LIBRARY = """\
stretches:
  - name: Kneeling hip flexor stretch
    id: hip-flexor
    steps: [Kneel on your right knee.]
    hold: 30 seconds
    repeat: 3
  - name: Glute bridge
    id: bridge
    steps: [Lie on your back.]
    repeat: 10
  - name: Bird-dog
    id: bird-dog
    steps: [Get on your hands and knees.]
"""
CONTENT = """\
title: Hip program
library: [lib.yaml]
sections:
  - title: About
    body: Read this first.
  - title: Stretches
    stretches:
      - use: hip-flexor
      - use: bridge
      - use: bird-dog
quiz:
  questions:
    - question: Stretching should hurt.
      answer: false
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write_yaml(tmp_path / "lib.yaml", LIBRARY)
    return write_yaml(tmp_path / "hip.yaml", CONTENT)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_patient_handout_keeps_chosen_exercises_in_order_with_their_dosage(content, tmp_path):
    patient = write_yaml(
        tmp_path / "maria.yaml",
        """\
        name: María López
        date: 2026-11-20
        clinician: Sam Okafor
        exercises:
          - {id: bridge, repeat: 12}
          - hip-flexor
        notes: Walk **10 minutes** a day.
        quiz: false
        """,
    )
    out = tmp_path / "out"
    result = run_cli(["build", content, "--patient", patient, "--out", out])
    assert result.exit_code == 0, result.stderr
    handout, key = out / "hip-maria-lopez.pdf", out / "hip-answer-key.pdf"
    assert result.stdout.split() == [str(handout), str(key)]
    text = pdf_text(handout)
    assert "Prepared for María López by Sam Okafor on November 20, 2026" in text
    assert text.index("Glute bridge") < text.index("Kneeling hip flexor stretch")
    assert "12 times" in text and "Bird-dog" not in text
    assert "Notes from your clinician" in text and "Walk 10 minutes a day." in text
    assert "Stretching should hurt" not in text
    assert "Stretching should hurt" in pdf_text(key)
    footer = PdfReader(handout).pages[-1].extract_text()
    assert "Prepared for María López" in footer


def test_patient_file_problems_name_fields_not_values(content, tmp_path):
    patient = write_yaml(
        tmp_path / "p.yaml",
        "name: Secret Person\ndate: 20-11-2026\nexercises: [brige]\nquiz: maybe\n",
    )
    result = run_cli(["build", content, "--patient", patient, "--out", tmp_path / "out"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        f"{patient}:2: date: is not a date; write it as YYYY-MM-DD, for example 2026-11-01",
        f'{patient}:3: exercises[1]: no stretch in the booklet has this id; did you mean "bridge"?',
        f"{patient}:4: quiz: must be true or false (or yes or no)",
    ]
    assert "Secret" not in result.stderr and "20-11-2026" not in result.stderr
    assert not (tmp_path / "out").exists()


def roster_csv(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(
        "name,date,clinician,exercises,notes,file\n"
        "Ann Able,2026-11-20,Dr Who,bridge;hip-flexor,Note one,\n"
        "Ben Bad,2026-11-20,,bridge;nope,,\n"
        "Cat Same,2026-11-20,,,,\n"
        "Cat Same,2026-11-20,,bird-dog,,\n"
        "Dee Date,2026-02-30,,,,\n"
        "Eve Evil,2026-11-20,,,,../../etc/passwd.pdf\n"
        "Hip Answer Key,2026-11-20,,,,hip-answer-key\n",
        encoding="utf-8",
    )
    return path


def test_csv_roster_builds_good_rows_and_reports_bad_ones_by_row(content, tmp_path):
    out = tmp_path / "out"
    result = run_cli(["batch", content, roster_csv(tmp_path), "--out", out, "--jobs", "2"])
    assert result.exit_code == 1
    roster = tmp_path / "roster.csv"
    assert result.stderr.splitlines() == [
        f"{roster}:2: exercises[2]: no stretch in the booklet has this id; "
        "the booklet's ids: hip-flexor, bridge, bird-dog",
        f"{roster}:5: date: is not a date; write it as YYYY-MM-DD, for example 2026-11-01",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [
            "etc-passwd.pdf",
            "hip-answer-key-2.pdf",
            "hip-answer-key.pdf",
            "hip-ann-able.pdf",
            "hip-cat-same-2.pdf",
            "hip-cat-same.pdf",
        ]
    )
    assert result.stdout == (
        f"5 handouts written to {out}, with the answer key hip-answer-key.pdf; "
        "2 rows with problems not built\n"
    )
    for name in ("Ann", "Ben", "Cat", "Dee", "Eve"):
        assert name not in result.stdout + result.stderr
    assert "Kneeling hip flexor stretch" in pdf_text(out / "hip-ann-able.pdf")
    assert "Prepared for Cat Same" in pdf_text(out / "hip-cat-same-2.pdf")


def test_yaml_roster_with_dosage_and_a_bad_row(content, tmp_path):
    roster = write_yaml(
        tmp_path / "roster.yaml",
        """\
        - name: Ann Able
          date: 2026-11-20
          exercises: [{id: bird-dog, sets: 4}]
        - name: Ben Bad
          exercises: [bridge]
          colour: blue
        """,
    )
    out = tmp_path / "out"
    result = run_cli(["batch", content, roster, "--out", out, "--jobs", "1"])
    assert result.exit_code == 1
    assert result.stderr == f"{roster}:2: unknown field; allowed here: " + (
        "name, date, clinician, exercises, notes, quiz, chart, file\n"
    )
    assert sorted(p.name for p in out.iterdir()) == ["hip-ann-able.pdf", "hip-answer-key.pdf"]
    assert "4 sets" in pdf_text(out / "hip-ann-able.pdf")


def test_a_roster_with_unknown_columns_builds_nothing(content, tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("nmae,date\nAnn,2026-11-20\n", encoding="utf-8")
    result = run_cli(["batch", content, roster, "--out", tmp_path / "out"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f'{roster}:1: column 1: unknown column; did you mean "name"?',
        f"{roster}:1: name: the first line must name the columns",
    ]
    assert not (tmp_path / "out").exists()


def test_shards_cover_the_roster_once_and_name_rows_alike(content, tmp_path):
    roster = roster_csv(tmp_path)
    everything = batch.plan(content, roster, today=TODAY)
    shards = [batch.plan(content, roster, shard=batch.Shard(k, 3), today=TODAY) for k in (1, 2, 3)]
    numbers = [row.number for shard in shards for row in shard.rows]
    assert sorted(numbers) == [row.number for row in everything.rows]
    assert len(numbers) == len(set(numbers))
    named = {row.number: row.stem for row in everything.rows}
    assert all(named[row.number] == row.stem for shard in shards for row in shard.rows)
    # rows 2 and 5 are bad; the second shard holds rows 2 and 5 only
    assert [row.number for row in shards[1].rows] == []
    assert [p.line for p in shards[1].problems] == [2, 5]
    assert [row.number for row in shards[0].rows] == [1, 4, 7]


def test_batch_bytes_match_a_single_build_and_a_rerun(content, tmp_path):
    patient = write_yaml(tmp_path / "ann.yaml", "name: Ann Able\ndate: 2026-11-20\n")
    roster = write_yaml(
        tmp_path / "r.yaml", "- name: Cat Cole\n- name: Ann Able\n  date: 2026-11-20\n"
    )
    run_cli(["build", content, "--patient", patient, "--out", tmp_path / "one"])
    for out in ("a", "b"):
        assert run_cli(["batch", content, roster, "--out", tmp_path / out]).exit_code == 0
    single = (tmp_path / "one" / "hip-ann-able.pdf").read_bytes()
    assert (tmp_path / "a" / "hip-ann-able.pdf").read_bytes() == single
    for name in ("hip-ann-able.pdf", "hip-cat-cole.pdf", "hip-answer-key.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_patient_data_stays_out_of_messages_and_leaves_no_temporary_files(content, tmp_path):
    roster = write_yaml(
        tmp_path / "r.yaml",
        "- name: Zed Private\n  notes: Zed's secret note\n  date: 1999-99-99\n"
        "- name: Zed Other\n  clinician: Dr Zed\n",
    )
    out = tmp_path / "out"
    result = run_cli(["batch", content, roster, "--out", out])
    assert "Zed" not in result.stdout + result.stderr
    assert "1999" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["hip-answer-key.pdf", "hip-zed-other.pdf"]


def test_shard_option_is_checked(content, tmp_path):
    roster = write_yaml(tmp_path / "r.yaml", "- name: Ann\n")
    result = run_cli(["batch", content, roster, "--out", tmp_path, "--shard", "4/3"])
    assert result.exit_code == 2
    assert "write K/N with 1 <= K <= N" in result.stderr


@pytest.mark.parametrize(
    ("written", "safe"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("..", ""),
        ("a/b\\c", "a-b-c"),
        (".hidden", "hidden"),
        ("Zoë Ørsted", "Zoe-Orsted"),
        ("report..final", "report.final"),
    ],
)
def test_safe_names_hold_no_folders_or_dots(written, safe):
    assert safe_name(written) == safe


def test_unique_stems_number_clashes_without_case():
    assert unique_stems(["a", "A", "a", "b"], ["b"]) == ["a", "A-2", "a-3", "b-2"]


def test_a_bad_content_file_stops_the_batch(tmp_path):
    content = write_yaml(tmp_path / "c.yaml", "title: x\n")
    roster = write_yaml(tmp_path / "r.yaml", "- name: Ann\n")
    with pytest.raises(BookletError):
        batch.plan(content, roster)


def test_a_roster_past_the_row_limit_is_refused_while_it_is_read(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booklet.source import roster as roster_module

    monkeypatch.setattr(roster_module, "MAX_ROWS", 3)
    roster = tmp_path / "r.csv"
    roster.write_text("name\n" + "".join(f"Row {n}\n" for n in range(5)), encoding="utf-8")
    result = run_cli(["batch", content, roster, "--out", tmp_path / "out"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{roster}: has more than 3 rows; split it"
    assert not (tmp_path / "out").exists()


def test_a_roster_with_a_very_wide_first_line_is_refused_at_once(content, tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("name," + ",".join(f"c{n}" for n in range(200_000)) + "\nAnn\n")
    result = run_cli(["batch", content, roster, "--out", tmp_path / "out"])
    assert result.stderr.splitlines()[0] == (
        f"{roster}:1: the first line names 200,001 columns; a roster has at most 8: "
        "name, date, clinician, exercises, notes, quiz, chart, file"
    )


def test_many_wrong_rows_show_a_hundred_problems_and_lose_their_hints(
    content, tmp_path, monkeypatch
):
    from booklet.source import roster as roster_module

    monkeypatch.setattr(roster_module, "MAX_HINTED", 1)
    roster = tmp_path / "r.csv"
    roster.write_text("name,exercises\n" + "".join(f"P{n},brige\n" for n in range(150)))
    result = run_cli(["batch", content, roster, "--out", tmp_path / "out", "--jobs", "1"])
    lines = result.stderr.splitlines()
    assert lines[0].endswith('did you mean "bridge"?')
    assert "did you mean" not in lines[1]
    assert len(lines) == 101 and lines[-1] == "... and 50 more problems like these."
