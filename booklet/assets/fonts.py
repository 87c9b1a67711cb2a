"""Font families (built-in names or brand files) -> fonts registered with ReportLab.

The built-in families are bundled TrueType fonts, so every Latin-script letter prints:
the PDF's standard Helvetica, Times and Courier cannot show letters such as Ł or ő, so
those names print with the metric-compatible Liberation fonts.

Behind every family stand the fallback fonts, tried character by character: DejaVu Sans
(Arabic, Hebrew, Greek, Cyrillic and most symbols, in one face so a word and the
punctuation around it shape together), Droid Sans Fallback (Chinese, Japanese, Korean),
Noto Naskh Arabic (the Urdu, Persian and Pashto letters DejaVu Sans lacks), a Noto Sans of
each Indic and Southeast Asian script (Devanagari, Bengali, Gurmukhi, Gujarati, Tamil,
Telugu, Thai, Khmer, Myanmar) and Noto Emoji (emoji in one colour, as the text).
"""

from __future__ import annotations

import functools
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from booklet.assets.fingerprints import content_hash
from booklet.model import FONT_STYLES, FontFamily
from booklet.source.files import regular_file_problem
from booklet.words import languages

FONT_FOLDER = Path(__file__).parent / "typefaces"
STYLES = FONT_STYLES
MAX_FONT_BYTES = 50 * 1024 * 1024
RESTRICTED_LICENCE = 0x0002
NO_SUBSET_OR_BITMAP_ONLY = 0x0300
BUNDLED: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    "Noto Sans": ("NotoSans", ("Regular", "Bold", "Italic", "BoldItalic")),
    "Liberation Sans": ("LiberationSans", ("Regular", "Bold", "Italic", "BoldItalic")),
    "Liberation Serif": ("LiberationSerif", ("Regular", "Bold", "Italic", "BoldItalic")),
    "Liberation Mono": ("LiberationMono", ("Regular", "Bold", "Italic", "BoldItalic")),
    "DejaVu Sans": ("DejaVuSans", ("", "-Bold", "", "-Bold")),
}
# the fallback fonts of one script each, two weights, upright only
SCRIPT_FAMILIES = (
    "Noto Naskh Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Tamil",
    "Noto Sans Telugu",
    "Noto Sans Thai",
    "Noto Sans Khmer",
    "Noto Sans Myanmar",
    "Noto Emoji",
)
# bundled for one use, not named in brand files
SPECIAL: dict[str, tuple[str, tuple[str, str, str, str]]] = {
    "Atkinson Hyperlegible": ("AtkinsonHyperlegible", ("Regular", "Bold", "Italic", "BoldItalic")),
    **{
        name: (name.replace(" ", ""), ("Regular", "Bold", "Regular", "Bold"))
        for name in SCRIPT_FAMILIES
    },
}
# Large print sets text in Atkinson Hyperlegible, drawn for readers with low vision (its
# I, l and 1 differ at a glance), where it has the language's letters: Western European;
# a rarer letter it lacks (Ł, ẞ) comes from the fallback fonts.
LARGE_PRINT_FAMILY = "Atkinson Hyperlegible"
LARGE_PRINT_LANGUAGES = frozenset(
    {"en", "es", "fr", "de", "pt", "it", "nl", "ca", "da", "sv", "no", "nb", "nn", "fi", "ga"}
)
# tried in order for a character the text's own font cannot draw
FALLBACK_FAMILIES = ("DejaVu Sans", "Droid Sans Fallback", *SCRIPT_FAMILIES)
# one weight only: its bold is synthetic (the letters outlined as well as filled)
SINGLE_FILE = {"Droid Sans Fallback": "DroidSansFallback.ttf"}
SYNTHETIC_BOLD: set[str] = set()  # the registered names drawn as synthetic bold
SYMBOLS_ONLY = (b"NotoEmoji",)  # PostScript names of fonts used for their symbols alone
ALIASES = {
    "helvetica": "Liberation Sans",
    "arial": "Liberation Sans",
    "sans": "Noto Sans",
    "sans-serif": "Noto Sans",
    "times": "Liberation Serif",
    "times-roman": "Liberation Serif",
    "times new roman": "Liberation Serif",
    "serif": "Liberation Serif",
    "courier": "Liberation Mono",
    "courier new": "Liberation Mono",
    "monospace": "Liberation Mono",
}


