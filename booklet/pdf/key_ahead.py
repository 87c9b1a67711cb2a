"""A booklet being laid out -> its answer key started early, in another process, as soon
as the pages the key names are known; the key is used only if they are still right.

The key names the booklet page of each section a question points to ("See page 4"), so
in general it waits for the booklet. Most of the time it need not wait long: every section
heading has landed once the quiz heading has. A marker after the quiz heading reads the
pages so far and starts the key; when the booklet is done, the key's pages are checked
against the booklet's, and a key made from pages that turned out different is dropped and
made again. A key whose questions point to no section, or one patient's key, which names
no pages, starts at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from reportlab.platypus import Flowable

from booklet.model import Booklet
from booklet.pdf import compat
from booklet.pdf.sections import section_key
from booklet.pdf.template import Anchor


class Started(Protocol):
    """A render going on elsewhere: its bytes, or None when it failed or was lost."""

    def result(self) -> bytes | None: ...

    def cancel(self) -> None: ...


# starts a render elsewhere; None where it cannot
Start = Callable[[Callable[[], bytes]], Started | None]
QUIZ_KEY = "quiz"  # the bookmark of the quiz heading (see story.quiz_flowables)


def section_pages(booklet: Booklet, anchors: dict[str, int]) -> dict[str, int]:
    """Each section's title -> the booklet page its heading is on (the first, if repeated)."""
    pages: dict[str, int] = {}
    for index, section in enumerate(booklet.sections, start=1):
        page = anchors.get(section_key(index))
        if page is not None:
            pages.setdefault(section.title, page)
    return pages


def named_sections(booklet: Booklet) -> set[str]:
    """The sections the key's answers point to: the only pages it prints."""
    questions = booklet.quiz.questions if booklet.quiz else ()
    return {question.section for question in questions if question.section}


def pages_so_far(canvas: object, booklet: Booklet) -> dict[str, int]:
    """The section pages of the booklet being laid out onto `canvas`, as far as it has got."""
    template = compat.building_template(canvas)  # type: ignore[arg-type]
    return section_pages(booklet, dict(getattr(template, "anchor_pages", {})))


class KeyAhead:
    """The answer key, started elsewhere as early as the booklet allows."""

    def __init__(
        self,
        start: Start,
        booklet: Booklet,
        render: Callable[[dict[str, int]], bytes],
        names_pages: bool = True,
    ) -> None:
        """`render(pages)` makes the key; a key that `names_pages` not (a patient's) starts
        at once."""
        self.start, self.booklet, self.render = start, booklet, render
        self.named = named_sections(booklet) if names_pages else set()
        self.started: Started | None = None
        self.begun = False
        self.pages: dict[str, int] = {}

    def begin(self, pages: dict[str, int]) -> None:
        if not self.begun:
            self.begun, self.pages = True, pages
            self.started = self.start(lambda: self.render(pages))

    def start_early(self) -> None:
        """Start now a key that names no page: before the booklet's story sets its pictures
        being prepared in threads, which a process waits for before it forks."""
        if not self.named:
            self.begin({})

    def story(self, flowables: list[Flowable]) -> list[Flowable]:
        """The booklet's story, with the key started now (when it names no page) or by a
        marker just after the quiz heading."""
        if not self.named:
            self.begin({})
            return flowables
        for index, flowable in enumerate(flowables):
            mark = getattr(flowable, "mark", None)
            if isinstance(flowable, Anchor) and getattr(mark, "key", None) == QUIZ_KEY:
                return [*flowables[: index + 1], StartKey(self), *flowables[index + 1 :]]
        return flowables

    def key(self, anchors: dict[str, int]) -> bytes:
        """The key for the finished booklet: the one made ahead, if it was made with the
        pages the booklet has; else made here."""
        pages = section_pages(self.booklet, anchors)
        started, self.started = self.started, None
        if started is not None:
            if all(self.pages.get(title) == pages.get(title) for title in self.named):
                made = started.result()
                if made is not None:
                    return made
            else:
                started.cancel()
        return self.render(pages)

    def cancel(self) -> None:
        if self.started is not None:
            self.started.cancel()
            self.started = None


class StartKey(Flowable):
    """Zero-size marker after the quiz heading: every section's page is known by now."""

    def __init__(self, ahead: KeyAhead) -> None:
        super().__init__()
        self.ahead = ahead

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Start the key, and write nothing on the page (not even a saved state)."""
        self.ahead.begin(pages_so_far(canvas, self.ahead.booklet))
