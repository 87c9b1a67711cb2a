"""A FieldSpec -> the words that say what its value may be ("a whole number, 1 to 1000"),
for the format reference's tables, the schemas' descriptions and the starter's comments."""

from __future__ import annotations

from booklet.source.spec import MAX_TEXT_CHARS, SWITCH_WORDS, FieldSpec

MOST_CHOICES_LISTED = 8  # longer lists of names are given in the reference's own tables


def value_words(spec: FieldSpec) -> str:
    """What the field holds, with its limits and default, in Markdown."""
    words = kind_words(spec)
    if spec.default is not None:
        words += f"; default `{spec.default}`"
    return words


def kind_words(spec: FieldSpec) -> str:
    kind = spec.kind
    if kind == "length" and spec.minimum:
        return FIXED_WORDS["length"] + f"; at least {spec.minimum} mm"
    if kind in FIXED_WORDS:
        return FIXED_WORDS[kind]
    if kind == "text":
        return f"text, at most {spec.max_length or MAX_TEXT_CHARS:,} characters"
    if kind == "markup":
        return f"markup text, each paragraph at most {spec.max_length:,} characters"
    if kind == "whole":
        return f"a whole number, {spec.minimum} to {spec.maximum}"
    if kind == "switch":
        return switch_words()
    if kind == "choice":
        return choice_words(spec.choices)
    if kind == "duration":
        return (
            "whole seconds (`30`), `30 seconds` or `2 minutes` (also `sec`, `min`); "
            f"{spoken_seconds(spec.minimum or 1)} to {spoken_seconds(spec.maximum or 1)}"
        )
    if kind == "list":
        return list_words(spec)
    if kind == "mapping":
        shape = spec.shape
        if shape is None or shape.inline or not shape.documented:
            return "a mapping"
        return f"a mapping: see *{shape.title}*"
    if kind == "either":
        return ", or ".join(kind_words(form) for form in spec.forms)
    return ""


FIXED_WORDS = {
    "date": "a date, `YYYY-MM-DD`",
    "length": "a length with `mm`, `cm`, `in` or `pt`, such as `18mm`",
    "web address": "an `http://` or `https://` address",
    "path": "a file's path, from this file's folder",
    "id": "letters, digits, `-` and `_`",
    "language": "a BCP 47 language tag such as `en`, `es` or `pt-BR`",
    "colour": '`"#RRGGBB"`, `"#RGB"` or a CSS colour name',
    "email": "an email address",
    "website": "a web address",
    "answer": "`true` or `false`, a choice, a list of choices, or text",
    "angles": "a mapping of angles in degrees",
    "any": "",
}


def switch_words() -> str:
    """The on/off words, the same in every kind of file: `true` or `false` (or ...)."""
    on = [word for word, value in SWITCH_WORDS.items() if value]
    off = [word for word, value in SWITCH_WORDS.items() if not value]
    extra = " or ".join(f"`{a}`, `{b}`" for a, b in zip(on[1:], off[1:], strict=True))
    return f"on/off: `{on[0]}` or `{off[0]}`" + (f" (or {extra})" if extra else "")


def choice_words(choices: tuple[str, ...]) -> str:
    if len(choices) > MOST_CHOICES_LISTED:
        return "a built-in name"
    quoted = [f"`{choice}`" for choice in choices]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def list_words(spec: FieldSpec) -> str:
    item = spec.item
    what = "a list" if item is None else f"a list, each item {kind_words(item)}"
    if spec.max_items is not None:
        return f"{what}; {spec.min_items} to {spec.max_items} items"
    if spec.min_items:
        return f"{what}; at least {spec.min_items}"
    return what


def spoken_seconds(seconds: int) -> str:
    """3600 -> '60 minutes', 1 -> '1 second'."""
    amount, unit = (seconds // 60, "minute") if seconds % 60 == 0 else (seconds, "second")
    return f"{amount} {unit}" + ("" if amount == 1 else "s")


def plain(words: str) -> str:
    """Markdown words without their backticks and asterisks, for comments and schemas."""
    return words.replace("`", "").replace("*", "")
