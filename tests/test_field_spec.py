"""The field spec, the validator, the JSON Schemas and the format reference agree on every
field of every kind of file: a good value passes both the loader and the schema, a bad
one is refused by both, a required field left out is missed by both, and every field is
in docs/format.md. The written reference, schemas and starter are never stale."""

from __future__ import annotations

import copy
import datetime
import functools
import itertools
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import make_picture, write_yaml

from booklet.errors import BookletError
from booklet.figures.library import BODY_ANGLES, RANGES
from booklet.model import NEUTRAL_BRAND, Question, QuestionKind
from booklet.source import spec
from booklet.source.json_schema import file_schema
from booklet.source.read import load, load_patient
from booklet.source.roster import read_roster
from booklet.source.spec import FieldSpec, ObjectSpec
from booklet.words.labels import Labels

PROJECT = Path(__file__).parent.parent
FONT = PROJECT / "booklet" / "assets" / "typefaces"
LIBRARY_STRETCH = {"name": "Knee to chest", "id": "knee-to-chest", "steps": ["Lie down."]}
# Values the schema cannot judge (a file on disk, a colour name, a paragraph's length):
# only booklet refuses them, and the test checks that it does.
ONLY_BOOKLET_JUDGES = {"path", "colour", "markup", "answer"}
SCALARS = {"text", "markup", "whole", "switch", "choice", "date", "duration", "length"} | {
    "web address",
    "id",
    "language",
    "email",
    "website",
    "path",
    "colour",
}


@dataclass(frozen=True)
class Step:
    """A field on the way to the one under test, and the mapping it holds there."""

    field: FieldSpec
    shape: ObjectSpec


@dataclass(frozen=True)
class Case:
    kind: str
    trail: tuple[Step, ...]
    field: FieldSpec
    container: ObjectSpec

    @property
    def where(self) -> str:
        """The field's path as booklet names it in a message (list items counted from 1)."""
        parts = ""
        for step in self.trail:
            parts += f".{step.field.name}" + ("[1]" if step.field.kind == "list" else "")
        return (parts + f".{self.field.name}").lstrip(".")

    def __str__(self) -> str:
        forms = "/".join(step.shape.title for step in self.trail if step.field.kind != "mapping")
        return f"{self.kind}:{self.where}" + (f"({forms})" if forms else "")


def shapes_held(field: FieldSpec) -> Iterator[ObjectSpec]:
    """The mappings a field holds: itself, its list's items, or each form that is one."""
    if field.shape is not None:
        yield field.shape
    if field.item is not None:
        yield from shapes_held(field.item)
    for form in field.forms:
        yield from shapes_held(form)


def cases(kind: str, shape: ObjectSpec, trail: tuple[Step, ...] = ()) -> Iterator[Case]:
    for field in shape:
        yield Case(kind, trail, field, shape)
        for inner in shapes_held(field):
            yield from cases(kind, inner, (*trail, Step(field, inner)))


ALL_CASES = [case for kind, shape in spec.FILE_KINDS.items() for case in cases(kind, shape)]


# --- good and bad values, made from the spec ------------------------------------------


def good(field: FieldSpec) -> Any:
    if field.example is not None:
        return copy.deepcopy(field.example)  # the spec's own example stays as it is
    kind = field.kind
    if kind == "list" and field.item is not None:
        return [good(field.item)] if field.min_items < 2 else ["One", "Two"][: field.min_items]
    if kind == "mapping" and field.shape is not None:
        return minimal(field.shape)
    if kind == "either":
        return good(field.forms[0])
    return {
        "text": "Some words",
        "markup": "Some **words**.",
        "whole": field.minimum,
        "switch": "yes",
        "choice": field.choices[0] if field.choices else None,
        "date": "2026-11-01",
    }[kind]


def bad(field: FieldSpec) -> Any:
    """A value booklet must refuse, chosen to cross the limit the spec sets."""
    kind = field.kind
    if kind == "text":
        return "x" * ((field.max_length or spec.MAX_TEXT_CHARS) + 1)
    if kind == "markup":
        return "x" * ((field.max_length or spec.MAX_PARAGRAPH_CHARS) + 1)
    if kind in ("whole", "duration"):
        return (field.maximum or 0) + 1
    if kind == "list":
        return [good(field.item)] if field.min_items >= 2 else "not a list"  # type: ignore[arg-type]
    if kind in ("mapping", "either", "angles"):
        return {"unknown_field": 1}
    return {
        "switch": "maybe",
        "choice": "nonsense",
        "date": "20-11-2026",
        "length": "18 furlongs",
        "web address": "example.org/video",
        "id": "has spaces",
        "language": "English!",
        "email": "front desk",
        "website": "example",
        "path": "missing/file.png",
        "colour": "bluish",
        "answer": ["a list", "without choices"],
    }[kind]


