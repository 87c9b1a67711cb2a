"""A YAML file on disk -> a composed node tree that keeps the line of every value.

Nothing here turns scalars into Python values: the validator reads each scalar's text as
it was typed, so `No`, `1:30` or `3.10` stay text where text is expected.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import NoReturn

import yaml

from booklet.errors import BookletError, Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 100_000  # far more than any booklet needs; stops floods of tiny values
# libyaml parses about ten times faster. It is safe here because depth is checked from
# events before anything is composed; its error messages are terser, so a file that does
# not parse is parsed again by the pure-Python loader for the message.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_STANDARD_TAGS = frozenset(
    f"{_YAML_TAG_PREFIX}{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
_UTF16_32_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def load_yaml(path: Path, limit: int = MAX_FILE_BYTES) -> yaml.Node:
    """Read, decode and compose one YAML document, or raise BookletError saying why not."""
    name = str(path)
    text = decode_text(name, read_bytes(path, limit))
    try:
        check_events(name, text, FAST_LOADER)
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as error:
        raise BookletError([clearest_yaml_problem(name, text, error)]) from None
    if node is None:
        raise BookletError([Problem(name, 1, "", "the file holds no YAML content")])
    return node


def read_bytes(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, refusing anything that is not a readable regular file of sane size."""
    name = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise BookletError([Problem(name, None, "", "file not found")]) from None
    except OSError as error:
        raise BookletError([Problem(name, None, "", f"cannot read: {error.strerror}")]) from None
    if stat.S_ISDIR(info.st_mode):
        raise BookletError([Problem(name, None, "", "is a folder, not a file")])
    if not stat.S_ISREG(info.st_mode):
        raise BookletError([Problem(name, None, "", "is not a regular file")])
    if info.st_size > limit:
        megabytes = limit // (1024 * 1024)
        raise BookletError([Problem(name, None, "", f"file is larger than {megabytes} MB")])
    try:
        return path.read_bytes()
    except OSError as error:
        raise BookletError([Problem(name, None, "", f"cannot read: {error.strerror}")]) from None


# What a parser message about a private file (a patient file, a roster) says instead, as
# the parser's own words quote the text, the anchor or the tag that upset it.
PRIVATE_MESSAGES = {
    "this is not valid YAML": "this is not valid YAML; check the quotes, colons and "
    "indentation of this line and the one above",
    "aliases (": "aliases (*) are not allowed; write the value out in full",
    "anchors (": "anchors (&) are not allowed; write the value out in full",
    "the tag ": "tags (!) are not allowed; remove it",
    "byte 0x": "holds a byte that is not UTF-8 text; save the file as UTF-8",
}


def load_private_yaml(path: Path, limit: int = MAX_FILE_BYTES) -> yaml.Node:
    """`load_yaml` for a file of patient data: no message quotes a word of the file."""
    try:
        return load_yaml(path, limit)
    except BookletError as error:
        raise BookletError([private_problem(problem) for problem in error.problems]) from None


def private_problem(problem: Problem) -> Problem:
    for start, message in PRIVATE_MESSAGES.items():
        if problem.message.startswith(start):
            return Problem(problem.file, problem.line, "", message)
    return problem


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is allowed), with clear messages for other encodings."""
    for bom, encoding in _UTF16_32_BOMS.items():
        if data.startswith(bom):
            raise BookletError(
                [Problem(name, 1, "", f"the file is saved as {encoding}; save it as UTF-8")]
            )
    if b"\x00" in data[:4096]:
        raise BookletError(
            [Problem(name, 1, "", "the file holds NUL bytes (UTF-16 text?); save it as UTF-8")]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise BookletError(
            [
                Problem(
                    name, line, "", f"byte 0x{byte:02x} is not UTF-8 text; save the file as UTF-8"
                )
            ]
        ) from None
    if not text.strip():
        raise BookletError([Problem(name, 1, "", "the file is empty")])
    return text


def clearest_yaml_problem(name: str, text: str, error: yaml.YAMLError) -> Problem:
    """The pure-Python parser's account of a syntax error, which says more than libyaml's."""
    try:
        check_events(name, text, yaml.SafeLoader)
    except yaml.YAMLError as clearer:
        return yaml_problem(name, clearer)
    return yaml_problem(name, error)


def check_events(name: str, text: str, loader: type = yaml.SafeLoader) -> None:
    """Reject what a booklet never needs, from parser events, before anything is composed.

    Depth is counted here because composing deeply nested input recurses (and libyaml's
    composer can crash); anchors and aliases are refused because expanding them lets a few
    lines grow into gigabytes; the number of values is capped so a flood of tiny values
    cannot take minutes and gigabytes to compose and report. YAML syntax errors propagate.
    """
    depth = documents = values = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                refuse(
                    name, line, "the file holds more than one YAML document; remove the '---' line"
                )
        elif isinstance(event, yaml.AliasEvent):
            refuse(
                name,
                line,
                f"aliases (*{event.anchor}) are not allowed; write the value out in full",
            )
        elif isinstance(event, yaml.NodeEvent):
            reject_anchor_and_tag(name, line, event)
            values += 1
            if values > MAX_VALUES:
                refuse(name, line, f"the file holds more than {MAX_VALUES:,} values; split it up")
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    refuse(name, line, f"nesting is deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def refuse(name: str, line: int, message: str) -> NoReturn:
    raise BookletError([Problem(name, line, "", message)])


def reject_anchor_and_tag(name: str, line: int, event: yaml.NodeEvent) -> None:
    if event.anchor is not None:
        refuse(
            name, line, f"anchors (&{event.anchor}) are not allowed; write the value out in full"
        )
    tag = getattr(event, "tag", None)
    if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
        # Shown as typed: `!!python/object`, not `tag:yaml.org,2002:python/object`.
        typed = (
            "!!" + tag.removeprefix(_YAML_TAG_PREFIX) if tag.startswith(_YAML_TAG_PREFIX) else tag
        )
        refuse(name, line, f"the tag {typed} is not allowed; remove it")


def colon_in_text(name: str, mark: yaml.Mark | None) -> bool:
    """True when the line the parser stopped at already has a field name before the colon
    it stopped at (`caution: Attention : ne forcez pas`): the colon is in the text."""
    if mark is None:
        return False
    try:
        line = Path(name).read_text(encoding="utf-8").splitlines()[mark.line]
    except (OSError, UnicodeDecodeError, IndexError):
        return False
    return ": " in line[: mark.column]


def yaml_problem(name: str, error: yaml.YAMLError) -> Problem:
    """A parser error as a Problem at the line the parser points to."""
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    ended_early = "<stream end>" in problem or "end of stream" in problem
    if ended_early and getattr(error, "context_mark", None) is not None:
        # The file ended too soon: the line that opened what was never closed helps more.
        mark = error.context_mark  # type: ignore[attr-defined]
    line = mark.line + 1 if mark is not None else 1
    message = f"{context}, {problem}" if context else problem
    message = message.replace("'<stream end>'", "the end of the file")
    message = message.replace("found unexpected end of stream", "the file ends before it is closed")
    if "'\\t'" in message:
        message += "; indent with spaces, not tabs"
    if "mapping values are not allowed here" in message and colon_in_text(name, mark):
        message += (
            '; a ":" followed by a space inside text (as French spacing writes "Attention : …")'
            " makes YAML read a new field: put the text in quotes"
        )
    return Problem(name, line, "", f"this is not valid YAML: {message}")
