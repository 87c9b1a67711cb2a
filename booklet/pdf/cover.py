"""The cover page as one flowable: a colour band with the title, then the clinic's logo,
name and contact details. It draws across the whole page, past the frame's margins."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from booklet.assets.colors import mix, reportlab_color
from booklet.pdf.drawn import PictureFlowable
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.placement import last_line_words
from booklet.pdf.styles import Styles
from booklet.pdf.tagging import artifact, tag
from booklet.words import markup


@dataclass(frozen=True)
class CoverText:
    title: str
    subtitle: str | None
    kicker: str
    organization: str
    details: tuple[str, ...]
    blanks: tuple[str, str, str]
    prepared: str | None = None  # "Prepared for NAME by CLINICIAN on DATE", else blanks


class Cover(Flowable):
    """Fills the cover frame; `page` and `margin` let it reach the page edges."""

    def __init__(
        self,
        text: CoverText,
        styles: Styles,
        logo: PictureFlowable | None,
        page: tuple[float, float],
        margin: float,
        bleed: float = 0.0,
    ) -> None:
        super().__init__()
        self.text, self.styles, self.logo = text, styles, logo
        self.page, self.margin, self.bleed = page, margin, bleed
        self.title_last_words: tuple[int, ...] = ()  # for the layout record, once drawn
        tag(self, "Div")  # its words tag themselves, top to bottom; its colour is decoration

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, availHeight
        return availWidth, availHeight

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.translate(-self.margin, -self.margin)
        with artifact(canvas):
            band_bottom = self.draw_band()
        self.draw_title(band_bottom)
        if self.text.prepared:
            self.draw_prepared(band_bottom - 8 - self.page[1] * 0.075)
        else:
            self.draw_blanks(band_bottom - 8 - self.page[1] * 0.075)
        self.draw_clinic()
        canvas.restoreState()

    def draw_band(self) -> float:
        """The colour band runs off the top and sides of the page, into any bleed."""
        canvas, palette, bleed = self.canv, self.styles.palette, self.bleed
        width, height = self.page
        bottom = height * 0.44
        left, band_width, band_height = -bleed, width + 2 * bleed, height + bleed - bottom
        canvas.setFillColor(reportlab_color(palette.primary))
        canvas.rect(left, bottom, band_width, band_height, stroke=0, fill=1)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(left, bottom, band_width, band_height)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(reportlab_color(mix(palette.primary, "#FFFFFF", 0.07)))
        canvas.circle(width * 0.95, height * 0.93, width * 0.36, stroke=0, fill=1)
        canvas.setFillColor(reportlab_color(mix(palette.primary, "#FFFFFF", 0.12)))
        canvas.circle(width * 0.95, height * 0.93, width * 0.2, stroke=0, fill=1)
        canvas.restoreState()
        canvas.setFillColor(reportlab_color(palette.accent))
        canvas.rect(left, bottom - 8, band_width, 8, stroke=0, fill=1)
        return bottom

    def draw_title(self, band_bottom: float) -> None:
        """Subtitle, then the title above it, both set as large as the band leaves room for."""
        canvas, styles = self.canv, self.styles
        width = self.page[0] - 2 * self.margin - 20
        room = self.page[1] - self.margin - 40 - (band_bottom + 44)
        kicker_style = styles.cover_subtitle.clone(
            "kicker", fontSize=12 * styles.scale, leading=15 * styles.scale
        )
        kicker = MeasuredParagraph(markup.escape(self.text.kicker.upper()), kicker_style)
        kicker.wrap(width, 100)
        kicker.drawOn(canvas, self.margin, self.page[1] - self.margin - 16)
        y, placed = band_bottom + 44, []
        blocks = self.title_blocks(width, room)
        for block in blocks:  # set from the bottom up
            _, block_height = block.wrap(width, room)
            placed.append((block, y))
            y += block_height + 10
        for block, y in reversed(placed):  # drawn, and read, from the top down
            block.drawOn(canvas, self.margin, y)
        self.title_last_words = tuple(last_line_words(block) for block in blocks)

    def title_blocks(self, width: float, room: float) -> list[MeasuredParagraph]:
        """The subtitle and title at the largest of a few sizes at which both fit the band."""
        styles = self.styles
        for scale in (1.0, 0.85, 0.72, 0.6, 0.5):
            title_style = styles.cover_title.clone(
                "cover_title_fitted",
                fontSize=styles.cover_title.fontSize * scale,
                leading=styles.cover_title.leading * scale,
            )
            sub_style = styles.cover_subtitle.clone(
                "cover_subtitle_fitted",
                fontSize=styles.cover_subtitle.fontSize * max(scale, 0.75),
                leading=styles.cover_subtitle.leading * max(scale, 0.75),
            )
            title = markup.tie_last_words(markup.inline(self.text.title))
            blocks = [tag(MeasuredParagraph(title, title_style), "H1")]
            if self.text.subtitle:
                subtitle = markup.tie_last_words(markup.inline(self.text.subtitle))
                blocks.insert(0, MeasuredParagraph(subtitle, sub_style))
            if sum(block.wrap(width, room)[1] + 10 for block in blocks) <= room:
                break
        return blocks

    def draw_blanks(self, top: float) -> None:
        """Lines for the clinician to write the patient's name, their own name and the date.

        Each label is a paragraph, so any script prints; a right-to-left label sits at the
        right end of its line."""
        canvas, palette = self.canv, self.styles.palette
        style = self.styles.dose_label.clone(
            "blank",
            fontSize=11 * self.styles.scale,
            leading=14 * self.styles.scale,
            textColor=reportlab_color(palette.muted),
        )
        right_to_left = getattr(style, "direction", "ltr") == "rtl"
        left, right = self.margin, self.page[0] - self.margin
        middle = left + (right - left) * 0.58
        rows = [
            [(self.text.blanks[0], left, right)],
            [(self.text.blanks[1], left, middle - 18), (self.text.blanks[2], middle, right)],
        ]
        for index, row in enumerate(rows):
            y = top - index * self.page[1] * 0.05
            for label, first, last in row:
                # a right-to-left page reads its row of blanks from the right
                start, end = first, last
                if right_to_left:
                    start, end = left + right - last, left + right - first
                para = MeasuredParagraph(markup.escape(label), style)
                para.wrap(end - start, 40)
                width = max(para.getActualLineWidths0())
                para.drawOn(canvas, start, y - 3)  # aligned left or right by its style
                if right_to_left:
                    line_start, line_end = start, end - width - 8
                else:
                    line_start, line_end = start + width + 8, end
                with artifact(canvas):
                    canvas.setStrokeColor(reportlab_color(palette.rule))
                    canvas.setLineWidth(0.9)
                    canvas.line(line_start, y - 2, line_end, y - 2)

    def draw_prepared(self, top: float) -> None:
        """Whom the handout was prepared for, by whom and when, where the blanks would be."""
        style = self.styles.subheading.clone("prepared", spaceBefore=0, spaceAfter=0)
        line = MeasuredParagraph(markup.escape(self.text.prepared or ""), style)
        width = self.page[0] - 2 * self.margin
        _, height = line.wrap(width, self.page[1] * 0.2)
        line.drawOn(self.canv, self.margin, top - height + style.fontSize)

    def draw_clinic(self) -> None:
        canvas, styles = self.canv, self.styles
        x, y = self.margin, self.margin + 24
        if self.logo is not None:
            self.logo.canv = canvas
            self.logo.drawOn(canvas, x, y)
            x += self.logo.width + 20
        width = self.page[0] - self.margin - x
        lines = [MeasuredParagraph(markup.escape(self.text.organization), styles.cover_org)]
        lines += [
            MeasuredParagraph(markup.escape(detail), styles.small) for detail in self.text.details
        ]
        heights = [line.wrap(width, 200)[1] for line in lines]
        total = sum(heights) + 2 * (len(lines) - 1)
        logo_height = self.logo.height if self.logo is not None else total
        top = y + max(logo_height, total) / 2 + total / 2
        for line, height in zip(lines, heights, strict=True):
            top -= height
            line.drawOn(canvas, x, top)
            top -= 2