# A few fields make sense only with a companion: a figure starts from a pose, a list of
# choices needs an answer among them, `lines` is for a short answer.
STARTS = {"Figures": {"pose": "pigeon"}}
COMPANIONS: dict[tuple[str, str], dict[str, Any]] = {
    ("Figures", "anatomy"): {"pose": None},
    ("Questions", "choices"): {"answer": "Yes"},
    ("Questions", "lines"): {"answer": "A model answer"},
    ("Questions", "type"): {"answer": "true"},
}


def minimal(shape: ObjectSpec) -> dict[str, Any]:
    """The shape with its required fields only, each with a good value."""
    found = {field.name: good(field) for field in shape if field.required}
    return {**found, **copy.deepcopy(STARTS.get(shape.title, {}))}


def document(case: Case, value: Any, leave_out: bool = False) -> Any:
    """A file of the case's kind holding `value` in the case's field (or without it)."""
    root = minimal(spec.FILE_KINDS[case.kind])
    if case.kind == "content":
        root["library"] = ["library.yaml"]
    container = root
    for step in case.trail:
        name = step.field.name
        if not isinstance(container.get(name), list | dict):
            held = minimal(step.shape)
            container[name] = [held] if step.field.kind == "list" else held
        container = container[name][0] if step.field.kind == "list" else container[name]
    for name, companion in COMPANIONS.get((case.container.title, case.field.name), {}).items():
        if companion is None:
            container.pop(name, None)
        else:
            container[name] = companion
    if leave_out:
        container.pop(case.field.name, None)
    else:
        container[case.field.name] = value
    return [root] if case.kind == "roster" else root


# --- loading, as booklet does, and checking, as an editor does -------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the good values name: pictures, fonts, a brand and a library."""
    here = tmp_path_factory.mktemp("spec")
    for name in ("images/pelvic-tilt.png", "images/logo.png"):
        make_picture(here / name)
    (here / "fonts").mkdir()
    for style in spec.FONT_FILES.names:
        shutil.copy(FONT / "AtkinsonHyperlegible-Regular.ttf", here / "fonts" / f"Body-{style}.ttf")
    write_yaml(here / "brand.yaml", {"organization": "Clinic"})
    write_yaml(here / "library.yaml", {"stretches": [LIBRARY_STRETCH]})
    write_yaml(here / "base.yaml", BASE)
    return here


BASE = {"title": "T", "sections": [{"title": "S", "stretches": [LIBRARY_STRETCH]}]}


def write(folder: Path, stem: str, data: Any) -> Path:
    """YAML text as typed, or data dumped in order, in a new file: writing a new file is
    many times faster than truncating and rewriting one on some file systems."""
    text = data if isinstance(data, str) else yaml.dump(data, Dumper=DUMPER, sort_keys=False)
    path = folder / f"{stem}-{next(WRITTEN)}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


WRITTEN = itertools.count()


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def problems_loading(kind: str, data: Any, folder: Path) -> list[str]:
    """What booklet says about a file of `kind` holding `data` (nothing when it is good)."""
    path = write(folder, f"under-test-{kind}", data)
    try:
        if kind == "content":
            load(path)
        elif kind == "brand":
            load(folder / "base.yaml", path)
        elif kind == "library":
            load(write(folder, "uses-library", {**BASE, "library": [path.name]}))
        elif kind == "patient":
            load_patient(path, load(folder / "base.yaml"))
        else:
            rows = read_roster(path, ["knee-to-chest"], datetime.date(2026, 1, 1), "b", "key")
            return [str(p) for row in rows for p in row.problems]
    except BookletError as error:
        return [str(problem) for problem in error.problems]
    return []


@functools.cache
def checker(kind: str) -> jsonschema.Draft202012Validator:
    """An editor's check of a kind of file, against the schema booklet writes for it."""
    schema = file_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def problems_checking(kind: str, data: Any) -> list[str]:
    return [message for error in checker(kind).iter_errors(data) for message in messages(error)]


