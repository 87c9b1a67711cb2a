"""Content files of the project -> loaded, checked Documents, kept while their files are
unchanged. They hold the clinic's own content only: never a patient's data."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from booklet.document import Document
from booklet.errors import BookletError
from booklet.source.read import load
from booklet.studio.catalogue import ExerciseCard, exercise_cards, with_library_extras
from booklet.studio.workspace import Workspace

MAX_PROGRAMS = 32


@dataclass(frozen=True)
class Program:
    """A content file as the handout screen uses it."""

    path: Path
    name: str  # as the project names it: content/hip-home-program.yaml
    document: Document  # with every library exercise a patient may be given
    cards: tuple[ExerciseCard, ...]
    stamp: float

    @property
    def stretch_ids(self) -> list[str]:
        return [card.stretch.id for card in self.cards]

    def card(self, stretch_id: str) -> ExerciseCard | None:
        return next((c for c in self.cards if c.stretch.id == stretch_id), None)


class Programs:
    """Loaded content files by name, reloaded when any file they were read from changes."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._loaded: dict[str, Program] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> Program:
        """The program, or BookletError with every problem of its files."""
        path = self.workspace.inside(name, "content")
        with self._lock:
            known = self._loaded.get(name)
        if known is not None and stamp_of(known.document, path) == known.stamp:
            return known
        document = load(path, restrict_to=self.workspace.root)
        cards = exercise_cards(document, self.workspace)
        program = Program(
            path=path,
            name=self.workspace.relative(path),
            document=with_library_extras(document, cards),
            cards=tuple(cards),
            stamp=stamp_of(document, path),
        )
        with self._lock:
            if len(self._loaded) >= MAX_PROGRAMS:
                self._loaded.clear()
            self._loaded[name] = program
        return program

    def document(self, name: str) -> Document:
        """The content file as it prints on its own, without library extras."""
        return load(self.workspace.inside(name, "content"), restrict_to=self.workspace.root)


def stamp_of(document: Document, path: Path) -> float:
    """The latest change to any file the document was read from."""
    latest = 0.0
    for file in {path, *document.inputs()}:
        try:
            latest = max(latest, file.stat().st_mtime)
        except OSError:
            return -1.0
    return latest


def default_program(programs: Programs, names: list[str]) -> str | None:
    """The handout screen's first program: the first content file that draws on an
    exercise library, else the first with exercises, else the first."""
    with_cards = []
    for name in names:
        try:
            program = programs.get(name)
        except BookletError:
            continue
        if program.document.booklet.libraries:
            return name
        if program.cards:
            with_cards.append(name)
    first = with_cards or names
    return first[0] if first else None
