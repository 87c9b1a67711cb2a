"""A brand file's YAML nodes -> a checked Brand: colours, logo, fonts, page, contact
details, labels and print settings."""

from __future__ import annotations

import math
from pathlib import Path

import yaml

from booklet.assets import fonts, images
from booklet.assets.colors import parse_color
from booklet.model import (
    FONT_STYLES,
    PAGE_SIZES_PT,
    Brand,
    Contact,
    FontFamily,
)
from booklet.source import spec
from booklet.source.by_language import PER_LANGUAGE, read_by_language
from booklet.source.fields import Context, Fields, scalar_text, suggestion
from booklet.source.links import email_is_valid, has_control, link_problem
from booklet.source.values import (
    POINTS_PER_UNIT,
    read_length,
    read_switch,
    web_address_message,
)
from booklet.words.labels import label_problem


def shape_of(name: str) -> spec.ObjectSpec:
    """The fields of one of the brand's mappings (`colors`, `page`...)."""
    shape = spec.BRAND[name].shape
    assert shape is not None, name
    return shape


def read_brand(
    node: yaml.Node, path: Path, root: Path | None = None
) -> tuple[Brand | None, Context]:
    ctx = Context(path, root=root)
    top = Fields(ctx, node, "", spec.BRAND)
    organization, organizations = read_by_language(top, "organization", required=True)
    logo = read_logo(top)
    primary, accent = read_colors(ctx, top.get("colors"))
    body, heading = read_fonts(ctx, top.get("fonts"))
    page_size, margin = read_page(ctx, top.get("page"))
    contact, addresses = read_contact(ctx, top.get("contact"))
    disclaimer, disclaimers = read_by_language(top, "disclaimer", markup=True)
    reading_grade = top.integer("reading_grade")
    labels = read_labels(ctx, top.get("labels"))
    large_print, grayscale = read_print(ctx, top.get("print"))
    handout_layout = read_handout(ctx, top.get("handout"))
    if ctx.problems or organization is None:
        return None, ctx
    defaults = Brand(organization=organization)
    brand = Brand(
        organization=organization,
        logo=logo,
        primary=primary or defaults.primary,
        accent=accent or defaults.accent,
        body_font=body or defaults.body_font,
        heading_font=heading or defaults.heading_font,
        page_size=page_size or defaults.page_size,
        margin_pt=margin or defaults.margin_pt,
        contact=contact,
        disclaimer=disclaimer,
        by_language=tuple(
            (field, tag, text)
            for field, texts in zip(
                PER_LANGUAGE, (organizations, disclaimers, addresses), strict=True
            )
            for tag, text in texts
        ),
        reading_grade=reading_grade or defaults.reading_grade,
        labels=labels,
        large_print=large_print,
        grayscale=grayscale,
        handout_layout=handout_layout or defaults.handout_layout,
        source=path,
    )
    return brand, ctx


def read_labels(ctx: Context, node: yaml.Node | None) -> tuple[tuple[str, str], ...]:
    """The brand's own words for any label booklet prints, checked by name and placeholder."""
    if node is None:
        return ()
    fields = Fields(ctx, node, "labels", shape_of("labels"))
    found: list[tuple[str, str]] = []
    for name in fields.values:
        value = fields.text(name)
        if value is None:
            continue
        problem = label_problem(name, value)
        if problem:
            ctx.report(fields.get(name), fields.where(name), problem)
        else:
            found.append((name, value))
    return tuple(found)


def read_print(ctx: Context, node: yaml.Node | None) -> tuple[bool, bool]:
    """`print: {large: true, grayscale: true}` -> (large print, grayscale)."""
    if node is None:
        return False, False
    fields = Fields(ctx, node, "print", shape_of("print"))
    return bool(read_switch(fields, "large")), bool(read_switch(fields, "grayscale"))


def read_handout(ctx: Context, node: yaml.Node | None) -> str | None:
    """`handout: {layout: booklet}` -> how a patient's handout prints."""
    if node is None:
        return None
    fields = Fields(ctx, node, "handout", shape_of("handout"))
    return fields.one_of("layout") if fields.get("layout") is not None else None


def read_logo(top: Fields) -> Path | None:
    located = top.path_to("logo")
    if located is None:
        return None
    file, node = located
    problem = images.check_image(file)
    if problem:
        top.ctx.report(node, top.where("logo"), problem)
        return None
    return file


