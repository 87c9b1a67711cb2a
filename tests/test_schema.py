"""The JSON Schemas editors use: made from the field spec the validator reads too."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import run_cli

from booklet.source.json_schema import SCHEMAS, schema_json

PROJECT = Path(__file__).parent.parent
SAMPLES = {
    "content": [
        path for path in sorted((PROJECT / "content").glob("*.yaml")) if path.name != "brand.yaml"
    ],
    "brand": [PROJECT / "content" / "brand.yaml"],
    "library": sorted((PROJECT / "library").glob("*.yaml")),
    "patient": [PROJECT / "patients" / "maria-lopez.yaml"],
    "roster": [PROJECT / "patients" / "roster.yaml"],
}
STARTER = PROJECT / "booklet" / "assets" / "starter"


def as_an_editor_reads(value: Any) -> Any:
    """YAML 1.2, as editors read it, has no dates: `2026-11-01` stays text."""
    if isinstance(value, dict):
        return {key: as_an_editor_reads(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_an_editor_reads(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = SCHEMAS[kind]()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("kind", sorted(SCHEMAS))
def test_the_committed_schema_is_what_the_command_prints(kind: str) -> None:
    result = run_cli(["schema", kind])
    assert result.exit_code == 0
    assert result.stdout == schema_json(kind)
    committed = (PROJECT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_json(kind), f"run: booklet schema {kind} > schemas/..."


@pytest.mark.parametrize(
    ("kind", "path"),
    [(kind, path) for kind, paths in SAMPLES.items() for path in paths]
    + [("content", STARTER / "booklet.yaml"), ("brand", STARTER / "brand.yaml")],
    ids=lambda value: getattr(value, "name", value),
)
def test_every_sample_validates_against_its_schema_and_names_it(kind: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("# yaml-language-server: $schema=")
    assert text.splitlines()[0].endswith(f"schemas/{kind}.schema.json")
    errors = list(validator(kind).iter_errors(as_an_editor_reads(yaml.safe_load(text))))
    assert errors == []


@pytest.mark.parametrize(
    ("kind", "document", "complaint"),
    [
        ("content", {"title": "Hip", "sections": [{"title": "A", "setps": []}]}, "setps"),
        ("content", {"sections": [{"title": "A"}]}, "'title' is a required property"),
        (
            "content",
            {"title": "Hip", "sections": [{"title": "A", "stretches": [{"name": "S"}]}]},
            "'steps' is a required property",
        ),
        (
            "content",
            {"title": "H", "sections": [{"title": "A", "callouts": [{"kind": "danger"}]}]},
            "'danger' is not one of",
        ),
        ("content", {"title": "H", "sections": [{"title": "A", "figure": "pigon"}]}, "pigon"),
        ("brand", {"organization": "C", "page": {"size": "legal"}}, "'legal' is not one of"),
        ("brand", {"organisation": "C"}, "organisation"),
    ],
)
def test_a_broken_file_does_not_validate(kind: str, document: dict, complaint: str) -> None:
    messages = [error.message for error in validator(kind).iter_errors(document)]
    messages += [
        sub.message
        for error in validator(kind).iter_errors(document)
        for sub in (error.context or [])
    ]
    assert any(complaint in message for message in messages), messages


def test_init_writes_the_schemas_its_files_name(tmp_path: Path) -> None:
    run_cli(["init", tmp_path])
    for kind in ("content", "brand"):
        assert (tmp_path / "schemas" / f"{kind}.schema.json").read_text() == schema_json(kind)
