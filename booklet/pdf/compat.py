"""ReportLab and pypdf internals, each behind a named function."""

from __future__ import annotations

from reportlab.platypus import Flowable, Frame

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
