"""The spine: content file -> load -> validate -> layout -> render -> write the two PDFs.

`load` and `render_outputs` never write; `write_outputs` puts both files in place together,
each written to a temporary file first and renamed only when complete.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from reportlab.platypus.doctemplate import LayoutError

from booklet import fonts, loading
from booklet.errors import BookletError, OutputError, Problem
from booklet.fields import Context
from booklet.figures.validate import figure_names, named, read_figure
from booklet.labels import labels_for
from booklet.layout.answer_key import answer_key_story
from booklet.layout.blocks import Kit, PictureSizes
from booklet.layout.booklet import booklet_story
from booklet.model import NEUTRAL_BRAND, Booklet, Brand, Figure
from booklet.pages import FOOTER_HEIGHT, Footer
from booklet.render import DocumentInfo, render
from booklet.styles import make_styles
from booklet.validate import read_brand, read_content

FIGURE_FORMATS = (".png", ".svg", ".pdf")


@dataclass(frozen=True)
class Document:
    """A validated booklet with the brand it is printed in."""

    booklet: Booklet
    brand: Brand


@dataclass(frozen=True)
class Outputs:
    booklet: bytes
    answer_key: bytes


def load(content: Path, brand: Path | None = None) -> Document:
    """Read and validate a content file and its brand; raise BookletError with every problem."""
    problems: list[Problem] = []
    booklet, brand_ref, ctx = read_content(loading.load_yaml(content), content)
    problems += ctx.problems
    brand_path = brand if brand is not None else (brand_ref[0] if brand_ref else None)
    chosen = NEUTRAL_BRAND
    if brand_path is not None:
        try:
            loaded, brand_ctx = read_brand(loading.load_yaml(brand_path), brand_path)
            problems += brand_ctx.problems
            chosen = loaded or NEUTRAL_BRAND
        except BookletError as error:
            problems += refer_to_brand_field(error.problems, brand, brand_ref, content)
    if problems or booklet is None:
        raise BookletError(problems)
    return Document(booklet=booklet, brand=chosen)


def refer_to_brand_field(
    problems: Iterable[Problem],
    given: Path | None,
    brand_ref: tuple[Path, yaml.Node] | None,
    content: Path,
) -> list[Problem]:
    """A brand file the content names but that cannot be read is a problem on `brand:`."""
    if given is not None or brand_ref is None:
        return list(problems)
    line = brand_ref[1].start_mark.line + 1
    return [
        Problem(str(content), line, "brand", f"{p.file}: {p.message}") if p.line is None else p
        for p in problems
    ]


def render_outputs(document: Document) -> Outputs:
    """Both PDFs as bytes, from a validated document."""
    try:
        return render_both(document)
    except LayoutError as error:
        # every block is made to split or fit; this reports a case that still slipped through
        reason = str(error).strip().splitlines()[0][:200]
        raise BookletError(
            [Problem(str(document.booklet.source), None, "", f"cannot lay out a page: {reason}")]
        ) from None


def render_both(document: Document) -> Outputs:
    booklet, brand = document.booklet, document.brand
    body_fonts = fonts.register(brand.body_font)
    heading_fonts = fonts.register(brand.heading_font)
    styles = make_styles(brand, body_fonts, heading_fonts)
    labels = labels_for(booklet.language)
    page_width, page_height = brand.page_size_pt
    width = page_width - 2 * brand.margin_pt
    height = page_height - 2 * brand.margin_pt - FOOTER_HEIGHT

    def kit() -> Kit:
        return Kit(styles, labels, width, height, PictureSizes())

    def info(title: str) -> DocumentInfo:
        return DocumentInfo(
            title=title,
            author=brand.organization,
            subject=booklet.subtitle or booklet.title,
            language=booklet.language,
            page_size=brand.page_size_pt,
            margin=brand.margin_pt,
        )

    def footer(left: str) -> Footer:
        return Footer(
            left,
            body_fonts.regular,
            styles.palette.muted,
            styles.palette.rule,
            page_label=labels.page_of,
        )

    booklet_pdf = render(
        info(booklet.title),
        footer(brand.organization),
        lambda count: booklet_story(kit(), booklet, brand, count),
        with_cover=True,
    )
    key_title = f"{labels.answer_key}: {booklet.title}"
    key_pdf = render(
        info(key_title),
        footer(f"{brand.organization} \u00b7 {labels.answer_key}"),
        lambda count: answer_key_story(kit(), booklet, brand, count),
        with_cover=False,
    )
    return Outputs(booklet=booklet_pdf, answer_key=key_pdf)


def output_paths(out_dir: Path, stem: str) -> tuple[Path, Path]:
    return out_dir / f"{stem}.pdf", out_dir / f"{stem}-answer-key.pdf"


def write_outputs(outputs: Outputs, out_dir: Path, stem: str) -> tuple[Path, Path]:
    """Write both PDFs so that they appear together, complete, or not at all."""
    targets = output_paths(out_dir, stem)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the folder: {error.strerror}") from None
    for target in targets:
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; remove it or choose another --out")
    temporary: list[Path] = []
    try:
        for data in (outputs.booklet, outputs.answer_key):
            temporary.append(write_temporary(out_dir, data))
        for source, target in zip(temporary, targets, strict=True):
            os.replace(source, target)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write the PDFs: {error.strerror}") from None
    finally:
        for path in temporary:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return targets


def write_temporary(folder: Path, data: bytes) -> Path:
    """A new, hidden file in `folder` holding `data`, flushed to disk (mode follows the umask)."""
    path = folder / f".booklet-{secrets.token_hex(8)}.pdf.tmp"
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def build(
    content: Path, brand: Path | None = None, out_dir: Path = Path("output")
) -> tuple[Path, Path]:
    """Validate, lay out, render and write: the whole `booklet build`."""
    document = load(content, brand)
    return write_outputs(render_outputs(document), out_dir, document.booklet.stem)


def load_figure(source: str, brand: Path | None = None) -> tuple[Figure, Brand]:
    """A built-in figure name, or a YAML file holding one figure mapping, and its brand."""
    path = Path(source)
    looks_like_file = path.suffix.lower() in (".yaml", ".yml") or path.exists()
    if looks_like_file:
        ctx = Context(path)
        figure = read_figure(ctx, loading.load_yaml(path), "")
    else:
        ctx = Context(Path("booklet figure"))
        figure = named(ctx, None, "NAME", source, figure_names())
    problems = list(ctx.problems)
    chosen = NEUTRAL_BRAND
    if brand is not None:
        loaded, brand_ctx = read_brand(loading.load_yaml(brand), brand)
        problems += brand_ctx.problems
        chosen = loaded or NEUTRAL_BRAND
    if problems or figure is None:
        raise BookletError(problems)
    return figure, chosen


def figure_file(source: str, out: Path, brand: Path | None = None) -> Path:
    """Draw one figure to `out` (.png, .svg or .pdf) for previewing a pose."""
    from booklet.figures import draw
    from booklet.figures.scene import Colors

    figure, chosen = load_figure(source, brand)
    drawing = draw.figure_drawing(figure, Colors.from_brand(chosen.primary, chosen.accent))
    suffix = out.suffix.lower()
    data = {
        ".png": draw.png_bytes,
        ".svg": draw.svg_bytes,
        ".pdf": draw.pdf_bytes,
    }[suffix](drawing)
    folder = out.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = write_temporary(folder, data)
        os.replace(temporary, out)
    except OSError as error:
        raise OutputError(f"{out}: cannot write the figure: {error.strerror}") from None
    return out
