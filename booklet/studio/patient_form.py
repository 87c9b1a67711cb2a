"""The handout form -> a patient file's text -> a Patient, checked by the same reader as
patient files, so every message is the one a file gets; each message is placed next to
the field it names.

The text is made here and read back, so the patient file a clinician downloads for the
record is exactly what was checked. Nothing here writes, logs or caches.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from booklet.errors import BookletError, Problem
from booklet.model import Patient
from booklet.source import loading, spec
from booklet.source.fields import Context, Fields
from booklet.source.patient import read_patient

PATIENT_FIELDS = ("name", "date", "clinician", "notes")
FORM_NAME = "patient form"  # what the reader's messages call the form, as a file name
WHOLE = re.compile(r"^[0-9]{1,9}$")
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
FIELD_PATH = re.compile(r"^exercises\[([0-9]+)\](?:\.(\w+))?$")
MAX_EXERCISES = 200


def dosage_fields() -> tuple[spec.FieldSpec, ...]:
    """The dosage a patient's exercise may change, as the field spec declares it."""
    return tuple(f for f in spec.EXERCISE.fields if f.name != "id")


@dataclass
class PatientForm:
    """What the handout form holds: the patient's fields, and the exercises in order,
    each with the dosage fields the clinician filled in."""

    values: dict[str, str] = field(default_factory=dict)
    exercises: list[str] = field(default_factory=list)
    dosage: dict[str, dict[str, str]] = field(default_factory=dict)
    quiz: str = ""  # "", "yes" or "no"
    chart: bool = False

    @classmethod
    def from_form(cls, form: Mapping[str, str], ids: Sequence[str]) -> PatientForm:
        """From the submitted fields: `name`..., `ex` (one per exercise, in order) and
        `dose.ID.FIELD`. `ids` is the submitted `ex` list."""
        values = {name: str(form.get(name, "")).strip() for name in PATIENT_FIELDS}
        values["notes"] = str(form.get("notes", "")).strip()
        exercises = list(dict.fromkeys(i for i in ids if i))[:MAX_EXERCISES]
        dosage = {
            exercise: {
                f.name: value
                for f in dosage_fields()
                if (value := str(form.get(f"dose.{exercise}.{f.name}", "")).strip())
            }
            for exercise in exercises
        }
        quiz = str(form.get("quiz", ""))
        chart = form.get("chart") == "on"
        return cls(values, exercises, dosage, quiz if quiz in ("yes", "no") else "", chart)

    def as_mapping(self) -> dict[str, object]:
        """The patient file's mapping, in the order of a patient file."""
        mapping: dict[str, object] = {}
        for name in ("name", "date", "clinician"):
            if self.values.get(name):
                mapping[name] = typed(self.values[name])
        if self.exercises:
            mapping["exercises"] = [
                {"id": i, **{k: typed(v) for k, v in self.dosage.get(i, {}).items()}}
                if self.dosage.get(i)
                else i
                for i in self.exercises
            ]
        if self.values.get("notes"):
            mapping["notes"] = self.values["notes"]
        if self.quiz:
            mapping["quiz"] = self.quiz == "yes"
        if self.chart:
            mapping["chart"] = True
        return mapping

    def as_yaml(self) -> str:
        """The patient file, ready to save for the record."""
        return yaml.safe_dump(
            self.as_mapping(), allow_unicode=True, sort_keys=False, default_flow_style=False
        )


def typed(value: str) -> object:
    """A whole number or a date as YAML writes it plainly; anything else stays text."""
    if WHOLE.match(value):
        return int(value)
    if ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def read_form(
    form: PatientForm, stretch_ids: Sequence[str], today: datetime.date
) -> tuple[Patient | None, list[Problem]]:
    """The patient, or the problems the patient-file reader finds in the form's file."""
    ctx = Context(Path(FORM_NAME), private=True)
    try:
        text = form.as_yaml()
        loading.check_events(FORM_NAME, text)
        node = yaml.compose(text, Loader=loading.FAST_LOADER)
    except (BookletError, yaml.YAMLError):
        return None, [Problem(FORM_NAME, None, "", "the form could not be read; reload the page")]
    if node is None:  # an empty form: the reader says what is missing
        node = yaml.compose("{}", Loader=loading.FAST_LOADER)
    patient = read_patient(Fields(ctx, node, "", spec.PATIENT), stretch_ids, today)
    if not ctx.problems and not form.exercises:
        ctx.problems.append(
            Problem(FORM_NAME, None, "exercises", "choose at least one exercise from the library")
        )
    return (patient if not ctx.problems else None), ctx.problems


def slot_of(problem: Problem, exercises: Sequence[str]) -> str:
    """The form field a problem is shown next to: `name`, `ex.ID.FIELD`, `ex.ID` or
    `form` for what belongs to no one field."""
    if problem.field in PATIENT_FIELDS or problem.field in ("quiz", "chart", "exercises"):
        return problem.field
    match = FIELD_PATH.match(problem.field)
    if match and 1 <= int(match.group(1)) <= len(exercises):
        exercise = exercises[int(match.group(1)) - 1]
        return f"ex.{exercise}.{match.group(2)}" if match.group(2) else f"ex.{exercise}"
    return "form"
