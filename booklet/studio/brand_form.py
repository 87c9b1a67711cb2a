"""A brand file and the brand form -> the file's new text with its comments and order
kept (round-trip YAML), checked by the brand reader, with the contrast warnings and the
difference from the file as saved."""

from __future__ import annotations

import difflib
import io
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from booklet.errors import BookletError, Problem
from booklet.model import Brand
from booklet.source import loading
from booklet.source.brand import read_brand
from booklet.source.places import Places
from booklet.source.warning_rules import faint_colors


@dataclass(frozen=True)
class BrandField:
    """One field the form edits, by its path in the brand file."""

    path: tuple[str, ...]
    label: str
    kind: str = "text"  # text, colour, font, size, email, tel, url

    @property
    def name(self) -> str:
        return ".".join(self.path)


BRAND_FIELDS = (
    BrandField(("organization",), "Clinic name"),
    BrandField(("colors", "primary"), "Main colour", "colour"),
    BrandField(("colors", "accent"), "Accent colour", "colour"),
    BrandField(("fonts", "body"), "Body font", "font"),
    BrandField(("fonts", "heading"), "Heading font", "font"),
    BrandField(("page", "size"), "Page size", "size"),
    BrandField(("contact", "phone"), "Phone", "tel"),
    BrandField(("contact", "email"), "Email", "email"),
    BrandField(("contact", "website"), "Website", "url"),
    BrandField(("contact", "address"), "Address"),
    BrandField(("logo",), "Logo file", "logo"),
)
BUILTIN_FONTS = (
    "Noto Sans",
    "Liberation Sans",
    "Liberation Serif",
    "Liberation Mono",
    "DejaVu Sans",
    "Helvetica",
    "Times",
    "Courier",
)


def round_trip() -> YAML:
    handler = YAML()  # round-trip: comments, order and quoting stay as written
    handler.preserve_quotes = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    return handler


def read_tree(text: str) -> CommentedMap:
    tree = round_trip().load(text) if text.strip() else CommentedMap()
    return tree if isinstance(tree, CommentedMap) else CommentedMap()


def current_values(text: str) -> tuple[dict[str, str], set[str]]:
    """The form's fields as the file holds them, and the fields written in a form the
    form cannot edit (per language, or font files), which it leaves as they are."""
    tree = read_tree(text)
    values: dict[str, str] = {}
    fixed: set[str] = set()
    for brand_field in BRAND_FIELDS:
        value: object = tree
        for key in brand_field.path:
            value = value.get(key) if isinstance(value, Mapping) else None
        if isinstance(value, Mapping | list):
            fixed.add(brand_field.name)
        elif value is not None:
            values[brand_field.name] = str(value)
    return values, fixed


def edited_text(text: str, form: Mapping[str, str]) -> str:
    """The brand file's text with the form's values in place of the file's; an emptied
    field is removed, and a mapping left empty by that too."""
    tree = read_tree(text)
    _, fixed = current_values(text)
    for brand_field in BRAND_FIELDS:
        if brand_field.name in fixed or brand_field.name not in form:
            continue
        put(tree, brand_field.path, form[brand_field.name].strip())
    out = io.StringIO()
    round_trip().dump(tree, out)
    return out.getvalue()


def put(tree: CommentedMap, path: tuple[str, ...], value: str) -> None:
    *parents, last = path
    node = tree
    for key in parents:
        child = node.get(key)
        if not isinstance(child, CommentedMap):
            if not value:
                return
            child = CommentedMap()
            node[key] = child
        node = child
    if value:
        if node.get(last) != value:
            node[last] = value
    elif last in node:
        del node[last]
        if len(parents) == 1 and not node:
            del tree[parents[0]]


@dataclass(frozen=True)
class CheckedBrand:
    """The new text read as a brand file: the brand, or its problems; its warnings."""

    text: str
    brand: Brand | None
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]


def check_text(text: str, path: Path, root: Path) -> CheckedBrand:
    """Read the text as the brand file at `path` would be read, files confined to `root`."""
    name = str(path)
    try:
        loading.check_events(name, text, loading.FAST_LOADER)
        node = yaml.compose(text, Loader=loading.FAST_LOADER)
    except yaml.YAMLError as error:
        return CheckedBrand(text, None, (loading.clearest_yaml_problem(name, text, error),), ())
    except BookletError as error:
        return CheckedBrand(text, None, error.problems, ())
    if node is None:
        return CheckedBrand(text, None, (Problem(name, 1, "", "the file is empty"),), ())
    brand, ctx = read_brand(node, path, root)
    if brand is None or ctx.problems:
        return CheckedBrand(text, None, tuple(ctx.problems), ())
    return CheckedBrand(text, brand, (), tuple(faint_colors(Places(name, node), brand)))


def difference(old: str, new: str, name: str) -> list[tuple[str, str]]:
    """The lines that change, as (kind, line): kind is "add", "del" or "" for context."""
    lines = difflib.unified_diff(
        old.splitlines(), new.splitlines(), f"{name} (saved)", f"{name} (new)", lineterm="", n=2
    )
    return [
        ("add" if line.startswith("+") else "del" if line.startswith("-") else "", line)
        for line in lines
        if not line.startswith(("+++", "---"))
    ]


def save_text(path: Path, text: str) -> None:
    """Write the file whole or not at all: a temporary file beside it, then a rename."""
    handle, temporary = tempfile.mkstemp(prefix=".brand-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
