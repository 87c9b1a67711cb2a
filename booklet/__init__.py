"""booklet: structured YAML content -> printed patient-education booklets (PDF).

    from booklet import load, build

    outputs = build(load("content/psoas-hip-pain.yaml"))
    outputs.booklet, outputs.answer_key      # PDF bytes; nothing is written to disk

See booklet.api for the details. The names are imported on first use, so that
`import booklet` (and `booklet --help`) stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["BookletError", "Document", "Outputs", "PrintOptions", "build", "handout", "load"]

if TYPE_CHECKING:
    from booklet.api import build, handout, load
    from booklet.document import Document, Outputs, PrintOptions
    from booklet.errors import BookletError

_HOMES = {
    "load": "booklet.api",
    "build": "booklet.api",
    "handout": "booklet.api",
    "BookletError": "booklet.errors",
    "Document": "booklet.document",
    "Outputs": "booklet.document",
    "PrintOptions": "booklet.document",
}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'booklet' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_HOMES[name]), name)
