"""Flowable stories -> PDF bytes, in memory; nothing here touches the file system."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.platypus import Flowable

from booklet import __version__
from booklet.colors import gray_of
from booklet.pages import BookletTemplate, Footer, PageCount

rl_config.useA85 = 0  # plain binary streams: smaller files, same bytes every time


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself, and its page geometry."""

    title: str
    author: str
    subject: str
    language: str
    page_size: tuple[float, float]
    margin: float
    keywords: tuple[str, ...] = ()
    grayscale: bool = False


def render(
    info: DocumentInfo,
    footer: Footer,
    story: Callable[[PageCount], list[Flowable]],
    with_cover: bool,
) -> bytes:
    """Lay the story out (as many passes as the contents and page totals need) into PDF bytes."""
    buffer = io.BytesIO()
    page_count = PageCount()
    template = BookletTemplate(
        buffer,
        footer,
        page_count,
        pagesize=info.page_size,
        leftMargin=info.margin,
        rightMargin=info.margin,
        topMargin=info.margin,
        bottomMargin=info.margin,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=list(info.keywords),
        creator=f"booklet {__version__}",
        producer=f"booklet {__version__}",
        lang=info.language,
        displayDocTitle=1,
        invariant=1,
        pageCompression=1,
        enforceColorSpace=gray_of if info.grayscale else None,
    )
    if not with_cover:
        template.pageTemplates = template.pageTemplates[1:]
    flowables = story(page_count)
    template.multiBuild(flowables, maxPasses=10)
    return buffer.getvalue()
