"""User text with light markup -> blocks (paragraphs and lists) of ReportLab paragraph markup.

`escape` is the only way user text reaches ReportLab's markup: it prints every character
as typed. Only `**bold**` and `*italic*` become tags, and only after escaping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BOLD_ITALIC = re.compile(r"\*\*\*(?=\S)(.+?)(?<=\S)\*\*\*")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
# Chinese and Japanese, written without spaces, put markup right against the letters
# around it (的*屈髋*是), so next to them an asterisk may open or close italics
_UNSPACED = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
_ITALIC = re.compile(
    rf"(?<!\*)(?:(?<=[{_UNSPACED}])|(?<!\w))\*(?=[^\s*])(.+?)(?<=[^\s*])\*"
    rf"(?!\*)(?:(?=[{_UNSPACED}])|(?!\w))"
)
_BULLET = re.compile(r"^[-•]\s+(.*)$")
_NUMBERED = re.compile(r"^(\d{1,4})[.)]\s+(.*)$")
_TAG = re.compile(r"</?[bi]>")
_BREAKING_SPACE = re.compile(r"[^\S\u00a0\u202f]+")


@dataclass(frozen=True)
class TextParagraph:
    markup: str


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class NumberedList:
    items: tuple[str, ...]
    start: int = 1


Block = TextParagraph | BulletList | NumberedList


def escape(text: str) -> str:
    """Plain text -> ReportLab paragraph markup that prints exactly that text."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def inline(text: str) -> str:
    """One line or paragraph of user text -> markup with bold and italic, all else literal."""
    escaped = escape(collapsed(text))
    marked = _BOLD_ITALIC.sub(r"<b><i>\1</i></b>", escaped)
    marked = _BOLD.sub(r"<b>\1</b>", marked)
    marked = _ITALIC.sub(r"<i>\1</i>", marked)
    return marked if well_nested(marked) else escaped


def tie_last_words(markup: str) -> str:
    """`markup` with its last two words joined by a no-break space, so a title never ends
    on a line of one word; a title of one or two words is left free to wrap."""
    spaces = [m.start() for m in re.finditer(r" ", markup) if not inside_tag(markup, m.start())]
    if len(spaces) < 2:
        return markup
    last = spaces[-1]
    return markup[:last] + "\u00a0" + markup[last + 1 :]


def inside_tag(markup: str, index: int) -> bool:
    """True when `index` falls between a tag's < and >."""
    return markup.rfind("<", 0, index) > markup.rfind(">", 0, index)


def collapsed(text: str) -> str:
    """Runs of spaces and line breaks as one space; no-break spaces (U+00A0, U+202F),
    which keep a number with its unit or a French colon with its word, as they are. A
    zero-width space at either end goes with the spaces there, as ReportLab drops it."""
    return _BREAKING_SPACE.sub(" ", text).strip(" \u200b")


def well_nested(markup: str) -> bool:
    """True when every <b> and <i> closes in order (odd asterisk patterns can cross them)."""
    open_tags: list[str] = []
    for tag in _TAG.findall(markup):
        if not tag.startswith("</"):
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag.replace("/", ""):
            return False
    return not open_tags


def blocks(text: str) -> list[Block]:
    """Light-markup text -> paragraphs and lists, in order.

    A blank line ends a block; lines starting `- ` are bullet items and `1. ` numbered
    items; a line that is neither continues the item above it, or the paragraph.
    """
    result: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        result.extend(chunk_blocks(chunk.splitlines()))
    return result


def chunk_blocks(lines: list[str]) -> list[Block]:
    result: list[Block] = []
    kind: str | None = None
    items: list[list[str]] = []
    start = 1

    def flush() -> None:
        if not items:
            return
        texts = tuple(inline(" ".join(parts)) for parts in items)
        if kind == "bullet":
            result.append(BulletList(texts))
        elif kind == "numbered":
            result.append(NumberedList(texts, start))
        else:
            result.append(TextParagraph(texts[0]))

    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        bullet, numbered = _BULLET.match(line), _NUMBERED.match(line)
        if bullet or numbered:
            new_kind = "bullet" if bullet else "numbered"
            if new_kind != kind:
                flush()
                kind, items = new_kind, []
                if numbered:
                    start = int(numbered.group(1))
            items.append([(bullet or numbered).group((bullet and 1) or 2)])  # type: ignore[union-attr]
        elif kind in ("bullet", "numbered") and raw[:1].isspace():
            items[-1].append(line)
        elif kind is None:
            items = items or [[]]
            items[-1].append(line)
        else:
            flush()
            kind, items = None, [[line]]
    flush()
    return result
