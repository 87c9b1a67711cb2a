"""ReportLab's paragraph module, imported with its two costliest regular expressions
compiled when first used instead of at import.

`reportlab.platypus.paragraph` compiles a pattern for web addresses at import, which only
splitting a long address across lines uses: case-insensitive over every character up to
U+FFFF, it takes about 45 ms to compile, a twentieth of a cold build of the sample.
`reportlab.lib.textsplit`, which it imports, compiles one (about 6 ms) that only its
`cjkwrap`, never called here, uses. Both are made on first use, the same patterns.
"""

from __future__ import annotations

import re
import sys
from functools import cached_property
from typing import Any

DEFERRED = (
    "(^(?:[a-z0-9\\.\\-\\+]*)://)",  # paragraph.uri_pat: a web address, for splitting it
    "([\u2e80-\uffff])",  # textsplit.rx: cjkwrap's ideographs
)


class PatternOnFirstUse:
    """Stands for `re.compile(pattern, flags)` and compiles it the first time any of its
    methods or attributes is used."""

    def __init__(self, compile_now: Any, pattern: str, flags: int) -> None:
        self.compile_now, self.pattern_text, self.pattern_flags = compile_now, pattern, flags

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        compiled: re.Pattern[str] = self.compile_now(self.pattern_text, self.pattern_flags)
        return compiled

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled, name)


def import_reportlab_paragraphs() -> None:
    """Import `reportlab.platypus.paragraph` (and so ReportLab's text modules) with the
    DEFERRED patterns made on first use; any other pattern is compiled as always."""
    if "reportlab.platypus.paragraph" in sys.modules:
        return
    compile_now = re.compile

    def compile_deferred(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, str) and pattern.startswith(DEFERRED):
            return PatternOnFirstUse(compile_now, pattern, flags)
        return compile_now(pattern, flags)

    re.compile = compile_deferred  # type: ignore[assignment]
    try:
        import reportlab.platypus.paragraph  # noqa: F401
    finally:
        re.compile = compile_now
