"""Small custom flowables drawn with canvas calls: marks to tick, lines to write on, icons,
pictures, vector artwork, QR codes with links, and horizontal rules."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable

import reportlab
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from booklet.assets import disk_cache
from booklet.assets.colors import reportlab_color
from booklet.assets.images import Encoded
from booklet.figures.draw import Art
from booklet.pdf import compat


class ChoiceMark(Flowable):
    """An empty circle (pick one) or square (pick any) for the reader to tick."""

    def __init__(self, shape: str, size: float, color: str) -> None:
        super().__init__()
        self.shape, self.size, self.color = shape, size, color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(reportlab_color(self.color))
        canvas.setLineWidth(1.2)
        if self.shape == "circle":
            radius = self.size / 2
            canvas.circle(radius, radius, radius - 0.6, stroke=1, fill=0)
        else:
            canvas.roundRect(0.6, 0.6, self.size - 1.2, self.size - 1.2, 1.5, stroke=1, fill=0)


class WritingLines(Flowable):
    """Ruled lines to write an answer on."""

    def __init__(self, count: int, spacing: float, color: str) -> None:
        super().__init__()
        self.count, self.spacing, self.color = count, spacing, color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.count * self.spacing

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(reportlab_color(self.color))
        canvas.setLineWidth(0.8)
        for index in range(self.count):
            y = index * self.spacing + 2
            canvas.line(0, y, self.width, y)


class Rule(Flowable):
    """A coloured horizontal rule of a given length (or the full width)."""

    def __init__(
        self,
        color: str,
        thickness: float,
        length: float | None = None,
        space_before: float = 0,
        space_after: float = 0,
    ) -> None:
        super().__init__()
        self.color, self.thickness, self.length = color, thickness, length
        self.spaceBefore, self.spaceAfter = space_before, space_after

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.length or availWidth
        return self.width, self.thickness

    def draw(self) -> None:
        self.canv.setFillColor(reportlab_color(self.color))
        self.canv.rect(0, 0, self.width, self.thickness, stroke=0, fill=1)


class Icon(Flowable):
    """A round or triangular badge with one letter: tip, note and warning each have their own."""

    SIZE = 22

    def __init__(self, shape: str, letter: str, color: str, font: str, size: float = SIZE) -> None:
        super().__init__()
        self.shape, self.letter, self.color, self.font, self.size = shape, letter, color, font, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        canvas, size = self.canv, self.size
        canvas.setFillColor(reportlab_color(self.color))
        if self.shape == "triangle":
            path = canvas.beginPath()
            path.moveTo(size / 2, size)
            path.lineTo(size, 1)
            path.lineTo(0, 1)
            path.close()
            canvas.drawPath(path, stroke=0, fill=1)
            baseline, font_size = 4.0, size * 0.55
        elif self.shape == "square":
            canvas.roundRect(0, 0, size, size, size * 0.2, stroke=0, fill=1)
            baseline, font_size = size * 0.26, size * 0.62
        else:
            canvas.circle(size / 2, size / 2, size / 2, stroke=0, fill=1)
            baseline, font_size = size * 0.26, size * 0.62
        canvas.setFillColor(reportlab_color("#FFFFFF"))
        canvas.setFont(self.font, font_size)
        canvas.drawCentredString(size / 2, baseline, self.letter)


class PictureFlowable(Flowable):
    """An encoded picture drawn at a fixed size, stored once per PDF under its digest."""

    def __init__(self, image: Encoded | Callable[[], Encoded], width: float, height: float) -> None:
        """`image`, or what gives it when the picture is drawn (it may still be in the
        making while the pages before it are laid out)."""
        super().__init__()
        self.image, self.width, self.height = image, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, image = self.canv, self.image
        if not isinstance(image, Encoded):
            image = image()
        if not canvas.hasForm(image.digest):
            store_image(canvas, image)
        canvas.saveState()
        canvas.scale(self.width, self.height)
        canvas.doForm(image.digest)
        canvas.restoreState()


def store_image(canvas: Canvas, image: Encoded) -> None:
    """Add the picture (and its alpha channel as a soft mask) to the canvas's PDF as image
    objects holding the already compressed data, as canvas.drawImage would store them."""
    document = compat.pdf_document(canvas)
    color_space = "DeviceGray" if image.gray else "DeviceRGB"
    entries: dict[str, object] = {}
    if image.png_rows:
        columns = {"Colors": 1 if image.gray else 3, "Columns": image.width}
        # one set of parameters per filter, as Filter is an array
        entries["DecodeParms"] = PDFArray([PDFDictionary({"Predictor": 15, **columns})])
    if image.alpha is not None:
        mask = image_object(image, image.alpha, "DeviceGray", {"Decode": PDFArray([0, 1])})
        name = document.getXObjectName(f"{image.digest}-alpha")
        entries["SMask"] = document.Reference(mask, name)
    document.addForm(image.digest, image_object(image, image.data, color_space, entries))


def image_object(
    image: Encoded, data: bytes, color_space: str, entries: dict[str, object]
) -> PDFStream:
    """An image object holding `data`: JPEG, or Flate-compressed samples."""
    dictionary = {
        "Type": PDFName("XObject"),
        "Subtype": PDFName("Image"),
        "Width": image.width,
        "Height": image.height,
        "BitsPerComponent": 8,
        "ColorSpace": PDFName(color_space),
        "Filter": PDFArray([PDFName("DCTDecode" if image.jpeg else "FlateDecode")]),
        **entries,
    }
    return PDFStream(PDFDictionary(dictionary), data)


class Artwork(Flowable):
    """Vector art scaled to `width` x `height`, stored once per PDF as a form named `name`
    and placed wherever it is used again: equal names must mean equal art."""

    def __init__(self, art: Art, name: str, width: float, height: float) -> None:
        super().__init__()
        self.art, self.name, self.width, self.height = art, name, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas, art = self.canv, self.art
        if not canvas.hasForm(self.name):
            compat.add_form(canvas, self.name, art.width, art.height, art.operators)
        canvas.saveState()
        canvas.scale(self.width / art.width, self.height / art.height)
        canvas.doForm(self.name)
        canvas.restoreState()


class LinkedQr(Flowable):
    """A QR code for a web address that is also a clickable link."""

    def __init__(self, url: str, size: float, color: str) -> None:
        super().__init__()
        self.url, self.size, self.color = url, size, color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.addLiteral(qr_operators(self.url, self.size, self.color))
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)


QR_QUIET_ZONE = 4  # light modules around the code, as the QR standard asks


@functools.lru_cache(maxsize=64)
def qr_operators(url: str, size: float, color: str) -> str:
    """PDF operators drawing the QR code of `url`, `size` points square with its quiet zone:
    one rectangle per run of dark modules in a row. A batch prints the same few codes again
    and again, and encoding one costs more than laying out a page, so each is made once per
    process, and kept in the disk cache for the next (a link is the content's, never a
    patient's). Each run is filled on its own: one path of all the runs prints lighter in
    some viewers."""
    version = f"{QR_VERSION} {reportlab.Version}"
    entry = disk_cache.entry_name("qr", version, url, repr(size), color)
    stored = disk_cache.read(entry)
    if stored is not None:
        return stored.decode()
    operators = encoded_qr(url, size, color)
    disk_cache.write(entry, operators.encode())
    return operators


QR_VERSION = "1"  # how encoded_qr draws a code: change it when that changes


def encoded_qr(url: str, size: float, color: str) -> str:
    # imported here: ReportLab's barcode package loads every barcode and its drawing shapes
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(url)
    code.make()
    count = code.getModuleCount()
    module = size / (count + 2 * QR_QUIET_ZONE)
    runs = []
    for row_number, row in enumerate(code.modules):
        top = size - (row_number + QR_QUIET_ZONE + 1) * module
        column = 0
        for dark, cells in itertools.groupby(bool(cell) for cell in row):
            length = len(list(cells))
            if dark:
                left = (column + QR_QUIET_ZONE) * module
                runs.append(f"{fp_str(left, top, length * module, module)} re f")
            column += length
    rgb = fp_str(*reportlab_color(color).rgb())
    return f"q {rgb} rg {' '.join(runs)} Q"


class LinesToFill(WritingLines):
    """Ruled lines down the rest of the frame: a page to write notes on."""

    def __init__(self, spacing: float, color: str, most: int = 40) -> None:
        super().__init__(most, spacing, color)
        self.most = most

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.count = max(1, min(self.most, int(availHeight // self.spacing)))
        return super().wrap(availWidth, availHeight)


class TickBoxes(Flowable):
    """`count` empty squares side by side (stacked when the cell is too narrow), centred."""

    def __init__(self, count: int, size: float, color: str, gap: float = 4) -> None:
        super().__init__()
        self.count, self.size, self.color, self.gap = count, size, color, gap
        self.across = count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        step = self.size + self.gap
        self.across = max(1, min(self.count, int((availWidth + self.gap) // step)))
        rows = -(-self.count // self.across)
        self.width = availWidth
        self.height = rows * step - self.gap
        return self.width, self.height

    def draw(self) -> None:
        canvas, step = self.canv, self.size + self.gap
        canvas.setStrokeColor(reportlab_color(self.color))
        canvas.setLineWidth(1.1)
        for index in range(self.count):
            row, column = divmod(index, self.across)
            in_row = min(self.across, self.count - row * self.across)
            left = (self.width - (in_row * step - self.gap)) / 2
            x = left + column * step
            y = self.height - (row + 1) * step + self.gap
            canvas.roundRect(x, y, self.size, self.size, 2, stroke=1, fill=0)