@dataclass(frozen=True)
class FontSet:
    """The registered ReportLab font names of one family, one per style."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def builtin_names() -> list[str]:
    return [*BUNDLED, "Helvetica", "Times", "Courier"]


def builtin_family(name: str) -> str | None:
    """A family name as written in a brand file -> the bundled family that prints it."""
    wanted = " ".join(name.split()).lower()
    for family in BUNDLED:
        if family.lower() == wanted or family.replace(" ", "").lower() == wanted:
            return family
    return ALIASES.get(wanted)


def check_font_file(path: Path) -> str | None:
    """None when the file is a TrueType font that can be embedded and printed, else why not."""
    problem = regular_file_problem(path, "font file", MAX_FONT_BYTES)
    if problem:
        return problem
    try:
        font = TTFont(f"check-{path.name}", str(path))
        if embedding_refused(font):
            return font_error_message(path, "does not allow subsetting/embedding")
        print_sample(font)
    except TTFError as error:
        return font_error_message(path, str(error))
    except Exception:
        return f"the font file {path} is damaged or cut short; get a fresh copy of it"
    return None


def embedding_refused(font: TTFont) -> bool:
    """True when the font's licence bits (OS/2 fsType) forbid embedding a subset in a PDF:
    restricted-licence embedding, no subsetting, or bitmap embedding only."""
    face = font.face
    if "OS/2" not in face.table:
        return False
    fs_type = struct.unpack_from(">H", face.get_table("OS/2"), 8)[0]
    return fs_type & 0x000F == RESTRICTED_LICENCE or bool(fs_type & NO_SUBSET_OR_BITMAP_ONLY)


def font_error_message(path: Path, reason: str) -> str:
    """ReportLab's reason for refusing a font, said in the user's terms."""
    if "postscript outlines" in reason:
        return (
            f"the font {path} is an OpenType font with PostScript (CFF) outlines, which cannot be "
            "embedded; use a TrueType (.ttf) version of it"
        )
    if "does not allow subsetting/embedding" in reason:
        return (
            f"the font {path} does not allow embedding in documents (its licence settings); "
            "use a font whose licence allows embedding, or a built-in font"
        )
    if reason.startswith("Not a recognized TrueType font") or " is not a " in reason:
        return f"{path} is not a TrueType font file; give a .ttf font"
    return f"cannot use the font {path}: {reason}"


def print_sample(font: TTFont) -> None:
    """Subset and embed a few letters of the font in a throwaway PDF document, as a build
    would, without adding the font to ReportLab's registry of fonts."""
    document = PDFDocument(invariant=1)
    font.splitString("Aa1", document)
    font.addObjects(document)


def register(family: FontFamily) -> FontSet:
    """Register every style of the family (once per process) and return their names."""
    if family.builtin in SINGLE_FILE:
        return register_single_file(FONT_FOLDER / SINGLE_FILE[family.builtin])
    if family.builtin is not None:
        files = bundled_files(family.builtin)
    else:
        assert family.regular is not None
        regular = family.regular
        bold = family.bold or regular
        italic = family.italic or regular
        bold_italic = family.bold_italic or (family.bold if family.bold else italic)
        files = [regular, bold, italic, bold_italic]
    names = [register_file(path) for path in files]
    font_set = FontSet(*names)
    for (bold_flag, italic_flag), name in zip(((0, 0), (1, 0), (0, 1), (1, 1)), names, strict=True):
        addMapping(font_set.regular, bold_flag, italic_flag, name)
    return font_set


def register_single_file(path: Path) -> FontSet:
    """A family of one weight: bold prints in a synthetic bold of the same outlines,
    italic upright."""
    regular, bold = register_file(path), register_synthetic_bold(path)
    font_set = FontSet(regular, bold, regular, bold)
    for (bold_flag, italic_flag), name in zip(
        ((0, 0), (1, 0), (0, 1), (1, 1)), (regular, bold, regular, bold), strict=True
    ):
        addMapping(font_set.regular, bold_flag, italic_flag, name)
    return font_set


