"""Pictures stage: every Pillow mode becomes one PDF can hold, at print size, looking the same."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pypdfium2
import pytest
from conftest import run_cli
from PIL import Image, ImageFile, ImageOps, JpegImagePlugin
from reportlab.pdfgen.canvas import Canvas

from booklet.assets.images import (
    check_image,
    embeddable,
    encode,
    fitted,
    pixel_size,
    print_ready,
)
from booklet.pdf.drawn import PictureFlowable


def save(image: Image.Image, path: Path, **options) -> Path:
    image.save(path, **options)
    return path


def test_cmyk_jpeg_becomes_rgb_with_the_same_colour(tmp_path):
    path = save(Image.new("CMYK", (40, 30), (0, 255, 255, 0)), tmp_path / "red.jpg", quality=95)
    ready = print_ready(path, 100, 100)
    assert ready.mode == "RGB"
    red, green, blue = ready.getpixel((20, 15))
    assert red > 200 and green < 60 and blue < 60


def test_palette_png_with_transparency_keeps_its_alpha(tmp_path):
    image = Image.new("P", (20, 20), 0)
    image.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    image.paste(1, (0, 0, 10, 20))
    path = save(image, tmp_path / "half.png", transparency=0)
    ready = print_ready(path, 100, 100)
    assert ready.mode == "RGBA"
    assert ready.getpixel((15, 5))[3] == 0
    assert ready.getpixel((5, 5)) == (0, 0, 255, 255)


def test_sixteen_bit_greyscale_keeps_its_tones(tmp_path):
    row = [65535] * 5 + [32768] * 5
    data = b"".join(value.to_bytes(2, "little") for value in row * 10)
    image = Image.frombytes("I;16", (10, 10), data)
    path = save(image, tmp_path / "deep.png")
    ready = print_ready(path, 100, 100)
    assert ready.mode == "L"
    assert ready.getpixel((1, 1)) == 255
    assert 120 <= ready.getpixel((8, 1)) <= 135


def test_opaque_alpha_is_dropped_but_real_transparency_is_kept(tmp_path):
    opaque = save(Image.new("RGBA", (10, 10), (1, 2, 3, 255)), tmp_path / "opaque.png")
    see_through = save(Image.new("RGBA", (10, 10), (1, 2, 3, 100)), tmp_path / "clear.png")
    assert print_ready(opaque, 50, 50).mode == "RGB"
    assert print_ready(see_through, 50, 50).mode == "RGBA"


def test_photo_is_reduced_to_300_ppi_of_its_box_and_never_enlarged(tmp_path):
    big = save(Image.new("RGB", (4000, 3000), "white"), tmp_path / "big.jpg")
    small = save(Image.new("RGB", (50, 40), "white"), tmp_path / "small.png")
    assert print_ready(big, 144, 144).size == (600, 450)
    assert print_ready(small, 144, 144).size == (50, 40)


def test_exif_rotation_is_applied(tmp_path):
    image = Image.new("RGB", (40, 20), "white")
    exif = image.getexif()
    exif[0x0112] = 6
    path = save(image, tmp_path / "turned.jpg", exif=exif)
    assert print_ready(path, 100, 100).size == (20, 40)


@pytest.mark.parametrize("orientation", [1, 6, 8])
def test_a_phone_photo_is_shrunk_as_it_lies_then_turned_upright(tmp_path, orientation):
    # 4032 x 3024 as the phone stores it, red in the corner that is top left when upright
    stored = Image.new("RGB", (4032, 3024), "white")
    red_corner = {1: (0, 0), 6: (0, 3024 - 400), 8: (4032 - 400, 0)}[orientation]
    stored.paste((255, 0, 0), (*red_corner, red_corner[0] + 400, red_corner[1] + 400))
    exif = stored.getexif()
    exif[0x0112] = orientation
    path = save(stored, tmp_path / "phone.jpg", exif=exif, quality=95)
    box = (288, 288)  # 4 x 4 inches: 1200 x 1200 pixels at 300 ppi
    expected = ImageOps.exif_transpose(Image.open(path))
    expected.thumbnail((1200, 1200), Image.Resampling.BICUBIC)
    ready = print_ready(path, *box)
    assert ready.size == expected.size == ((1200, 900) if orientation == 1 else (900, 1200))
    assert ready.getpixel((20, 20))[1] < 60  # red, top left
    assert ready.getpixel((ready.width - 20, ready.height - 20)) > (200, 200, 200)


def test_a_jpeg_is_decoded_at_the_smallest_scale_that_still_fills_its_box(tmp_path):
    # stored upright and tall: 3024 x 4032 into a wide box fits 938 x 1250, so a decoding
    # at half scale (1512 x 2016) is enough, though the box is 1950 pixels wide
    path = save(Image.new("RGB", (3024, 4032), "white"), tmp_path / "tall.jpg")
    decoded: list[tuple[int, int]] = []
    load = JpegImagePlugin.JpegImageFile.load

    def noted(image: Image.Image) -> object:
        done = load(image)
        decoded.append(image.size)
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(JpegImagePlugin.JpegImageFile, "load", noted)
        ready = print_ready(path, 468, 300)
    assert decoded[0] == (1512, 2016)
    assert ready.size == (937, 1250)
    assert fitted((3024, 4032), (1950, 1250)) == (938, 1250)
    assert fitted((50, 40), (1950, 1250)) == (50, 40)  # never enlarged


@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_a_png_turned_by_its_exif_is_measured_turned_without_decoding(tmp_path, mode):
    image = Image.effect_noise((40, 20), 30).convert(mode)
    exif = image.getexif()
    exif[0x0112] = 6
    path = save(image, tmp_path / "turned.png", exif=exif)
    assert pixel_size(path) == (20, 40)
    assert print_ready(path, 100, 100).size == (20, 40)
    with Image.open(path) as opened:
        assert opened.getexif().get(0x0112) == 6  # as Pillow reads it, decoding the picture


def test_transparent_picture_shows_the_page_through_it(tmp_path):
    image = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 10, 20))
    path = save(image, tmp_path / "left-blue.png")
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(100, 100))
    canvas.setFillColorRGB(1, 0, 0)
    canvas.rect(0, 0, 100, 100, stroke=0, fill=1)
    picture = PictureFlowable(encode(print_ready(path, 100, 100)), 100, 100)
    picture.drawOn(canvas, 0, 0)
    canvas.save()
    page = pypdfium2.PdfDocument(buffer.getvalue())[0].render(scale=1).to_pil().convert("RGB")
    assert page.getpixel((25, 50)) == (0, 0, 255)
    assert page.getpixel((75, 50)) == (255, 0, 0)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "is empty (0 bytes)"),
        (b"hello, this is text", "is not a picture booklet can print; save it as PNG or JPEG"),
    ],
)
def test_broken_pictures_are_named(tmp_path, content, expected):
    path = tmp_path / "broken.png"
    path.write_bytes(content)
    problem = check_image(path)
    assert problem is not None and expected in problem and str(path) in problem


def test_truncated_png_is_reported(tmp_path):
    path = save(Image.effect_noise((200, 200), 50).convert("RGB"), tmp_path / "full.png")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert "damaged or truncated" in check_image(path)


def test_truncated_jpeg_is_reported_though_checked_at_an_eighth_of_its_size(tmp_path):
    photo = Image.effect_noise((800, 600), 60).convert("RGB")
    path = save(photo, tmp_path / "photo.jpg", quality=90)
    data = path.read_bytes()
    assert check_image(path) is None
    for cut in (len(data) // 2, len(data) - 200):
        path.write_bytes(data[:cut])
        assert "damaged or truncated" in check_image(path)


def test_a_png_is_checked_by_its_checksums_without_decoding_it(tmp_path, monkeypatch):
    path = save(Image.effect_noise((300, 200), 50).convert("RGB"), tmp_path / "noise.png")
    decoded = []
    load = ImageFile.ImageFile.load

    def counted_load(image):
        if image.tile:
            decoded.append(image.filename)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counted_load)
    assert check_image(path) is None
    assert decoded == []


def with_samples_spoiled(png: bytes) -> bytes:
    """The PNG with its compressed samples overwritten and their checksum made to match."""
    at = png.index(b"IDAT")
    length = struct.unpack(">I", png[at - 4 : at])[0]
    body = png[at + 4 : at + 4 + length]
    spoiled = body[:2] + bytes(255 - b for b in body[2:])
    checksum = struct.pack(">I", zlib.crc32(b"IDAT" + spoiled))
    return png[: at + 4] + spoiled + checksum + png[at + 8 + length :]


def test_a_png_damaged_inside_matching_checksums_is_reported_when_printed(tmp_path, make_content):
    picture = save(Image.effect_noise((300, 200), 50).convert("RGBA"), tmp_path / "bad.png")
    picture.write_bytes(with_samples_spoiled(picture.read_bytes()))
    content = make_content(
        "title: Hip\nsections:\n  - title: A\n    image: bad.png\n", name="bad.yaml"
    )
    result = run_cli(["build", content, "--out", tmp_path / "out"])
    assert result.exit_code == 1
    assert f"the picture {picture} is damaged (" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


def test_the_same_broken_picture_at_two_paths_is_named_by_each(tmp_path):
    first, second = tmp_path / "first.png", tmp_path / "second.png"
    for path in (first, second):
        path.write_bytes(b"not a picture")
    assert str(first) in check_image(first)
    assert str(second) in check_image(second)


def test_picture_over_the_pixel_limit_is_refused(tmp_path):
    path = save(Image.new("1", (7000, 7000)), tmp_path / "huge.png")
    assert "more than the limit" in check_image(path)


def test_folder_is_not_a_picture(tmp_path):
    assert "is a folder, not a picture" in check_image(tmp_path)


def test_a_picture_drawn_twice_is_stored_once_and_photos_stay_jpeg(tmp_path):
    photo = save(Image.effect_noise((60, 40), 40).convert("RGB"), tmp_path / "photo.jpg")
    encoded = encode(print_ready(photo, 100, 100), jpeg=True)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 100), invariant=1)
    for x in (0, 100):
        PictureFlowable(encoded, 90, 60).drawOn(canvas, x, 0)
    canvas.save()
    data = buffer.getvalue()
    assert data.count(b"/Subtype /Image") == 1
    assert b"/DCTDecode" in data
    page = pypdfium2.PdfDocument(data)[0].render(scale=1).to_pil().convert("L")
    assert page.getextrema()[0] < 200  # both copies print, not just blank paper
    assert page.crop((100, 40, 190, 100)).getextrema()[0] < 200


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_a_png_that_needs_no_change_is_stored_as_it_is_and_prints_the_same(tmp_path, mode):
    import pypdf

    image = Image.effect_noise((64, 48), 60).convert(mode)
    path = save(image, tmp_path / "noise.png", optimize=True)
    encoded = embeddable(path, 100, 100)
    assert encoded.png_rows and not encoded.jpeg
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(100, 100), invariant=1)
    PictureFlowable(encoded, 64, 48).drawOn(canvas, 0, 0)
    canvas.save()
    (stored,) = pypdf.PdfReader(buffer).pages[0].images
    assert stored.image.convert(mode).tobytes() == image.tobytes()


@pytest.mark.parametrize(
    ("mode", "options"),
    [("RGBA", {}), ("P", {}), ("I;16", {}), ("RGB", "transparency")],
)
def test_other_pngs_are_decoded_and_encoded_again(tmp_path, mode, options):
    image = Image.new("RGB", (40, 30), (10, 200, 30)).convert(mode)
    if options == "transparency":
        options = {"transparency": (10, 200, 30)}
    path = save(image, tmp_path / "other.png", **options)
    assert not embeddable(path, 100, 100).png_rows
    assert not embeddable(save(image.convert("RGB"), tmp_path / "big.png"), 5, 5).png_rows
