"""`booklet init`: a starter project, copied from the files in booklet/assets/starter/.

The starter builds as it is: a commented content file, a brand file, the pictures they
use, a short README, and the JSON Schemas an editor uses to check the two files as they
are typed.
"""

from __future__ import annotations

from pathlib import Path

from booklet.engine.output import write_files
from booklet.errors import OutputError

STARTER = Path(__file__).parents[1] / "assets" / "starter"
STARTER_FILES = (
    "booklet.yaml",
    "brand.yaml",
    "README.md",
    "images/logo.png",
    "images/pelvic-tilt.png",
)


def write_starter(folder: Path, force: bool = False) -> list[Path]:
    """Copy the starter project into `folder`; refuse to replace a file unless `force`."""
    files = [(folder / name, (STARTER / name).read_bytes()) for name in STARTER_FILES]
    files += [(folder / name, data) for name, data in schema_files().items()]
    existing = [path for path, _ in files if path.exists()]
    if existing and not force:
        names = ", ".join(str(path) for path in existing)
        raise OutputError(f"{names}: already there; use --force to replace, or another folder")
    try:
        for sub in ("images", "schemas"):
            (folder / sub).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot create the folder: {error.strerror}") from None
    return write_files(files, folder)


def schema_files() -> dict[str, bytes]:
    """The JSON Schemas the starter's files name in their first line, for the editor."""
    from booklet.source.json_schema import SCHEMAS, schema_json

    return {f"schemas/{kind}.schema.json": schema_json(kind).encode() for kind in SCHEMAS}
