"""The brand screen: the clinic's colours (with the contrast warning as they change),
logo, fonts and contact details; a preview of pages in the new brand; the changes shown
as a difference before they are saved to the brand file, its comments kept."""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from booklet.api import build
from booklet.errors import BookletError, Problem
from booklet.model import PAGE_SIZES_PT
from booklet.source import loading
from booklet.studio.brand_form import (
    BRAND_FIELDS,
    BUILTIN_FONTS,
    CheckedBrand,
    check_text,
    current_values,
    difference,
    edited_text,
    save_text,
)
from booklet.studio.page_images import PagePicture, page_pictures
from booklet.studio.security import offloaded, protected
from booklet.studio.studio_state import Studio, studio_of
from booklet.studio.templating import page
from booklet.studio.uploads import MAX_UPLOAD_BYTES, saved_picture
from booklet.studio.workspace import problem_in_project

PREVIEW_PAGES = 2


def brand_file(studio: Studio, name: str) -> tuple[str, Path]:
    """The brand file a request names (default: the project's first), inside the project."""
    names = studio.workspace.brand_files()
    chosen = name or (names[0] if names else "brand.yaml")
    return chosen, studio.workspace.inside(chosen, "brand")


def saved_text(path: Path) -> str:
    return loading.decode_text(str(path), loading.read_bytes(path)) if path.exists() else ""


@offloaded
def brand(request: Request) -> Response:
    studio = studio_of(request)
    try:
        name, path = brand_file(studio, request.query_params.get("file", ""))
        values, fixed = current_values(saved_text(path))
    except BookletError as error:
        return page(request, "problems_page.html", status=404, problems=error.problems)
    return page(
        request,
        "brand.html",
        screen="brand",
        files=studio.workspace.brand_files(),
        chosen=name,
        fields=BRAND_FIELDS,
        values=values,
        fixed=fixed,
        fonts=BUILTIN_FONTS,
        sizes=list(PAGE_SIZES_PT),
        contents=studio.workspace.content_files(),
        max_upload_mb=MAX_UPLOAD_BYTES // (1024 * 1024),
    )


def form_values(form: FormData) -> dict[str, str]:
    return {f.name: str(form.get(f.name, "")) for f in BRAND_FIELDS if f.name in form}


def checked_form(studio: Studio, form: FormData) -> tuple[str, Path, str, CheckedBrand]:
    name, path = brand_file(studio, str(form.get("file", "")))
    old = saved_text(path)
    checked = check_text(edited_text(old, form_values(form)), path, studio.workspace.root)
    return name, path, old, checked


def slots_of(checked: CheckedBrand, studio: Studio) -> tuple[dict[str, str], list[Problem]]:
    """Each problem and warning by the form field it is shown next to, and the rest."""
    slots: dict[str, str] = {}
    rest: list[Problem] = []
    names = {f.name for f in BRAND_FIELDS}
    for problem in (*checked.problems, *checked.warnings):
        field = problem.field.split("[")[0]
        if field in names:
            slots[field] = (slots.get(field, "") + " " + problem.message).strip()
        else:
            rest.append(problem_in_project(problem, studio.workspace))
    return slots, rest


@protected
def check(request: Request, form: FormData) -> Response:
    """The form's brand checked: problems and contrast warnings, and pages printed in it."""
    studio = studio_of(request)
    try:
        _name, _path, _old, checked = checked_form(studio, form)
    except BookletError as error:
        return page(request, "brand_check.html", slots="{}", rest=error.problems, pictures=[])
    slots, rest = slots_of(checked, studio)
    pictures: list[PagePicture] = []
    content = str(form.get("preview_content", ""))
    if checked.brand is not None and content:
        try:
            document = studio.programs.document(content)
            pdf = build(document, brand=checked.brand).booklet
            pictures, _count = page_pictures(pdf, scale=1.0, limit=PREVIEW_PAGES)
        except BookletError as error:
            rest += [problem_in_project(p, studio.workspace) for p in error.problems]
    return page(
        request,
        "brand_check.html",
        slots=json.dumps(slots).replace("<", "\\u003c"),
        rest=rest,
        pictures=pictures,
    )


@protected
def review(request: Request, form: FormData) -> Response:
    """The difference the save would make, and the button that saves it."""
    studio = studio_of(request)
    name, _path, old, checked = checked_form(studio, form)
    problems = [problem_in_project(p, studio.workspace) for p in checked.problems]
    return page(
        request,
        "brand_review.html",
        name=name,
        lines=difference(old, checked.text, name),
        problems=problems,
    )


@protected
def save(request: Request, form: FormData) -> Response:
    studio = studio_of(request)
    name, path, old, checked = checked_form(studio, form)
    problems = [problem_in_project(p, studio.workspace) for p in checked.problems]
    if not problems and checked.text != old:
        save_text(path, checked.text)
    return page(request, "brand_saved.html", name=name, problems=problems)


@protected
def upload_logo(request: Request, form: FormData) -> Response:
    """A new logo: checked like a picture in a file, then kept under images/."""
    studio = studio_of(request)
    upload = form.get("logo_file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        return page(request, "logo_result.html", path="", problems=[no_file()])
    data = upload.file.read(MAX_UPLOAD_BYTES + 1)
    try:
        saved = saved_picture(studio.workspace, upload.filename, data)
    except BookletError as error:
        return page(request, "logo_result.html", path="", problems=error.problems)
    _name, path = brand_file(studio, str(form.get("file", "")))
    relative = os.path.relpath(studio.workspace.root / saved, path.parent)
    return page(request, "logo_result.html", path=Path(relative).as_posix(), problems=[])


def no_file() -> Problem:
    return Problem("logo", None, "", "choose a picture file to upload")


ROUTES = [
    Route("/brand", brand),
    Route("/brand/check", check, methods=["POST"]),
    Route("/brand/review", review, methods=["POST"]),
    Route("/brand/save", save, methods=["POST"]),
    Route("/brand/logo", upload_logo, methods=["POST"]),
]
