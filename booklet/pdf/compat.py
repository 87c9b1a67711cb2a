"""ReportLab and pypdf internals, each behind a named function."""

from __future__ import annotations

import re
from typing import Any

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
