"""The HTML twin, read back with an HTML parser: heading order, language, alt text, labelled
quiz inputs, no answers in the booklet, user text printed literally, and how it is written."""

from __future__ import annotations

import os
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import run_cli

from booklet.engine.pipeline import render_html
from booklet.source.read import load

CONTENT = """\
title: Knee <b>care</b> & more
subtitle: Less pain, more walking
language: en-GB
brand: brand.yaml
reviewed: 2026-11-01
sources: [A knee guide]
sections:
  - title: Why your knee hurts
    body: |
      Your knee is a **hinge**. <script>alert(1)</script> stays text.

      - It bends.
      - It straightens.
    image: {file: knee.png, caption: Your knee from the side., alt: Side view of a bent knee}
    callouts:
      - kind: warning
        text: Get help at once if your knee gives way.
  - title: Exercises
    stretches:
      - name: Heel slide
        image: knee.png
        steps: [Lie on your back., Slide your heel toward you.]
        hold: 5 seconds
        repeat: 10
        caution: Stop if it hurts.
        video: https://example.org/heel
quiz:
  instructions: Choose your answers.
  questions:
    - question: Your knee is a hinge.
      answer: true
      explanation: SECRET-EXPLANATION-ONE it bends and straightens.
    - question: Which helps?
      choices: [Rest, Sitting all day]
      answer: Rest
      explanation: SECRET-EXPLANATION-TWO
    - question: Which are joints?
      choices: [Knee, Hip, Thumb nail]
      answer: [Knee, Hip]
    - question: Name one thing that helps.
      answer: SECRET-MODEL-ANSWER walking
      lines: 2
"""
BRAND = """\
organization: Riverside PT
logo: logo.png
colors: {primary: "#1F5F7A", accent: "#D9702B"}
contact: {phone: 555-0142, email: hello@example.org, website: example.org}
disclaimer: For education only.
"""


class Page(HTMLParser):
    """Collects what the tests look at: tags with attributes, headings, text."""

    def __init__(self, data: bytes) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.headings: list[tuple[int, str]] = []
        self.text: list[str] = []
        self._heading: int | None = None
        self._heading_text: list[str] = []
        self.feed(data.decode("utf-8"))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading, self._heading_text = int(tag[1]), []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, "".join(self._heading_text).strip()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._heading_text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())


@pytest.fixture
def project(tmp_path: Path, picture) -> Path:
    picture("knee.png", size=(60, 40))
    picture("logo.png", size=(30, 30), color="navy")
    (tmp_path / "brand.yaml").write_text(BRAND)
    (tmp_path / "knee.yaml").write_text(CONTENT)
    return tmp_path


@pytest.fixture
def pages(project: Path) -> tuple[Page, Page]:
    outputs = render_html(load(project / "knee.yaml"))
    return Page(outputs.booklet), Page(outputs.answer_key)


def test_language_title_and_viewport(pages) -> None:
    booklet, _ = pages
    assert booklet.all("html") == [{"lang": "en-GB"}]
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in (
        booklet.all("meta")
    )
    assert booklet.all("title") and "Knee <b>care</b> & more" in booklet.plain


def test_headings_in_order(pages) -> None:
    booklet, _ = pages
    levels = [level for level, _ in booklet.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in pairwise(levels))
    assert booklet.headings == [
        (1, "Knee <b>care</b> & more"),
        (2, "Contents"),
        (2, "Why your knee hurts"),
        (2, "Exercises"),
        (3, "1. Heel slide"),
        (2, "Check your understanding"),
        (2, "Questions? Contact us"),
        (2, "About this booklet"),
        (3, "Sources"),
    ]


def test_every_image_is_inline_with_alt_text(pages) -> None:
    booklet, _ = pages
    images = booklet.all("img")
    assert [img["alt"] for img in images] == [
        "Riverside PT",
        "Side view of a bent knee",
        "Heel slide",
    ]
    assert all(str(img["src"]).startswith("data:image/png;base64,") for img in images)
    assert "Your knee from the side." in booklet.plain
    assert len(booklet.all("figcaption")) == 1


def test_nothing_is_fetched_and_no_script_runs(pages) -> None:
    booklet, _ = pages
    assert booklet.all("script") == [] and booklet.all("link") == []
    assert "<script>alert(1)</script> stays text." in booklet.plain
    assert [tag for tag, _ in booklet.tags if tag == "strong"]