def read_colors(ctx: Context, node: yaml.Node | None) -> tuple[str | None, str | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "colors", shape_of("colors"))
    found: list[str | None] = []
    for name in fields.shape.names:
        value = fields.text(name)
        color = parse_color(value) if value is not None else None
        if value is not None and color is None:
            ctx.report(
                fields.get(name),
                fields.where(name),
                f'"{value}" is not a colour; write "#RRGGBB" (for example "#1F6F8B") '
                "or a CSS colour name"
                + suggestion(value, ["navy", "teal", "darkblue", "darkgreen", "maroon", "purple"]),
            )
        found.append(color)
    return found[0], found[1]


def read_fonts(ctx: Context, node: yaml.Node | None) -> tuple[FontFamily | None, FontFamily | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "fonts", shape_of("fonts"))
    families = []
    for role in fields.shape.names:
        value = fields.get(role)
        families.append(
            read_font_family(ctx, value, fields.where(role)) if value is not None else None
        )
    return families[0], families[1]


def read_font_family(ctx: Context, node: yaml.Node, path: str) -> FontFamily | None:
    """A built-in family name, or font files for regular (required), bold, italic, bold_italic."""
    if isinstance(node, yaml.ScalarNode):
        name = scalar_text(ctx, node, path, required=True)
        if name is None:
            return None
        builtin = fonts.builtin_family(name)
        if builtin is None:
            names = fonts.builtin_names()
            ctx.report(
                node,
                path,
                f'"{name}" is not a built-in font ({", ".join(names)}); name one of these or '
                "give font files such as { regular: fonts/Body-Regular.ttf }"
                + suggestion(name, names),
            )
            return None
        return FontFamily(builtin=builtin)
    fields = Fields(ctx, node, path, spec.FONT_FILES)
    if not fields.ok:
        return None
    files: dict[str, Path | None] = {}
    for style in FONT_STYLES:
        located = fields.path_to(style)
        files[style] = None
        if located is not None:
            problem = fonts.check_font_file(located[0])
            if problem:
                ctx.report(located[1], fields.where(style), problem)
            else:
                files[style] = located[0]
    if files["regular"] is None:
        return None
    return FontFamily(
        regular=files["regular"],
        bold=files["bold"],
        italic=files["italic"],
        bold_italic=files["bold_italic"],
    )


def read_page(ctx: Context, node: yaml.Node | None) -> tuple[str | None, float | None]:
    if node is None:
        return None, None
    fields = Fields(ctx, node, "page", shape_of("page"))
    size = fields.one_of("size")
    margin = read_length(fields, "margin")
    if margin is not None:
        width, height = PAGE_SIZES_PT[size or "letter"]
        least_mm = fields.spec("margin").minimum or 0
        lowest, highest = least_mm * POINTS_PER_UNIT["mm"], min(width, height) / 4
        if not lowest <= margin <= highest:
            # Rounded down, so that the largest margin named is one that is accepted.
            most = math.floor(highest / POINTS_PER_UNIT["mm"])
            ctx.report(
                fields.get("margin"),
                fields.where("margin"),
                f"must be from {least_mm}mm to {most}mm for this page size",
            )
            margin = None
    return size, margin


def read_contact(
    ctx: Context, node: yaml.Node | None
) -> tuple[Contact, tuple[tuple[str, str], ...]]:
    """The contact details, and the address per language when it is given so."""
    if node is None:
        return Contact(), ()
    fields = Fields(ctx, node, "contact", shape_of("contact"))
    email = fields.text("email")
    if email is not None and not email_is_valid(email):
        ctx.report(
            fields.get("email"),
            fields.where("email"),
            f'"{email}" is not an email address; write it as front-desk@example.org'
            if len(email) <= 100 and not has_control(email)
            else "is not an email address; write it as front-desk@example.org",
        )
        email = None
    website = fields.text("website")
    problem = (
        None
        if website is None
        else link_problem(Contact(website=website).website_link or "", ("https", "http"))
    )
    if website is not None and (problem is not None or "." not in website):
        ctx.report(
            fields.get("website"),
            fields.where("website"),
            web_address_message(website, problem or "has no dot in its host name").replace(
                "write it in full, starting with https://", "write it as https://example.org"
            ),
        )
        website = None
    address, addresses = read_by_language(fields, "address")
    return Contact(phone=fields.text("phone"), email=email, website=website, address=address), (
        addresses
    )
