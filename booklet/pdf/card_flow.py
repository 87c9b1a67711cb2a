"""A card's rows -> one bordered flowable that stays whole on a page when it fits one, and
otherwise splits between rows, each later piece opening with a "continued" header and
closed by the card's border."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Spacer, Table

from booklet.assets.colors import reportlab_color
from booklet.pdf import compat
from booklet.pdf.blocks import layout_table, padding
from booklet.pdf.placement import BlockEnd, BlockStart
from booklet.pdf.tagging import TRANSPARENT, tag

LEAST_PIECE = 60.0  # points of rows a piece must hold besides its header, or it moves on


class CardFlow(Flowable):
    """`rows` stacked inside a border of `color`; `page_height` is the height of an empty
    page's frame, which decides whether the card may split at all, and `breaks` are the
    rows before which it may (its step boundaries).

    `continued` makes the header a later piece opens with; `label` names the card in the
    layout record, where each such piece is marked as "continued".
    """

    def __init__(
        self,
        rows: list[Flowable],
        width: float,
        page_height: float,
        color: str,
        continued: Callable[[], Flowable],
        label: str = "",
        breaks: frozenset[int] = frozenset(),
    ) -> None:
        super().__init__()
        self.rows, self.color, self.label, self.breaks = rows, color, label, breaks
        self.card_width, self.page_height, self.continued = width, page_height, continued
        self.table: Table | None = None
        # the figure scales, largest first, at which `version` makes the same card smaller;
        # each version is made only when asked for
        self.smaller_scales: tuple[float, ...] = ()
        self.version: Callable[[float], CardFlow] | None = None
        self.versions_made: dict[float, CardFlow] = {}
        self.most_saved = 0.0  # the most height the smallest version can save
        self.spaceAfter = 12
        tag(self, TRANSPARENT)  # its rows tag themselves; its border is decoration

    def ready_again(self) -> None:
        """Ready to be placed in another document, with the versions made of it so far."""
        for card in (self, *self.versions_made.values()):
            compat.ready_to_place_again(card)

    def bordered(self) -> Table:
        table = layout_table([[row] for row in self.rows], colWidths=[self.card_width])
        table.setStyle(
            padding(0, 0, 0, 0, [("BOX", (0, 0), (-1, -1), 1, reportlab_color(self.color))])
        )
        return table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.table is None:
            self.table = self.bordered()
        self.width, self.height = self.table.wrap(
            self.card_width, max(availHeight, self.page_height)
        )
        return self.width, self.height

    def draw(self) -> None:
        assert self.table is not None
        self.table.drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Whole here with a smaller figure, or whole on the next page when it fits one;
        else up to the last step boundary that fits here, and the rest as a new card
        under a "continued" header."""
        _, height = self.wrap(availWidth, availHeight)
        smaller = self.smaller_fitting(availWidth, availHeight)
        if smaller is not None:
            return [smaller]  # a smaller figure lets it stay on this page
        if height <= self.page_height:
            return []
        heights = [row.wrap(self.card_width, self.page_height)[1] for row in self.rows]
        room = availHeight - 2
        fitting = [b for b in sorted(self.breaks) if sum(heights[:b]) <= room]
        if fitting:
            return self.pieces(fitting[-1])
        if availHeight < self.page_height - 1:
            return []  # not even the first steps fit here: start on a new page
        return self.split_inside_row(heights, room)

    def smaller_fitting(self, availWidth: float, availHeight: float) -> CardFlow | None:
        """The largest of the smaller versions that fits `availHeight`, if any; the
        smallest is tried first, since most often none fits."""
        if not self.smaller_scales or self.height - self.most_saved > availHeight:
            return None
        for scale in (self.smaller_scales[-1], *self.smaller_scales[:-1]):
            fitting = self.made_at(scale).wrap(availWidth, availHeight)[1] <= availHeight
            if scale == self.smaller_scales[-1] and not fitting:
                return None
            if fitting and scale != self.smaller_scales[-1]:
                return self.made_at(scale)
        return self.made_at(self.smaller_scales[-1])

    def made_at(self, scale: float) -> CardFlow:
        if scale not in self.versions_made and self.version is not None:
            self.versions_made[scale] = self.version(scale)
        return self.versions_made[scale]

    def split_inside_row(self, heights: list[float], room: float) -> list[Flowable]:
        """On an empty page where no step boundary fits: the rows that fit, and the next
        row (a very long step or caution) split where its own lines allow."""
        index = 0
        while index < len(heights) and sum(heights[: index + 1]) <= room:
            index += 1
        if index >= len(self.rows):
            return []
        left = room - sum(heights[:index])
        parts = self.rows[index].split(self.card_width, left) if left > LEAST_PIECE else []
        if len(parts) < 2:
            parts = [Spacer(0, 0), self.rows[index]]  # the row opens the next piece
        first = [*self.rows[:index], parts[0]]
        rest = [*parts[1:], *self.rows[index + 1 :]]
        shift = len(first) - len(parts) + 1  # rows before the first of `rest`, less one
        return self.made_pieces(first, rest, {b - shift for b in self.breaks if b > index})

    def pieces(self, at: int) -> list[Flowable]:
        """The card parted before row `at`."""
        later = {b - at + 1 for b in self.breaks if b > at}
        return self.made_pieces(self.rows[:at], self.rows[at:], later)

    def made_pieces(
        self, first: list[Flowable], rest: list[Flowable], later_breaks: set[int]
    ) -> list[Flowable]:
        head = CardFlow(first, self.card_width, self.page_height, self.color, self.continued)
        head.spaceAfter = 0
        tail = CardFlow(
            [self.continued(), *rest],
            self.card_width,
            self.page_height,
            self.color,
            self.continued,
            self.label,
            frozenset(later_breaks),
        )
        return [head, BlockStart("continued", self.label), tail, BlockEnd()]
