"""A card's rows -> one bordered flowable that stays whole on a page when it fits one, and
otherwise splits between rows, each later piece opening with a "continued" header and
closed by the card's border."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable, Table

from booklet.assets.colors import reportlab_color
from booklet.pdf.blocks import layout_table, padding
from booklet.pdf.placement import BlockEnd, BlockStart

LEAST_PIECE = 60.0  # points of rows a piece must hold besides its header, or it moves on


class CardFlow(Flowable):
    """`rows` stacked inside a border of `color`; `page_height` is the height of an empty
    page's frame, which decides whether the card may split at all.

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
    ) -> None:
        super().__init__()
        self.rows, self.color, self.label = rows, color, label
        self.card_width, self.page_height, self.continued = width, page_height, continued
        self.table: Table | None = None
        # the same card with smaller figures, largest first: made only when asked for
        self.smaller: Callable[[], list[CardFlow]] = list
        self.smaller_made: list[CardFlow] | None = None
        self.spaceAfter = 12

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
        else as many rows as fit here, and the rest as a new card under a "continued"
        header."""
        _, height = self.wrap(availWidth, availHeight)
        if self.smaller_made is None:
            self.smaller_made = self.smaller()
        for smaller in self.smaller_made:
            if smaller.wrap(availWidth, availHeight)[1] <= availHeight:
                return [smaller]  # a smaller figure lets it stay on this page
        if height <= self.page_height:
            return []
        heights = [row.wrap(self.card_width, self.page_height)[1] for row in self.rows]
        room, taken = availHeight - 2, 0
        while taken < len(heights) and sum(heights[: taken + 1]) <= room:
            taken += 1
        # the piece that goes on holds a step or more, never the dosage strip alone
        while taken > 2 and sum(heights[taken:]) < LEAST_PIECE + heights[-1]:
            taken -= 1
        if taken < 2 or sum(heights[1:taken]) < min(LEAST_PIECE, sum(heights[1:])):
            return self.split_inside_row(taken, heights, room)
        return self.pieces(self.rows[:taken], self.rows[taken:])

    def split_inside_row(self, taken: int, heights: list[float], room: float) -> list[Flowable]:
        """A row taller than what is left: split it (a long step or caution) where its own
        lines allow, or move the card on when nothing useful fits."""
        index = max(taken, 1)
        if index >= len(self.rows):
            return []
        left = room - sum(heights[:index])
        parts = self.rows[index].split(self.card_width, left) if left > LEAST_PIECE else []
        if len(parts) < 2:
            return []
        return self.pieces([*self.rows[:index], parts[0]], [*parts[1:], *self.rows[index + 1 :]])

    def pieces(self, first: list[Flowable], rest: list[Flowable]) -> list[Flowable]:
        if not rest:
            return []
        head = CardFlow(first, self.card_width, self.page_height, self.color, self.continued)
        head.spaceAfter = 0
        tail = CardFlow(
            [self.continued(), *rest],
            self.card_width,
            self.page_height,
            self.color,
            self.continued,
            self.label,
        )
        return [head, BlockStart("continued", self.label), tail, BlockEnd()]
