"""The booklet screen: a content file, the print options of `booklet build`, its pages,
its downloads, and what `validate` and `check` find, each linked to its file and line."""

from __future__ import annotations

import dataclasses

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from booklet.api import build
from booklet.document import Document, PrintOptions
from booklet.engine.versions import quiz_versions
from booklet.errors import BookletError, Problem
from booklet.literacy.assess import check_reading
from booklet.model import PAGE_SIZES_PT
from booklet.source import loading
from booklet.studio.page_images import page_pictures
from booklet.studio.security import offloaded, protected
from booklet.studio.studio_state import Studio, studio_of
from booklet.studio.templating import page
from booklet.studio.workspace import YAML_SUFFIXES, problem_in_project

MAX_VERSIONS = 26
TWO_UP_SCALE = 1.0  # pages shown two abreast need fewer pixels
KINDS = {
    "pdf": ("application/pdf", ".pdf"),
    "key": ("application/pdf", "-answer-key.pdf"),
    "html": ("text/html; charset=utf-8", ".html"),
}


@dataclasses.dataclass(frozen=True)
class BookletChoices:
    """The print options the form asks for."""

    content: str
    large_print: bool = False
    grayscale: bool = False
    exercise_log: bool = False
    page_size: str = ""  # "" keeps the brand's
    versions: int = 0
    version: str = "A"

    @classmethod
    def from_form(cls, form: FormData) -> BookletChoices:
        size = str(form.get("page_size", ""))
        return cls(
            content=str(form.get("content", "")),
            large_print=form.get("large_print") == "on",
            grayscale=form.get("grayscale") == "on",
            exercise_log=form.get("exercise_log") == "on",
            page_size=size if size in PAGE_SIZES_PT else "",
            versions=bounded(str(form.get("versions", "0")), MAX_VERSIONS),
            version=str(form.get("version", "A"))[:1].upper() or "A",
        )

    @property
    def options(self) -> PrintOptions:
        return PrintOptions(
            exercise_log=self.exercise_log,
            large_print=self.large_print,
            grayscale=self.grayscale,
        )

    def edition(self, document: Document) -> Document:
        """The document in the chosen page size, and the chosen quiz version."""
        if self.page_size:
            brand = dataclasses.replace(document.brand, page_size=self.page_size)
            document = dataclasses.replace(document, brand=brand)
        if self.versions:
            versions = dict(quiz_versions(document.booklet, self.versions, 1))
            chosen = versions.get(self.version) or next(iter(versions.values()))
            document = dataclasses.replace(document, booklet=chosen)
        return document


def bounded(text: str, most: int) -> int:
    return min(int(text), most) if text.isdigit() else 0


@offloaded
def booklet(request: Request) -> Response:
    studio = studio_of(request)
    names = studio.workspace.content_files()
    chosen = request.query_params.get("content") or (names[0] if names else "")
    return page(
        request,
        "booklet.html",
        screen="booklet",
        contents=names,
        chosen=chosen,
        sizes=list(PAGE_SIZES_PT),
        letters=[chr(ord("A") + i) for i in range(MAX_VERSIONS)],
    )


def findings_of(studio: Studio, document: Document) -> list[tuple[str, Problem]]:
    """`validate`'s warnings and `check`'s findings, as the project names their files."""
    found = [("warning", problem_in_project(w, studio.workspace)) for w in document.warnings]
    report = check_reading(document)
    found += [
        ("check", problem_in_project(Problem(f.file, f.line, f.field, f.message), studio.workspace))
        for f in report.findings
    ]
    return found


@protected
def preview(request: Request, form: FormData) -> Response:
    studio = studio_of(request)
    choices = BookletChoices.from_form(form)
    try:
        document = studio.programs.document(choices.content)
        findings = findings_of(studio, document)
        pdf = build(choices.edition(document), options=choices.options).booklet
        pictures, count = page_pictures(pdf, scale=TWO_UP_SCALE)
    except BookletError as error:
        problems = [problem_in_project(p, studio.workspace) for p in error.problems]
        return page(request, "booklet_preview.html", problems=problems, findings=[], pictures=[])
    return page(
        request,
        "booklet_preview.html",
        problems=[],
        findings=findings,
        pictures=pictures,
        count=count,
    )


@protected
def download(request: Request, form: FormData) -> Response:
    studio = studio_of(request)
    kind = request.path_params["kind"]
    choices = BookletChoices.from_form(form)
    try:
        if kind not in KINDS:
            raise BookletError([Problem("studio", None, "", "download a pdf, key or html file")])
        document = choices.edition(studio.programs.document(choices.content))
        outputs = build(document, options=choices.options, html=kind == "html")
    except BookletError as error:
        problems = [problem_in_project(p, studio.workspace) for p in error.problems]
        return page(request, "problems_page.html", status=422, problems=problems)
    media_type, suffix = KINDS[kind]
    stem = document.booklet.stem + (f"-{choices.version}" if choices.versions else "")
    body = outputs.answer_key if kind == "key" else outputs.booklet
    headers = {"Content-Disposition": f'attachment; filename="{stem}{suffix}"'}
    return Response(body, media_type=media_type, headers=headers)


@offloaded
def source(request: Request) -> Response:
    """A YAML file of the project with its lines numbered, to look at a problem's line."""
    studio = studio_of(request)
    name = request.query_params.get("path", "")
    try:
        path = studio.workspace.inside(name)
        if path.suffix.lower() not in YAML_SUFFIXES:
            raise BookletError(
                [Problem(name, None, "", "only YAML files of the project show here")]
            )
        text = loading.decode_text(name, loading.read_bytes(path))
    except BookletError as error:
        return page(request, "problems_page.html", status=404, problems=error.problems)
    lines = text.splitlines()
    return page(request, "source.html", screen="booklet", name=name, lines=lines)


ROUTES = [
    Route("/booklet", booklet),
    Route("/booklet/preview", preview, methods=["POST"]),
    Route("/booklet/download/{kind}", download, methods=["POST"]),
    Route("/source", source),
]
