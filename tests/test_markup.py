"""Markup: user text -> ReportLab paragraph markup, where only **bold** and *italic* become tags."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import SimpleDocTemplate

from booklet.words.markup import (
    BulletList,
    NumberedList,
    TextParagraph,
    blocks,
    collapsed,
    escape,
    inline,
    tie_last_words,
)

STYLE = getSampleStyleSheet()["BodyText"]

# Text that means something to ReportLab's markup parser, and must print as typed.
LITERAL = [
    "AT&T",
    "<img src=x>",
    "<font color=red>red?</font>",
    '<a href="javascript:alert(1)">click</a>',
    "<b>not bold</b>",
    "<br/>",
    "</para>",
    "&amp;",
    "&#169;",
    "&nbsp;",
    "&lt;b&gt;",
    "a < b > c & d",
    'She said "rest".',
    "x ]]> y",
]


def styled(markup: str) -> list[tuple[str, bool, bool]]:
    """What ReportLab makes of the markup: runs of (text, bold, italic)."""
    runs: list[tuple[str, bool, bool]] = []
    for frag in RLParagraph(markup, STYLE).frags:
        style = (bool(frag.bold), bool(frag.italic))
        if runs and runs[-1][1:] == style:
            runs[-1] = (runs[-1][0] + frag.text, *style)
        else:
            runs.append((frag.text, *style))
    return runs


# --- escaping --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "markup"), [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")]
)
def test_escape_each_special_character(text: str, markup: str) -> None:
    assert escape(text) == markup


def test_escape_does_not_decode_entities() -> None:
    assert escape("&amp; &#169;") == "&amp;amp; &amp;#169;"


def test_escape_leaves_other_text_alone() -> None:
    assert escape("Hip pain: 3 days, 50% better * ' é") == "Hip pain: 3 days, 50% better * ' é"


@pytest.mark.parametrize("text", LITERAL)
def test_special_text_reads_back_literally(text: str) -> None:
    paragraph = RLParagraph(inline(text), STYLE)
    paragraph.wrap(300, 1000)
    assert paragraph.getPlainText() == text


@pytest.mark.parametrize("text", LITERAL)
def test_special_text_makes_no_bold_italic_or_link(text: str) -> None:
    assert styled(inline(text)) == [(text, False, False)]
    assert all(not frag.link for frag in RLParagraph(inline(text), STYLE).frags)


def test_special_text_prints_literally_in_a_pdf() -> None:
    stream = io.BytesIO()
    document = SimpleDocTemplate(stream, invariant=1)
    document.build([RLParagraph(inline(text), STYLE) for text in LITERAL])
    printed = "\n".join(page.extract_text() for page in PdfReader(stream).pages)
    for text in LITERAL:
        assert text in printed


# --- bold and italic -------------------------------------------------------------------


def test_bold() -> None:
    assert inline("Take **two** steps") == "Take <b>two</b> steps"
    assert styled(inline("Take **two** steps")) == [
        ("Take ", False, False),
        ("two", True, False),
        (" steps", False, False),
    ]


def test_italic() -> None:
    assert inline("Move *gently*.") == "Move <i>gently</i>."
    assert styled(inline("Move *gently*.")) == [
        ("Move ", False, False),
        ("gently", False, True),
        (".", False, False),
    ]


def test_bold_italic() -> None:
    assert inline("***Stop*** now") == "<b><i>Stop</i></b> now"
    assert styled(inline("***Stop*** now")) == [("Stop", True, True), (" now", False, False)]


def test_bold_and_italic_in_one_line() -> None:
    assert inline("**Do** this *slowly*") == "<b>Do</b> this <i>slowly</i>"


def test_escaping_happens_inside_bold() -> None:
    assert inline("**A&B <now>**") == "<b>A&amp;B &lt;now&gt;</b>"


@pytest.mark.parametrize(
    "text",
    [
        "**not closed",
        "not opened**",
        "*lonely",
        "2*3*4 = 24",
        "a * b * c",
        "** spaced **",
        "* spaced *",
        "**a *b** c*",
        "snake_case *",
    ],
)
def test_unmatched_or_spaced_asterisks_stay_literal(text: str) -> None:
    assert inline(text) == escape(text)
    assert RLParagraph(inline(text), STYLE).getPlainText() == text


def test_whitespace_inside_a_paragraph_is_collapsed() -> None:
    assert inline("  one\n   two\tthree  ") == "one two three"


# --- paragraphs and lists --------------------------------------------------------------


def test_blank_lines_split_paragraphs() -> None:
    assert blocks("One\ntwo\n\nThree\n   \nFour") == [
        TextParagraph("One two"),
        TextParagraph("Three"),
        TextParagraph("Four"),
    ]


def test_many_blank_lines_make_one_break() -> None:
    assert blocks("\n\nOne\n\n\n\nTwo\n\n") == [TextParagraph("One"), TextParagraph("Two")]


def test_empty_text_has_no_blocks() -> None:
    assert blocks("") == []
    assert blocks("  \n \n") == []


def test_bullet_list() -> None:
    assert blocks("- Walk\n- Stand up\n• Sit down") == [
        BulletList(("Walk", "Stand up", "Sit down"))
    ]


def test_numbered_list_keeps_its_start_number() -> None:
    assert blocks("3. Kneel\n4. Lean forward") == [NumberedList(("Kneel", "Lean forward"), 3)]


def test_numbered_list_with_parenthesis() -> None:
    assert blocks("1) Kneel\n2) Lean") == [NumberedList(("Kneel", "Lean"), 1)]


def test_indented_line_continues_a_list_item() -> None:
    assert blocks("- Walk every day,\n  even a little.\n- Rest") == [
        BulletList(("Walk every day, even a little.", "Rest"))
    ]


def test_unindented_line_after_a_list_starts_a_paragraph() -> None:
    assert blocks("- Walk\nThen rest.") == [BulletList(("Walk",)), TextParagraph("Then rest.")]


def test_paragraph_then_list_without_blank_line() -> None:
    assert blocks("Your psoas:\n- lifts your thigh\n- steadies your spine") == [
        TextParagraph("Your psoas:"),
        BulletList(("lifts your thigh", "steadies your spine")),
    ]


def test_bullets_then_numbers_make_two_lists() -> None:
    assert blocks("- Walk\n1. Kneel") == [BulletList(("Walk",)), NumberedList(("Kneel",), 1)]


def test_list_items_are_escaped_and_marked_up() -> None:
    assert blocks("- A&B\n- **<b>**") == [BulletList(("A&amp;B", "<b>&lt;b&gt;</b>"))]


@pytest.mark.parametrize("text", ["-not a bullet", "*not a bullet", "12345. too long a number"])
def test_lines_that_only_look_like_lists_are_paragraphs(text: str) -> None:
    assert blocks(text) == [TextParagraph(escape(text))]


# --- any text at all -------------------------------------------------------------------

ANY_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(list("*&<>\"';#-1. \n\t_/=[]ab")), st.characters()),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_inline_markup_is_always_accepted_by_reportlab(text: str) -> None:
    RLParagraph(inline(text), STYLE).wrap(300, 1000)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_block_markup_is_always_accepted_by_reportlab(text: str) -> None:
    for block in blocks(text):
        for markup in (
            block.items if isinstance(block, BulletList | NumberedList) else [block.markup]
        ):
            RLParagraph(markup, STYLE).wrap(300, 1000)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_characters="*", exclude_categories=["Cs"])))
def test_text_without_asterisks_reads_back_as_typed(text: str) -> None:
    # spaces and line breaks collapse to one space; no-break spaces stay as typed
    assert RLParagraph(inline(text), STYLE).getPlainText() == collapsed(text)


def test_a_title_keeps_its_last_two_words_together():
    assert tie_last_words("Psoas and <b>Hip Pain</b>") == "Psoas and <b>Hip\u00a0Pain</b>"
    assert (
        tie_last_words('<font face="a b">Two words</font>') == '<font face="a b">Two words</font>'
    )
    assert tie_last_words("One") == "One"
