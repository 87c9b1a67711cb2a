"""ReportLab and pypdf internals, each behind a named function."""

from __future__ import annotations

import itertools
import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import Flowable, Frame

if TYPE_CHECKING:
    from pypdf import PdfWriter
    from pypdf.generic import IndirectObject, PdfObject
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Paragraph, Table
    from reportlab.platypus.doctemplate import BaseDocTemplate

# --- settings ---------------------------------------------------------------------------

# What booklet's PDFs need of ReportLab's process-wide configuration: plain binary streams
# (smaller files, same bytes every time). Applied only while booklet renders.
RENDER_SETTINGS: dict[str, object] = {"useA85": 0}


@contextmanager
def reportlab_settings() -> Iterator[None]:
    """Apply booklet's ReportLab settings for the duration, then restore the caller's."""
    saved = {name: getattr(rl_config, name) for name in RENDER_SETTINGS}
    try:
        for name, value in RENDER_SETTINGS.items():
            setattr(rl_config, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(rl_config, name, value)


# --- paragraphs and text ---------------------------------------------------------------

# A paragraph's markup parsed by ReportLab (cleaned text, fragments, bullet fragments),
# kept per text and style settings: a booklet prints the same step, dosage word or label
# in the same style hundreds of times (often in a style made afresh for each), and parsing
# is a third of making a paragraph.
_parsed: dict[tuple[str, frozenset[tuple[str, Any]]], tuple[str, Any, list[Any], Any]] = {}
MOST_PARSED = 8192
NOT_PARSED = ("name", "parent")  # a style's name and parent change nothing in its text


def parsed_markup(text: str, style: Any) -> tuple[str, Any, list[Any], Any]:
    """ReportLab's parse of paragraph markup in `style`: (cleaned text, style, fragments,
    bullet fragments or None), as `Paragraph(text, style)` makes it; the fragments are new
    copies each time, for the paragraph to own. Raises ValueError for markup ReportLab
    cannot parse, as Paragraph does."""
    try:
        settings = dict(vars(style))
        for name in NOT_PARSED:
            settings.pop(name, None)
        key: Any = (text, frozenset(settings.items()))
        found = _parsed.get(key)
    except TypeError:  # a setting that cannot be a key: parse every time
        key, found = None, None
    if found is None:
        found = parse_markup(text, style)
        if key is not None and len(_parsed) < MOST_PARSED:
            _parsed[key] = found
    cleaned, own_style, frags, bullet = found
    # the parse's own style only when the markup changed it (<para> with settings)
    return cleaned, own_style or style, [frag.clone() for frag in frags], bullet


def forget_parsed_markup() -> None:
    """Empty the markup cache: a patient's words (their name, their notes) are kept no
    longer than the handout that prints them."""
    _parsed.clear()


def parse_markup(text: str, style: Any) -> tuple[str, Any, list[Any], Any]:
    from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags
    from reportlab.platypus.paraparser import ParaParser

    cleaned = cleanBlockQuotedText(text)
    parser = ParaParser()
    parser.caseSensitive = 1
    parsed_style, frags, bullet = parser.parse(cleaned, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph")
    textTransformFrags(frags, parsed_style)
    return cleaned, None if parsed_style is style else parsed_style, frags, bullet or None


def broken_lines(paragraph: Paragraph) -> Any | None:
    """The lines ReportLab last broke the paragraph into (its `blPara`), None before any."""
    return paragraph.__dict__.get("blPara")


def set_broken_lines(paragraph: Paragraph, lines: Any) -> None:
    """Replace the lines the paragraph draws (its `blPara`)."""
    paragraph.blPara = lines  # type: ignore[attr-defined]


def ensure_operator_before_rise(text: PDFTextObject) -> None:
    """Give a text object an operator to amend: ReportLab's setRise rewrites the last one
    written (its `_code` list), and a fresh object has none."""
    code = text._code  # type: ignore[attr-defined]
    if not code:
        code.append("")


# --- tables ----------------------------------------------------------------------------

TableClass = TypeVar("TableClass", bound="type[Table]")


def sizes_once_per_width(table_class: TableClass) -> TableClass:
    """Make a Table class size its cells (ReportLab's `Table._calc`) once per width: a size
    is reused only when the table fit the height it was measured in, and fits the height
    now offered (ReportLab may stop measuring the rows of a table taller than that)."""

    def calc_once(self: Table, availWidth: float, availHeight: float) -> None:
        sized_at = self.__dict__.get("booklet_sized_at")
        if sized_at == availWidth and self._height <= availHeight:  # type: ignore[attr-defined]
            return
        super(table_class, self)._calc(availWidth, availHeight)  # type: ignore[arg-type,misc]
        fits = self._height <= availHeight  # type: ignore[attr-defined]
        self.__dict__["booklet_sized_at"] = availWidth if fits else None

    table_class._calc = calc_once  # type: ignore[attr-defined]
    return table_class


# --- documents -------------------------------------------------------------------------


def save_after_build(template: BaseDocTemplate) -> None:
    """Have `build` leave the canvas unsaved (its `_doSave`), as multiBuild does, so the
    caller can draw late numbers before saving it."""
    template._doSave = 0  # type: ignore[attr-defined]


# A form's stream as ReportLab stores it (its operators encoded and Flate-compressed), by
# the operators: a batch draws the same few figures in every handout, each tens of
# kilobytes of operators, and encoding and compressing them was a fifth of a handout.
_form_streams: dict[tuple[str, str], bytes] = {}
MOST_FORM_STREAMS = 256


def add_form(canvas: Canvas, name: str, width: float, height: float, operators: str) -> None:
    """Store `operators` as the form `name` of `canvas`'s PDF, as `beginForm(name, 0, 0,
    width, height)`, `addLiteral(operators)`, `endForm()` store it (the same bytes), with
    the stream encoded and compressed once per process rather than once per PDF."""
    canvas.beginForm(name, 0, 0, width, height)
    preamble = canvas._preamble  # type: ignore[attr-defined]
    if not canvas._pageCompression or rl_config.useA85:  # type: ignore[attr-defined]
        canvas.addLiteral(operators)
        canvas.endForm()
        return
    canvas.endForm()
    form = canvas._doc.idToObject[pdfdoc.xObjectName(name)]  # type: ignore[attr-defined]
    key = (preamble, operators)
    data = _form_streams.get(key)
    if data is None:
        data = zlib.compress(pdfdoc.pdfdocEnc(f"{preamble}\n{operators}"))
        if len(_form_streams) < MOST_FORM_STREAMS:
            _form_streams[key] = data
    flate = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
    form.Contents = pdfdoc.PDFStream(pdfdoc.PDFDictionary({"Filter": flate}), data)
    form.Contents.__Comment__ = "xobject form stream"
    form.compression = 0  # compressed already


def ready_to_place_again(flowable: Flowable) -> None:
    """Forget that an earlier document moved `flowable` on to a new page (ReportLab's
    `_postponed`, which it never clears): a flowable moved on twice is taken as larger
    than a page, so one placed in an earlier document must start without the mark."""
    flowable.__dict__.pop("_postponed", None)


def building_template(canvas: Canvas) -> BaseDocTemplate | None:
    """The document template laying out onto `canvas` (its `_doctemplate`, set while a
    template builds), or None."""
    return getattr(canvas, "_doctemplate", None)


def pdf_document(canvas: Canvas) -> PDFDocument:
    """The PDF document a canvas writes into (its `_doc`), to add objects to it."""
    return canvas._doc  # type: ignore[attr-defined,no-any-return]


def add_object(writer: PdfWriter, obj: PdfObject) -> IndirectObject:
    """Add a new object to a pypdf writer (pypdf has no public call that does)."""
    return writer._add_object(obj)


# --- where blocks land (the layout record) ---------------------------------------------


def frame_cursor(frame: Frame) -> float:
    """How far down `frame` is filled: the y where its next flowable's top would go."""
    return float(frame._y)


def frame_top(frame: Frame) -> float:
    """The y of the top of `frame`'s writable area."""
    return float(frame._y2 - frame._topPadding)


def frame_bottom(frame: Frame) -> float:
    """The y of the bottom of `frame`'s writable area."""
    return float(frame._y1p)


def line_word_counts(paragraph: Flowable) -> list[int]:
    """How many words each line of a wrapped paragraph shows (empty before it is wrapped);
    words joined by a no-break space count as the words they are."""
    lines = getattr(paragraph.__dict__.get("blPara"), "lines", None) or []
    return [len(line_text(line).split()) for line in lines]


def line_text(line: object) -> str:
    """The text of one broken line: a list of words, or of styled fragments."""
    if isinstance(line, tuple):
        return " ".join(str(word) for word in line[1])
    return " ".join(str(getattr(frag, "text", "")) for frag in getattr(line, "words", []))


# --- languages: spacing, line breaking and shaping of every script ---------------------


def keep_narrow_no_break_spaces() -> None:
    """Make ReportLab's paragraphs keep U+202F (the narrow no-break space French sets before
    : ; ? !) inside a word instead of breaking the line there and printing a full space.

    ReportLab splits words with its module-level `split` and a list of space characters
    (`_wsc`) that includes U+202F; both are replaced by ones without it. Safe to call twice.
    """
    from reportlab.platypus import paragraph

    if getattr(paragraph.split, "keeps_narrow_no_break_space", False):
        return
    breaking = paragraph._wsc.replace("\u202f", "")
    splitter = re.compile(f"[{re.escape(breaking)}]+").split

    def split(text: Any, delim: Any = None) -> list[str]:
        if isinstance(text, bytes):
            text = text.decode("utf8")
        if delim is not None:
            if isinstance(delim, bytes):
                delim = delim.decode("utf8")
            return list(text.split(delim))
        words = splitter(text)
        # as ReportLab's: str.split() drops empty words, its own splitter (used when the
        # text has a no-break space) keeps them
        return words if "\xa0" in text else [word for word in words if word]

    split.keeps_narrow_no_break_space = True  # type: ignore[attr-defined]
    paragraph.split = split
    paragraph._wsc = breaking
    paragraph._wsc_re_split = splitter


def split_part_lines(paragraph: Any) -> Any | None:
    """The lines a paragraph was given when ReportLab split it over two frames, or None.

    ReportLab marks such a part with `_splitpara` and keeps its laid-out lines in `blPara`.
    """
    if getattr(paragraph, "_splitpara", 0) and hasattr(paragraph, "blPara"):
        return paragraph.blPara
    return None


def frag_lines(paragraph: Any, max_widths: list[float], breaker: Any, shaped: bool = False) -> Any:
    """A paragraph's fragments laid out in lines where `breaker` says, as ReportLab's
    `breakLinesCJK` returns them (lines of styled fragments, kind 1).

    `breaker(chars, widths, max_widths, forced)` gives (start, end, next start) per line,
    as booklet.pdf.line_breaks.line_spans does. With `shaped`, each line's runs are
    shaped by HarfBuzz (Thai, Khmer, Myanmar marks). Uses ReportLab's per-character units
    (`cjkU`), its line builder (`makeCJKParaLine`) and its bullet-width helper.
    """
    from reportlab.platypus import paragraph as rl_paragraph

    rl_paragraph._handleBulletWidth(paragraph.bulletText, paragraph.style, max_widths)
    units: list[Any] = []
    for frag in paragraph.frags:
        text = frag.text if isinstance(frag.text, str) else frag.text.decode("utf8")
        pieces = list(text) if text else [text]
        units += [rl_paragraph.cjkU(piece, frag, "utf8") for piece in pieces]
    widths = [unit_width(unit, max_widths[0]) for unit in units]
    chars = [str(unit) or "\n" for unit in units]
    forced = frozenset(i for i, unit in enumerate(units) if hasattr(unit.frag, "lineBreak"))
    auto_leading = getattr(paragraph, "autoLeading", getattr(paragraph.style, "autoLeading", ""))
    bounds = auto_leading not in ("", "off")
    lines = []
    for number, (start, end, after) in enumerate(breaker(chars, widths, max_widths, forced)):
        limit = max_widths[min(number, len(max_widths) - 1)]
        used = sum(widths[start:end])
        ends_in_break = end > start and (end - 1) in forced
        line = rl_paragraph.makeCJKParaLine(
            units[start:end], limit, used, limit - used, ends_in_break, bounds
        )
        line.space_after = after > end  # spaces dropped at the break, for join_unspaced_lines
        if shaped:
            shape_line(line)
        lines.append(line)
    return rl_paragraph.ParaLines(kind=1, lines=lines, unspaced=True)


def shape_line(line: Any) -> None:
    """Shape each run of a laid-out line in its font (ReportLab draws a ShapedStr's glyphs
    with their HarfBuzz positions)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import shapeStr

    for frag in line.words:
        text = getattr(frag, "text", "")
        if text and getattr(pdfmetrics.getFont(frag.fontName), "shapable", False):
            frag.unshaped = text
            frag.text = shapeStr(text, frag.fontName, frag.fontSize)


class UnspacedSplitting:
    """For a paragraph laid out by `frag_lines`: when ReportLab splits it over two pages,
    the part that goes on is rebuilt from its lines' fragments. ReportLab's own joiner
    (`_get_split_blParaFunc`) puts a space after every line, which shows between two
    ideographs; `join_unspaced_lines` puts back only the spaces the breaks took."""

    blPara: Any

    def _get_split_blParaFunc(self) -> Any:
        if getattr(self.blPara, "unspaced", False):
            return join_unspaced_lines
        return super()._get_split_blParaFunc()  # type: ignore[misc]


def join_unspaced_lines(lines: Any, start: int, stop: int) -> list[Any]:
    """The fragments of lines start..stop, unshaped, with the spaces dropped at breaks."""
    frags: list[Any] = []
    for line in lines.lines[start:stop]:
        for word in line.words:
            frags.append(word.clone(text=getattr(word, "unshaped", word.text)))
        if getattr(line, "space_after", False) and frags:
            frags[-1] = frags[-1].clone(text=frags[-1].text + " ")
    return frags


def unit_width(unit: Any, max_width: float) -> float:
    """The width of one of ReportLab's character units; a width given relative to the line
    (an inline picture's) is worked out against `max_width`."""
    width = unit.width
    if hasattr(width, "normalizedValue"):
        width._normalizer = max_width
        return float(width.normalizedValue(max_width))
    return float(width)


class FontWatchingText(PDFTextObject):
    """A text object told of every font change, through `font_changed`; ReportLab's
    paragraphs change fonts with both `setFont` and the private `_setFont`."""

    def font_changed(self, name: str, size: float) -> None:
        """Called after each change of font; does nothing here."""

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        super().setFont(psfontname, size, leading)
        self.font_changed(psfontname, size)

    def _setFont(self, psfontname: str, size: float) -> None:
        super()._setFont(psfontname, size)
        self.font_changed(psfontname, size)


def set_text_line_width(text: PDFTextObject, width: float) -> None:
    """Write the line width (for outlined, synthetic bold letters) into a text object."""
    text._code.append(f"{width:.3f} w")


# Shaped text (Devanagari conjuncts, Thai marks, Latin ligatures) is drawn as glyphs that
# have no character of their own, or stand before the letter they follow (the Devanagari
# vowel sign i). ReportLab writes each glyph's own character, or a private-use one, into
# the PDF's ToUnicode map, so copied or searched text comes out garbled. Here the first
# glyph of each HarfBuzz cluster is mapped to the cluster's whole text and the others to
# U+2060 WORD JOINER (invisible, and meaningless inside a word; a glyph mapped to nothing
# at all is extracted by PDFium as its raw code), each under a private code of its own.
AFTER_CLUSTER = "\u2060"
_PRIVATE_START = 0xF0000  # Supplementary Private Use Area-A: no font booklet has uses it
_cluster_codes: dict[tuple[str, int, str], int] = {}
extraction_text: dict[int, str] = {}  # private code -> the text it is extracted as


def keep_shaped_text_extractable() -> None:
    """Make the text of shaped words extract as it was written (see above). Wraps
    ReportLab's `shapeFragWord` (in the fonts and paragraph modules) and replaces its
    ToUnicode map writer. Safe to call twice."""
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    if getattr(ttfonts.shapeFragWord, "extractable", False):
        return
    shape_word = ttfonts.shapeFragWord

    def shape(word: Any, *args: Any, **kwargs: Any) -> Any:
        return with_cluster_text(word, shape_word(word, *args, **kwargs))

    shape.extractable = True  # type: ignore[attr-defined]
    ttfonts.shapeFragWord = paragraph.shapeFragWord = shape
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


def with_cluster_text(word: Any, shaped: Any) -> Any:
    """A shaped word whose glyphs carry private codes that extract as its clusters' text;
    right-to-left words (whose clusters run backwards) and unshaped words as they are."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import ShapedStr

    if shaped is word or len(shaped) < 2:
        return shaped
    text = "".join(s for f, s in word[1:] if not hasattr(f, "cbDefn"))
    pieces = [(i, f, s) for i, (f, s) in enumerate(shaped[1:], 1) if isinstance(s, ShapedStr)]
    clusters = [d.cluster for _, _, s in pieces for d in s.__shapeData__]
    if any(b < a for a, b in itertools.pairwise(clusters)):
        return shaped
    ends = cluster_ends(clusters, len(text))
    glyph = 0
    for index, frag, piece in pieces:
        face = pdfmetrics.getFont(frag.fontName).face
        chars = []
        for char in piece:
            start, end = clusters[glyph], ends[glyph]
            first = glyph == 0 or clusters[glyph - 1] != start
            said = text[start:end] if first else AFTER_CLUSTER
            simple = first and said == char
            chars.append(char if simple else chr(private_code(face, frag.fontName, char, said)))
            glyph += 1
        shaped[index] = (frag, ShapedStr("".join(chars), shapeData=piece.__shapeData__))
    return shaped


def cluster_ends(clusters: list[int], length: int) -> list[int]:
    """For each glyph, where the text of its cluster ends: at the next cluster's start."""
    ends = [length] * len(clusters)
    following = length
    for i in range(len(clusters) - 1, -1, -1):
        if i + 1 < len(clusters) and clusters[i + 1] != clusters[i]:
            following = clusters[i + 1]
        ends[i] = following
    return ends


def private_code(face: Any, font_name: str, char: str, text: str) -> int:
    """A private code drawing the glyph of `char` in the font, extracted as `text`."""
    glyph = face.charToGlyph[ord(char)]
    key = (font_name, glyph, text)
    code = _cluster_codes.get(key)
    if code is None:
        code = _PRIVATE_START + len(_cluster_codes)
        _cluster_codes[key] = code
        extraction_text[code] = text
    if code not in face.charToGlyph:
        face.charToGlyph[code] = glyph
        face.charWidths[code] = face.charWidths[ord(char)]
    return code


def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """ReportLab's ToUnicode CMap for a font subset, with the text of private codes, and
    characters beyond the Basic Multilingual Plane (emoji) written as UTF-16 pairs."""

    def utf16(code: int) -> str:
        said = extraction_text.get(code, chr(code))
        return said.encode("utf-16-be").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(code)}>" for i, code in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )
