"""An uploaded picture -> a file in the project's `images/` folder, after the picture
checks a picture named in a file gets (`assets.images.check_image`), with the same
messages. Only the size and the content decide; the name is cleaned to a safe one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import NoReturn

from PIL import Image

from booklet.assets.images import ALLOWED_FORMATS, check_image
from booklet.errors import BookletError, Problem
from booklet.file_names import safe_name
from booklet.studio.workspace import Workspace

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
UPLOAD_FOLDER = "images"
SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp", "BMP": ".bmp"}
SUFFIXES["TIFF"] = ".tif"


def saved_picture(workspace: Workspace, file_name: str, data: bytes) -> str:
    """Check the picture and keep it as images/<name>; its path as the brand file writes
    it, relative to the project. BookletError with the check's message otherwise."""
    shown = f"{UPLOAD_FOLDER}/{safe_name(Path(file_name).name) or 'logo'}"
    if len(data) > MAX_UPLOAD_BYTES:
        refuse(shown, f"the picture is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB")
    folder = workspace.inside(UPLOAD_FOLDER)
    folder.mkdir(exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".upload-", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        checked = Path(temporary)
        problem = check_image(checked)
        if problem:
            refuse(shown, problem.replace(str(checked), shown))
        kind = picture_format(checked)
        stem = f"{UPLOAD_FOLDER}/{Path(shown).stem}"
        target = free_name(workspace, stem, SUFFIXES.get(kind, ".png"))
        os.replace(checked, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return workspace.relative(target)


def free_name(workspace: Workspace, stem: str, suffix: str) -> Path:
    """images/logo.png, or images/logo-2.png... when that name is taken: an upload never
    replaces a picture the content may print."""
    for number in range(1, 1000):
        candidate = workspace.inside(f"{stem}{'' if number == 1 else f'-{number}'}{suffix}")
        if not candidate.exists():
            return candidate
    refuse(stem, "too many pictures of this name; rename the file and upload it again")


def picture_format(path: Path) -> str:
    with Image.open(path, formats=ALLOWED_FORMATS) as image:
        return str(image.format)


def refuse(shown: str, message: str) -> NoReturn:
    raise BookletError([Problem(shown, None, "logo", message)])
