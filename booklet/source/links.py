"""A link a user writes (a web address, an email address, a phone number) -> the link
target a reader's click may open, or what is wrong with it.

Every link in the booklet, the HTML twin and the QR codes goes through `link_problem`:
only `https`, `http`, `mailto` and `tel` open anything, so no link can run a script
(`javascript:`), open a local file (`file:`) or carry a password.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

SCHEMES = ("https", "http", "mailto", "tel")
# A QR code at the error correction booklet prints holds about 2,300 bytes; links are kept
# far below, so every link fits the code and stays short enough to type from paper.
MAX_LINK_BYTES = 1_000
HOST = re.compile(
    r"^(?:[^\W_](?:[\w-]*[^\W_])?\.)*[^\W_](?:[\w-]*[^\W_])?\.?$|^\[[0-9a-fA-F:.]+\]$"
)
EMAIL = re.compile(
    r"^[^@\s\"<>()\[\]\\,;:/?#]+@[^@\s\"<>()\[\]\\,;:/?#]+\.[^@\s\"<>()\[\]\\,;:/?#]+$"
)
PHONE_CHARS = set("0123456789+-.() ")


def has_control(text: str) -> bool:
    """True when `text` holds a control, format (zero-width, direction) or separator
    character, which a reader cannot see and a browser may drop or obey."""
    return any(unicodedata.category(c)[0] in "CZ" and c != " " for c in text)


def link_problem(target: str, schemes: tuple[str, ...] = SCHEMES) -> str | None:
    """None when `target` is a link booklet may print, else why not (never quoting it)."""
    if len(target.encode("utf-8")) > MAX_LINK_BYTES:
        return f"is longer than {MAX_LINK_BYTES:,} bytes, too long for a QR code; shorten it"
    if has_control(target) or " " in target:
        return "holds a space or an invisible character; remove it"
    parts = urlsplit(target)
    scheme = parts.scheme.lower()
    if scheme not in schemes or not target[: len(scheme)].isascii():
        return "only " + ", ".join(f"{s}:" for s in schemes) + " links are allowed"
    if scheme in ("mailto", "tel"):
        return None if rest_is_valid(scheme, target[len(scheme) + 1 :]) else "is not valid"
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "must not hold a user name or password"
    if not parts.hostname or not port_ok or not HOST.match(parts.hostname) or "\\" in target:
        return "has no valid host name after the //"
    return None


def rest_is_valid(scheme: str, rest: str) -> bool:
    if scheme == "mailto":
        return email_is_valid(rest)
    return bool(rest) and set(rest) <= PHONE_CHARS and any(c.isdigit() for c in rest)


def email_is_valid(address: str) -> bool:
    return not has_control(address) and EMAIL.match(address) is not None
