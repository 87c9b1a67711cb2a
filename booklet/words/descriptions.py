"""A Picture or Figure without alt text -> a plain description for the tagged PDF, made
from the pose and what it highlights, or from the picture's file name (in English)."""

from __future__ import annotations

import re

from booklet.model import Figure, Picture

_EMPHASIS_MARKS = re.compile(r"(\*{1,3})(?=\S)(.+?)(?<=\S)\1")


def plain(text: str) -> str:
    """Light markup -> the words a reader hears, without its asterisks."""
    return " ".join(_EMPHASIS_MARKS.sub(r"\2", text).split())


def spoken(name: str) -> str:
    """'near.hip-front' -> 'hip front'; 'kneeling-hip-flexor' -> 'kneeling hip flexor'."""
    name = name.split(".", 1)[-1]
    return " ".join(re.split(r"[-_\s]+", name)).strip()


def listed(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def generated_alt(shown: Picture | Figure) -> str:
    """'Drawing of a person in the kneeling hip flexor position, with the hip front
    highlighted.' A writer's alt says more; `validate --strict` still asks for one."""
    if isinstance(shown, Picture):
        return f"Picture: {spoken(shown.path.stem)}."
    if shown.base is None:
        text = f"Anatomy drawing: {spoken(shown.name)}"
    else:
        text = f"Drawing of a person in the {spoken(shown.name)} position"
    highlighted = list(dict.fromkeys(spoken(part) for part in shown.emphasis))
    if highlighted:
        text += f", with the {listed(highlighted)} highlighted"
    return text + "."
