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
    """How many words each line of a wrapped paragraph holds (empty before it is wrapped)."""
    lines = getattr(paragraph.__dict__.get("blPara"), "lines", None) or []
    return [
        len(line[1]) if isinstance(line, tuple) else int(getattr(line, "wordCount", 0))
        for line in lines
    ]
