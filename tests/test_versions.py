"""Quiz versions (shuffled questions and choices, each key matching its booklet) and the
answer key's "See page N" cross-references."""

from __future__ import annotations

import re

import pypdfium2
import pytest
from conftest import problems, run_cli

from booklet.pdf.make import render_outputs
from booklet.source.read import load

QUIZ_CONTENT = """\
title: Knee care
sections:
  - title: Why your knee hurts
    body: The knee is a hinge.
  - title: What helps
    body: Rest and stretches.
quiz:
  questions:
    - question: Question one about rest.
      choices: [Alpha one, Bravo one, Charlie one, Delta one]
      answer: Charlie one
      section: What helps
    - question: Question two about pain.
      answer: false
    - question: Question three about ice.
      choices: [Alpha three, Bravo three, Charlie three]
      answer: [Alpha three, Charlie three]
      section: Why your knee hurts
    - question: Question four about walking.
      choices: [Alpha four, Bravo four, Charlie four, Delta four, Echo four]
      answer: Echo four
    - question: Question five in your own words.
      answer: Walk a little every day.
"""
QUESTIONS = [f"Question {n}" for n in ("one", "two", "three", "four", "five")]
LETTERS = "ABCDEFGH"


def text_of(pdf: bytes) -> str:
    pages = pypdfium2.PdfDocument(pdf)
    return " ".join(" ".join(p.get_textpage().get_text_range().split()) for p in pages)


def question_order(text: str) -> list[str]:
    return sorted(QUESTIONS, key=text.index)


def segments(text: str) -> dict[str, str]:
    """Each question's stretch of text, up to the next question."""
    order = question_order(text)
    starts = [text.index(q) for q in order] + [len(text)]
    return {q: text[starts[i] : starts[i + 1]] for i, q in enumerate(order)}


def printed_choices(segment: str, word: str) -> list[str]:
    """The question's choices in the order the booklet prints them."""
    names = ("Alpha", "Bravo", "Charlie", "Delta", "Echo")
    found = [f"{name} {word}" for name in names if f"{name} {word}" in segment]
    return sorted(found, key=segment.index)


def build_versions(make_content, tmp_path, seed: str = "7", count: str = "3") -> list:
    out = tmp_path / "out"
    result = run_cli(
        ["build", make_content(QUIZ_CONTENT), "--out", out, "--versions", count, "--seed", seed]
    )
    assert result.exit_code == 0, result.stderr
    return [out / line.rsplit("/", 1)[1] for line in result.stdout.split()]


def test_each_version_has_its_files_and_code(make_content, tmp_path) -> None:
    paths = build_versions(make_content, tmp_path)
    assert [p.name for p in paths] == [
        f"booklet-{letter}{suffix}.pdf" for letter in "ABC" for suffix in ("", "-answer-key")
    ]
    for letter in "ABC":
        booklet = text_of((tmp_path / "out" / f"booklet-{letter}.pdf").read_bytes())
        key = text_of((tmp_path / "out" / f"booklet-{letter}-answer-key.pdf").read_bytes())
        assert booklet.count(f"Version {letter}-7") >= 2  # footers and the quiz heading
        assert f"Version {letter}-7" in key
        assert not re.search(r"Version [A-Z]-7", booklet.replace(f"Version {letter}-7", ""))


def test_every_key_matches_its_booklet(make_content, tmp_path) -> None:
    build_versions(make_content, tmp_path, count="4")
    orders = set()
    for letter in "ABCD":
        booklet = text_of((tmp_path / "out" / f"booklet-{letter}.pdf").read_bytes())
        key = text_of((tmp_path / "out" / f"booklet-{letter}-answer-key.pdf").read_bytes())
        quiz = booklet  # question and choice texts appear only in the quiz
        order = question_order(quiz)
        assert question_order(key) == order
        orders.add(tuple(order))
        in_booklet, in_key = segments(quiz), segments(key)
        for number, question in enumerate(order, start=1):
            assert f"{number}. {question}" in quiz and f"{number}. {question}" in key
        for question, word in (("Question one", "one"), ("Question four", "four")):
            choices = printed_choices(in_booklet[question], word)
            answer = re.search(r"Answer: ([A-H])\. (\w+ \w+)", in_key[question])
            assert answer is not None
            assert choices[LETTERS.index(answer.group(1))] == answer.group(2)
        three = printed_choices(in_booklet["Question three"], "three")
        expected = "; ".join(
            f"{LETTERS[i]}. {c}" for i, c in enumerate(three) if c != "Bravo three"
        )
        assert f"Answer: {expected}" in in_key["Question three"]
        # true-false: True before False, and the key's answer is unchanged
        two = in_booklet["Question two"]
        assert two.index("True") < two.index("False")
        assert "Answer: False" in in_key["Question two"]
    assert len(orders) > 1


def test_the_same_seed_gives_the_same_bytes(make_content, tmp_path) -> None:
    first = [p.read_bytes() for p in build_versions(make_content, tmp_path / "1")]
    second = [p.read_bytes() for p in build_versions(make_content, tmp_path / "2")]
    other = [p.read_bytes() for p in build_versions(make_content, tmp_path / "3", seed="8")]
    assert first == second
    assert first != other


def test_the_key_points_to_the_page_of_the_section(make_content) -> None:
    outputs = render_outputs(load(make_content(QUIZ_CONTENT)))
    pages = [
        " ".join(p.get_textpage().get_text_range().split())
        for p in pypdfium2.PdfDocument(outputs.booklet)
    ]

    def heading_page(title: str) -> int:
        return next(n for n, text in enumerate(pages, start=1) if n > 2 and title in text)

    key = segments(text_of(outputs.answer_key))
    assert f"See page {heading_page('What helps')}: What helps" in key["Question one"]
    assert (
        f"See page {heading_page('Why your knee hurts')}: Why your knee hurts"
        in key["Question three"]
    )
    assert "See page" not in key["Question two"]
    assert "See page" not in text_of(outputs.booklet)


def test_a_section_that_is_not_there_is_reported(make_content) -> None:
    content = make_content(QUIZ_CONTENT.replace("section: What helps", "section: What help"))
    assert problems(content) == [
        f'{content}:12: quiz.questions[1].section: "What help" is not the title of a section; '
        'did you mean "What helps"?'
    ]


def test_a_section_far_from_any_title_lists_them(make_content) -> None:
    content = make_content(QUIZ_CONTENT.replace("section: What helps", "section: Diet"))
    assert problems(content) == [
        f'{content}:12: quiz.questions[1].section: "Diet" is not the title of a section; '
        'name one of: "Why your knee hurts"; "What helps"'
    ]


@pytest.mark.parametrize("count", ["1", "26"])
def test_version_counts_at_the_limits(make_content, tmp_path, count) -> None:
    paths = build_versions(make_content, tmp_path, count=count)
    assert len(paths) == 2 * int(count)


def test_html_versions_carry_their_code(make_content, tmp_path) -> None:
    out = tmp_path / "out"
    content = make_content(QUIZ_CONTENT)
    result = run_cli(["build", content, "--out", out, "--format", "html", "--versions", "2"])
    assert result.exit_code == 0, result.stderr
    for letter in "AB":
        booklet = (out / f"booklet-{letter}.html").read_text()
        key = (out / f"booklet-{letter}-answer-key.html").read_text()
        assert f'<p class="version">Version {letter}-1</p>' in booklet
        assert f'<p class="version">Version {letter}-1</p>' in key
    key = (out / "booklet-A-answer-key.html").read_text()
    assert "See the section \u201cWhat helps\u201d" in key
