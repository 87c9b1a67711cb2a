"""Medical words -> plain words: the built-in list, and a YAML file that adds to or changes it."""

from __future__ import annotations

from pathlib import Path

import yaml

from booklet.errors import BookletError, Problem
from booklet.source import loading
from booklet.source.fields import is_null

# What a patient reads instead; PT and general medical vocabulary, lower case.
PLAIN_WORDS: dict[str, str] = {
    "abduction": "moving away from the body",
    "acute": "sudden, short-term",
    "adduction": "moving toward the body",
    "adverse": "harmful",
    "ambulate": "walk",
    "ambulation": "walking",
    "analgesic": "pain medicine",
    "anterior": "front",
    "approximately": "about",
    "bilateral": "both sides",
    "bilaterally": "on both sides",
    "cardiovascular": "heart and blood vessel",
    "cervical": "neck",
    "chronic": "long-lasting",
    "commence": "start",
    "contraindicated": "not safe",
    "contralateral": "on the other side",
    "cutaneous": "skin",
    "distal": "farther from the body",
    "dorsiflexion": "pulling the foot up",
    "dyspnea": "shortness of breath",
    "edema": "swelling",
    "efficacy": "how well it works",
    "erythema": "redness",
    "etiology": "cause",
    "exacerbate": "make worse",
    "exacerbation": "flare-up",
    "extension": "straightening",
    "femur": "thigh bone",
    "flexion": "bending",
    "gait": "walking pattern",
    "hypertension": "high blood pressure",
    "hypotension": "low blood pressure",
    "inferior": "lower",
    "inflammation": "swelling and redness",
    "ipsilateral": "on the same side",
    "lateral": "outer side",
    "lumbar": "lower back",
    "medial": "inner side",
    "modality": "type of treatment",
    "musculoskeletal": "muscle and bone",
    "nonsteroidal anti-inflammatory": "pain and swelling medicine",
    "nsaid": "pain and swelling medicine",
    "occlusion": "blockage",
    "orthosis": "brace",
    "osteoarthritis": "wear-and-tear arthritis",
    "palpate": "feel with the hands",
    "palpation": "feeling with the hands",
    "paresthesia": "tingling",
    "patella": "kneecap",
    "pathology": "disease",
    "perform": "do",
    "plantar flexion": "pointing the foot down",
    "posterior": "back",
    "prior to": "before",
    "prognosis": "outlook",
    "prone": "lying face down",
    "prophylaxis": "prevention",
    "proximal": "closer to the body",
    "range of motion": "how far you can move",
    "rotation": "turning",
    "sacroiliac": "low back and pelvis joint",
    "scapula": "shoulder blade",
    "subsequently": "later",
    "superior": "upper",
    "supine": "lying on your back",
    "symptomatic": "having symptoms",
    "thoracic": "upper back",
    "utilize": "use",
    "vertebra": "spine bone",
    "vertebrae": "spine bones",
    "weight-bearing": "standing on it",
}


def read_words(path: Path) -> dict[str, str | None]:
    """A words file: a mapping of word -> plain alternative; an empty value turns a word off."""
    node = loading.load_yaml(path)
    name = str(path)
    if not isinstance(node, yaml.MappingNode):
        raise BookletError(
            [Problem(name, node.start_mark.line + 1, "", "must be a mapping of word: plain word")]
        )
    words: dict[str, str | None] = {}
    problems: list[Problem] = []
    for key, value in node.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or is_null(key) or not key.value.strip():
            problems.append(Problem(name, line, "", "each word must be plain text"))
            continue
        word = " ".join(key.value.lower().split())
        if not isinstance(value, yaml.ScalarNode):
            problems.append(Problem(name, line, word, "the plain alternative must be text"))
            continue
        words[word] = None if is_null(value) or not value.value.strip() else value.value.strip()
    if problems:
        raise BookletError(problems)
    return words


def word_list(extra: dict[str, str | None] | None = None) -> dict[str, str]:
    """The built-in list with a words file's additions, changes and removals."""
    merged: dict[str, str | None] = {**PLAIN_WORDS, **(extra or {})}
    return {word: plain for word, plain in merged.items() if plain}
