"""What every file booklet reads must be: present, a regular file, not empty, not too big.

Devices such as /dev/zero, pipes and folders are refused before a single byte is read,
so a content file cannot make booklet hang or read without end.
"""

from __future__ import annotations

import stat
from pathlib import Path


def regular_file_problem(path: Path, what: str, max_bytes: int) -> str | None:
    """None when `path` is a regular file of 1 to `max_bytes` bytes, else what is wrong.

    `what` names the kind of file in the message: "picture", "font file".
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"{what} not found: {path}"
    except OSError as error:
        return f"cannot read the {what} {path}: {error.strerror}"
    if stat.S_ISDIR(info.st_mode):
        return f"{path} is a folder, not a {what}; name the {what} itself"
    if not stat.S_ISREG(info.st_mode):
        return f"{path} is not a regular file (a device or pipe?); name a {what} on disk"
    if info.st_size == 0:
        return f"the {what} {path} is empty (0 bytes)"
    if info.st_size > max_bytes:
        return f"the {what} {path} is larger than {max_bytes // (1024 * 1024)} MB"
    return None
