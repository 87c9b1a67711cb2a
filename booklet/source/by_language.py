"""A brand text written once or per language (`disclaimer: {en: …, es: …}`) -> its texts;
a Brand and a booklet's language -> the Brand with the texts of that language."""

from __future__ import annotations

import dataclasses
import re

import yaml

from booklet.model import Brand
from booklet.source.fields import MAX_PARAGRAPH_CHARS, PARAGRAPH_BREAK, Fields, join, scalar_text
from booklet.words import languages
from booklet.words.labels import labels_for

LANGUAGE_KEY = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# the brand texts that may be given per language, as Brand.by_language names them
PER_LANGUAGE = ("organization", "disclaimer", "address")


def read_by_language(
    fields: Fields, name: str, required: bool = False, markup: bool = False
) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    """One text, or a mapping of language tags to texts -> (the text to use when no language
    matches: English or else the first given, every (tag, text) given)."""
    node = fields.get(name)
    if not isinstance(node, yaml.MappingNode):
        return (fields.markup_text if markup else fields.text)(name, required), ()
    where = fields.where(name)
    texts: list[tuple[str, str]] = []
    for key, value in node.value:
        tag = key.value if isinstance(key, yaml.ScalarNode) else ""
        if not LANGUAGE_KEY.match(tag):
            fields.ctx.report(
                key,
                where,
                f'"{tag}" is not a language tag; give the text once, or one text per language '
                "under tags such as en, es or pt-BR",
            )
            continue
        text = scalar_text(fields.ctx, value, join(where, tag), required=True, limit=None)
        if text is not None and max(map(len, PARAGRAPH_BREAK.split(text))) > MAX_PARAGRAPH_CHARS:
            fields.ctx.report(value, join(where, tag), "has a paragraph over the length limit")
        elif text is not None:
            texts.append((tag, text))
    if not texts:
        if required:
            fields.ctx.report(node, where, "must give at least one text")
        return None, ()
    return text_for(tuple(texts), "en"), tuple(texts)


def text_for(texts: tuple[tuple[str, str], ...], language: str) -> str:
    """The text for `language`: its own tag, else its primary language, else English, else
    the first one given."""
    wanted = language.lower()
    for tag, text in texts:
        if tag.lower() == wanted:
            return text
    for candidate in (languages.primary(language), "en"):
        for tag, text in texts:
            if languages.primary(tag) == candidate:
                return text
    return texts[0][1]


def brand_in_language(brand: Brand, language: str) -> Brand:
    """The brand with its per-language texts, and the standard disclaimer, in `language`."""
    given: dict[str, list[tuple[str, str]]] = {}
    for field, tag, text in brand.by_language:
        given.setdefault(field, []).append((tag, text))
    chosen = {field: text_for(tuple(texts), language) for field, texts in given.items()}
    disclaimer = chosen.get("disclaimer", brand.disclaimer)
    if disclaimer is None and brand.standard_disclaimer:
        disclaimer = labels_for(language, brand.labels).disclaimer
    contact = brand.contact
    if "address" in chosen:
        contact = dataclasses.replace(contact, address=chosen["address"])
    return dataclasses.replace(
        brand,
        organization=chosen.get("organization", brand.organization),
        disclaimer=disclaimer,
        contact=contact,
    )
