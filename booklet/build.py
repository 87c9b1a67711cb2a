"""The spine: content file -> load -> validate -> layout -> render -> write the outputs.

`load` and the renderers never write; `write_outputs` puts all files (PDF and/or HTML,
booklet and answer key) in place together, each written to a temporary file first and
renamed only when all are complete.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
import signal
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from reportlab.platypus.doctemplate import LayoutError

from booklet import advice, fonts, languages, loading
from booklet.errors import BookletError, OutputError, Problem
from booklet.fields import Context
from booklet.figures.validate import figure_names, named, read_figure
from booklet.labels import labels_for
from booklet.layout.answer_key import answer_key_story
from booklet.layout.blocks import Kit, PictureSizes
from booklet.layout.booklet import booklet_story
from booklet.literacy import jargon
from booklet.literacy.check import Report, check, missing_alt
from booklet.locate import Places
from booklet.model import NEUTRAL_BRAND, Booklet, Brand, Figure
from booklet.pages import Footer, footer_height
from booklet.render import DocumentInfo, render
from booklet.styles import Look, make_styles
from booklet.validate import read_brand, read_content
from booklet.web.answer_key import answer_key_html
from booklet.web.booklet import booklet_html

FIGURE_FORMATS = (".png", ".svg", ".pdf")


@dataclass(frozen=True)
class Document:
    """A validated booklet with the brand it is printed in."""

    booklet: Booklet
    brand: Brand
    warnings: tuple[Problem, ...] = ()  # told to the user; they do not stop a build

    def inputs(self) -> set[Path]:
        """Every file the document was read from: content, brand, pictures, logo, fonts."""
        brand = self.brand
        fonts_files = [
            getattr(family, style)
            for family in (brand.body_font, brand.heading_font)
            for style in fonts.STYLES
        ]
        files = [self.booklet.source, brand.source, brand.logo, *fonts_files]
        files += [picture.path for picture in self.booklet.pictures()]
        return {file for file in files if file is not None}


@dataclass(frozen=True)
class Outputs:
    """One format's two files: the patient booklet and the clinician answer key."""

    booklet: bytes
    answer_key: bytes


FORMATS = ("pdf", "html")


def load(content: Path, brand: Path | None = None, restrict_to: Path | None = None) -> Document:
    """Read and validate a content file and its brand; raise BookletError with every problem.

    With `restrict_to`, files named inside the content file, and inside the brand file it
    names, must lie in that folder; the files given here as arguments are the caller's own.
    """
    problems: list[Problem] = []
    content_node = loading.load_yaml(content)
    booklet, brand_ref, ctx = read_content(content_node, content, restrict_to)
    problems += ctx.problems
    brand_path = brand if brand is not None else (brand_ref[0] if brand_ref else None)
    chosen = NEUTRAL_BRAND
    brand_places: Places | None = None
    if brand_path is not None:
        try:
            root = restrict_to if brand is None else None
            brand_node = loading.load_yaml(brand_path)
            loaded, brand_ctx = read_brand(brand_node, brand_path, root)
            problems += brand_ctx.problems
            chosen = loaded or NEUTRAL_BRAND
            brand_places = Places(str(brand_path), brand_node)
        except BookletError as error:
            problems += refer_to_brand_field(error.problems, brand, brand_ref, content)
    if problems or booklet is None:
        raise BookletError(problems)
    found = advice.warnings(booklet, chosen, Places(str(content), content_node), brand_places)
    return Document(booklet=booklet, brand=chosen, warnings=tuple(found))


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


def render_html(document: Document) -> Outputs:
    """The booklet and answer key as self-contained HTML pages."""
    return Outputs(
        booklet=booklet_html(document.booklet, document.brand),
        answer_key=answer_key_html(document.booklet, document.brand),
    )


