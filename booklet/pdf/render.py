"""Flowable stories -> PDF bytes, in memory; nothing here touches the file system."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from booklet import __version__
from booklet.assets.colors import gray_of
from booklet.pdf import compat
from booklet.pdf.compat_tagging import install_tagging_hooks
from booklet.pdf.object_streams import packed
from booklet.pdf.placement import LayoutRecord
from booklet.pdf.structure_tree import StructureTree
from booklet.pdf.structure_writer import write_structure
from booklet.pdf.template import BookletTemplate, Footer, LateNumbers, Trim


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
    bleed: float = 0.0  # points beyond the cut; with any, the page also gets crop marks
    tagged: bool = True  # a structure tree and marked content, for screen readers (PDF/UA-1)


@dataclass(frozen=True)
class Rendered:
    """A PDF, how many pages it has, and the page each bookmarked place landed on."""

    data: bytes
    pages: int
    anchors: dict[str, int]
    layout: LayoutRecord | None = None  # where every block landed


def render(
    info: DocumentInfo,
    footer: Footer,
    story: Callable[[LateNumbers], list[Flowable]],
    with_cover: bool,
) -> Rendered:
    """Lay the story out, in one pass, into PDF bytes, with booklet's ReportLab settings."""
    with compat.reportlab_settings():
        return render_with_settings(info, footer, story, with_cover)


def render_with_settings(
    info: DocumentInfo,
    footer: Footer,
    story: Callable[[LateNumbers], list[Flowable]],
    with_cover: bool,
) -> Rendered:
    buffer = io.BytesIO()
    numbers = LateNumbers()
    trim = Trim(*info.page_size, info.bleed) if info.bleed else None
    offset = trim.offset if trim else 0.0
    template = BookletTemplate(
        buffer,
        footer,
        numbers,
        trim,
        pagesize=trim.sheet if trim else info.page_size,
        leftMargin=info.margin + offset,
        rightMargin=info.margin + offset,
        topMargin=info.margin + offset,
        bottomMargin=info.margin + offset,
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
    if not info.tagged:
        finished = template.build_once(story(numbers))
        return Rendered(buffer.getvalue(), finished.pages, finished.anchors, finished.layout)
    install_tagging_hooks()

    def finish(canvas: Canvas, tree: StructureTree) -> None:
        write_structure(canvas, tree, info.title, info.language, f"booklet {__version__}")

    finished = template.build_once(story(numbers), StructureTree(info.language), finish)
    # its structure elements packed: about as small as the untagged file
    data = packed(buffer.getvalue())
    return Rendered(data, finished.pages, finished.anchors, finished.layout)
