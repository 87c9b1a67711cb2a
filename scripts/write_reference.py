"""Write everything made from the field spec (booklet/source/spec.py): the JSON Schemas in
schemas/, the field tables of docs/format.md and the comments of the starter's files.

    python scripts/write_reference.py            # rewrite the files that changed
    python scripts/write_reference.py --check    # exit 1, naming them, if any is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from booklet.source import spec
from booklet.source.field_tables import with_tables
from booklet.source.json_schema import schema_json
from booklet.source.starter_comments import commented

PROJECT = Path(__file__).resolve().parents[1]
STARTER = Path("booklet/assets/starter")


def expected(root: Path) -> dict[Path, str]:
    """Each file written from the spec -> the text it should hold."""
    files = {Path("schemas") / f"{kind}.schema.json": schema_json(kind) for kind in spec.FILE_KINDS}
    reference = Path("docs/format.md")
    files[reference] = with_tables(read(root / reference))
    for name, shape in (("booklet.yaml", spec.CONTENT), ("brand.yaml", spec.BRAND)):
        files[STARTER / name] = commented(read(root / STARTER / name), shape)
    return files


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def stale(root: Path) -> list[Path]:
    """The files whose text is not what the spec makes."""
    return [path for path, text in expected(root).items() if read(root / path) != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    parser.add_argument("--root", type=Path, default=PROJECT, help="the project's folder")
    args = parser.parse_args(argv)
    root: Path = args.root
    outdated = stale(root)
    if args.check:
        for path in outdated:
            print(f"{path}: stale; run python scripts/write_reference.py", file=sys.stderr)
        return 1 if outdated else 0
    written = expected(root)
    for path in outdated:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(written[path], encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
