"""A project folder -> the files the studio may show and change: content files, library
stretches, brand files. Every path a request names is resolved and refused when it leads
outside the folder, as `--restrict-to` refuses it for a build."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from booklet.errors import BookletError, Problem
from booklet.model import Stretch
from booklet.source import loading
from booklet.source.content import read_library
from booklet.source.fields import Context

YAML_SUFFIXES = (".yaml", ".yml")
MAX_LISTED_FILES = 500  # a folder of thousands of files lists the first 500
SKIPPED_FOLDERS = frozenset({".git", ".venv", "node_modules", "output", "preview", "__pycache__"})


@dataclass(frozen=True)
class Workspace:
    """The project folder the studio serves, resolved once."""

    root: Path

    @classmethod
    def at(cls, folder: Path) -> Workspace:
        return cls(folder.resolve())

    def inside(self, written: str, what: str = "file") -> Path:
        """A path typed relative to the project -> the file, or BookletError when it is
        empty, holds a control character or leads outside the project (through `..` or a
        symbolic link), in the words `--restrict-to` uses for a path in a file."""
        ctx = Context(self.root / what, root=self.root)
        located = ctx.locate(None, what, written) if written.strip() else None
        if located is None:
            raise BookletError(ctx.problems or [Problem(what, None, "", "choose a file")])
        return located

    def relative(self, path: Path) -> str:
        """`path` as the project names it: relative to the project folder when inside it."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)

    def yaml_files(self) -> list[Path]:
        """Every YAML file of the project, sorted, outside output and hidden folders."""
        found: list[Path] = []
        for folder, dirs, files in os.walk(self.root):
            dirs[:] = sorted(d for d in dirs if d not in SKIPPED_FOLDERS and not d.startswith("."))
            found += [Path(folder) / f for f in sorted(files) if f.endswith(YAML_SUFFIXES)]
            if len(found) >= MAX_LISTED_FILES:
                break
        return sorted(found[:MAX_LISTED_FILES])

    def files_with_top_field(self, field: str) -> list[str]:
        """The YAML files whose text starts a line with `field:`: content files hold
        `sections:`, brand files `organization:`. Read cheaply, never validated here."""
        marker = f"\n{field}:"
        chosen = []
        for path in self.yaml_files():
            try:
                text = path.read_text(encoding="utf-8", errors="replace")[: loading.MAX_FILE_BYTES]
            except OSError:
                continue
            if marker in "\n" + text:
                chosen.append(self.relative(path))
        return chosen

    def content_files(self) -> list[str]:
        return self.files_with_top_field("sections")

    def brand_files(self) -> list[str]:
        return self.files_with_top_field("organization")


def library_stretches(libraries: tuple[Path, ...], root: Path) -> list[Stretch]:
    """Every valid stretch of the library files a booklet names, in file order."""
    stretches: list[Stretch] = []
    for path in libraries:
        try:
            node = loading.load_yaml(path)
        except BookletError:
            continue
        found, _problems = read_library(Context(path, root=root), node)
        stretches += [stretch for stretch, _line in found.values()]
    return stretches


def problem_in_project(problem: Problem, workspace: Workspace) -> Problem:
    """A problem with its file named as the project names it, for the screen."""
    path = Path(problem.file)
    if not path.is_absolute():
        return problem
    return Problem(workspace.relative(path), problem.line, problem.field, problem.message)
