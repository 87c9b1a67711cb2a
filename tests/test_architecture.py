"""The package's shape: every module name and class name used once, imports that run one
way (no cycles; the HTML twin never reaches the PDF stage; the model imports neither
ReportLab nor Click; the studio builds only through the public API and keeps its web
framework to itself), and only the command layer imports Click."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "booklet"


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def top_level_imports(path: Path) -> set[str]:
    """The booklet modules a module imports when it is imported (not inside functions)."""
    tree = ast.parse(path.read_text())
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports only for the type checker
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("booklet"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("booklet"))
    return names


def every_import(path: Path) -> set[str]:
    """Every module a module names in an import statement, wherever it stands."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_two_modules_share_a_name():
    names = Counter(
        name.rsplit(".", 1)[-1]
        for name, path in modules().items()
        if path.name not in ("__init__.py", "__main__.py")
    )
    assert [name for name, count in names.items() if count > 1] == []


def test_no_two_classes_share_a_name():
    classes = Counter(
        node.name
        for path in modules().values()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef)
    )
    assert [name for name, count in classes.items() if count > 1] == []


def test_imports_have_no_cycle():
    known = modules()
    graph = {
        name: {target for target in top_level_imports(path) if target in known and target != name}
        for name, path in known.items()
    }
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_stages_import_in_one_direction():
    known = modules()
    for name, path in known.items():
        imported = every_import(path)
        if name.startswith("booklet.web"):
            assert not any(m.startswith(("booklet.pdf", "reportlab.platypus")) for m in imported), (
                name
            )
        if name in ("booklet.model", "booklet.document", "booklet.errors"):
            assert not any(m.startswith(("reportlab", "click")) for m in imported), name
        if not name.startswith(("booklet.cli", "booklet.commands")):
            assert not any(m.startswith("click") for m in imported), name
        if name.startswith("booklet.studio"):
            # the studio builds through the public API and the pipeline, as a caller would
            forbidden = ("booklet.pdf", "booklet.commands", "booklet.cli", "reportlab")
            assert not any(m.startswith(forbidden) for m in imported), name
        elif name != "booklet.commands.studio":
            # the web framework stays in the studio: the command line never loads it
            assert not any(m.startswith(WEB_FRAMEWORK) for m in imported), name


WEB_FRAMEWORK = ("starlette", "uvicorn", "jinja2", "multipart", "ruamel")


def test_no_module_is_too_long_to_read_in_one_sitting():
    data = {"booklet.words.translations", "booklet.figures.library", "booklet.source.spec"}
    long = {
        name: lines
        for name, path in modules().items()
        if name not in data and (lines := len(path.read_text().splitlines())) > 520
    }
    assert long == {}
