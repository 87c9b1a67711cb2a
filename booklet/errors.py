"""Problems found in a user's input -> one line each, and the error that carries them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters (newlines, escape sequences) from a quoted value must not break the
# one-line format or reach the terminal as commands; they are shown as \x.. escapes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Problem:
    """One mistake in one place: `file:line: field: message`."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        line = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return one_line(line)


def one_line(text: str) -> str:
    """`text` with every control character written as a visible escape such as \\x1b."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


class BookletError(Exception):
    """Raised when input is wrong; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class OutputError(Exception):
    """Raised when the outputs cannot be written (unwritable folder, full disk...)."""
