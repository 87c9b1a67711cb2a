"""Picture files -> checked, print-ready Pillow images (right mode, right size, decoded once)
and the compressed samples a PDF stores for them (encoded once per process)."""

from __future__ import annotations

import functools
import hashlib
import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from booklet.source.files import regular_file_problem

# No "MPO": Pillow opens multi-picture JPEGs through the JPEG opener and registers no MPO
# opener, so naming it makes Image.open raise KeyError for any file that is not PNG or JPEG.
ALLOWED_FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF")
MAX_PIXELS = 40_000_000
MAX_FILE_BYTES = 64 * 1024 * 1024
PRINT_PPI = 300
JPEG_QUALITY = 90


def check_image(path: Path) -> str | None:
    """None when the picture can be printed, else what is wrong with it."""
    problem = regular_file_problem(path, "picture", MAX_FILE_BYTES)
    if problem:
        return problem
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path, formats=ALLOWED_FORMATS) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return (
                        f"the picture {path} is {width}x{height} pixels, more than the limit of "
                        f"{MAX_PIXELS // 1_000_000} million; make it smaller"
                    )
                image.load()
    except UnidentifiedImageError:
        return f"{path} is not a picture booklet can print; save it as PNG or JPEG"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"the picture {path} is too large to open safely; make it smaller"
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        return (
            f"the picture {path} is damaged or truncated ({error}); export it again as PNG or JPEG"
        )
    return None


@functools.lru_cache(maxsize=256)
def header(path: Path) -> tuple[int, int, str]:
    """Width and height in pixels after EXIF rotation, and the file format, from the header."""
    width, height, file_format, orientation = decoded_header(path)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return width, height, file_format


@functools.lru_cache(maxsize=256)
def decoded_header(path: Path) -> tuple[int, int, str, int]:
    """Width and height as stored, the file format, and the turn (EXIF orientation, 1 for
    none) that Pillow reads from EXIF or XMP, as `ImageOps.exif_transpose` applies it."""
    with Image.open(path, formats=ALLOWED_FORMATS) as image:
        orientation = image.getexif().get(0x0112, 1)
        return image.width, image.height, image.format or "", orientation


