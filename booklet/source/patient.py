"""A patient mapping (a patient file, or one roster row) -> a Patient; a Booklet and a
Patient -> that patient's handout.

Patient data is private: no message here repeats a value the patient file holds (a name, a
date, a note). Messages name the field, and the row or line, only.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Sequence

import yaml

from booklet.model import Booklet, Exercise, Patient, Section, Stretch
from booklet.source import spec
from booklet.source.fields import MAX_TEXT_CHARS, Context, Fields, scalar_text, suggestion
from booklet.source.prescription import read_dosage
from booklet.source.values import read_date, read_switch


def read_patient(
    fields: Fields, stretch_ids: Sequence[str], today: datetime.date
) -> Patient | None:
    """The patient, with every problem in `fields.ctx`; `stretch_ids` are the booklet's."""
    ctx = fields.ctx
    if not fields.ok:
        return None
    name = private_text(fields, "name")
    clinician = private_text(fields, "clinician")
    date = read_date(fields, "date")
    exercises = read_exercises(fields, stretch_ids)
    notes = fields.markup_text("notes")
    quiz = read_switch(fields, "quiz")
    chart = read_switch(fields, "chart")
    if name is None or ctx.problems:
        return None
    return Patient(
        name=name,
        date=date or today,
        clinician=clinician,
        exercises=exercises,
        notes=notes,
        quiz=quiz,
        chart=bool(chart),
    )


def private_text(fields: Fields, name: str) -> str | None:
    """One line within the spec's length limit; its value is never repeated."""
    value = fields.text(name, limit=MAX_TEXT_CHARS)
    limit = fields.spec(name).max_length or MAX_TEXT_CHARS
    if value is None:
        return None
    if len(value) > limit or "\n" in value:
        fields.ctx.report(
            fields.get(name),
            fields.where(name),
            f"must be one line of at most {limit} characters",
        )
        return None
    return value


def read_exercises(fields: Fields, stretch_ids: Sequence[str]) -> tuple[Exercise, ...] | None:
    """The chosen stretches in the order to print them: ids, or mappings with `id` and a
    dosage. None (every stretch) when the field is absent."""
    if fields.get("exercises") is None:
        return None
    chosen: list[Exercise] = []
    seen: set[str] = set()
    for where, item in fields.items("exercises"):
        exercise = read_exercise(fields.ctx, item, where, stretch_ids)
        if exercise is None:
            continue
        if exercise.id in seen:
            fields.ctx.report(item, where, "this stretch is listed twice; list it once")
            continue
        seen.add(exercise.id)
        chosen.append(exercise)
    return tuple(chosen)


def read_exercise(
    ctx: Context, node: yaml.Node, where: str, stretch_ids: Sequence[str]
) -> Exercise | None:
    if isinstance(node, yaml.MappingNode):
        fields = Fields(ctx, node, where, spec.EXERCISE)
        id_node, id_where = fields.need("id"), fields.where("id")
        dosage = read_dosage(fields)
    else:
        id_node, id_where, dosage = node, where, None
    wanted = None if id_node is None else scalar_text(ctx, id_node, id_where, required=True)
    if wanted is None:
        return None
    if wanted not in stretch_ids:
        hint = (suggestion(wanted, stretch_ids) if ctx.hints else "") or (
            "; the booklet's ids: " + ", ".join(stretch_ids[:20])
            if stretch_ids
            else "; the booklet has no stretches"
        )
        ctx.report(id_node, id_where, f"no stretch in the booklet has this id{hint}")
        return None
    return Exercise(wanted) if dosage is None else Exercise(wanted, dosage)


# --- the handout -----------------------------------------------------------------------


def handout(booklet: Booklet, patient: Patient) -> Booklet:
    """The booklet as printed for one patient: only the chosen stretches, in the patient's
    order and with the patient's dosage, and the quiz only if the patient gets one.

    A section that held only stretches none of which were chosen is left out; other
    sections keep their text and pictures.
    """
    sections = booklet.sections
    if patient.exercises is not None:
        chosen = {
            exercise.id: (order, exercise) for order, exercise in enumerate(patient.exercises)
        }
        sections = tuple(
            dataclasses.replace(
                section,
                stretches=tuple(
                    chosen[s.id][1].dosage.applied_to(s)
                    for s in sorted(
                        (s for s in section.stretches if s.id in chosen),
                        key=lambda s: chosen[s.id][0],
                    )
                ),
            )
            for section in sections
        )
        sections = tuple(
            new
            for new, old in zip(sections, booklet.sections, strict=True)
            if new.stretches or not old.stretches
        )
    return dataclasses.replace(
        booklet, sections=sections, quiz=booklet.quiz if patient.wants_quiz(compact=False) else None
    )


def chosen_stretches(booklet: Booklet, patient: Patient) -> tuple[Stretch, ...]:
    """The patient's exercises in the order the clinician listed them, each with the
    patient's dosage over the stretch's own; every stretch when the patient lists none."""
    stretches = booklet.stretches()
    if patient.exercises is None:
        return stretches
    by_id = {stretch.id: stretch for stretch in stretches}
    return tuple(
        exercise.dosage.applied_to(by_id[exercise.id])
        for exercise in patient.exercises
        if exercise.id in by_id
    )


def compact_handout_booklet(booklet: Booklet, patient: Patient, exercises_title: str) -> Booklet:
    """The booklet as a compact handout holds it, for the HTML twin: the sections marked
    `handout: true` (without their stretches or pictures), then the patient's exercises in
    the clinician's order under `exercises_title`, and the quiz only when asked for."""
    marked = tuple(
        dataclasses.replace(section, stretches=(), picture=None, figure=None)
        for section in booklet.sections
        if section.handout
    )
    exercises = Section(title=exercises_title, stretches=chosen_stretches(booklet, patient))
    return dataclasses.replace(
        booklet,
        sections=(*marked, exercises),
        quiz=booklet.quiz if patient.wants_quiz(compact=True) else None,
        exercise_log=False,
        questions_page=False,
    )
