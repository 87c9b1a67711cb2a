"""What every request of one studio shares: the project and what was loaded from it."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from booklet.studio.catalogue import Thumbnails
from booklet.studio.programs import Programs
from booklet.studio.workspace import Workspace


@dataclass
class Studio:
    workspace: Workspace
    programs: Programs
    thumbnails: Thumbnails


def studio_of(request: Request) -> Studio:
    studio: Studio = request.app.state.studio
    return studio
