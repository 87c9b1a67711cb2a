"""Pieces both HTML files share: the page shell and its CSS, light markup, pictures.

User text reaches HTML either through `markup.blocks`/`markup.inline` (which escape it
and add only <b> and <i>) or through `html.escape`; nothing a user types becomes a tag.
"""

from __future__ import annotations

import base64
import html
import io
import re
from pathlib import Path

from booklet.assets import images
from booklet.assets.colors import palette_for
from booklet.assets.fingerprints import cached_by_content
from booklet.model import Brand, Figure, Picture
from booklet.words import languages, markup

# Pictures are sent at most this many points wide at 300 ppi: 1200 pixels, sharp on phones.
WEB_BOX = (288.0, 432.0)
JPEG_QUALITY = 85
_TAGS = {"<b>": "<strong>", "</b>": "</strong>", "<i>": "<em>", "</i>": "</em>"}


def text(value: str) -> str:
    """Plain user text -> HTML that shows exactly that text."""
    return html.escape(value, quote=True)


def inline(value: str) -> str:
    """One line of light-markup user text -> HTML with <strong> and <em>, all else literal."""
    return re.sub(r"</?[bi]>", lambda m: _TAGS[m.group(0)], markup.inline(value))


def blocks(value: str) -> str:
    """Light-markup user text -> paragraphs and lists."""
    out: list[str] = []
    for block in markup.blocks(value):
        if isinstance(block, markup.TextParagraph):
            out.append(f"<p>{to_html(block.markup)}</p>")
        else:
            tag = "ul" if isinstance(block, markup.BulletList) else "ol"
            start = (
                f' start="{block.start}"'
                if isinstance(block, markup.NumberedList) and block.start != 1
                else ""
            )
            items = "".join(f"<li>{to_html(item)}</li>" for item in block.items)
            out.append(f"<{tag}{start}>{items}</{tag}>")
    return "\n".join(out)


def to_html(paragraph_markup: str) -> str:
    """markup.py's escaped text with <b>/<i> -> the same text with <strong>/<em>."""
    return re.sub(r"</?[bi]>", lambda m: _TAGS[m.group(0)], paragraph_markup)


@cached_by_content(maxsize=64)
def data_uri(path: Path) -> str:
    """A picture as a data: URI, no larger than WEB_BOX at 300 ppi; photos stay JPEG."""
    image = images.print_ready(path, *WEB_BOX)
    buffer = io.BytesIO()
    if images.header(path)[2] == "JPEG" and image.mode in ("RGB", "L"):
        image.save(buffer, format="JPEG", quality=JPEG_QUALITY)
        kind = "jpeg"
    else:
        image.save(buffer, format="PNG")
        kind = "png"
    return f"data:image/{kind};base64,{base64.b64encode(buffer.getvalue()).decode('ascii')}"


def figure(visual: Picture | Figure, fallback_alt: str, brand: Brand, css_class: str = "") -> str:
    """A picture or drawn figure with its alt text and caption: the one place they become HTML."""
    source, width, height = (
        picture_source(visual) if isinstance(visual, Picture) else drawn_source(visual, brand)
    )
    alt = visual.alt or visual.caption or fallback_alt
    caption = f"<figcaption>{inline(visual.caption)}</figcaption>" if visual.caption else ""
    if isinstance(visual, Figure):
        css_class = f"{css_class} drawn".strip()
    classes = f' class="{css_class}"' if css_class else ""
    return (
        f'<figure{classes}><img src="{source}" alt="{text(alt)}" '
        f'width="{width}" height="{height}">{caption}</figure>'
    )


def picture_source(picture: Picture) -> tuple[str, int, int]:
    width, height = images.pixel_size(picture.path)
    return data_uri(picture.path), width, height


DRAWN_WIDTH_PX = 600  # vector art: shown as large as the page allows, capped by the CSS


