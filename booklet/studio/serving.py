"""A project folder and an address -> the studio served by Uvicorn until Ctrl-C, with no
access log: a request's address is nobody's business but the browser's."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from booklet.studio.app import studio_app


def studio_address(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}/"
    return f"{address}?token={quote(token)}" if token else address


def serve(folder: Path, host: str, port: int, token: str | None) -> None:
    import uvicorn

    app = studio_app(folder, token, host)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
