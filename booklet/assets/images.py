"""Picture files -> checked, print-ready Pillow images (right mode, right size, decoded once)
and the compressed samples a PDF stores for them (encoded once per process for each content
of the file: a picture replaced in place is read again)."""

from __future__ import annotations

import hashlib
import importlib
import io
import math
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError
from zlib_ng import zlib_ng

from booklet.assets import disk_cache
from booklet.assets.fingerprints import cached_by_content, content_hash
from booklet.errors import BookletError, Problem
from booklet.source.files import regular_file_problem

# No "MPO": Pillow opens multi-picture JPEGs through the JPEG opener and registers no MPO
# opener, so naming it makes Image.open raise KeyError for any file that is not PNG or JPEG.
ALLOWED_FORMATS = ("PNG", "JPEG", "GIF", "WEBP", "BMP", "TIFF")
OPENERS = ("Png", "Jpeg", "Gif", "WebP", "Bmp", "Tiff")  # Pillow's modules for them
MAX_PIXELS = 40_000_000
MAX_FILE_BYTES = 64 * 1024 * 1024
PRINT_PPI = 300
TURNED_SIDEWAYS = (5, 6, 7, 8)  # orientations that swap width and height
JPEG_QUALITY = 90


def opened(path: Path, formats: tuple[str, ...] = ALLOWED_FORMATS) -> Image.Image:
    """The picture opened (not yet decoded) by one of `formats`' openers.

    Pillow knows five openers until asked for another; then it imports all forty it has
    (a tenth of a second). Importing just the ones booklet allows keeps that away.
    """
    for opener in OPENERS:
        importlib.import_module(f"PIL.{opener}ImagePlugin")
    return Image.open(path, formats=formats)


def check_image(path: Path) -> str | None:
    """None when the picture can be printed, else what is wrong with it. Each content of a
    file is checked once per process, and a good one once per cache (see disk_cache)."""
    problem = regular_file_problem(path, "picture", MAX_FILE_BYTES)
    if problem:
        return problem
    checked = disk_cache.entry_name("checked picture", CHECK_VERSION, content_hash(path))
    if disk_cache.read(checked) == b"ok":
        return None
    problem = decoding_problem(path, str(path))
    if problem is None:
        disk_cache.write(checked, b"ok")
    return problem


# what a check depends on besides the file: its limits and the decoder
CHECK_VERSION = f"1 {MAX_PIXELS} {Image.__version__}"


