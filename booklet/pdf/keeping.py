"""Groups of flowables to keep on one page -> a KeepTogether that, where the group does not
fit what is left of a page, first tries smaller versions of it (a smaller picture) before
moving it whole to the next page."""

from __future__ import annotations

import functools
import io
from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether

Versions = Callable[[], list[list[Flowable]]]


class KeptOrShrunk(KeepTogether):
    """A group kept on one page whose frame holds `page_height`: measured with every space
    it may take, so it never ends up parted by a few points. `smaller` makes, only when
    asked, the same group with smaller pictures, largest first, of which the first that
    fits what is left of the page is used. A group taller than a page flows on."""

    def __init__(
        self, flowables: list[Flowable], page_height: float, smaller: Versions = list
    ) -> None:
        super().__init__(flowables)
        self.group, self.page_height, self.smaller = list(flowables), page_height, smaller
        self.made: list[list[Flowable]] | None = None

    def split(self, aW: float, aH: float) -> list[Flowable]:
        need = stacked_height(self.group, aW, aH)
        if need <= aH:
            return list(super().split(aW, aH))
        heights = [(stacked_height(v, aW, aH), v) for v in self.versions()]
        for height, version in heights:
            if height <= aH:
                return version
        if min([need, *(height for height, _ in heights)]) <= self.page_height:
            return []  # to the next page, where it fits (smaller, if need be)
        return list(super().split(aW, aH))  # taller than any page: it flows on

    def versions(self) -> list[list[Flowable]]:
        if self.made is None:
            self.made = self.smaller()
        return self.made


def stacked_height(flowables: list[Flowable], width: float, height: float) -> float:
    """How tall `flowables` stand one under another in `width`, with the space above and
    below each (the frame does not merge them across the zero-size block marks), except
    the space under the last, which need not fit on the page."""
    canvas = measuring_canvas()
    total, last_space = 0.0, 0.0
    for flowable in flowables:
        drawn = flowable.wrapOn(canvas, width, height)[1]
        total += drawn + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if drawn:
            last_space = flowable.getSpaceAfter()
    return total - last_space


@functools.cache
def measuring_canvas() -> Canvas:
    """A canvas never saved, on which flowables that need one are measured."""
    return Canvas(io.BytesIO())