def render_formats(document: Document, formats: Iterable[str]) -> dict[str, Outputs]:
    """Each asked-for format ("pdf", "html") -> its two files as bytes."""
    renderers = {"pdf": render_outputs, "html": render_html}
    return {fmt: renderers[fmt](document) for fmt in formats}


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
    look = Look(
        right_to_left=languages.is_rtl(booklet.language),
        large_print=brand.large_print,
        grayscale=brand.grayscale,
    )
    body_fonts, heading_fonts = (
        fonts.register(fonts.for_look(family, booklet.language, look.large_print))
        for family in (brand.body_font, brand.heading_font)
    )
    styles = make_styles(brand, body_fonts, heading_fonts, look)
    labels = labels_for(booklet.language, brand.labels)
    page_width, page_height = brand.page_size_pt
    width = page_width - 2 * brand.margin_pt
    height = page_height - 2 * brand.margin_pt - footer_height(styles.footer_size)

    def kit() -> Kit:
        pictures = PictureSizes(gray=look.grayscale)
        return Kit(styles, labels, width, height, pictures, large_print=look.large_print)

    def info(title: str) -> DocumentInfo:
        return DocumentInfo(
            title=title,
            author=brand.organization,
            subject=booklet.subtitle or booklet.title,
            language=booklet.language,
            page_size=brand.page_size_pt,
            margin=brand.margin_pt,
            grayscale=look.grayscale,
        )

    def footer(left: str) -> Footer:
        return Footer(
            left,
            body_fonts.regular,
            styles.palette.muted,
            styles.palette.rule,
            size=styles.footer_size,
            page_label=labels.page_of,
            direction="rtl" if look.right_to_left else "ltr",
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


def output_paths(out_dir: Path, stem: str, extension: str = "pdf") -> tuple[Path, Path]:
    return out_dir / f"{stem}.{extension}", out_dir / f"{stem}-answer-key.{extension}"


def write_outputs(
    rendered: dict[str, Outputs], out_dir: Path, stem: str, inputs: Iterable[Path] = ()
) -> list[Path]:
    """Write every file so that they all appear together, complete, or not at all.

    Each file is written to a temporary file beside its target and flushed to disk; only
    then are all of them renamed into place, with Ctrl-C held back until the last rename.
    """
    targets: list[Path] = []
    contents: list[bytes] = []
    for extension, outputs in rendered.items():
        targets += output_paths(out_dir, stem, extension)
        contents += [outputs.booklet, outputs.answer_key]
    check_targets(targets, inputs)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the folder: {error.strerror}") from None
    temporary: list[Path] = []
    try:
        for data in contents:
            temporary.append(write_temporary(out_dir, data))
        publish(list(zip(temporary, targets, strict=True)))
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot write the outputs: {error.strerror}") from None
    finally:
        for path in temporary:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    return targets


def check_targets(targets: Iterable[Path], inputs: Iterable[Path]) -> None:
    """Refuse to write over a folder or over any file the booklet was made from."""
    read_from = {path.resolve() for path in inputs}
    for target in targets:
        if target.is_dir():
            raise OutputError(f"{target}: is a folder; remove it or choose another --out")
        if target.resolve() in read_from:
            raise OutputError(
                f"{target}: is one of the files this booklet is made from; choose another --out"
            )


def publish(moves: list[tuple[Path, Path]]) -> None:
    """Rename each finished temporary file onto its target: all of them, or none.

    If a rename fails, the targets already replaced get their earlier files back.
    """
    done: list[tuple[Path, Path | None]] = []
    with interrupts_held():
        try:
            for source, target in moves:
                done.append((target, keep_earlier(target)))
                os.replace(source, target)
        except OSError:
            for target, earlier in reversed(done):
                restore(target, earlier)
            raise
        finally:
            for _, earlier in done:
                if earlier is not None:
                    earlier.unlink(missing_ok=True)


def keep_earlier(target: Path) -> Path | None:
    """A second name (a hard link) for the file at `target`, so it can be put back."""
    earlier = target.with_name(f".booklet-{secrets.token_hex(8)}.earlier")
    try:
        os.link(target, earlier)
    except OSError:
        return None
    return earlier


def restore(target: Path, earlier: Path | None) -> None:
    with contextlib.suppress(OSError):
        if earlier is not None:
            os.replace(earlier, target)
        else:
            target.unlink(missing_ok=True)


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, where the system allows it."""
    can_hold = hasattr(signal, "pthread_sigmask") and (
        threading.current_thread() is threading.main_thread()
    )
    if not can_hold:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_temporary(folder: Path, data: bytes) -> Path:
    """A new, hidden file in `folder` holding `data`, flushed to disk (mode follows the umask)."""
    path = folder / f".booklet-{secrets.token_hex(8)}.tmp"
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


@dataclass(frozen=True)
class Printing:
    """Print options asked for on the command line, on top of the brand's `print:`."""

    large_print: bool = False
    grayscale: bool = False

    def apply(self, document: Document) -> Document:
        brand = document.brand
        chosen = dataclasses.replace(
            brand,
            large_print=brand.large_print or self.large_print,
            grayscale=brand.grayscale or self.grayscale,
        )
        return dataclasses.replace(document, brand=chosen)


def build(
    content: Path,
    brand: Path | None = None,
    out_dir: Path = Path("output"),
    formats: Iterable[str] = ("pdf",),
    restrict_to: Path | None = None,
    printing: Printing | None = None,
) -> list[Path]:
    """Validate, lay out, render and write: the whole `booklet build`."""
    return build_document(load(content, brand, restrict_to), out_dir, formats, printing)


def build_document(
    document: Document,
    out_dir: Path = Path("output"),
    formats: Iterable[str] = ("pdf",),
    printing: Printing | None = None,
) -> list[Path]:
    """Lay out, render and write a loaded document."""
    document = (printing or Printing()).apply(document)
    rendered = render_formats(document, formats)
    return write_outputs(rendered, out_dir, document.booklet.stem, document.inputs())


def places_of(content: Path) -> Places:
    """Field paths of a content file that has already loaded without problems -> lines."""
    return Places(str(content), loading.load_yaml(content))


def check_reading(
    content: Path, brand: Path | None = None, grade: int | None = None, words: Path | None = None
) -> Report:
    """The whole `booklet check`: validate, then measure and report on the text."""
    document = load(content, brand)
    extra = jargon.read_words(words) if words is not None else None
    target = grade if grade is not None else document.brand.reading_grade
    return check(document.booklet, places_of(content), target, jargon.word_list(extra))


def strict_problems(document: Document) -> list[Problem]:
    """What `validate --strict` adds: every picture must have alt text."""
    places = places_of(document.booklet.source)
    return [
        Problem(places.file, places.line(field), field, message)
        for field, message in missing_alt(document.booklet)
    ]


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