def messages(error: jsonschema.ValidationError) -> Iterator[str]:
    """An error's message and those of the alternatives it tried (anyOf)."""
    yield error.message
    for inner in error.context or ():
        yield from messages(inner)


@pytest.mark.parametrize("case", ALL_CASES, ids=str)
def test_a_good_value_passes_booklet_and_the_schema(case: Case, folder: Path) -> None:
    data = document(case, good(case.field))
    assert problems_loading(case.kind, data, folder) == []
    assert problems_checking(case.kind, data) == []


@pytest.mark.parametrize("case", ALL_CASES, ids=str)
def test_a_bad_value_is_refused_by_booklet_and_the_schema(case: Case, folder: Path) -> None:
    data = document(case, bad(case.field))
    said = problems_loading(case.kind, data, folder)
    assert said, f"booklet accepts {bad(case.field)!r}"
    assert any(f": {case.where}" in line for line in said), said
    if case.field.kind not in ONLY_BOOKLET_JUDGES:
        assert problems_checking(case.kind, data), f"the schema accepts {bad(case.field)!r}"


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.field.kind in SCALARS], ids=str)
@pytest.mark.parametrize("value", [["a", "list"], {"a": "mapping"}], ids=["list", "mapping"])
def test_a_list_or_mapping_where_a_value_goes_is_refused_by_both(
    case: Case, value: Any, folder: Path
) -> None:
    if case.field.per_language and isinstance(value, dict):
        value = {"not a language": "text"}  # a mapping is read as one value per language
    data = document(case, value)
    said = problems_loading(case.kind, data, folder)
    expected = case.where if case.field.per_language else f"{case.where}: must be"
    assert any(expected in line for line in said), said
    assert problems_checking(case.kind, data)


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.field.kind == "list"], ids=str)
def test_an_empty_list_is_fine_with_both_unless_the_spec_asks_for_items(
    case: Case, folder: Path
) -> None:
    data = document(case, [])
    if case.field.min_items:
        assert problems_loading(case.kind, data, folder)
        assert problems_checking(case.kind, data)
    else:
        assert problems_loading(case.kind, data, folder) == []
        assert problems_checking(case.kind, data) == []


@pytest.mark.parametrize("case", [c for c in ALL_CASES if c.field.required], ids=str)
def test_a_required_field_left_out_is_missed_by_both(case: Case, folder: Path) -> None:
    data = document(case, None, leave_out=True)
    said = problems_loading(case.kind, data, folder)
    assert any("missing required field" in line for line in said), said
    assert any("is a required property" in m for m in problems_checking(case.kind, data))


def one_of_a_pair(case: Case) -> bool:
    return case.field.name in case.container.one_of_required


@pytest.mark.parametrize(
    "case", [c for c in ALL_CASES if not c.field.required and not one_of_a_pair(c)], ids=str
)
def test_an_optional_field_left_out_is_fine_with_both(case: Case, folder: Path) -> None:
    data = document(case, None, leave_out=True)
    assert problems_loading(case.kind, data, folder) == []
    assert problems_checking(case.kind, data) == []


@pytest.mark.parametrize("case", [c for c in ALL_CASES if one_of_a_pair(c)], ids=str)
def test_a_field_one_of_a_pair_must_have_the_other_when_left_out(case: Case, folder: Path) -> None:
    """A figure is a `pose` or an `anatomy` plate: with neither, both complain."""
    data = document(case, None, leave_out=True)
    assert any("missing `pose`" in line for line in problems_loading(case.kind, data, folder))
    assert problems_checking(case.kind, data)
    both = document(case, good(case.field))
    container = both
    for step in case.trail:
        container = container[step.field.name]
        container = container[0] if isinstance(container, list) else container
    container.update({name: good(case.container[name]) for name in case.container.one_of_required})
    assert any("not both" in line for line in problems_loading(case.kind, both, folder))
    assert problems_checking(case.kind, both)


@pytest.mark.parametrize("kind", sorted(spec.FILE_KINDS))
def test_an_unknown_field_is_refused_by_both(kind: str, folder: Path) -> None:
    data = minimal(spec.FILE_KINDS[kind]) | {"colour_scheme": "x"}
    data = [data] if kind == "roster" else data
    assert any("unknown field" in line for line in problems_loading(kind, data, folder))
    assert problems_checking(kind, data)


# --- on/off words: the same in every kind of file ---------------------------------------

SWITCHES = [case for case in ALL_CASES if case.field.kind == "switch"]