@cached_by_content(maxsize=1024)
def decoding_problem(path: Path, shown_as: str) -> str | None:
    """None when every byte of the picture decodes, else what is wrong (naming the file as
    `shown_as`). A PNG whose every chunk matches its checksum is not decoded here (it is
    decoded once, when prepared for print); a JPEG is decoded at an eighth of its size:
    every byte of it is still read and checked, at a sixty-fourth of the work. A picture
    that fails is decoded in full, for the reason to give."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with opened(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return (
                        f"the picture {shown_as} is {width}x{height} pixels, more than the "
                        f"limit of {MAX_PIXELS // 1_000_000} million; make it smaller"
                    )
                if image.format == "PNG" and png_checksums_match(path):
                    return None
                if image.format == "JPEG":
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()
    except UnidentifiedImageError:
        return f"{shown_as} is not a picture booklet can print; save it as PNG or JPEG"
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"the picture {shown_as} is too large to open safely; make it smaller"
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        return (
            f"the picture {shown_as} is damaged or truncated ({error}); "
            "export it again as PNG or JPEG"
        )
    return None


def png_checksums_match(path: Path) -> bool:
    """True when every chunk of a PNG is whole and matches its checksum, through to its
    end marker, read without decoding a pixel."""
    try:
        with opened(path, ("PNG",)) as image:
            image.verify()
    except (OSError, ValueError, SyntaxError, EOFError, struct.error):
        return False
    return True


def damaged(path: Path, error: Exception) -> BookletError:
    """A picture that passed its check and still failed to decode for print."""
    message = f"the picture {path} is damaged ({error}); export it again as PNG or JPEG"
    return BookletError([Problem(str(path), None, "", message)])


def header(path: Path) -> tuple[int, int, str]:
    """Width and height in pixels after EXIF rotation, and the file format, from the header."""
    width, height, file_format, orientation = decoded_header(path)
    if orientation in TURNED_SIDEWAYS:
        width, height = height, width
    return width, height, file_format


@cached_by_content(maxsize=256)
def decoded_header(path: Path) -> tuple[int, int, str, int]:
    """Width and height as stored, the file format, and the turn (EXIF orientation, 1 for
    none) that Pillow reads from EXIF or XMP, as `ImageOps.exif_transpose` applies it."""
    with opened(path) as image:
        if image.format == "PNG" and not png_may_turn(path):
            return image.width, image.height, "PNG", 1
        try:  # a PNG's EXIF may follow its pixels, which Pillow then decodes to reach it
            orientation = image.getexif().get(0x0112, 1)
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise damaged(path, error) from None
        return image.width, image.height, image.format or "", orientation


# text chunks Pillow reads an orientation from, besides the eXIf chunk
TURNING_KEYWORDS = (b"exif", b"xmp", b"XML:com.adobe.xmp", b"Raw profile type exif")
TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")


def png_may_turn(path: Path) -> bool:
    """Whether a PNG has anything an orientation can be read from (an eXIf chunk, or a text
    chunk of EXIF or XMP), found in its chunks: a PNG with none is not turned, and is not
    decoded to learn so (Pillow decodes every pixel to reach chunks after them). True for
    a file whose chunks do not check out, for Pillow to read and judge."""
    chunks = png_chunks(path.read_bytes())
    return chunks is None or any(
        kind == b"eXIf" or (kind in TEXT_CHUNKS and body.partition(b"\0")[0] in TURNING_KEYWORDS)
        for kind, body in chunks
    )


def pixel_size(path: Path) -> tuple[int, int]:
    """Width and height in pixels after EXIF rotation."""
    width, height, _ = header(path)
    return width, height


def print_ready(path: Path, max_width_pt: float, max_height_pt: float) -> Image.Image:
    """The picture in a mode PDF can hold, no larger than the box at 300 ppi.

    Not kept: a phone photograph at print size takes 5 MB or more decoded, and what is
    kept instead (see `embeddable`) is its compressed bytes.
    """
    limit = print_limit(max_width_pt, max_height_pt)
    width, height, _, orientation = decoded_header(path)
    stored_limit = limit[::-1] if orientation in TURNED_SIDEWAYS else limit  # as the file lies
    with opened(path) as image:  # leaving closes the file; the decoded pixels stay
        if image.format == "JPEG":  # decoded at 1/2, 1/4 or 1/8 when that still fills the box
            image.draft(image.mode, fitted((width, height), stored_limit))
        try:
            image.load()
        except (OSError, ValueError, SyntaxError, EOFError) as error:
            raise damaged(path, error) from None
        prepared = normalise_mode(image)
    if prepared.width > stored_limit[0] or prepared.height > stored_limit[1]:
        # at 300 ppi, bicubic prints as sharp as Lanczos, in two thirds of the time
        prepared.thumbnail(stored_limit, Image.Resampling.BICUBIC)
    ImageOps.exif_transpose(prepared, in_place=True)  # turned once small: less to move
    return prepared


def fitted(size: tuple[int, int], box: tuple[int, int]) -> tuple[int, int]:
    """`size` scaled down, keeping its shape, to just fit `box` (rounded up)."""
    scale = min(box[0] / size[0], box[1] / size[1], 1.0)
    return math.ceil(size[0] * scale), math.ceil(size[1] * scale)


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


@cached_by_content(maxsize=128)
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
    entry = disk_cache.entry_name("picture", PICTURE_VERSION, content_hash(path), f"{limit} {gray}")
    stored_before = from_entry(disk_cache.read(entry))
    if stored_before is not None:
        return stored_before
    image = print_ready(path, max_width_pt, max_height_pt)
    if gray:
        image = on_white(image).convert("L")
    encoded = encode(image, jpeg=file_format == "JPEG")
    disk_cache.write(entry, as_entry(encoded))
    return encoded


# what a prepared picture depends on besides the file and its box: the way it is made
PICTURE_VERSION = f"3 {PRINT_PPI} {JPEG_QUALITY} {Image.__version__} {zlib_ng.ZLIBNG_VERSION}"
ENTRY_HEAD = struct.Struct(">IIBBBII32s")  # width, height, gray, jpeg, png rows, sizes, digest


def as_entry(encoded: Encoded) -> bytes:
    """An encoded picture as bytes for the disk cache."""
    alpha = encoded.alpha or b""
    head = ENTRY_HEAD.pack(
        encoded.width,
        encoded.height,
        encoded.gray,
        encoded.jpeg,
        encoded.png_rows,
        len(encoded.data),
        len(alpha) if encoded.alpha is not None else 0xFFFFFFFF,
        encoded.digest.encode("ascii"),
    )
    return head + encoded.data + alpha


def from_entry(entry: bytes | None) -> Encoded | None:
    """The encoded picture a disk cache entry holds; None for none, or one of another shape."""
    if entry is None or len(entry) < ENTRY_HEAD.size:
        return None
    width, height, gray, jpeg, png_rows, data_size, alpha_size, digest = ENTRY_HEAD.unpack_from(
        entry
    )
    data = entry[ENTRY_HEAD.size : ENTRY_HEAD.size + data_size]
    alpha = None if alpha_size == 0xFFFFFFFF else entry[ENTRY_HEAD.size + data_size :]
    if len(data) != data_size or (alpha is not None and len(alpha) != alpha_size):
        return None
    return Encoded(
        width, height, bool(gray), bool(jpeg), data, alpha, digest.decode("ascii"), bool(png_rows)
    )


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
            alpha = zlib_ng.compress(image.getchannel("A").tobytes())
            image = image.convert("RGB")
        data = zlib_ng.compress(image.tobytes())
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
    return image
