"""Small custom flowables drawn with canvas calls: marks to tick, lines to write on, icons,
pictures, QR codes with links, and horizontal rules."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from booklet.colors import reportlab_color


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
            baseline, font_size = 4, size * 0.55
        elif self.shape == "square":
            canvas.roundRect(0, 0, size, size, size * 0.2, stroke=0, fill=1)
            baseline, font_size = size * 0.26, size * 0.62
        else:
            canvas.circle(size / 2, size / 2, size / 2, stroke=0, fill=1)
            baseline, font_size = size * 0.26, size * 0.62
        canvas.setFillColor(reportlab_color("#FFFFFF"))
        canvas.setFont(self.font, font_size)
        canvas.drawCentredString(size / 2, baseline, self.letter)


class Picture(Flowable):
    """A prepared picture (pixels, or JPEG bytes) drawn at a fixed size.

    ReportLab names each image by a digest of its pixels, so equal pictures are stored once.
    """

    def __init__(self, image: Image.Image | bytes, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = image, width, height

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        source = io.BytesIO(self.image) if isinstance(self.image, bytes) else self.image
        self.canv.drawImage(ImageReader(source), 0, 0, self.width, self.height, mask="auto")


class LinkedQr(Flowable):
    """A QR code for a web address that is also a clickable link."""

    def __init__(self, url: str, size: float, color: str) -> None:
        super().__init__()
        self.url, self.size, self.color = url, size, color

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        widget = QrCodeWidget(self.url, barLevel="M", barFillColor=reportlab_color(self.color))
        left, bottom, right, top = widget.getBounds()
        drawing = Drawing(self.size, self.size)
        drawing.scale(self.size / (right - left), self.size / (top - bottom))
        drawing.add(widget)
        drawing.drawOn(self.canv, 0, 0)
        self.canv.linkURL(self.url, (0, 0, self.size, self.size), relative=1, thickness=0)