def test_every_kind_of_file_with_an_on_off_field_is_tested() -> None:
    assert {case.kind for case in SWITCHES} == {"content", "brand", "patient", "roster"}


@pytest.mark.parametrize("case", SWITCHES, ids=str)
@pytest.mark.parametrize("word", ["true", "false", "yes", "no", "True", "NO", "Yes"])
def test_on_off_words_typed_bare_pass_booklet_and_an_editor(
    case: Case, word: str, folder: Path
) -> None:
    """`exercise_log: yes` typed without quotes, as booklet reads it and as an editor does
    (YAML 1.2: `yes` is text, `true` a boolean)."""
    text = yaml.safe_dump(document(case, "WORD"), sort_keys=False).replace("WORD", word)
    as_an_editor_reads = {"true": True, "True": True, "false": False}.get(word, word)
    assert f": {word}\n" in text
    assert problems_loading(case.kind, text, folder) == []
    assert problems_checking(case.kind, document(case, as_an_editor_reads)) == []


@pytest.mark.parametrize("case", SWITCHES, ids=str)
@pytest.mark.parametrize("word", ["on", "off", "maybe", "1"])
def test_other_words_are_refused_by_booklet_and_an_editor(
    case: Case, word: str, folder: Path
) -> None:
    assert problems_loading(case.kind, document(case, word), folder)
    as_an_editor_reads = int(word) if word.isdigit() else word
    assert problems_checking(case.kind, document(case, as_an_editor_reads))


