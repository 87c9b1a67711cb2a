"""A loaded booklet and what building it gives: the Document (booklet, brand, warnings and
the line of every field), the print options asked for, and the Outputs as bytes."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from booklet.errors import Problem
from booklet.model import Booklet, Brand

if TYPE_CHECKING:
    from booklet.source.places import Places

FORMATS = ("pdf", "html")


@dataclass(frozen=True)
class Document:
    """A validated booklet with the brand it is printed in, and where each field was read
    (`places`), so that reports on a loaded document need not read its file again."""

    booklet: Booklet
    brand: Brand
    warnings: tuple[Problem, ...] = ()  # told to the user; they do not stop a build
    places: Places | None = field(default=None, compare=False, repr=False)

    def inputs(self) -> set[Path]:
        """Every file the document was read from: content, brand, pictures, logo, fonts."""
        brand = self.brand
        files = [self.booklet.source, *self.booklet.libraries, brand.source, brand.logo]
        files += [*brand.body_font.files(), *brand.heading_font.files()]
        files += [picture.path for picture in self.booklet.pictures()]
        return {file for file in files if file is not None}


@dataclass(frozen=True)
class Outputs:
    """One format's files: the patient booklet, the clinician answer key and, when asked
    for, the booklet imposed for saddle-stitch printing."""

    booklet: bytes
    answer_key: bytes
    imposed: bytes | None = None


@dataclass(frozen=True)
class PrintOptions:
    """What `booklet build` adds on request: pages to fill in, print files, quiz versions."""

    exercise_log: bool = False
    questions_page: bool = False
    imposition: str | None = None  # "saddle"
    creep_mm: float = 0.0
    bleed_pt: float = 0.0
    versions: int = 0
    seed: int = 1
    large_print: bool = False  # on top of the brand's `print: large`
    grayscale: bool = False  # on top of the brand's `print: grayscale`
    layout: str | None = None  # a patient's handout: compact or booklet (default: the brand's)
    chart: bool = False  # a patient's handout: add the two-week tracking chart