@functools.lru_cache(maxsize=8)
def register_synthetic_bold(path: Path) -> str:
    """Register a second copy of a font, drawn filled and outlined to look bold."""
    name = register_file(path) + "-SyntheticBold"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    SYNTHETIC_BOLD.add(name)
    return name


def is_synthetic_bold(name: str) -> bool:
    """True for a font registered to be drawn outlined as well as filled."""
    return name in SYNTHETIC_BOLD


def bundled_files(family: str) -> list[Path]:
    """The four style files (regular, bold, italic, bold italic) of a bundled family."""
    if family in SINGLE_FILE:
        return [FONT_FOLDER / SINGLE_FILE[family]] * 4
    prefix, suffixes = {**BUNDLED, **SPECIAL}[family]
    joiner = "-" if all(suffixes) else ""
    return [FONT_FOLDER / f"{prefix}{joiner}{suffix}.ttf" for suffix in suffixes]


def for_look(family: FontFamily, language: str, large_print: bool) -> FontFamily:
    """The family a build sets text in: the brand's, or one its language or large print
    needs."""
    if large_print:
        family = for_large_print(family, language)
    return for_language(family, language)


def for_language(family: FontFamily, language: str) -> FontFamily:
    """A built-in family, or the shaping family for a right-to-left language (so words
    and the punctuation around them come from one font); brand font files as they are."""
    if family.builtin is not None and languages.is_rtl(language):
        return FontFamily(builtin=FALLBACK_FAMILIES[0])
    return family


def for_large_print(family: FontFamily, language: str) -> FontFamily:
    """The large-print family for a language it covers; otherwise the family as it is."""
    if languages.primary(language) in LARGE_PRINT_LANGUAGES:
        return FontFamily(builtin=LARGE_PRINT_FAMILY)
    return family


@functools.lru_cache(maxsize=1)
def fallbacks() -> tuple[FontSet, ...]:
    """The fallback families, registered (once per process, as the files behind them
    never change), in the order they are tried."""
    return tuple(register(FontFamily(builtin=name)) for name in FALLBACK_FAMILIES)


@functools.lru_cache(maxsize=64)
def coverage(name: str) -> frozenset[int]:
    """The code points a registered TrueType font has a glyph for (for one of the PDF's
    standard fonts, which booklet itself never uses, its Latin-1 range)."""
    face = pdfmetrics.getFont(name).face
    glyphs = getattr(face, "charToGlyph", None)
    if glyphs is None:
        return frozenset(range(32, 256))
    if getattr(face, "name", b"").startswith(SYMBOLS_ONLY):
        # its letters, digits and spaces are as wide as its emoji: text never takes them
        return frozenset(code for code in glyphs if code >= 0x2000)
    return frozenset(glyphs)


def register_file(path: Path) -> str:
    """Register one TrueType file under a name derived from its bytes (so an edited file is
    registered anew, and no name a host application gives its own fonts is taken); return
    the name."""
    name = f"booklet-{content_hash(path)[:20]}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    return name


REPLACEMENT = "\ufffd"


def is_strong_rtl(char: str) -> bool:
    return unicodedata.bidirectional(char) in ("R", "AL")


def is_strong_ltr(char: str) -> bool:
    return unicodedata.bidirectional(char) == "L"


def font_for(char: str, base: str, fallback_fonts: Iterable[str]) -> str | None:
    """The first of the base font and the fallbacks that can draw `char`, or None."""
    code = ord(char)
    for name in (base, *fallback_fonts):
        if code in coverage(name):
            return name
    return None


def undrawable(text: str, base: str) -> list[str]:
    """The distinct characters of `text` that neither `base` nor any fallback can draw."""
    base_cover = coverage(base)
    missing = [c for c in dict.fromkeys(text) if ord(c) not in base_cover and is_printed(c)]
    if not missing:
        return []  # the fallback fonts, large to read, are loaded only when needed
    fallback_fonts = [font_set.regular for font_set in fallbacks()]
    return [c for c in missing if font_for(c, base, fallback_fonts) is None]


def is_printed(char: str) -> bool:
    """False for spaces, line breaks and invisible format characters."""
    return not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf")
