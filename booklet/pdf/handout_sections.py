"""The sections a content marks `handout: true` -> blocks of a compact handout, shortened
to the room they find: the room left under the last card, or, where the first card does
not fit under the header and the clinician's notes, the room it leaves on page 1.

A section never takes a page of its own: where even its shortest version (its title, its
first paragraph or list, and its callouts) does not fit, the handout goes without it. It
stays in the booklet and in the HTML twin."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, Spacer

from booklet.model import Section
from booklet.pdf.blocks import Kit, callout_block, text_blocks
from booklet.pdf.keeping import stacked_height
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.words import markup

SECTION_SHARE = 0.45  # a marked section takes at most this share of a page
SECTION_GAP = 8.0  # points between two sections placed together


@dataclass
class PlacedEarly:
    """Which sections (by their place in the handout) already printed on page 1."""

    early: set[int] = field(default_factory=set)


def section_versions(kit: Kit, section: Section) -> list[list[Flowable]]:
    """The section's title, text and callouts (its pictures left out), longest first:
    at most `SECTION_SHARE` of a page, then with fewer of its paragraphs and lists, down
    to the first; the callouts are always kept. Each version is marked as one block."""
    title_style = kit.styles.subheading.clone(
        "handout_section",
        fontSize=14 * kit.styles.scale,
        leading=17 * kit.styles.scale,
        spaceBefore=0,
        spaceAfter=2,
    )
    title = MeasuredParagraph(markup.tie_last_words(markup.inline(section.title)), title_style)
    callouts = [callout_block(kit, callout) for callout in section.callouts]
    for callout in callouts:
        callout.spaceBefore, callout.spaceAfter = 0, 6
    text = text_blocks(kit, section.body) if section.body else []
    room = kit.height * SECTION_SHARE - stacked_height([title, *callouts], kit.width, kit.height)
    most = len(text)
    while most > 1 and stacked_height(text[:most], kit.width, kit.height) > room:
        most -= 1
    return [
        marked("group", [title, *text[:blocks], *callouts], section.title)
        for blocks in range(most, 0 if text else -1, -1)
        if blocks or not text
    ]


class SectionsOnFirstPage(Flowable):
    """Put after the clinician's notes: where the first card (`card_height` at its
    smallest) does not fit in what is left of page 1, the marked sections fill that room,
    each in its longest version that fits, instead of following the last card."""

    def __init__(
        self, sections: list[list[list[Flowable]]], card_height: float, placed: PlacedEarly
    ):
        super().__init__()
        self.sections, self.card_height, self.placed = sections, card_height, placed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return availWidth, availHeight + 1  # so that `split` decides, where it stands

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.card_height <= availHeight:
            return [Spacer(0, 0)]
        chosen: list[Flowable] = []
        room = availHeight
        for index, versions in enumerate(self.sections):
            heights = [stacked_height(v, availWidth, availHeight) for v in versions]
            fitting = [v for v, h in zip(versions, heights, strict=True) if h <= room]
            if not fitting:
                break
            self.placed.early.add(index)
            chosen += [*fitting[0], Spacer(1, SECTION_GAP)]
            room -= stacked_height(fitting[0], availWidth, availHeight) + SECTION_GAP
        return [Spacer(0, 0), *chosen]

    def draw(self) -> None:
        return None


class SectionAfterCards(Flowable):
    """A marked section under the last card, in the longest version that fits the room
    left on the page, unless it printed on page 1 already or no version fits."""

    def __init__(self, index: int, versions: list[list[Flowable]], placed: PlacedEarly):
        super().__init__()
        self.index, self.versions, self.placed = index, versions, placed

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if self.index in self.placed.early:
            return 0, 0
        return availWidth, availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        if self.index not in self.placed.early:
            for version in self.versions:
                if stacked_height(version, availWidth, availHeight) <= availHeight:
                    return [Spacer(0, 0), *version]
        return [Spacer(0, 0)]

    def draw(self) -> None:
        return None
