"""A PDF as ReportLab writes it (PDF 1.4: every object on its own, a cross-reference table)
-> the same objects, the small ones packed into one compressed object stream and indexed
by a cross-reference stream (PDF 1.5). Streams (fonts, pictures, page content) are copied
byte for byte. A tagged booklet's thousand structure elements are small dictionaries; packed,
they cost a few kilobytes instead of a fifth of the file.

Pure Python and zlib (zlib-ng's, the same format in about half the time): the file is
read through its own cross-reference table, so nothing in it is parsed but object
boundaries and the trailer.
"""

from __future__ import annotations

import re
import struct

from zlib_ng import zlib_ng

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSECTION = re.compile(rb"(\d+) (\d+)\s*\n")
_OBJECT_START = re.compile(rb"^\d+ 0 obj\s*")
_TRAILER_KEYS = re.compile(rb"/(Root|Info) (\d+ 0 R)|/ID\s*(\[[^\]]*\])")


class NotPackable(ValueError):
    """The file is not laid out as expected (a newer ReportLab); it is then left as it is."""


def packed(data: bytes) -> bytes:
    """`data` with its small objects in an object stream; unchanged if it cannot be read."""
    try:
        return pack(data)
    except NotPackable:
        return data


def pack(data: bytes) -> bytes:
    offsets, xref_at = object_offsets(data)
    trailer = data[xref_at:]
    bodies = object_bodies(data, offsets, xref_at)
    header, _, _ = data.partition(b"\n")
    out = bytearray(header.replace(b"%PDF-1.4", b"%PDF-1.5") + b"\n%\xe2\xe3\xcf\xd3\n")
    entries: dict[int, tuple[int, int, int]] = {}
    small: list[tuple[int, bytes]] = []
    for number in sorted(bodies):
        body = bodies[number]
        inner = _OBJECT_START.sub(b"", body, count=1).rstrip()
        if not inner.endswith(b"endobj"):
            raise NotPackable(f"object {number} does not end in endobj")
        inner = inner[: -len(b"endobj")].rstrip()
        if inner.endswith(b"endstream"):
            entries[number] = (1, len(out), 0)
            out += body.rstrip() + b"\n"
        else:
            small.append((number, inner))
    size = max(bodies) + 1
    stream_number, xref_number = size, size + 1
    index, content, length = [], [], 0
    for position, (number, inner) in enumerate(small):
        entries[number] = (2, stream_number, position)
        index.append(b"%d %d " % (number, length))
        content.append(inner + b"\n")
        length += len(inner) + 1
    index_length = sum(map(len, index))
    squeezed = zlib_ng.compress(b"".join(index + content), 6)
    entries[stream_number] = (1, len(out), 0)
    out += (
        b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
        % (stream_number, len(small), index_length, len(squeezed))
        + squeezed
        + b"\nendstream\nendobj\n"
    )
    out += xref_stream(entries, xref_number, len(out), trailer_entries(trailer))
    return bytes(out)


def object_offsets(data: bytes) -> tuple[dict[int, int], int]:
    """Each object's number -> where it starts, from the file's cross-reference table."""
    found = _STARTXREF.search(data[-64:])
    if not found:
        raise NotPackable("no startxref")
    xref_at = int(found.group(1))
    if not data.startswith(b"xref", xref_at):
        raise NotPackable("no cross-reference table")
    at = data.index(b"\n", xref_at) + 1
    offsets: dict[int, int] = {}
    while subsection := _SUBSECTION.match(data, at):
        first, count = int(subsection.group(1)), int(subsection.group(2))
        at = subsection.end()
        for number in range(first, first + count):
            entry = data[at : at + 20]
            at += 20
            if entry[17:18] == b"n":
                offsets[number] = int(entry[:10])
    if not offsets:
        raise NotPackable("empty cross-reference table")
    return offsets, xref_at


def object_bodies(data: bytes, offsets: dict[int, int], end: int) -> dict[int, bytes]:
    """Each object's bytes, from its start to the next object's (or the table's)."""
    ordered = sorted(offsets.items(), key=lambda item: item[1])
    bodies = {}
    for (number, start), (_, stop) in zip(ordered, [*ordered[1:], (0, end)], strict=True):
        bodies[number] = data[start:stop]
    return bodies


def trailer_entries(trailer: bytes) -> bytes:
    """/Root, /Info and /ID of the old trailer, for the cross-reference stream."""
    entries = b""
    for match in _TRAILER_KEYS.finditer(trailer):
        if match.group(1):
            entries += b" /" + match.group(1) + b" " + match.group(2)
        else:
            entries += b" /ID " + match.group(3)
    if b"/Root" not in entries:
        raise NotPackable("no /Root in the trailer")
    return entries


def xref_stream(
    entries: dict[int, tuple[int, int, int]], number: int, at: int, trailer: bytes
) -> bytes:
    """The cross-reference stream (object `number`, written at byte `at`) and the file end."""
    entries = {**entries, number: (1, at, 0)}
    rows = [struct.pack(">BIH", 0, 0, 0xFFFF)]
    for each in range(1, number + 1):
        kind, first, second = entries.get(each, (0, 0, 0))
        rows.append(struct.pack(">BIH", kind, first, second))
    squeezed = zlib_ng.compress(b"".join(rows), 6)
    return (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2]%s /Filter /FlateDecode /Length %d >>\n"
        % (number, number + 1, trailer, len(squeezed))
        + b"stream\n"
        + squeezed
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % at
    )