def test_a_csv_roster_takes_the_same_on_off_words(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("name,quiz\nA,yes\nB,No\nC,TRUE\nD,false\nE,maybe\n", encoding="utf-8")
    rows = read_roster(roster, [], datetime.date(2026, 1, 1), "b", "key")
    assert [row.patient.quiz if row.patient else None for row in rows] == [
        True,
        False,
        True,
        False,
        None,
    ]
    assert [str(p) for p in rows[4].problems] == [
        f"{roster}:5: quiz: must be true or false (or yes or no)"
    ]


# --- defaults and docs ---------------------------------------------------------------------


def test_the_spec_defaults_are_the_ones_booklet_uses(folder: Path) -> None:
    brand = spec.BRAND
    assert brand["reading_grade"].default == str(NEUTRAL_BRAND.reading_grade)
    assert brand["page"].shape["size"].default == NEUTRAL_BRAND.page_size  # type: ignore[union-attr]
    margin = brand["page"].shape["margin"].default  # type: ignore[union-attr]
    assert margin == "18mm" and round(NEUTRAL_BRAND.margin_pt, 6) == round(18 * 72 / 25.4, 6)
    question = Question(kind=QuestionKind.SHORT, text="Q", answer="A")
    assert spec.QUESTION["lines"].default == str(question.lines)
    base = {"title": "T", "sections": [{"title": "S"}], "quiz": {"questions": [question_of()]}}
    document = load(write_yaml(folder / "defaults.yaml", base))
    booklet = document.booklet
    assert spec.CONTENT["language"].default == booklet.language
    assert spec.SWITCH_WORDS[spec.CONTENT["exercise_log"].default or ""] is booklet.exercise_log
    assert spec.SWITCH_WORDS[spec.CONTENT["questions_page"].default or ""] is booklet.questions_page
    assert booklet.quiz is not None and spec.QUIZ["title"].default == Labels().quiz
    assert str(booklet.quiz.questions[0].lines) == spec.QUESTION["lines"].default
    patient = load_patient(write_yaml(folder / "someone.yaml", {"name": "A"}), document)
    # the quiz's default is the compact handout's, the default layout
    assert spec.SWITCH_WORDS[spec.PATIENT["quiz"].default or ""] is patient.wants_quiz(True)
    assert spec.SWITCH_WORDS[spec.PATIENT["chart"].default or ""] is patient.chart
    assert brand["handout"].shape["layout"].default == NEUTRAL_BRAND.handout_layout  # type: ignore[union-attr]
    assert not any(section.handout for section in booklet.sections)
    assert spec.SECTION["handout"].default == "false"
    printing = brand["print"].shape
    assert printing is not None
    assert [printing[name].default for name in ("large", "grayscale")] == ["false", "false"]
    assert not NEUTRAL_BRAND.large_print and not NEUTRAL_BRAND.grayscale


def question_of() -> dict[str, str]:
    return {"question": "Q", "answer": "A model answer"}


def every_name_in_the_reference(case: Case) -> str:
    """How a field is named in its table: `name`, or `parent.name` for an inline mapping."""
    inline = case.field.shape is not None and case.field.shape.inline
    if case.field.kind == "mapping" and inline:
        return f"`{case.field.name}.{case.field.shape.fields[0].name}`"  # type: ignore[union-attr]
    parent = case.trail[-1] if case.trail else None
    if parent is not None and parent.field.kind == "mapping" and parent.shape.inline:
        return f"`{parent.field.name}.{case.field.name}`"
    return f"`{case.field.name}`"


@pytest.mark.parametrize("case", ALL_CASES, ids=str)
def test_every_field_is_in_the_format_reference(case: Case) -> None:
    reference = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    assert f"| {every_name_in_the_reference(case)} |" in reference


def test_the_format_reference_stands_on_its_own() -> None:
    reference = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    assert "SPEC.md" not in reference


def test_the_written_reference_schemas_and_starter_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT / "scripts" / "write_reference.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_a_stale_file_is_named_and_fails_the_check(tmp_path: Path) -> None:
    for name in ("docs/format.md", "booklet/assets/starter/booklet.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / name, tmp_path / name)
    shutil.copy(PROJECT / "booklet/assets/starter/brand.yaml", tmp_path / "brand.yaml")
    (tmp_path / "booklet/assets/starter/brand.yaml").write_text(
        (tmp_path / "brand.yaml").read_text().replace("# required: ", "# ")
    )
    shutil.copytree(PROJECT / "schemas", tmp_path / "schemas")
    reference = tmp_path / "docs" / "format.md"
    reference.write_text(reference.read_text().replace("a whole number, 1 to 18", "1 to 20"))
    script = [sys.executable, str(PROJECT / "scripts" / "write_reference.py"), "--root"]
    result = subprocess.run([*script, str(tmp_path), "--check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "docs/format.md: stale; run python scripts/write_reference.py",
        "booklet/assets/starter/brand.yaml: stale; run python scripts/write_reference.py",
    ]
    subprocess.run([*script, str(tmp_path)], capture_output=True, check=True)
    assert subprocess.run([*script, str(tmp_path), "--check"]).returncode == 0
    assert "a whole number, 1 to 18" in reference.read_text()


def test_the_reference_names_every_on_off_field_where_it_explains_the_words() -> None:
    reference = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    paragraph = reference.split("An on/off field", 1)[1].split("\n\n", 1)[0]
    for case in SWITCHES:
        assert every_name_in_the_reference(case) in paragraph, case


@pytest.mark.parametrize("name", list(RANGES))
def test_a_figure_angle_is_held_to_the_body_s_range_by_both(name: str, folder: Path) -> None:
    low, high, _ = RANGES[name]
    where = {name: None} if name in BODY_ANGLES else {"near": {name: None}}

    def content_with(value: Any) -> dict[str, Any]:
        angles = json.loads(json.dumps(where).replace("null", json.dumps(value)))
        figure = {"pose": "pigeon", "angles": angles}
        return {"title": "T", "sections": [{"title": "S", "figure": figure}]}

    for good_value in (f"{(low + high) / 2:g}°", (low + high) / 2):
        # inside its range an angle may still tip this pose over: a different problem
        loaded = problems_loading("content", content_with(good_value), folder)
        assert [problem for problem in loaded if "a body cannot hold" not in problem] == []
        assert problems_checking("content", content_with(good_value)) == []
    for bad_value in (high + 1, low - 1, "a lot"):
        assert problems_loading("content", content_with(bad_value), folder)
        assert problems_checking("content", content_with(bad_value))


def test_the_safety_limits_name_the_spec_s_text_limits() -> None:
    reference = (PROJECT / "docs" / "format.md").read_text(encoding="utf-8")
    row = next(line for line in reference.splitlines() if line.startswith("| text length |"))
    choice = spec.QUESTION["choices"].item
    assert choice is not None
    for phrase in (
        f"at most {spec.MAX_PARAGRAPH_CHARS:,} characters",
        f"at most {spec.MAX_TEXT_CHARS:,}",
        f"a quiz choice at most {choice.max_length}",
        f"the title {spec.CONTENT['title'].max_length}",
        f"the subtitle {spec.CONTENT['subtitle'].max_length}",
        f"a patient's name and clinician {spec.PATIENT['name'].max_length}",
    ):
        assert spec.PATIENT["name"].max_length == spec.PATIENT["clinician"].max_length
        assert phrase in row, phrase