def drawn_source(drawn: Figure, brand: Brand) -> tuple[str, int, int]:
    """A drawn figure as SVG in the clinic's colours, as wide as the page allows."""
    from booklet.figures import draw
    from booklet.figures.marks import Colors

    drawing = draw.figure_drawing(drawn, Colors.from_brand(brand.primary, brand.accent))
    svg = base64.b64encode(draw.svg_bytes(drawing)).decode("ascii")
    height = round(DRAWN_WIDTH_PX * drawing.height / drawing.width)
    return f"data:image/svg+xml;base64,{svg}", DRAWN_WIDTH_PX, height


def logo(brand: Brand) -> str:
    if brand.logo is None:
        return ""
    width, height = images.pixel_size(brand.logo)
    return (
        f'<img class="logo" src="{data_uri(brand.logo)}" alt="{text(brand.organization)}" '
        f'width="{width}" height="{height}">'
    )


def page(language: str, title: str, brand: Brand, body: str) -> bytes:
    """A whole HTML document: doctype, language, viewport, title, the CSS, and `body`."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{text(language)}"{direction(language)}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>\n{css(brand)}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    ).encode()


def direction(language: str) -> str:
    """The `dir` attribute for a right-to-left language, else nothing."""
    return ' dir="rtl"' if languages.is_rtl(language) else ""


def css(brand: Brand) -> str:
    palette = palette_for(brand, brand.grayscale)
    styles = (
        CSS.replace("PRIMARY_TEXT", palette.primary_text)
        .replace("ON_PRIMARY", palette.on_primary)
        .replace("PRIMARY_TINT", palette.primary_wash)
        .replace("PRIMARY", palette.primary)
        .replace("ACCENT", palette.accent)
    )
    if brand.large_print:
        styles += LARGE_PRINT_CSS
    if brand.grayscale:
        styles += GRAYSCALE_CSS
    return styles


# 18 pt text (24 px) with 1.5 line spacing, in a typeface that tells I, l and 1 apart
LARGE_PRINT_CSS = """\
body, body p, body li { font-size: 1.5rem; line-height: 1.5; text-align: start; }
body { font-family: "Atkinson Hyperlegible", Verdana, "Noto Sans", sans-serif; }
.wrap { max-width: 52rem; }
figcaption, .dosage dt, .hint { font-size: 1.2rem; }
.stretch figure img, .stretch figure.drawn img { width: min(100%, 30rem); max-height: none; }
.dosage { grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); }
"""
GRAYSCALE_CSS = """\
html { filter: grayscale(1); }
"""


CSS = """\
:root { --primary: PRIMARY; --primary-text: PRIMARY_TEXT; --on-primary: ON_PRIMARY;
  --wash: PRIMARY_TINT; --accent: ACCENT; --ink: #1a1a1a; --muted: #4a4a4a;
  --warning: #a4262c; --warning-wash: #fdf0f0; --tip-wash: #f1f7ee; --tip: #2e6b30;
  --note-wash: #f3f4f6; --rule: #d0d4d9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; font-family: "Noto Sans",
  "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.1875rem;
  line-height: 1.6; }
.wrap { max-width: 44rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: var(--primary-text); text-underline-offset: 0.15em; }
a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent);
  outline-offset: 2px; }
h1, h2, h3, h4 { line-height: 1.25; color: var(--primary-text); }
h1 { font-size: 2.1rem; margin: 0.4rem 0 0.6rem; color: inherit; }
h2 { font-size: 1.6rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.35rem;
  border-bottom: 4px solid var(--accent); }
h3 { font-size: 1.3rem; margin: 0; }
img { max-width: 100%; height: auto; }
.cover { background: var(--primary); color: var(--on-primary); padding: 1.75rem 0 2rem;
  border-bottom: 8px solid var(--accent); }
.cover .kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.9rem;
  margin: 0.8rem 0 0; }
.cover .subtitle { font-size: 1.25rem; margin: 0 0 1rem; }
.cover .org { font-weight: 700; margin: 0; }
.cover .prepared { font-size: 1.1rem; font-weight: 700; margin: 0 0 1rem; }
.cover .logo { background: #fff; padding: 0.5rem; border-radius: 0.5rem; max-height: 5.5rem;
  width: auto; }
