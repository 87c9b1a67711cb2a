"""Cards laid out for one handout of a batch -> the same cards, ready, for its next ones.

A batch prints the same few exercises again and again, in the same frame, and laying a
card out (trying each figure size, measuring every step) costs more than drawing it. The
shelf keeps each card as laid out, with the smaller versions made of it so far, keyed by
what decides its layout. It holds only the content's own cards: a card whose prescription
the patient's clinician changed is made afresh and never kept, so nothing from a roster
is stored. A shelf belongs to one batch (one document, one set of print options) and
lives no longer than the process building it.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TYPE_CHECKING

from booklet.model import Stretch

if TYPE_CHECKING:
    from booklet.pdf.card_flow import CardFlow
    from booklet.pdf.cards import StretchCard

MOST_CARDS = 512  # far above the cards of one content at each number and page height


class CardShelf:
    """Laid-out cards of one batch, each under the content's stretch it shows and what
    decides its layout (number, frame width, page height, picture size)."""

    def __init__(self, stretches: tuple[Stretch, ...]) -> None:
        self.own = {stretch.id: stretch for stretch in stretches}
        self.cards: dict[Hashable, tuple[CardFlow, float]] = {}

    def card(
        self, card: StretchCard, width: float, page_height: float
    ) -> tuple[CardFlow, float] | None:
        """`card` laid out for a frame `width` wide whose empty page holds `page_height`
        (made the first time), and its height; None when its stretch is not the
        content's own, for the caller to lay it out afresh."""
        stretch = card.stretch
        if self.own.get(stretch.id) != stretch:
            return None
        key = (stretch.id, layout_key(card, width, page_height))
        found = self.cards.get(key)
        if found is None:
            found = card.sized(width, page_height)
            if len(self.cards) < MOST_CARDS:
                self.cards[key] = found
        else:
            found[0].ready_again()
        return found


def layout_key(card: StretchCard, width: float, page_height: float) -> Hashable:
    """What decides a card's layout in one batch besides its stretch: its number, the
    frame, and the size its picture is embedded at (the largest any card of the handout
    prints it, which depends on the other exercises)."""
    picture = card.stretch.picture
    embedded = card.kit.pictures.uses.get(picture.path) if picture is not None else None
    return (card.number, width, page_height, embedded)