def test_quiz_is_a_form_with_labelled_inputs_and_no_answers(pages) -> None:
    booklet, _ = pages
    assert len(booklet.all("form")) == 1 and len(booklet.all("fieldset")) == 4
    inputs = booklet.all("input") + booklet.all("textarea")
    labelled = {label["for"] for label in booklet.all("label")}
    assert [i.get("type", "textarea") for i in inputs] == [
        "radio",
        "radio",
        "radio",
        "radio",
        "checkbox",
        "checkbox",
        "checkbox",
        "textarea",
    ]
    assert all(i["id"] in labelled for i in inputs)
    assert not any("checked" in i for i in inputs)
    assert "SECRET" not in booklet.plain and "Answer key" not in booklet.plain


def test_contact_disclaimer_and_sources(pages) -> None:
    booklet, _ = pages
    links = [a["href"] for a in booklet.all("a")]
    assert "tel:5550142" in links and "mailto:hello@example.org" in links
    assert "https://example.org" in links and "https://example.org/heel" in links
    assert "For education only." in booklet.plain and "A knee guide" in booklet.plain


def test_brand_colours_are_in_the_css(project: Path) -> None:
    data = render_html(load(project / "knee.yaml")).booklet.decode()
    assert "--primary: #1F5F7A" in data and "--accent: #D9702B" in data


def test_answer_key_holds_answers_and_explanations(pages) -> None:
    _, key = pages
    text = key.plain
    assert key.headings[0] == (1, "Answer key: Knee <b>care</b> & more")
    assert "SECRET-EXPLANATION-ONE" in text and "SECRET-MODEL-ANSWER walking" in text
    assert "Answer: True" in text and "Answer: A. Rest" in text
    assert "Answer: A. Knee; B. Hip" in text
    assert "For clinician use. Do not give to patients." in text


def test_same_input_gives_same_bytes(project: Path) -> None:
    first = render_html(load(project / "knee.yaml"))
    second = render_html(load(project / "knee.yaml"))
    assert first == second


# --- build --format ---------------------------------------------------------------------


def test_build_html_only(project: Path) -> None:
    out = project / "out"
    result = run_cli(["build", project / "knee.yaml", "--format", "html", "--out", out])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [str(out / "knee.html"), str(out / "knee-answer-key.html")]
    assert sorted(os.listdir(out)) == ["knee-answer-key.html", "knee.html"]


def test_build_pdf_and_html(project: Path) -> None:
    out = project / "out"
    result = run_cli(["build", project / "knee.yaml", "--format", "pdf,html", "--out", out])
    assert result.exit_code == 0
    assert sorted(os.listdir(out)) == [
        "knee-answer-key.html",
        "knee-answer-key.pdf",
        "knee.html",
        "knee.pdf",
    ]
    assert (out / "knee.pdf").read_bytes().startswith(b"%PDF-")


def test_build_unknown_format_is_a_usage_error(project: Path) -> None:
    result = run_cli(["build", project / "knee.yaml", "--format", "pdf,docx"])
    assert result.exit_code == 2
    assert "choose pdf, html, or both as pdf,html" in result.stderr


def test_all_outputs_or_none(project: Path) -> None:
    out = project / "out"
    (out / "knee-answer-key.html").mkdir(parents=True)
    result = run_cli(["build", project / "knee.yaml", "--format", "pdf,html", "--out", out])
    assert result.exit_code == 1
    assert sorted(os.listdir(out)) == ["knee-answer-key.html"]


def test_drawn_figures_are_inlined_as_svg_with_their_alt_text(make_content, tmp_path):
    content = make_content(
        """\
        title: Hip care
        sections:
          - title: Exercises
            stretches:
              - name: Glute bridge
                figure:
                  pose: glute-bridge
                  alt: A person lying on their back with the hips lifted.
                steps: [Lift your hips.]
        """
    )
    result = run_cli(["build", content, "--format", "html", "--out", tmp_path / "out"])
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "out" / "booklet.html").read_text(encoding="utf-8")
    assert '<figure class="drawn"><img src="data:image/svg+xml;base64,' in page
    assert 'alt="A person lying on their back with the hips lifted."' in page


def test_a_figure_without_alt_text_fails_strict_validation(make_content):
    content = make_content(
        """\
        title: Hip care
        sections:
          - title: Exercises
            stretches:
              - name: Glute bridge
                figure: glute-bridge
                steps: [Lift your hips.]
        """
    )
    result = run_cli(["validate", "--strict", content])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{content}:6: sections[1].stretches[1].figure: the figure has no alt text; write it as "
        "`figure: {pose: ..., alt: ...}` saying what the figure shows, for screen readers"
    )
