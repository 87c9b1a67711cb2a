"""A Section -> its blocks (heading, text, lists, picture, callouts, stretch cards), kept
together where a page must not part them, each between the marks of the layout record."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reportlab.platypus import Flowable, ListFlowable, Spacer

from booklet.model import Section
from booklet.pdf.blocks import Kit, callout_block, picture_block, text_groups
from booklet.pdf.cards import stretch_card
from booklet.pdf.drawn import Rule
from booklet.pdf.keeping import KeptOrShrunk, stacked_height
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import marked
from booklet.pdf.tagging import grouped, tag
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import markup


def heading(kit: Kit, title: str, mark: Bookmark) -> list[Flowable]:
    """An anchor, the heading and its accent rule: kept with what follows by the caller."""
    palette = kit.styles.palette
    text = MeasuredParagraph(markup.tie_last_words(markup.inline(title)), kit.styles.heading)
    tag(text, "H2")
    rule = kit.at_start(Rule(palette.accent, 3, length=48, space_before=2, space_after=14))
    return [Anchor(mark), *marked("heading", [text, rule], title, titles=(text,))]


def section_flowables(
    kit: Kit, section: Section, index: int, numbering: Iterator[int]
) -> list[Flowable]:
    """Heading kept with its first block; then text, picture, callouts and stretch cards.

    Each block is a group of flowables kept on one page, joined with its neighbour where a
    page must not part them (see `kept_with_neighbours`); groups are never nested, because
    a KeepTogether inside another always looks too tall to fit.
    """
    groups: list[Group] = []
    if section.body:
        groups += [fixed(text_kind(g), g) for g in text_groups(kit, section.body)]
    if visual := section.picture or section.figure:
        groups.append(Group("picture", lambda scale: picture_block(kit, visual, scale)))
    groups += [fixed("callout", [callout_block(kit, c)]) for c in section.callouts]
    joined = kept_with_neighbours(kit, groups)
    head = heading(kit, section.title, Bookmark(section.title, section_key(index), level=0))
    cards = [stretch_card(kit, s, next(numbering)) for s in section.stretches]
    if not joined:
        first_card, *cards = cards or [[]]
        opening = KeptOrShrunk(head + first_card, kit.height)
        return grouped("Sect", [opening, *flat(cards)])
    flowables = kept_together(kit, joined[:1], head)
    for group in joined[1:]:
        flowables += kept_together(kit, [group])
    return grouped("Sect", [*flowables, *flat(cards)])


@dataclass(frozen=True)
class Group:
    """A block of a section, made at a picture scale (only a picture's size follows it)."""

    kind: str
    make: Callable[[float], list[Flowable]]

    def marked(self, scale: float = 1.0) -> list[Flowable]:
        made = self.make(scale)
        return marked(self.kind, made, label_of(made))


def fixed(kind: str, flowables: list[Flowable]) -> Group:
    return Group(kind, lambda _scale: flowables)


def flat(lists: list[list[Flowable]]) -> list[Flowable]:
    return [flowable for flowables in lists for flowable in flowables]


PICTURE_SCALES = (0.8, 0.65)  # a section picture shrinks this far to stay on a page


def kept_with_neighbours(kit: Kit, groups: list[Group]) -> list[list[Group]]:
    """The section's groups, joined where a page must not part them: a callout with the
    block before it (so it never opens a page cut off from its section), and a short last
    block with the one before when both fit on a page (so "Key points" is never left
    alone on a page)."""
    joined: list[list[Group]] = []
    for number, group in enumerate(groups):
        last_and_short = (
            number == len(groups) - 1
            and joined
            and stacked_height(group.make(1.0), kit.width, kit.height) < kit.height * 0.3
            and stacked_height(
                flat([g.make(1.0) for g in [*joined[-1], group]]), kit.width, kit.height
            )
            <= kit.height * 0.9
        )
        if joined and (group.kind == "callout" or last_and_short):
            joined[-1].append(group)
        else:
            joined.append([group])
    return joined


def height(kit: Kit, groups: list[Group]) -> float:
    return stacked_height(flat([g.make(1.0) for g in groups]), kit.width, kit.height)


def kept_together(
    kit: Kit, groups: list[list[Group]], head: list[Flowable] | None = None
) -> list[Flowable]:
    """Blocks kept on one page (after `head`, a heading, when given), with a smaller
    picture where that keeps them on the page they start on. A lone paragraph or long
    list is left free to split."""
    blocks = [g for joined in groups for g in joined]

    def made(scale: float = 1.0) -> list[Flowable]:
        kept = (head or []) + flat([g.marked(scale) for g in blocks])
        return marked("group", kept) if len(blocks) > 1 or head else kept

    content = made()
    free = head is None and len(blocks) == 1 and blocks[0].kind not in ("callout", "picture")
    if free and len(blocks[0].make(1.0)) == 1:
        return content

    def smaller() -> list[list[Flowable]]:
        if not any(g.kind == "picture" for g in blocks):
            return []
        return [made(scale) for scale in PICTURE_SCALES]

    return [KeptOrShrunk(content, kit.height, smaller)]


def label_of(group: list[Flowable]) -> str:
    """The opening words of a group's first paragraph, to name it in a layout report."""
    for flowable in group:
        text = getattr(flowable, "text", None)
        if isinstance(text, str) and text.strip():
            return text.strip()[:40]
    return ""


def text_kind(group: list[Flowable]) -> str:
    """What a group of body text is, for the layout record: a paragraph, a list, or a
    lead-in kept with its list (such as "Key points:")."""
    lists = sum(isinstance(flowable, ListFlowable) for flowable in group)
    if lists and len(group) > lists and not isinstance(group[-1], Spacer):
        return "lead_in_list"
    return "list" if lists else "text"


def section_key(index: int) -> str:
    """The bookmark key of the section numbered `index` (from 1)."""
    return f"section-{index}"
