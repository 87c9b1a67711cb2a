"""The handout screen: the exercise library as cards, the chosen exercises with their
dosage, the patient's fields, a live preview of the handout's pages, and its downloads.

Patient data arrives in a request and leaves in its response: it is never written to
disk, logged or cached.
"""

from __future__ import annotations

import datetime
import json

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from booklet.api import handout
from booklet.engine.output import patient_stem
from booklet.errors import BookletError, Problem
from booklet.model import Patient, Stretch
from booklet.source.spec import FieldSpec
from booklet.studio.catalogue import printed_dose
from booklet.studio.page_images import PagePicture, page_pictures
from booklet.studio.patient_form import PatientForm, dosage_fields, read_form, slot_of
from booklet.studio.programs import Program, default_program
from booklet.studio.security import offloaded, protected
from booklet.studio.studio_state import studio_of
from booklet.studio.templating import NO_STORE, page
from booklet.studio.workspace import problem_in_project

OPEN_DOSAGE = 5
DOWNLOADS = {
    "pdf": ("application/pdf", ".pdf"),
    "html": ("text/html; charset=utf-8", ".html"),
    "yaml": ("application/yaml; charset=utf-8", ".yaml"),
}


@offloaded
def handout_page(request: Request) -> Response:
    studio = studio_of(request)
    names = studio.workspace.content_files()
    chosen = request.query_params.get("program") or default_program(studio.programs, names)
    program, problems = None, []
    if chosen:
        try:
            program = studio.programs.get(chosen)
        except BookletError as error:
            problems = list(error.problems)
    return page(
        request,
        "handout.html",
        screen="handout",
        programs=names,
        chosen=chosen,
        program=program,
        problems=[problem_in_project(p, studio.workspace) for p in problems],
        dosage=dosage_fields(),
        today=datetime.date.today().isoformat(),
    )


@offloaded
def exercise_row(request: Request) -> Response:
    """One chosen exercise with its dosage fields, to add to the form."""
    program = studio_of(request).programs.get(request.query_params.get("program", ""))
    card = program.card(request.query_params.get("id", ""))
    if card is None:
        return page(request, "message.html", status=404, message="no such exercise")
    shown, more = dosage_rows(card.stretch)
    return page(request, "exercise_row.html", card=card, shown=shown, more=more, dose=printed_dose)


def dosage_rows(stretch: Stretch) -> tuple[list[FieldSpec], list[FieldSpec]]:
    """The dosage fields shown open (the spec's first five, and any the card gives), and
    the rest, folded under "More"."""
    fields = dosage_fields()
    shown = [f for i, f in enumerate(fields) if i < OPEN_DOSAGE or printed_dose(stretch, f.name)]
    return shown, [f for f in fields if f not in shown]


@offloaded
def thumbnail(request: Request) -> Response:
    """An exercise's picture, small: the library's content, never a patient's."""
    program = studio_of(request).programs.get(request.query_params.get("program", ""))
    card = program.card(request.query_params.get("id", ""))
    brand = program.document.brand
    picture = (
        studio_of(request).thumbnails.of(card.stretch, brand.primary, brand.accent, program.stamp)
        if card
        else None
    )
    if picture is None:
        return Response(status_code=404)
    return Response(picture, media_type="image/png", headers={"Cache-Control": "max-age=300"})


def patient_of(
    program: Program, form: FormData
) -> tuple[PatientForm, Patient | None, list[Problem]]:
    fields = PatientForm.from_form(
        {k: v for k, v in form.items() if isinstance(v, str)},
        [v for v in form.getlist("ex") if isinstance(v, str)],
    )
    patient, problems = read_form(fields, program.stretch_ids, datetime.date.today())
    return fields, patient, problems


@protected
def preview(request: Request, form: FormData) -> Response:
    """The handout's pages as pictures, or each problem next to its field."""
    program = studio_of(request).programs.get(str(form.get("program", "")))
    fields, patient, problems = patient_of(program, form)
    pictures: list[PagePicture] = []
    count = 0
    if patient is not None:
        try:
            pictures, count = page_pictures(handout(program.document, patient).booklet)
        except BookletError as error:
            problems = list(error.problems)
    slots: dict[str, str] = {}
    for problem in problems:
        slot = slot_of(problem, fields.exercises)
        slots.setdefault(slot, problem.message)
    return page(
        request,
        "handout_preview.html",
        pictures=pictures,
        count=count,
        problems=problems,
        slots=script_json(slots),
        chosen=len(fields.exercises),
    )


@protected
def download(request: Request, form: FormData) -> Response:
    """The handout's PDF or HTML twin, or the patient file, as an attachment."""
    kind = request.path_params["kind"]
    program = studio_of(request).programs.get(str(form.get("program", "")))
    fields, patient, problems = patient_of(program, form)
    if patient is None or kind not in DOWNLOADS:
        return page(
            request, "problems_page.html", status=422, problems=problems or [unknown_kind()]
        )
    media_type, suffix = DOWNLOADS[kind]
    if kind == "yaml":
        body = fields.as_yaml().encode("utf-8")
    else:
        try:
            outputs = handout(program.document, patient, html=kind == "html")
        except BookletError as error:
            return page(request, "problems_page.html", status=422, problems=error.problems)
        body = outputs.booklet
    name = patient_stem(program.document.booklet.stem, patient) + suffix
    headers = {**NO_STORE, "Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=media_type, headers=headers)


def script_json(value: object) -> str:
    """JSON that can stand inside a <script> element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")


def unknown_kind() -> Problem:
    return Problem("studio", None, "", "download a pdf, html or yaml file")


ROUTES = [
    Route("/handout", handout_page),
    Route("/handout/exercise", exercise_row),
    Route("/handout/thumbnail", thumbnail),
    Route("/handout/preview", preview, methods=["POST"]),
    Route("/handout/download/{kind}", download, methods=["POST"]),
]
