"""A roster file (CSV, or a YAML list of patient mappings) -> one Row per patient, each with
its Patient or its problems, and a safe output name that no other row shares.

Rows are counted from 1, the first patient under the CSV header or the first item of the
YAML list; a row's problems are reported as `ROSTER:ROW: field: message`, never with a
value from the row, so a message names the row and not the patient.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, TypeVar

import yaml

from booklet.errors import BookletError, Problem
from booklet.file_names import handout_stem, safe_name, unique_stems
from booklet.model import Patient
from booklet.source import loading, spec
from booklet.source.fields import Context, Fields, closest, suggestion
from booklet.source.patient import read_patient

ROW_FIELDS = spec.ROW.names
MAX_ROSTER_BYTES = 16 * 1024 * 1024
MAX_ROWS = 100_000
MAX_HINTED = 1_000  # problems after which a row's messages carry no "did you mean" hint
MAX_COLUMNS = 100
T = TypeVar("T")
STR_TAG, SEQ_TAG = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq"


@dataclass(frozen=True)
class Row:
    """One roster row: its patient and output name, or the problems that stop its build."""

    number: int
    patient: Patient | None = None
    stem: str = ""
    problems: tuple[Problem, ...] = ()


def read_roster(
    path: Path, stretch_ids: Sequence[str], today: datetime.date, booklet_stem: str, key: str
) -> list[Row]:
    """Every row of the roster, in order. Raises BookletError when the file itself is wrong
    (unreadable, not a list, unknown columns); a wrong row only gets its problems."""
    nodes: Iterable[yaml.Node | str] = (
        csv_rows(path) if path.suffix.lower() == ".csv" else yaml_rows(path)
    )
    rows = []
    problems = 0
    for number, node in enumerate(nodes, start=1):
        row = read_row(path, number, node, stretch_ids, today, hints=problems < MAX_HINTED)
        problems += len(row[0].problems)
        rows.append(row)
    return named_rows(rows, booklet_stem, key)


def read_row(
    path: Path,
    number: int,
    node: yaml.Node | str,
    stretch_ids: Sequence[str],
    today: datetime.date,
    hints: bool = True,
) -> tuple[Row, str | None]:
    """One row and the output name it asks for (`file`), problems numbered by row.

    `node` is the row's mapping, or what is wrong with a CSV record that has none.
    """
    if isinstance(node, str):
        return Row(number, problems=(Problem(str(path), number, "", node),)), None
    ctx = Context(path, private=True, hints=hints)
    fields = Fields(ctx, node, "", spec.ROW)
    patient = read_patient(fields, stretch_ids, today)
    wanted = read_file_name(fields)
    problems = tuple(Problem(str(path), number, p.field, p.message) for p in ctx.problems)
    if problems or patient is None:
        return Row(
            number, problems=problems or (Problem(str(path), number, "", "empty row"),)
        ), None
    return Row(number, patient), wanted


def read_file_name(fields: Fields) -> str | None:
    """`file`: the output name without `.pdf`, made safe for any file system."""
    written = fields.text("file")
    if written is None:
        return None
    if written.lower().endswith(".pdf"):
        written = written[:-4]
    name = safe_name(written)
    if not name:
        fields.ctx.report(
            fields.get("file"),
            fields.where("file"),
            "has no letters or digits to name a file with; leave it empty to use the name",
        )
        return None
    return name


def named_rows(rows: list[tuple[Row, str | None]], booklet_stem: str, key: str) -> list[Row]:
    """Give each good row its file name: `file` if given, else `<stem>-<patient>`; a name
    already used by an earlier row (or by the answer key) gets `-2`, `-3`..."""
    good = [(row, wanted) for row, wanted in rows if row.patient is not None]
    stems = [
        wanted or handout_stem(booklet_stem, row.patient.name)
        for row, wanted in good
        if row.patient is not None
    ]
    named = {
        row.number: Row(row.number, row.patient, stem)
        for (row, _), stem in zip(good, unique_stems(stems, [key]), strict=True)
    }
    return [named.get(row.number, row) for row, _ in rows]


# --- the two kinds of roster -----------------------------------------------------------


def yaml_rows(path: Path) -> list[yaml.Node]:
    node = loading.load_private_yaml(path, MAX_ROSTER_BYTES)
    if not isinstance(node, yaml.SequenceNode):
        raise BookletError(
            [
                Problem(
                    str(path),
                    node.start_mark.line + 1,
                    "",
                    'a roster must be a list of patients, each starting with "- name:"',
                )
            ]
        )
    return check_count(path, node.value)


def csv_rows(path: Path) -> Iterator[yaml.Node | str]:
    """Each CSV record as a mapping node, so it is checked exactly as a YAML row is, or
    what is wrong with it. `exercises` holds ids separated by `;`; empty cells are absent.

    Records are read one at a time as the caller asks for them, so only the rows already
    checked are held, never every record's cells at once.
    """
    name = str(path)
    try:
        text = loading.decode_text(name, loading.read_bytes(path, MAX_ROSTER_BYTES))
    except BookletError as error:
        raise BookletError(map(loading.private_problem, error.problems)) from None
    records = (r for r in csv.reader(io.StringIO(text, newline="")) if any(r))
    try:
        header = [cell.strip().lower() for cell in next(records, [])]
        check_header(name, header)
        for count, record in enumerate(records, start=1):
            if count > MAX_ROWS:
                too_many(path)
            yield (
                record_node(header, record)
                if len(record) <= len(header)
                else f"has {len(record)} cells but the first line names {len(header)} "
                "columns; put quotes around a cell that holds a comma"
            )
    except csv.Error as error:
        raise BookletError([Problem(name, None, "", f"this is not valid CSV: {error}")]) from None


def check_header(name: str, header: list[str]) -> None:
    """The first line must name the columns. Its cells are never quoted back: a roster saved
    without its header row starts with a patient."""
    if len(header) > MAX_COLUMNS:
        raise BookletError(
            [
                Problem(
                    name,
                    1,
                    "",
                    f"the first line names {len(header):,} columns; a roster has at most "
                    f"{len(ROW_FIELDS)}: " + ", ".join(ROW_FIELDS),
                )
            ]
        )
    named = sum(1 for column in header if closest(column, ROW_FIELDS))
    if "name" not in header and named * 2 <= len(header):
        raise BookletError(
            [
                Problem(
                    name,
                    1,
                    "",
                    "the first line must name the columns, with name among them ("
                    + ", ".join(ROW_FIELDS)
                    + "); add that line above the first patient",
                )
            ]
        )
    problems = []
    for number, column in enumerate(header, start=1):
        if column not in ROW_FIELDS:
            hint = suggestion(column, ROW_FIELDS) or "; columns: " + ", ".join(ROW_FIELDS)
            problems.append(Problem(name, 1, f"column {number}", f"unknown column{hint}"))
    if "name" not in header:
        problems.append(Problem(name, 1, "name", "the first line must name the columns"))
    counts = Counter(header)
    seen = {column for column, count in counts.items() if count > 1 and column in ROW_FIELDS}
    problems += [Problem(name, 1, column, "appears twice; keep one") for column in sorted(seen)]
    if problems:
        raise BookletError(problems)


def record_node(header: list[str], record: list[str]) -> yaml.Node:
    mark = yaml.Mark("", 0, 0, 0, None, None)
    pairs = []
    for column, cell in zip(header, record, strict=False):
        if not cell.strip():
            continue
        if column == "exercises":
            ids = [yaml.ScalarNode(STR_TAG, part.strip(), mark, mark) for part in cell.split(";")]
            value: yaml.Node = yaml.SequenceNode(SEQ_TAG, [i for i in ids if i.value], mark, mark)
        else:
            value = yaml.ScalarNode(STR_TAG, cell, mark, mark)
        pairs.append((yaml.ScalarNode(STR_TAG, column, mark, mark), value))
    return yaml.MappingNode("tag:yaml.org,2002:map", pairs, mark, mark)


def check_count(path: Path, rows: list[T]) -> list[T]:
    if len(rows) > MAX_ROWS:
        too_many(path)
    return rows


def too_many(path: Path) -> NoReturn:
    raise BookletError([Problem(str(path), None, "", f"has more than {MAX_ROWS:,} rows; split it")])
