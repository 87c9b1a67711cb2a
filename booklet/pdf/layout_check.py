"""A layout record -> the page-layout rules it breaks: split or unlabelled cards, stranded
headings and callouts, a lone last block, a short list split, a contents page with fewer
than three entries, a one-word last line in a title, blank pages, and pages left mostly
empty where no new part starts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from booklet.pdf.placement import LayoutRecord, Placement

FUZZ = 1.0  # points: a block this much taller than the frame still counts as fitting
BLOCK_GAP = 32.0  # points a moved block may also have needed: 12 below a block, 20 above a heading
LEAST_FILL = 0.6  # a page that ends with less of its frame used wastes paper
SHORT_BLOCK = 0.4  # a block under this share of the frame is short
CONTENTS_LAST_PAGE_ROWS = 3  # the fewest contents entries a page may hold


@dataclass(frozen=True)
class Broken:
    """One rule broken on one page."""

    rule: str
    page: int
    detail: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.rule}: {self.detail}"


def broken_rules(record: LayoutRecord) -> list[Broken]:
    """Every rule the laid-out document breaks, in page order."""
    found = [broken for rule in RULES for broken in rule(record)]
    return sorted(found, key=lambda broken: (broken.page, broken.rule))


def blocks(record: LayoutRecord) -> list[Placement]:
    """The blocks that printed something, in reading order (groups of blocks kept together
    aside)."""
    return [p for p in record.placements if p.pieces and p.kind != "group"]


def split_cards(record: LayoutRecord) -> Iterator[Broken]:
    """A card that fits on an empty page is never split; one that is split says so."""
    for card in blocks(record):
        if card.kind != "card" or not card.split:
            continue
        height = card.natural_height or card.height
        if height <= record.frame_height + FUZZ:
            yield Broken("card split", card.first_page, f"{card.label!r} ({height:.0f} pt)")
        continued = {
            p.first_page for p in blocks(record) if p.kind == "continued" and p.label == card.label
        }
        for page in card.pages[1:]:
            if page not in continued:
                yield Broken("card continues unlabelled", page, repr(card.label))


def cut_off_headings(record: LayoutRecord) -> Iterator[Broken]:
    """A heading stands on the page of the block after it."""
    placed = blocks(record)
    for block, after in pairwise(placed):
        if block.kind == "heading" and after.first_page != block.last_page:
            yield Broken("heading cut off", block.last_page, repr(block.label))


def stranded_callouts(record: LayoutRecord) -> Iterator[Broken]:
    """A callout never opens a page away from the text it follows."""
    placed = blocks(record)
    for before, callout in pairwise(placed):
        if callout.kind == "callout" and callout.first_page != before.last_page:
            page = callout.first_page
            if page not in record.part_starts:
                yield Broken("callout cut off from its section", page, repr(before.label))


def lone_last_blocks(record: LayoutRecord) -> Iterator[Broken]:
    """A short block alone on a page that then ends (such as "Key points")."""
    for page in range(2, record.pages + 1):
        on_page = [p for p in record.on_page(page) if p.kind != "group"]
        if len(on_page) != 1 or page in record.part_starts:
            continue
        block = on_page[0]
        if block.split or block.kind in ("card", "contents", "question", "chart"):
            continue
        short = block.height < SHORT_BLOCK * record.frame_height
        if short and (page + 1 in record.part_starts or page == record.pages):
            yield Broken("short block alone on a page", page, f"{block.kind} {block.label!r}")


def split_short_lists(record: LayoutRecord) -> Iterator[Broken]:
    for block in blocks(record):
        short = block.height <= record.frame_height
        if block.kind in ("list", "lead_in_list") and block.split and short:
            yield Broken("short list split", block.first_page, block.kind)


def contents_widows(record: LayoutRecord) -> Iterator[Broken]:
    """The contents never leave a page with fewer than three entries (the contents' block
    records the height of one entry as its `natural_height`)."""
    for block in blocks(record):
        if block.kind != "contents" or not block.split:
            continue
        last = block.pieces[-1]
        row = block.natural_height or 0
        if row and last.bottom - last.top < CONTENTS_LAST_PAGE_ROWS * row - FUZZ:
            yield Broken("contents leave a page with under 3 entries", last.page, "")


def underfilled_pages(record: LayoutRecord) -> Iterator[Broken]:
    """A page ends under 60% filled only where a new part starts, the document ends, or
    the next block could not have stood in the room left (a card or a kept group taller
    than that room, which a page may not part)."""
    for page in range(2, record.pages):
        if page + 1 in record.part_starts:
            continue
        fill = record.fill(page)
        if fill >= LEAST_FILL:
            continue
        room = record.frame_height - record.filled.get(page, 0.0)
        following = [p for p in record.placements if p.pieces and p.first_page == page + 1]
        needs = kept_height(following[0]) + BLOCK_GAP if following else 0.0
        if following and following[0].kind in KEPT_WHOLE and needs > room:
            continue
        yield Broken("page under 60% filled", page, f"{fill:.0%}")


KEPT_WHOLE = (
    "group",
    "card",
    "continued",
    "callout",
    "picture",
    "lead_in_list",
    "list",
    "heading",
    "question",
    "chart",  # a handout's tracking chart
)


def kept_height(block: Placement) -> float:
    """The height a block took on the page it starts on, top to bottom (or more, where
    its height laid out whole is known)."""
    first = [p for p in block.pieces if p.page == block.first_page]
    return max(block.natural_height, max(p.bottom for p in first) - min(p.top for p in first))


def blank_pages(record: LayoutRecord) -> Iterator[Broken]:
    """No page inside the document is left with nothing on it."""
    for page in range(2, record.pages + 1):
        if page not in record.filled:
            yield Broken("blank page", page, "")


def lone_words_on_titles(record: LayoutRecord) -> Iterator[Broken]:
    """No title (the cover's, a heading, a card's) ends on a line of one word."""
    if 1 in record.cover_last_words:
        yield Broken("one-word last line", 1, "cover title or subtitle")
    for block in blocks(record):
        if 1 in block.title_last_words:
            yield Broken("one-word last line", block.first_page, f"{block.kind} {block.label!r}")


RULES: tuple[Callable[[LayoutRecord], Iterator[Broken]], ...] = (
    split_cards,
    cut_off_headings,
    stranded_callouts,
    lone_last_blocks,
    split_short_lists,
    contents_widows,
    underfilled_pages,
    blank_pages,
    lone_words_on_titles,
)
