"""PDF bytes -> the same PDF with its small objects packed into compressed object streams
(PDF 1.5), which is what keeps a tagged booklet's thousand structure elements from
adding a third to its size. Streams already compressed are copied as they are."""

from __future__ import annotations

import io


def packed(data: bytes) -> bytes:
    """`data` rewritten by qpdf with object streams; the same input gives the same bytes."""
    import pikepdf  # imported here: only a finished PDF needs it

    with pikepdf.open(io.BytesIO(data)) as pdf:
        out = io.BytesIO()
        pdf.save(
            out,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            compress_streams=True,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
            deterministic_id=True,
        )
    return out.getvalue()
