"""A composed YAML tree -> the node of every field, by the path the validator names it with.

The frozen model keeps no line numbers; stages that report on a validated booklet (the
reading check, `validate --strict`) look the lines up here, by the same field paths that
validation problems use (`sections[2].stretches[1].steps[3]`).
"""

from __future__ import annotations

import re

import yaml

from booklet.source.fields import join

_WORD = re.compile(r"\w[\w'\u2019-]*")


class Places:
    """Field paths of one file -> their nodes, and lines for text found inside them."""

    def __init__(self, file: str, root: yaml.Node) -> None:
        self.file = file
        self.nodes: dict[str, yaml.Node] = {}
        self._walk(root, "")

    def _walk(self, node: yaml.Node, path: str) -> None:
        self.nodes[path] = node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    self._walk(value, join(path, key.value))
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                self._walk(item, join(path, i))

    def line(self, path: str, text: str | None = None) -> int | None:
        """The line of a field; with `text`, the line of that text inside a `|` block.

        Falls back to the nearest enclosing field that is in the file, so a missing field
        is reported on the line of the mapping that should hold it.
        """
        while path not in self.nodes and path:
            path = parent(path)
        node = self.nodes.get(path)
        if node is None:
            return None
        first = node.start_mark.line + 1
        if text is None or not isinstance(node, yaml.ScalarNode) or node.style != "|":
            return first
        offset = find_words(node.value, text)
        # a literal block's text starts on the line after its `|`, one line per line
        return first if offset is None else first + 1 + node.value[:offset].count("\n")


def parent(path: str) -> str:
    """'sections[2].body' -> 'sections[2]' -> 'sections' -> ''."""
    if path.endswith("]"):
        return path[: path.rindex("[")]
    return path.rpartition(".")[0]


def find_words(haystack: str, text: str) -> int | None:
    """Where the first words of `text` start in `haystack`, ignoring markup and line breaks."""
    words = _WORD.findall(text)[:4]
    if not words:
        return None
    pattern = r"\W+".join(re.escape(w) for w in words)
    match = re.search(pattern, haystack)
    return match.start() if match else None
