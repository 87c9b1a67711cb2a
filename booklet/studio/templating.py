"""A screen's name and values -> the HTML page or fragment, from the package's Jinja
templates (autoescaped), with the browser's form token in every form."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from booklet.studio.security import CSRF_FIELD, csrf_token, remember_csrf

TEMPLATES = Path(__file__).parent / "templates"
ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
    extensions=["jinja2.ext.loopcontrols"],
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    """The template filled in; a new browser gets its form token cookie with it."""
    token = csrf_token(request)
    html = ENVIRONMENT.get_template(template).render(
        csrf=token, csrf_field=CSRF_FIELD, screen=values.pop("screen", ""), **values
    )
    response = HTMLResponse(html, status_code=status, headers=NO_STORE)
    return remember_csrf(request, response)  # type: ignore[return-value]


# pages may show a patient's name: the browser keeps no copy of them
NO_STORE = {"Cache-Control": "no-store"}
