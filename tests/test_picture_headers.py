"""A picture is stored at the size that was decoded and turned the way its EXIF or XMP
says, the same in the PDF and the HTML twin: a PNG whose chunks disagree (a second
header, data out of order, a bad checksum) is decoded, never passed through as it is."""

from __future__ import annotations

import base64
import io
import re
import struct
import zlib
from pathlib import Path

import pypdf
import pytest
from conftest import make_picture, write_yaml
from PIL import Image, PngImagePlugin

from booklet.pdf.make import render_outputs
from booklet.source.read import load
from booklet.web.booklet_page import booklet_html

CONTENT = """\
title: Hip care
sections:
  - title: Moving well
    image: picture.png
"""
XMP = (
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/>'
    "</rdf:RDF></x:xmpmeta>"
)


def chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def with_chunk_before_end(path: Path, extra: bytes) -> None:
    data = path.read_bytes()
    end = data.rindex(b"IEND") - 4
    path.write_bytes(data[:end] + extra + data[end:])


def pdf_images(data: bytes) -> list[tuple[int, int]]:
    sizes = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources") or {}
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if xobject.get("/Subtype") == "/Image":
                sizes.append((int(xobject["/Width"]), int(xobject["/Height"])))
    return sizes


def html_image_sizes(html: str) -> list[tuple[int, int]]:
    sizes = []
    for encoded in re.findall(r'src="data:image/\w+;base64,([^"]+)"', html):
        with Image.open(io.BytesIO(base64.b64decode(encoded))) as image:
            sizes.append(image.size)
    return sizes


def build(tmp_path: Path) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    document = load(write_yaml(tmp_path / "booklet.yaml", CONTENT))
    pdf = pdf_images(render_outputs(document).booklet)
    html = html_image_sizes(booklet_html(document.booklet, document.brand).decode())
    return pdf, html


@pytest.mark.parametrize(
    "extra",
    [
        chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)),
        chunk(b"IDAT", zlib.compress(b"\0" * 10)),
    ],
    ids=["second header after the data", "data after other chunks"],
)
def test_a_png_whose_chunks_disagree_is_stored_at_its_decoded_size(
    extra: bytes, tmp_path: Path
) -> None:
    picture = make_picture(tmp_path / "picture.png", (40, 30))
    with_chunk_before_end(picture, chunk(b"tEXt", b"Comment\0x") + extra)
    pdf, html = build(tmp_path)
    assert pdf == [(40, 30)] and html == [(40, 30)]


def test_a_png_with_a_bad_checksum_is_decoded_not_passed_through(tmp_path: Path) -> None:
    picture = make_picture(tmp_path / "picture.png", (40, 30))
    data = bytearray(picture.read_bytes())
    data[data.index(b"IDAT") + 20] ^= 0  # unchanged samples, but:
    data[-5] ^= 0xFF  # the IEND checksum is wrong
    picture.write_bytes(bytes(data))
    from booklet.assets.images import png_samples

    assert png_samples(picture, (40, 30)) is None


def test_a_png_turned_by_its_xmp_prints_turned_in_pdf_and_html(tmp_path: Path) -> None:
    info = PngImagePlugin.PngInfo()
    info.add_itxt("XML:com.adobe.xmp", XMP)
    Image.new("RGB", (40, 30), "teal").save(tmp_path / "picture.png", pnginfo=info)
    pdf, html = build(tmp_path)
    assert pdf == [(30, 40)] and html == [(30, 40)]


def test_a_jpeg_turned_by_its_exif_prints_turned_in_pdf_and_html(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    Image.new("RGB", (40, 30), "teal").save(tmp_path / "picture.jpg", exif=exif)
    write_yaml(tmp_path / "booklet.yaml", CONTENT.replace("picture.png", "picture.jpg"))
    document = load(tmp_path / "booklet.yaml")
    assert pdf_images(render_outputs(document).booklet) == [(30, 40)]
    assert html_image_sizes(booklet_html(document.booklet, document.brand).decode()) == [(30, 40)]


def test_a_png_turned_by_exif_after_its_pixels_prints_turned(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    picture = tmp_path / "picture.png"
    Image.new("RGB", (40, 30), "teal").save(picture)
    with_chunk_before_end(picture, chunk(b"eXIf", exif.tobytes()[6:]))  # no "Exif\0\0"
    pdf, html = build(tmp_path)
    assert pdf == [(30, 40)] and html == [(30, 40)]


def test_a_png_with_nothing_to_turn_it_is_not_decoded_to_learn_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from booklet.assets import images

    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "a screenshot tool")  # text, but no EXIF or XMP
    picture = tmp_path / "screen.png"
    Image.new("RGB", (40, 30), "teal").save(picture, pnginfo=info)

    def no_decoding(*_args: object) -> None:
        raise AssertionError("decoded to read the header")

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", no_decoding)
    assert images.decoded_header(picture) == (40, 30, "PNG", 1)
