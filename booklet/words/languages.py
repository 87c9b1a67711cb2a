"""A BCP 47 language tag -> its primary language subtag and its writing direction."""

from __future__ import annotations

RIGHT_TO_LEFT = frozenset({"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv"})


def primary(tag: str) -> str:
    """'pt-BR' -> 'pt', 'zh-Hant-TW' -> 'zh'."""
    return tag.split("-")[0].lower()


def is_rtl(tag: str) -> bool:
    """True for a language whose script is written right to left."""
    return primary(tag) in RIGHT_TO_LEFT
