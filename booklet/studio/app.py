"""A project folder -> the studio's web application: the handout, booklet and brand
screens, the static files, and the guard in front of them."""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from booklet.studio import booklet_screen, brand_screen, handout_screen
from booklet.studio.catalogue import Thumbnails
from booklet.studio.programs import Programs
from booklet.studio.security import Guard
from booklet.studio.studio_state import Studio
from booklet.studio.workspace import Workspace

STATIC = Path(__file__).parent / "static"


def studio_app(project: Path, token: str | None = None, host: str = "127.0.0.1") -> Starlette:
    """The studio over `project`. With `token`, every request must carry it."""
    workspace = Workspace.at(project)
    app = Starlette(
        routes=[
            Route("/", home),
            *handout_screen.ROUTES,
            *booklet_screen.ROUTES,
            *brand_screen.ROUTES,
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(Guard, token=token, bound_host=host)],
    )
    app.state.studio = Studio(workspace, Programs(workspace), Thumbnails())
    return app


async def home(request: Request) -> Response:
    return RedirectResponse("/handout", 303)