def pixel_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels after EXIF rotation."""
    width, height, _ = header(path)
    return width, height


@functools.lru_cache(maxsize=128)
def print_ready(path: Path, max_width_pt: float, max_height_pt: float) -> Image.Image:
    """The picture in a mode PDF can hold, no larger than the box at 300 ppi.

    Cached, so a picture used twice is decoded and embedded once.
    """
    limit = print_limit(max_width_pt, max_height_pt)
    with Image.open(path, formats=ALLOWED_FORMATS) as image:
        if image.format == "JPEG":
            image.draft(image.mode, limit)
        image.load()
        prepared = ImageOps.exif_transpose(normalise_mode(image))
    if prepared.width > limit[0] or prepared.height > limit[1]:
        prepared.thumbnail(limit, Image.Resampling.LANCZOS)
    return prepared


def print_limit(max_width_pt: float, max_height_pt: float) -> tuple[int, int]:
    """The most pixels across and down a box needs at 300 ppi."""
    return (
        max(1, round(max_width_pt / 72 * PRINT_PPI)),
        max(1, round(max_height_pt / 72 * PRINT_PPI)),
    )


@dataclass(frozen=True)
class Encoded:
    """A picture as a PDF stores it: JPEG data as it is (photos stay far smaller), or
    Flate-compressed samples and, for a see-through picture, its alpha channel likewise."""

    width: int
    height: int
    gray: bool
    jpeg: bool
    data: bytes
    alpha: bytes | None
    digest: str  # names the picture in a PDF, so equal pictures are stored once
    png_rows: bool = False  # `data` is a PNG file's own: each row starts with its filter


@functools.lru_cache(maxsize=128)
def embeddable(
    path: Path, max_width_pt: float, max_height_pt: float, gray: bool = False
) -> Encoded:
    """What the PDF stores for a picture, encoded once per process: a batch prints the
    same logo and pictures in every handout. With `gray`, in shades of gray, any
    transparency laid on white (pictures print on white)."""
    width, height, file_format, orientation = decoded_header(path)
    limit = print_limit(max_width_pt, max_height_pt)
    if file_format == "PNG" and orientation == 1 and width <= limit[0] and height <= limit[1]:
        stored = png_samples(path, (width, height))
        if stored is not None and (stored.gray or not gray):
            return stored
    image = print_ready(path, max_width_pt, max_height_pt)
    if gray:
        image = on_white(image).convert("L")
    return encode(image, jpeg=file_format == "JPEG")


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_samples(path: Path, decoded_size: tuple[int, int]) -> Encoded | None:
    """A PNG's compressed samples exactly as the file holds them, when a PDF can store them
    unchanged: 8-bit grey or RGB, not interlaced, nothing see-through, no EXIF turn, and
    a well-formed chunk sequence whose one header gives the size Pillow decoded.

    Saves decoding and compressing the picture again; None for any other PNG.
    """
    chunks = png_chunks(path.read_bytes())
    if chunks is None or [kind for kind, _ in chunks].count(b"IHDR") != 1:
        return None
    kinds = [kind for kind, _ in chunks]
    if kinds[0] != b"IHDR" or b"tRNS" in kinds or b"eXIf" in kinds or not one_run_of_data(kinds):
        return None
    width, height, depth, color_type, _, _, interlaced = struct.unpack(">IIBBBBB", chunks[0][1])
    samples = [body for kind, body in chunks if kind == b"IDAT"]
    if (width, height) != decoded_size:
        return None
    if depth != 8 or color_type not in (0, 2) or interlaced:
        return None
    joined = b"".join(samples)
    digest = hashlib.sha256(joined).hexdigest()[:32]
    return Encoded(width, height, color_type == 0, False, joined, None, digest, png_rows=True)


def png_chunks(data: bytes) -> list[tuple[bytes, bytes]] | None:
    """A PNG file -> its chunks (kind, body) up to and with IEND, each length and CRC
    checked; None when the file is not exactly that."""
    if not data.startswith(PNG_SIGNATURE):
        return None
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset + 12 <= len(data):
        length, kind = struct.unpack_from(">I4s", data, offset)
        end = offset + 12 + length
        if end > len(data):
            return None
        body = data[offset + 8 : end - 4]
        if zlib.crc32(kind + body) != struct.unpack_from(">I", data, end - 4)[0]:
            return None
        chunks.append((kind, body))
        offset = end
        if kind == b"IEND":
            return chunks if offset == len(data) and len(chunks[0][1]) == 13 else None
    return None


def one_run_of_data(kinds: list[bytes]) -> bool:
    """True when the IDAT chunks stand together, one after another, as PNG requires."""
    places = [i for i, kind in enumerate(kinds) if kind == b"IDAT"]
    return bool(places) and places == list(range(places[0], places[-1] + 1))


def encode(image: Image.Image, jpeg: bool = False) -> Encoded:
    """An L, RGB or RGBA image -> what the PDF stores; `jpeg` keeps a photo as JPEG."""
    alpha = None
    if jpeg and image.mode in ("RGB", "L"):
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        data = buffer.getvalue()
    else:
        if image.mode == "RGBA":
            alpha = zlib.compress(image.getchannel("A").tobytes())
            image = image.convert("RGB")
        data = zlib.compress(image.tobytes())
        jpeg = False
    digest = hashlib.sha256(data + (alpha or b"")).hexdigest()[:32]
    return Encoded(image.width, image.height, image.mode == "L", jpeg, data, alpha, digest)


def on_white(image: Image.Image) -> Image.Image:
    """A picture with transparency, laid on a white page; others as they are."""
    if image.mode != "RGBA":
        return image
    page = Image.new("RGB", image.size, "white")
    page.paste(image, mask=image.getchannel("A"))
    return page


def normalise_mode(image: Image.Image) -> Image.Image:
    """Any Pillow mode -> L, RGB or RGBA, keeping transparency and 16-bit tones."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I"):
        high = image.convert("I")
        highest = high.getextrema()[1]
        scale = 1 / 256 if isinstance(highest, int | float) and highest > 255 else 1
        return high.point(lambda value: value * scale).convert("L")
    if mode == "F":
        return image.convert("L")
    if mode == "1":
        return image.convert("L")
    if (
        mode in ("P", "PA")
        or (mode in ("L", "RGB") and "transparency" in image.info)
        or mode == "LA"
    ):
        image = image.convert("RGBA")
        mode = "RGBA"
    elif mode not in ("L", "RGB", "RGBA"):
        image = image.convert("RGB")
        mode = "RGB"
    if mode == "RGBA" and image.getchannel("A").getextrema()[0] == 255:
        return image.convert("RGB")
    return image.copy() if image.mode == mode else image
