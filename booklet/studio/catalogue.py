"""A program (a content file) -> the exercises a handout may hold: the program's own
stretches, then those of its library files it does not print, each with the words the
search box matches (name, body region, props) and a small picture."""

from __future__ import annotations

import dataclasses
import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

from booklet.document import Document
from booklet.model import Stretch
from booklet.studio.workspace import Workspace, library_stretches

THUMBNAIL_PIXELS = 240
MAX_THUMBNAILS = 512  # kept in memory, never on disk; the oldest are dropped first


@dataclass(frozen=True)
class ExerciseCard:
    """One exercise as the library shows it."""

    stretch: Stretch
    from_library: bool  # not printed by the program itself

    @property
    def regions(self) -> tuple[str, ...]:
        figure = self.stretch.figure
        return tuple(figure.emphasis) if figure else ()

    @property
    def props(self) -> tuple[str, ...]:
        figure = self.stretch.figure
        return tuple(figure.props) if figure else ()

    @property
    def search_words(self) -> str:
        """What the search box looks in: name, id, purpose, body regions and props."""
        parts = [self.stretch.name, self.stretch.id, self.stretch.purpose or ""]
        parts += [word.replace("-", " ") for word in (*self.regions, *self.props)]
        return " ".join(parts).lower()


def printed_dose(stretch: Stretch, name: str) -> str:
    """A dosage field of the stretch as a patient file would write it ("" when unset):
    the value the handout prints unless the clinician changes it."""
    seconds = getattr(stretch, f"{name}_seconds", None)
    if isinstance(seconds, int):
        count, unit = (seconds // 60, "minute") if seconds % 60 == 0 else (seconds, "second")
        return f"{count} {unit}{'' if count == 1 else 's'}"
    for attribute in (name, f"{name}_per_week"):
        value = getattr(stretch, attribute, None)
        if value is not None:
            return str(getattr(value, "value", value))
    return ""


def exercise_cards(document: Document, workspace: Workspace) -> list[ExerciseCard]:
    """The program's stretches, then the other stretches of its library files."""
    own = list(document.booklet.stretches())
    ids = {stretch.id for stretch in own}
    extra = [
        stretch
        for stretch in library_stretches(document.booklet.libraries, workspace.root)
        if stretch.id not in ids and not ids.add(stretch.id)  # type: ignore[func-returns-value]
    ]
    return [ExerciseCard(s, False) for s in own] + [ExerciseCard(s, True) for s in extra]


def with_library_extras(document: Document, cards: list[ExerciseCard]) -> Document:
    """The program with the library's other stretches added to its last section of
    exercises (or a section of their own), so a patient may be given any of them."""
    extras = tuple(card.stretch for card in cards if card.from_library)
    if not extras:
        return document
    sections = list(document.booklet.sections)
    last = max((i for i, s in enumerate(sections) if s.stretches), default=len(sections) - 1)
    sections[last] = dataclasses.replace(
        sections[last], stretches=(*sections[last].stretches, *extras)
    )
    booklet = dataclasses.replace(document.booklet, sections=tuple(sections))
    return dataclasses.replace(document, booklet=booklet)


class Thumbnails:
    """Small PNG pictures of exercises, by (program, stretch id), kept in memory."""

    def __init__(self) -> None:
        self._pictures: OrderedDict[tuple[str, str, float], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def of(self, stretch: Stretch, primary: str, accent: str, stamp: float) -> bytes | None:
        key = (stretch.id, primary + accent, stamp)
        with self._lock:
            if key in self._pictures:
                self._pictures.move_to_end(key)
                return self._pictures[key]
        picture = thumbnail(stretch, primary, accent)
        if picture is None:
            return None
        with self._lock:
            self._pictures[key] = picture
            while len(self._pictures) > MAX_THUMBNAILS:
                self._pictures.popitem(last=False)
        return picture


def thumbnail(stretch: Stretch, primary: str, accent: str) -> bytes | None:
    """The stretch's figure drawn small, or its picture scaled down; None without either."""
    if stretch.figure is not None:
        return figure_thumbnail(stretch, primary, accent)
    if stretch.picture is not None:
        return picture_thumbnail(stretch.picture.path)
    return None


def figure_thumbnail(stretch: Stretch, primary: str, accent: str) -> bytes:
    from booklet.figures import draw
    from booklet.figures.marks import Colors

    assert stretch.figure is not None
    drawing = draw.figure_drawing(stretch.figure, Colors.from_brand(primary, accent))
    scale = THUMBNAIL_PIXELS / max(drawing.width, drawing.height, 1)
    return draw.png_bytes(drawing, scale=scale)


def picture_thumbnail(path: Path) -> bytes | None:
    from PIL import Image

    from booklet.assets.images import check_image

    if check_image(path) is not None:
        return None
    with Image.open(path) as image:
        image.draft("RGB", (THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
        small = image.convert("RGB")
        small.thumbnail((THUMBNAIL_PIXELS, THUMBNAIL_PIXELS))
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
    return out.getvalue()
