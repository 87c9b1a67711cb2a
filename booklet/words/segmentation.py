"""The characters of a text -> where its Thai words start, since Thai writes no spaces
between words and a line may break only between them (PyThaiNLP's dictionary-based
`newmm` segmenter, loaded the first time Thai text is laid out)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

THAI_RUN = re.compile(r"[\u0e00-\u0e7f]+")


def word_starts(chars: Sequence[str]) -> frozenset[int]:
    """The indices inside runs of Thai letters where a new word starts."""
    text = "".join(chars)
    if len(text) != len(chars):  # a unit longer than one character: no offsets to give
        return frozenset()
    starts: set[int] = set()
    for run in THAI_RUN.finditer(text):
        offset = run.start()
        for word in thai_words()(run.group()):
            if offset != run.start():
                starts.add(offset)
            offset += len(word)
    return frozenset(starts)


@functools.cache
def thai_words() -> Callable[[str], list[str]]:
    """PyThaiNLP's word segmenter (imported once, when first needed)."""
    from pythainlp.tokenize import word_tokenize

    return functools.partial(word_tokenize, engine="newmm", keep_whitespace=True)