nav ol { padding-left: 1.5rem; }
nav li { margin: 0.35rem 0; }
figure { margin: 1.25rem 0; }
figure img { display: block; margin: 0 auto; border-radius: 0.4rem; }
figcaption { font-size: 1rem; color: var(--muted); margin-top: 0.5rem; }
li { margin: 0.3rem 0; }
.callout { border-left: 6px solid var(--primary); background: var(--note-wash);
  padding: 0.75rem 1rem; margin: 1.25rem 0; border-radius: 0 0.4rem 0.4rem 0; }
.callout p { margin: 0.3rem 0; }
.callout .label { font-weight: 700; }
.callout.tip { border-color: var(--tip); background: var(--tip-wash); }
.callout.warning { border: 2px solid var(--warning); border-left-width: 6px;
  background: var(--warning-wash); }
.callout.warning .label { color: var(--warning); }
.stretch { border: 2px solid var(--rule); border-radius: 0.6rem; margin: 1.5rem 0;
  overflow: hidden; }
.stretch header { background: var(--primary); color: var(--on-primary); padding: 0.7rem 1rem; }
.stretch header h3 { color: inherit; }
.stretch .purpose { font-style: italic; margin: 0.2rem 0 0; }
.stretch .inner { padding: 0.25rem 1rem 1rem; }
.stretch figure img { max-height: 16rem; width: auto; }
figure.drawn img { width: min(100%, 24rem); height: auto; max-height: none; }
.stretch figure.drawn img { width: min(100%, 18rem); }
.steps li { margin: 0.5rem 0; }
.dosage { display: grid; grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
  gap: 0.5rem; margin: 1rem 0; padding: 0; }
.dosage div { background: var(--wash); border-radius: 0.4rem; padding: 0.45rem 0.7rem; }
.dosage dt { font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.05em;
  color: var(--muted); }
.dosage dd { margin: 0; font-weight: 700; }
fieldset { border: 2px solid var(--rule); border-radius: 0.6rem; margin: 1.25rem 0;
  padding: 0.75rem 1rem 1rem; }
legend { float: left; width: 100%; font-weight: 700; padding: 0; margin: 0 0 0.4rem; }
legend + * { clear: both; }
.hint { color: var(--muted); font-style: italic; margin: 0.2rem 0 0.5rem; }
.choice { display: flex; align-items: flex-start; gap: 0.6rem; padding: 0.45rem 0; }
.choice input { width: 1.5rem; height: 1.5rem; margin: 0.15rem 0 0; flex: none;
  accent-color: var(--primary); }
textarea { width: 100%; font: inherit; padding: 0.5rem; border: 2px solid var(--rule);
  border-radius: 0.4rem; }
.back { margin-top: 3rem; padding: 1.5rem 0 2.5rem; background: var(--wash);
  border-top: 4px solid var(--accent); }
.back h2 { margin-top: 1rem; }
.contact dt { font-weight: 700; }
.contact dd { margin: 0 0 0.6rem; }
.disclaimer { background: #fff; border-radius: 0.4rem; padding: 0.75rem 1rem; }
.choices { list-style: none; padding-left: 0.25rem; }
.answer { font-weight: 700; color: var(--primary-text); }
.clinician { font-weight: 700; color: var(--warning); }
.version { font-weight: 700; color: var(--muted); }
.log-scroll { overflow-x: auto; }
.log { border-collapse: collapse; width: 100%; font-size: 1rem; }
.log th, .log td { border: 1px solid var(--rule); padding: 0.4rem; text-align: center; }
.log thead th { background: var(--wash); }
.log th[scope="row"] { text-align: left; font-weight: 400; }
.log .dose { font-size: 0.85rem; color: var(--muted); }
.log input[type="checkbox"] { width: 1.4rem; height: 1.4rem; margin: 0.1rem;
  accent-color: var(--primary); }
.log input[type="number"] { width: 3rem; font: inherit; }
@media (min-width: 40rem) { body { font-size: 1.125rem; } }
@media print { .cover, .stretch header { -webkit-print-color-adjust: exact;
  print-color-adjust: exact; } }
"""
