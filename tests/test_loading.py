"""Loading: a YAML file on disk -> a node tree with lines, or one clear problem saying why not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from booklet.errors import BookletError
from booklet.source import loading


def load_problem(path: Path) -> str:
    """The one problem line that loading `path` reports."""
    with pytest.raises(BookletError) as caught:
        loading.load_yaml(path)
    assert len(caught.value.problems) == 1
    return str(caught.value.problems[0])


def write(tmp_path: Path, data: bytes, name: str = "content.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- what is read ----------------------------------------------------------------------


def test_valid_file_gives_a_mapping_with_lines(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsections:\n  - title: One\n")
    node = loading.load_yaml(path)
    assert isinstance(node, yaml.MappingNode)
    (title_key, title), (sections_key, _) = node.value
    assert (title_key.value, title.value, title.start_mark.line + 1) == ("title", "Hip care", 1)
    assert (sections_key.value, sections_key.start_mark.line + 1) == ("sections", 2)


def test_scalars_stay_as_typed(tmp_path: Path) -> None:
    path = write(tmp_path, b"a: No\nb: 1:30\nc: 3.10\nd: on\n")
    node = loading.load_yaml(path)
    assert [value.value for _, value in node.value] == ["No", "1:30", "3.10", "on"]


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "\ufefftitle: Café\n".encode())
    node = loading.load_yaml(path)
    assert node.value[0][1].value == "Café"


def test_standard_tags_are_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: !!str 1.0\n")
    assert loading.load_yaml(path).value[0][1].value == "1.0"


def test_nesting_at_the_limit_is_accepted(tmp_path: Path) -> None:
    depth = loading.MAX_DEPTH
    path = write(tmp_path, b"[" * depth + b"]" * depth)
    assert isinstance(loading.load_yaml(path), yaml.SequenceNode)


# --- empty and wrongly encoded files ---------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"")
    assert load_problem(path) == f"{path}:1: the file is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"  \n\n\t\n   ")
    assert load_problem(path) == f"{path}:1: the file is empty"


def test_comment_only_file(tmp_path: Path) -> None:
    path = write(tmp_path, b"# title: to do\n")
    assert load_problem(path) == f"{path}:1: the file holds no YAML content"


def test_utf16_with_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Hip care\n".encode("utf-16"))
    assert load_problem(path) == f"{path}:1: the file is saved as UTF-16; save it as UTF-8"


def test_utf16_without_byte_order_mark(tmp_path: Path) -> None:
    path = write(tmp_path, "title: Hip care\n".encode("utf-16-le"))
    assert load_problem(path) == (
        f"{path}:1: the file holds NUL bytes (UTF-16 text?); save it as UTF-8"
    )


def test_invalid_utf8_byte_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsections:\n  - title: Caf\xe9\n")
    assert load_problem(path) == (f"{path}:3: byte 0xe9 is not UTF-8 text; save the file as UTF-8")


# --- YAML syntax -----------------------------------------------------------------------


def test_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\n  subtitle: indented too far\n")
    assert load_problem(path) == (
        f"{path}:2: this is not valid YAML: mapping values are not allowed here"
    )


def test_unclosed_bracket_points_at_the_line_that_opened_it(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsources: [one, two\n")
    assert load_problem(path) == (
        f"{path}:2: this is not valid YAML: while parsing a flow sequence, "
        "expected ',' or ']', but got the end of the file"
    )


def test_tab_indentation_says_to_use_spaces(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsections:\n\t- title: One\n")
    assert load_problem(path) == (
        f"{path}:3: this is not valid YAML: while scanning for the next token, "
        "found character '\\t' that cannot start any token; indent with spaces, not tabs"
    )


def test_multiple_documents(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: One\n---\ntitle: Two\n")
    assert load_problem(path) == (
        f"{path}:2: the file holds more than one YAML document; remove the '---' line"
    )


# --- what a booklet never needs --------------------------------------------------------


def test_anchor_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsubtitle: &same Hips\n")
    assert load_problem(path) == (
        f"{path}:2: anchors (&same) are not allowed; write the value out in full"
    )


def test_alias_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: Hip care\nsubtitle: *same\n")
    assert load_problem(path) == (
        f"{path}:2: aliases (*same) are not allowed; write the value out in full"
    )


def test_billion_laughs_is_refused_before_expanding(tmp_path: Path) -> None:
    lines = [b"a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]".encode() for i in range(1, 10)]
    path = write(tmp_path, b"\n".join(lines) + b"\n")
    assert load_problem(path) == (
        f"{path}:1: anchors (&a0) are not allowed; write the value out in full"
    )


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("!!python/object:os.system {}", "!!python/object:os.system"),
        ("!!python/object/apply:os.system [echo hi]", "!!python/object/apply:os.system"),
        ("!!python/name:os.system", "!!python/name:os.system"),
        ("!!binary aGVsbG8=", "!!binary"),
    ],
)
def test_python_and_binary_tags_are_refused(tmp_path: Path, typed: str, shown: str) -> None:
    path = write(tmp_path, f"title: Hip care\nsubtitle: {typed}\n".encode())
    assert load_problem(path) == f"{path}:2: the tag {shown} is not allowed; remove it"


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: !shout Hip care\n")
    assert load_problem(path) == f"{path}:1: the tag !shout is not allowed; remove it"


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"title: " + b"[" * 10_000 + b"\n")
    assert load_problem(path) == f"{path}:1: nesting is deeper than 64 levels"


def test_one_level_past_the_limit_is_refused(tmp_path: Path) -> None:
    depth = loading.MAX_DEPTH + 1
    path = write(tmp_path, b"[" * depth + b"]" * depth)
    assert load_problem(path) == f"{path}:1: nesting is deeper than 64 levels"


# --- the file itself -------------------------------------------------------------------


def test_file_larger_than_the_cap(tmp_path: Path) -> None:
    path = write(tmp_path, b"#" * (loading.MAX_FILE_BYTES + 1))
    assert load_problem(path) == f"{path}: file is larger than 1 MB"


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "content.yaml"
    path.mkdir()
    assert load_problem(path) == f"{path}: is a folder, not a file"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.yaml"
    assert load_problem(path) == f"{path}: file not found"
