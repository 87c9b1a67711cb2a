"""Every link a user can write (brand website, email and phone, a stretch's video) follows
one rule: https, http, mailto and tel only, no credentials, nothing invisible; a link that
breaks it is a `file:line` problem, and what is printed carries no other kind of link."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pypdf
import pytest
from conftest import problems, write_yaml

from booklet.pdf.make import render_outputs
from booklet.source.links import link_problem
from booklet.source.read import load
from booklet.web.booklet_page import booklet_html

CONTENT = """\
title: Hip care
sections:
  - title: Moving well
    body: Walk each day.
    stretches:
      - id: kneeling
        name: Kneeling hip flexor
        steps: [Kneel on one knee.]
        video: {video}
"""
BRAND = """\
organization: Example Physical Therapy
contact:
  phone: {phone}
  email: {email}
  website: {website}
"""
GOOD = {
    "video": "https://example.org/kneeling",
    "phone": "555-0100",
    "email": "front-desk@example.org",
    "website": "example.org",
}
HOSTILE = [
    "javascript://host/%0Aalert(document.domain)",
    "javascript:alert(1)",
    "JavaScript://example.org/%0Aalert(1)",
    "file:///etc/passwd",
    "file://server/share/x.org",
    "data:text/html,hello.org",
    "vbscript:msgbox.org",
    "https://user:secret@example.org",
    "https://@example.org",
    "https://exa mple.org",
    "https://example.org/\u200bx",
    "https://example.org/\x7f",
    "https://example.org:99999/",
    "https://",
    "ftp://example.org/a",
    "https:\\\\example.org",
    "javascript:alert(1).org",
    "https://example.org/" + "ü" * 900,
]
BAD_EMAILS = ["front-desk.example.org", "a@b@c.org", "x@example.org?subject=hi", "a b@c.org"]
FORBIDDEN_ACTIONS = ("/JavaScript", "/JS", "/Launch", "/SubmitForm", "/GoToR", "/ImportData")


def files(tmp_path: Path, **values: str) -> tuple[Path, Path]:
    """The content and brand files, each value written as a YAML double-quoted string."""
    chosen = {name: json.dumps(value) for name, value in {**GOOD, **values}.items()}
    content = write_yaml(tmp_path / "booklet.yaml", CONTENT.format(video=chosen["video"]))
    brand = write_yaml(tmp_path / "brand.yaml", BRAND.format(**chosen))
    return content, brand


@pytest.mark.parametrize("link", HOSTILE)
def test_a_hostile_link_is_refused_everywhere(link: str, tmp_path: Path) -> None:
    assert link_problem(link) is not None
    for field, line in (("website", 5), ("video", 9)):
        content, brand = files(tmp_path, **{field: link})
        found = problems(content, brand)
        assert len(found) == 1, found
        assert re.match(rf"^\S+:{line}: \S*{field}: .*web address", found[0]), found


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_an_email_that_would_make_another_link_is_refused(email: str, tmp_path: Path) -> None:
    content, brand = files(tmp_path, email=email)
    assert problems(content, brand) == [
        f'{brand}:4: contact.email: "{email}" is not an email address; '
        "write it as front-desk@example.org"
    ]


@pytest.mark.parametrize(
    "link",
    ["https://example.org", "http://example.org/a?b=c#d", "mailto:a@example.org", "tel:+1555"],
)
def test_ordinary_links_pass(link: str) -> None:
    assert link_problem(link) is None


def pdf_links(data: bytes) -> list[str]:
    """Every link annotation's action, as text, failing on any other kind of action."""
    targets = []
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            action = annotation.get("/A")
            if action is None:
                assert "/Dest" in annotation  # a link inside the booklet
                continue
            action = action.get_object()
            assert action["/S"] in ("/URI", "/GoTo"), action
            assert not any(key in str(action) for key in FORBIDDEN_ACTIONS), action
            if action["/S"] == "/URI":
                targets.append(str(action["/URI"]))
    return targets


def test_the_printed_links_are_exactly_the_written_ones(tmp_path: Path) -> None:
    content, brand = files(tmp_path)
    document = load(content, brand)
    links = set(pdf_links(render_outputs(document).booklet))
    assert links == {
        "https://example.org/kneeling",
        "mailto:front-desk@example.org",
        "https://example.org",
    }
    html = booklet_html(document.booklet, document.brand).decode()
    hrefs = {h for h in re.findall(r'href="([^"]*)"', html) if not h.startswith("#")}
    assert hrefs == links | {"tel:5550100"}
    assert all(link_problem(h.replace("&amp;", "&")) is None for h in hrefs)
