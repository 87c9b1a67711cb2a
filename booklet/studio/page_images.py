"""PDF bytes -> the pages as PNG pictures for the studio's previews, in memory only: a
handout's pages hold a patient's name and are never written to disk or a cache."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass

PREVIEW_SCALE = 1.25  # 90 pixels an inch: a letter page is 765 pixels wide
MAX_PREVIEW_PAGES = 12


@dataclass(frozen=True)
class PagePicture:
    number: int
    png: bytes
    width: int
    height: int

    @property
    def data_address(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def page_pictures(
    pdf: bytes, scale: float = PREVIEW_SCALE, limit: int = MAX_PREVIEW_PAGES
) -> tuple[list[PagePicture], int]:
    """The first `limit` pages as PNG, and the number of pages in all."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        count = len(document)
        pictures = [page_picture(document[i], i + 1, scale) for i in range(min(count, limit))]
    finally:
        document.close()
    return pictures, count


def page_picture(page: object, number: int, scale: float) -> PagePicture:
    image = page.render(scale=scale).to_pil()  # type: ignore[attr-defined]
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return PagePicture(number, out.getvalue(), image.width, image.height)
