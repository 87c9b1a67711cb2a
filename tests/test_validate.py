"""Validation: content and brand files -> a model, or every problem as `file:line: field: message`.

Problem lines are compared whole. `check` strips the test's temporary folder from them, so
`booklet.yaml:8: ...` below is `<tmp>/booklet.yaml:8: ...` as the user would see it.
"""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import make_picture, problems, write_yaml
from PIL import Image

from booklet.assets.fonts import FONT_FOLDER
from booklet.model import CalloutKind, QuestionKind, Sides

SAMPLE = Path(__file__).resolve().parent.parent / "content" / "psoas-hip-pain.yaml"

# Line 8 is the first line after these, inside the stretch.
STRETCH = """\
title: Hip care
sections:
  - title: Stretches
    stretches:
      - name: Kneeling hip flexor stretch
        steps:
          - Kneel on your right knee.
"""
# Line 7 is the first line after these, inside the question.
QUESTION = """\
title: Hip care
sections:
  - title: Why your hip hurts
quiz:
  questions:
    - question: Which helps?
"""
# Line 4 is the first line after these, inside the section.
SECTION = """\
title: Hip care
sections:
  - title: Why your hip hurts
"""


def stretch(*lines: str) -> str:
    """A content file with one stretch; `lines` are its further fields, from line 8."""
    return STRETCH + "".join(f"        {line}\n" for line in lines)


def question(*lines: str) -> str:
    """A content file with one quiz question; `lines` are its further fields, from line 7."""
    return QUESTION + "".join(f"      {line}\n" for line in lines)


def section(*lines: str) -> str:
    """A content file with one section; `lines` are its further fields, from line 4."""
    return SECTION + "".join(f"    {line}\n" for line in lines)


Check = Callable[..., list[str]]


@pytest.fixture
def check(tmp_path: Path) -> Check:
    """A function: content text (and brand text) -> problem lines, the tmp folder left out."""

    def run(content: str, brand: str | None = None) -> list[str]:
        content_path = write_yaml(tmp_path / "booklet.yaml", content)
        brand_path = write_yaml(tmp_path / "brand.yaml", brand) if brand is not None else None
        return [line.replace(f"{tmp_path}/", "") for line in problems(content_path, brand_path)]

    return run


# --- valid input -----------------------------------------------------------------------


def test_minimal_file_is_valid(make_content, load_valid) -> None:
    document = load_valid(make_content())
    assert document.booklet.title == "Hip care"
    assert [s.title for s in document.booklet.sections] == ["Why your hip hurts"]
    assert document.booklet.language == "en"
    assert document.brand.organization  # the neutral built-in brand


def test_content_written_from_a_dict_is_valid(make_content, load_valid) -> None:
    content = make_content({"title": "Hip care", "sections": [{"title": "One", "body": "Hi"}]})
    assert load_valid(content).booklet.sections[0].body == "Hi"


def test_full_stretch_is_read(make_content, load_valid, picture) -> None:
    picture("stretch.jpg")
    content = make_content(
        stretch(
            "  - Tuck your tailbone under.",
            "id: kneeling",
            "image: stretch.jpg",
            "hold: 2 minutes",
            "repeat: 3",
            "sets: 2",
            "sides: Each",
            "video: https://example.org/kneeling",
        )
    )
    (item,) = load_valid(content).booklet.stretches()
    assert item.steps == ("Kneel on your right knee.", "Tuck your tailbone under.")
    assert (item.id, item.hold_seconds, item.repeat, item.sets) == ("kneeling", 120, 3, 2)
    assert item.sides is Sides.EACH
    assert item.video == "https://example.org/kneeling"
    assert item.picture is not None and item.picture.path.name == "stretch.jpg"


@pytest.mark.parametrize(
    ("typed", "seconds"),
    [("30", 30), ("30 seconds", 30), ("1 second", 1), ("45 sec", 45), ("2 minutes", 120)],
)
def test_hold_durations(make_content, load_valid, typed: str, seconds: int) -> None:
    (item,) = load_valid(make_content(stretch(f"hold: {typed}"))).booklet.stretches()
    assert item.hold_seconds == seconds


def test_stretch_id_defaults_to_slug_of_name(make_content, load_valid) -> None:
    (item,) = load_valid(make_content(STRETCH)).booklet.stretches()
    assert item.id == "kneeling-hip-flexor-stretch"


def test_callout_is_read(make_content, load_valid) -> None:
    content = make_content(section("callouts:", "  - kind: Warning", "    text: See a doctor."))
    (callout,) = load_valid(content).booklet.sections[0].callouts
    assert (callout.kind, callout.text) == (CalloutKind.WARNING, "See a doctor.")


def sample_pictures() -> list[Path]:
    """Every picture the sample content and its brand name."""
    text = SAMPLE.read_text(encoding="utf-8") + (SAMPLE.parent / "brand.yaml").read_text()
    found = re.findall(r"(?:image|file|logo):\s*(\S+\.(?:png|jpe?g))\s*$", text, re.MULTILINE)
    return [SAMPLE.parent / name for name in found]


def test_sample_has_no_problems_but_pictures_still_being_drawn() -> None:
    assert [line for line in problems(SAMPLE) if "picture not found" not in line] == []


@pytest.mark.skipif(
    not all(p.exists() for p in sample_pictures()), reason="the sample pictures are not all drawn"
)
def test_sample_content_is_valid(load_valid) -> None:
    document = load_valid(SAMPLE)
    assert document.booklet.title == "Psoas and Hip Pain"
    assert document.brand.organization == "Riverside Physical Therapy"
    assert len(document.booklet.pictures()) == len(sample_pictures()) - 1  # all but the logo


# --- scalars are read as typed ---------------------------------------------------------


def test_yes_no_choices_stay_text(make_content, load_valid) -> None:
    content = make_content(question("choices: [Yes, No]", "answer: No"))
    (item,) = load_valid(content).booklet.quiz.questions
    assert (item.kind, item.choices, item.answer) == (QuestionKind.SINGLE, ("Yes", "No"), "No")


def test_number_choices_stay_text(make_content, load_valid) -> None:
    content = make_content(question("choices: [1, 2, 3]", "answer: 2"))
    (item,) = load_valid(content).booklet.quiz.questions
    assert (item.kind, item.choices, item.answer) == (QuestionKind.SINGLE, ("1", "2", "3"), "2")


def test_time_like_and_on_off_stay_text(make_content, load_valid) -> None:
    content = make_content("title: 1:30\nsubtitle: on\nsections:\n  - title: off\n    body: 3.10\n")
    booklet = load_valid(content).booklet
    assert (booklet.title, booklet.subtitle) == ("1:30", "on")
    assert (booklet.sections[0].title, booklet.sections[0].body) == ("off", "3.10")


@pytest.mark.parametrize(("typed", "value"), [("True", True), ("FALSE", False), ("true", True)])
def test_plain_true_false_answers_are_booleans(make_content, load_valid, typed, value) -> None:
    (item,) = load_valid(make_content(question(f"answer: {typed}"))).booklet.quiz.questions
    assert (item.kind, item.answer) == (QuestionKind.TRUE_FALSE, value)


def test_quoted_true_with_stated_type_is_true_false(make_content, load_valid) -> None:
    content = make_content(question("type: true-false", 'answer: "true"'))
    (item,) = load_valid(content).booklet.quiz.questions
    assert (item.kind, item.answer) == (QuestionKind.TRUE_FALSE, True)


def test_quoted_true_without_type_is_a_short_answer(make_content, load_valid) -> None:
    (item,) = load_valid(make_content(question('answer: "true"'))).booklet.quiz.questions
    assert (item.kind, item.answer) == (QuestionKind.SHORT, "true")


def test_multiple_choice_answer(make_content, load_valid) -> None:
    content = make_content(question("choices: [Rest, Massage, Walking]", "answer: [Walking, Rest]"))
    (item,) = load_valid(content).booklet.quiz.questions
    assert (item.kind, item.answer) == (QuestionKind.MULTIPLE, ("Walking", "Rest"))
    assert item.correct_choices() == ("Rest", "Walking")


def test_short_answer_with_lines(make_content, load_valid) -> None:
    content = make_content(question("answer: Get up every 30 minutes.", "lines: 2"))
    (item,) = load_valid(content).booklet.quiz.questions
    assert (item.kind, item.answer, item.lines) == (
        QuestionKind.SHORT,
        "Get up every 30 minutes.",
        2,
    )


# --- missing and empty fields ----------------------------------------------------------


def test_missing_title(check: Check) -> None:
    assert check("sections:\n  - title: One\n") == ["booklet.yaml:1: title: missing required field"]


def test_missing_sections(check: Check) -> None:
    assert check("title: Hip care\n") == ["booklet.yaml:1: sections: missing required field"]


def test_missing_section_title(check: Check) -> None:
    assert check("title: Hip care\nsections:\n  - body: Hello\n") == [
        "booklet.yaml:3: sections[1].title: missing required field"
    ]


def test_missing_stretch_name(check: Check) -> None:
    content = STRETCH.replace("- name: Kneeling hip flexor stretch\n        steps:", "- steps:")
    assert check(content) == [
        "booklet.yaml:5: sections[1].stretches[1].name: missing required field"
    ]


def test_missing_steps(check: Check) -> None:
    content = section("stretches:", "  - name: Kneeling hip flexor stretch", "    hold: 30")
    assert check(content) == [
        "booklet.yaml:5: sections[1].stretches[1].steps: missing required field"
    ]


def test_missing_question(check: Check) -> None:
    content = QUESTION.replace("- question: Which helps?", "- answer: true")
    assert check(content) == ["booklet.yaml:6: quiz.questions[1].question: missing required field"]


def test_missing_answer(check: Check) -> None:
    assert check(QUESTION) == ["booklet.yaml:6: quiz.questions[1].answer: missing required field"]


def test_quiz_without_questions(check: Check) -> None:
    assert check(SECTION + "quiz:\n  title: Check yourself\n") == [
        "booklet.yaml:5: quiz.questions: missing required field"
    ]


def test_empty_title(check: Check) -> None:
    assert check("title:\nsections:\n  - title: One\n") == [
        "booklet.yaml:1: title: must not be empty"
    ]


def test_blank_quoted_title(check: Check) -> None:
    assert check('title: "  "\nsections:\n  - title: One\n') == [
        "booklet.yaml:1: title: must not be empty"
    ]


def test_empty_sections_list(check: Check) -> None:
    assert check("title: Hip care\nsections: []\n") == [
        "booklet.yaml:2: sections: must list at least one item"
    ]


def test_empty_steps_list(check: Check) -> None:
    content = section("stretches:", "  - name: Kneeling hip flexor stretch", "    steps: []")
    assert check(content) == [
        "booklet.yaml:6: sections[1].stretches[1].steps: must list at least one item"
    ]


def test_empty_step(check: Check) -> None:
    assert check(stretch('  - ""')) == [
        "booklet.yaml:8: sections[1].stretches[1].steps[2]: must not be empty"
    ]


def test_missing_organization(check: Check) -> None:
    assert check(SECTION, "disclaimer: For education only.\n") == [
        "brand.yaml:1: organization: missing required field"
    ]


# --- unknown and repeated fields -------------------------------------------------------


def test_misspelled_steps(check: Check) -> None:
    content = STRETCH.replace("        steps:", "        setps:")
    assert check(content) == [
        'booklet.yaml:6: sections[1].stretches[1].setps: unknown field; did you mean "steps"?',
    ]


def test_misspelled_title(check: Check) -> None:
    assert check(SECTION.replace("title: Hip care", "titel: Hip care")) == [
        'booklet.yaml:1: titel: unknown field; did you mean "title"?',
    ]


def test_misspelled_caption_inside_image(check: Check, picture) -> None:
    picture("hip.png")
    assert check(section("image:", "  file: hip.png", "  captoin: The hip")) == [
        'booklet.yaml:6: sections[1].image.captoin: unknown field; did you mean "caption"?'
    ]


def test_a_comma_inside_braces_is_explained(check: Check, picture) -> None:
    picture("hip.png")
    braces = "image: {file: hip.png, alt: A hip, caption: Knees bent, feet flat}"
    assert check(section(braces)) == [
        "booklet.yaml:4: sections[1].image.feet flat: unknown field; inside { } a comma "
        'starts a new field: put text that has a comma in quotes, such as caption: "Knees '
        'bent, feet flat"'
    ]
    quoted = braces.replace("Knees bent, feet flat", '"Knees bent, feet flat"')
    assert check(section(quoted)) == []


def test_unknown_field_lists_what_is_allowed(check: Check) -> None:
    assert check(section("author: Dr Who")) == [
        "booklet.yaml:4: sections[1].author: unknown field; "
        "allowed here: title, body, image, figure, callouts, stretches, handout"
    ]


def test_misspelled_brand_field(check: Check) -> None:
    assert check(SECTION, "orgnization: Example PT\n") == [
        'brand.yaml:1: orgnization: unknown field; did you mean "organization"?',
    ]


def test_british_spelling_in_brand(check: Check) -> None:
    assert check(SECTION, "organization: Example PT\ncolours:\n  primary: navy\n") == [
        'brand.yaml:2: colours: unknown field; did you mean "colors"?'
    ]


def test_title_in_brand_lists_brand_fields(check: Check) -> None:
    assert check(SECTION, "organization: Example PT\ntitel: Hip care\n") == [
        "brand.yaml:2: titel: unknown field; allowed here: "
        "organization, logo, colors, fonts, page, contact, disclaimer, reading_grade, labels, "
        "print, handout"
    ]


def test_duplicate_field_names_both_lines(check: Check) -> None:
    assert check("title: Hip care\nsections:\n  - title: One\ntitle: Knee care\n") == [
        "booklet.yaml:4: title: appears twice (also on line 1); keep one"
    ]


# --- wrong types -----------------------------------------------------------------------


def test_list_where_text_expected(check: Check) -> None:
    assert check("title: [Hip, care]\nsections:\n  - title: One\n") == [
        "booklet.yaml:1: title: must be text, not a list"
    ]


def test_mapping_where_text_expected(check: Check) -> None:
    assert check(SECTION + "subtitle:\n  text: Why\n") == [
        "booklet.yaml:5: subtitle: must be text, not a mapping"
    ]


def test_text_where_list_expected(check: Check) -> None:
    content = section("stretches:", "  - name: Kneeling hip flexor stretch", "    steps: Kneel.")
    assert check(content) == [
        "booklet.yaml:6: sections[1].stretches[1].steps: must be a list, not text; "
        'start each item on its own line with "- "'
    ]


def test_mapping_where_list_expected(check: Check) -> None:
    assert check("title: Hip care\nsections:\n  title: One\n") == [
        "booklet.yaml:3: sections: must be a list, not a mapping"
    ]


def test_top_level_must_be_a_mapping(check: Check) -> None:
    assert check("- title: Hip care\n") == [
        "booklet.yaml:1: (top level): must be a mapping of fields, not a list"
    ]


def test_section_must_be_a_mapping(check: Check) -> None:
    assert check("title: Hip care\nsections:\n  - Why your hip hurts\n") == [
        "booklet.yaml:3: sections[1]: must be a mapping of fields, not text"
    ]


# --- stretches -------------------------------------------------------------------------


def test_hold_not_a_duration(check: Check) -> None:
    assert check(stretch("hold: a little while")) == [
        'booklet.yaml:8: sections[1].stretches[1].hold: "a little while" is not a duration; '
        'write whole seconds (30), "30 seconds" or "2 minutes"'
    ]


def test_hold_of_zero(check: Check) -> None:
    assert check(stretch("hold: 0 seconds")) == [
        "booklet.yaml:8: sections[1].stretches[1].hold: must be from 1 second to 60 minutes"
    ]


def test_hold_in_hours(check: Check) -> None:
    assert check(stretch("hold: 2 hours")) == [
        'booklet.yaml:8: sections[1].stretches[1].hold: "2 hours" is not a duration; '
        'write whole seconds (30), "30 seconds" or "2 minutes"'
    ]


def test_repeat_not_whole(check: Check) -> None:
    assert check(stretch("repeat: 2.5")) == [
        'booklet.yaml:8: sections[1].stretches[1].repeat: "2.5" is not a whole number; '
        "write a number such as 1"
    ]


def test_sets_in_words(check: Check) -> None:
    assert check(stretch("sets: three")) == [
        'booklet.yaml:8: sections[1].stretches[1].sets: "three" is not a whole number; '
        "write a number such as 1"
    ]


def test_repeat_of_zero(check: Check) -> None:
    assert check(stretch("repeat: 0")) == [
        "booklet.yaml:8: sections[1].stretches[1].repeat: must be from 1 to 1000, not 0"
    ]


def test_too_many_sets(check: Check) -> None:
    assert check(stretch("sets: 101")) == [
        "booklet.yaml:8: sections[1].stretches[1].sets: must be from 1 to 100, not 101"
    ]


def test_negative_repeat(check: Check) -> None:
    assert check(stretch("repeat: -3")) == [
        'booklet.yaml:8: sections[1].stretches[1].repeat: "-3" is not a whole number; '
        "write a number such as 1"
    ]


def test_bad_sides_suggests(check: Check) -> None:
    assert check(stretch("sides: eech")) == [
        'booklet.yaml:8: sections[1].stretches[1].sides: "eech" is not one of: '
        'each, left, right, both; did you mean "each"?'
    ]


@pytest.mark.parametrize("url", ["example.org/kneeling", "javascript:alert(1)", "ftp://x.org/a"])
def test_bad_video_url(check: Check, url: str) -> None:
    assert check(stretch(f"video: {url}")) == [
        f'booklet.yaml:8: sections[1].stretches[1].video: "{url}" is not a web address; '
        "write it in full, starting with https://"
    ]


def test_bad_stretch_id(check: Check) -> None:
    assert check(stretch("id: hip flexor!")) == [
        'booklet.yaml:8: sections[1].stretches[1].id: "hip flexor!" may hold only letters, '
        'digits, "-" and "_"; for example hip-flexor'
    ]


def test_duplicate_explicit_stretch_ids(check: Check) -> None:
    content = (
        STRETCH
        + "        id: hip\n"  # 8
        + "      - name: Standing quad stretch\n"
        + "        id: hip\n"  # 10
        + "        steps: [Stand on one leg.]\n"
    )
    assert check(content) == [
        'booklet.yaml:10: sections[1].stretches[2].id: "hip" is used by two stretches '
        "(also on line 8); give each stretch its own id"
    ]


def test_duplicate_ids_derived_from_names(check: Check) -> None:
    content = (
        "title: Hip care\n"
        "sections:\n"
        "  - title: Morning\n"
        "    stretches:\n"
        "      - name: Hip stretch\n"
        "        steps: [Kneel.]\n"
        "  - title: Evening\n"
        "    stretches:\n"
        "      - name: Hip Stretch!\n"
        "        steps: [Kneel.]\n"
    )
    assert check(content) == [
        'booklet.yaml:9: sections[2].stretches[1].name: the id made from this name, "hip-stretch",'
        " is used by two stretches (also on line 5); give each stretch its own id"
    ]


# --- sections, pictures and callouts ---------------------------------------------------


def test_callout_kind_suggests(check: Check) -> None:
    assert check(section("callouts:", "  - kind: warnign", "    text: Careful.")) == [
        'booklet.yaml:5: sections[1].callouts[1].kind: "warnign" is not one of: '
        'tip, note, warning; did you mean "warning"?'
    ]


def test_callout_without_text(check: Check) -> None:
    assert check(section("callouts:", "  - kind: tip")) == [
        "booklet.yaml:5: sections[1].callouts[1].text: missing required field"
    ]


def test_missing_section_picture(check: Check) -> None:
    assert check(section("image: images/hip.png")) == [
        "booklet.yaml:4: sections[1].image: picture not found: images/hip.png"
    ]


def test_missing_stretch_picture(check: Check) -> None:
    assert check(stretch("image: kneeling.png")) == [
        "booklet.yaml:8: sections[1].stretches[1].image: picture not found: kneeling.png"
    ]


def test_picture_mapping_without_file(check: Check) -> None:
    assert check(section("image:", "  caption: The hip")) == [
        "booklet.yaml:5: sections[1].image.file: missing required field"
    ]


def test_picture_over_the_pixel_limit(check: Check, tmp_path: Path) -> None:
    make_picture(tmp_path / "huge.png", size=(7000, 7000), color=0, mode="1")
    assert check(section("image:", "  file: huge.png")) == [
        "booklet.yaml:5: sections[1].image.file: the picture huge.png is 7000x7000 pixels, "
        "more than the limit of 40 million; make it smaller"
    ]


def png_header(width: int, height: int) -> bytes:
    """A PNG holding only a header that claims the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


def test_picture_claiming_a_huge_size_is_not_opened(check: Check, tmp_path: Path) -> None:
    (tmp_path / "bomb.png").write_bytes(png_header(100_000, 100_000))
    assert check(section("image: bomb.png")) == [
        "booklet.yaml:4: sections[1].image: the picture bomb.png is too large to open safely; "
        "make it smaller"
    ]


# --- the quiz --------------------------------------------------------------------------


def test_one_choice(check: Check) -> None:
    assert check(question("choices: [Rest]", "answer: Rest")) == [
        "booklet.yaml:7: quiz.questions[1].choices: must have 2 to 8 choices, not 1"
    ]


def test_nine_choices(check: Check) -> None:
    assert check(question("choices: [a, b, c, d, e, f, g, h, i]", "answer: a")) == [
        "booklet.yaml:7: quiz.questions[1].choices: must have 2 to 8 choices, not 9"
    ]


def test_duplicate_choices(check: Check) -> None:
    assert check(question("choices: [Rest, Massage, Rest]", "answer: Rest")) == [
        'booklet.yaml:7: quiz.questions[1].choices: "Rest" is listed twice; each choice must differ'
    ]


def test_answer_not_among_choices_suggests_closest(check: Check) -> None:
    content = question(
        "choices: [Physical therapy, Massage therapy, Rest]", "answer: Masage therapy"
    )
    assert check(content) == [
        'booklet.yaml:8: quiz.questions[1].answer: "Masage therapy" is not one of the choices '
        '("Physical therapy"; "Massage therapy"; "Rest"); did you mean "Massage therapy"?'
    ]


def test_answer_not_among_choices_without_close_match(check: Check) -> None:
    assert check(question("choices: [Rest, Ice]", "answer: Surgery")) == [
        'booklet.yaml:8: quiz.questions[1].answer: "Surgery" is not one of the choices '
        '("Rest"; "Ice")'
    ]


def test_answer_holding_a_choice_suggests_it(check: Check) -> None:
    assert check(question("choices: [Heat, Ice, Rest]", "answer: Ice pack")) == [
        'booklet.yaml:8: quiz.questions[1].answer: "Ice pack" is not one of the choices '
        '("Heat"; "Ice"; "Rest"); did you mean "Ice"?'
    ]


def test_multiple_answer_with_a_wrong_item(check: Check) -> None:
    assert check(question("choices: [Rest, Ice, Heat]", "answer:", "  - Rest", "  - Ise")) == [
        'booklet.yaml:10: quiz.questions[1].answer: "Ise" is not one of the choices '
        '("Rest"; "Ice"; "Heat"); did you mean "Ice"?'
    ]


def test_list_answer_without_choices(check: Check) -> None:
    assert check(question("answer: [Rest, Ice]")) == [
        "booklet.yaml:7: quiz.questions[1].answer: a list of answers needs `choices` to pick from"
    ]


def test_stated_type_disagrees(check: Check) -> None:
    assert check(question("type: short", "choices: [Rest, Ice]", "answer: Ice")) == [
        'booklet.yaml:7: quiz.questions[1].type: says "short" but the choices and answer make '
        'a "single" question'
    ]


def test_unknown_type_suggests(check: Check) -> None:
    assert check(question("type: truefalse", "answer: true")) == [
        'booklet.yaml:7: quiz.questions[1].type: "truefalse" is not one of: '
        'true-false, single, multiple, short; did you mean "true-false"?'
    ]


def test_true_false_type_with_other_answer(check: Check) -> None:
    assert check(question("type: true-false", "answer: maybe")) == [
        'booklet.yaml:8: quiz.questions[1].answer: "maybe" must be true or false '
        "for a true-false question"
    ]


def test_lines_on_a_choice_question(check: Check) -> None:
    assert check(question("choices: [Rest, Ice]", "answer: Ice", "lines: 2")) == [
        "booklet.yaml:9: quiz.questions[1].lines: is only for short-answer questions"
    ]


def test_lines_on_a_true_false_question(check: Check) -> None:
    assert check(question("answer: false", "lines: 2")) == [
        "booklet.yaml:8: quiz.questions[1].lines: is only for short-answer questions"
    ]


# --- content fields with a format ------------------------------------------------------


@pytest.mark.parametrize("typed", ["2026-13-01", "next year", "1/11/2026", "2026-11-1"])
def test_bad_reviewed_date(check: Check, typed: str) -> None:
    assert check(SECTION + f"reviewed: {typed}\n") == [
        f'booklet.yaml:4: reviewed: "{typed}" is not a date; '
        "write it as YYYY-MM-DD, for example 2026-11-01"
    ]


def test_bad_language_tag(check: Check) -> None:
    assert check(SECTION + "language: English!\n") == [
        'booklet.yaml:4: language: "English!" is not a language tag; '
        "write one such as en, es or pt-BR"
    ]


def test_region_language_tag_is_accepted(make_content, load_valid) -> None:
    assert load_valid(make_content(SECTION + "language: pt-BR\n")).booklet.language == "pt-BR"


# --- the brand file --------------------------------------------------------------------

BRAND = "organization: Example PT\n"


def test_bad_colours(check: Check) -> None:
    brand = BRAND + 'colors:\n  primary: navvy\n  accent: "#12345G"\n'
    assert check(SECTION, brand) == [
        'brand.yaml:3: colors.primary: "navvy" is not a colour; write "#RRGGBB" '
        '(for example "#1F6F8B") or a CSS colour name; did you mean "navy"?',
        'brand.yaml:4: colors.accent: "#12345G" is not a colour; write "#RRGGBB" '
        '(for example "#1F6F8B") or a CSS colour name',
    ]


def test_colours_are_read(make_content, make_brand, load_valid) -> None:
    brand = make_brand(BRAND + 'colors:\n  primary: "#1f6f8b"\n  accent: Navy\n')
    document = load_valid(make_content(), brand)
    assert (document.brand.primary, document.brand.accent) == ("#1F6F8B", "#000080")


def test_bad_page_size_suggests(check: Check) -> None:
    assert check(SECTION, BRAND + "page:\n  size: leter\n") == [
        'brand.yaml:3: page.size: "leter" is not one of: letter, a4, a5, half-letter; '
        'did you mean "letter"?'
    ]


def test_margin_without_unit(check: Check) -> None:
    assert check(SECTION, BRAND + "page:\n  margin: 18\n") == [
        'brand.yaml:3: page.margin: "18" is not a length; '
        "write a number with mm, cm, in or pt, for example 18mm"
    ]


@pytest.mark.parametrize(("margin", "size", "most"), [("2mm", "a4", 52), ("3in", "a5", 37)])
def test_margin_out_of_range(check: Check, margin: str, size: str, most: int) -> None:
    assert check(SECTION, BRAND + f"page:\n  size: {size}\n  margin: {margin}\n") == [
        f"brand.yaml:4: page.margin: must be from 6mm to {most}mm for this page size"
    ]


def test_page_is_read(make_content, make_brand, load_valid) -> None:
    brand = make_brand(BRAND + "page:\n  size: A4\n  margin: 2cm\n")
    document = load_valid(make_content(), brand)
    assert document.brand.page_size == "a4"
    assert document.brand.margin_pt == pytest.approx(72 / 2.54 * 2)


def test_bad_email(check: Check) -> None:
    assert check(SECTION, BRAND + "contact:\n  email: front-desk.example.org\n") == [
        'brand.yaml:3: contact.email: "front-desk.example.org" is not an email address; '
        "write it as front-desk@example.org"
    ]


def test_bad_font_name_suggests(check: Check) -> None:
    assert check(SECTION, BRAND + "fonts:\n  body: Helvetca\n") == [
        'brand.yaml:3: fonts.body: "Helvetca" is not a built-in font (Noto Sans, Liberation Sans, '
        "Liberation Serif, Liberation Mono, DejaVu Sans, Helvetica, Times, Courier); "
        "name one of these or give "
        'font files such as { regular: fonts/Body-Regular.ttf }; did you mean "Helvetica"?'
    ]


def test_font_file_missing(check: Check) -> None:
    assert check(SECTION, BRAND + "fonts:\n  body: { regular: fonts/Body.ttf }\n") == [
        "brand.yaml:3: fonts.body.regular: font file not found: fonts/Body.ttf"
    ]


def test_font_file_not_a_font(check: Check, tmp_path: Path) -> None:
    (tmp_path / "Body.ttf").write_bytes(b"this is not a font, just some bytes" * 20)
    assert check(SECTION, BRAND + "fonts:\n  body: { regular: Body.ttf }\n") == [
        "brand.yaml:3: fonts.body.regular: Body.ttf is not a TrueType font file; give a .ttf font"
    ]


def test_font_file_empty(check: Check, tmp_path: Path) -> None:
    (tmp_path / "Body.ttf").write_bytes(b"")
    assert check(SECTION, BRAND + "fonts:\n  heading: { regular: Body.ttf }\n") == [
        "brand.yaml:3: fonts.heading.regular: the font file Body.ttf is empty (0 bytes)"
    ]


def test_font_styles_need_a_regular_file(check: Check, tmp_path: Path) -> None:
    shutil.copy(FONT_FOLDER / "NotoSans-Bold.ttf", tmp_path / "Bold.ttf")
    assert check(SECTION, BRAND + "fonts:\n  body: { bold: Bold.ttf }\n") == [
        "brand.yaml:3: fonts.body.regular: missing required field"
    ]


def test_font_files_are_read(make_content, make_brand, load_valid, tmp_path: Path) -> None:
    shutil.copy(FONT_FOLDER / "NotoSans-Regular.ttf", tmp_path / "Body.ttf")
    brand = make_brand(BRAND + "fonts:\n  body: { regular: Body.ttf }\n  heading: times\n")
    document = load_valid(make_content(), brand)
    assert document.brand.body_font.regular == tmp_path / "Body.ttf"
    assert document.brand.heading_font.builtin == "Liberation Serif"


def test_logo_missing(check: Check) -> None:
    assert check(SECTION, BRAND + "logo: images/logo.png\n") == [
        "brand.yaml:2: logo: picture not found: images/logo.png"
    ]


def test_logo_truncated(check: Check, tmp_path: Path) -> None:
    # Varied pixels make the image data long, so cutting the file in half cuts into it.
    whole = tmp_path / "whole.png"
    Image.effect_noise((200, 200), 80).save(whole)
    data = whole.read_bytes()
    (tmp_path / "logo.png").write_bytes(data[: len(data) // 2])
    assert check(SECTION, BRAND + "logo: logo.png\n") == [
        "brand.yaml:2: logo: the picture logo.png is damaged or truncated "
        "(image file is truncated); export it again as PNG or JPEG"
    ]


def test_logo_zero_bytes(check: Check, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_bytes(b"")
    assert check(SECTION, BRAND + "logo: logo.png\n") == [
        "brand.yaml:2: logo: the picture logo.png is empty (0 bytes)"
    ]


def test_logo_not_a_picture(check: Check, tmp_path: Path) -> None:
    (tmp_path / "logo.png").write_text("Riverside Physical Therapy\n")
    assert check(SECTION, BRAND + "logo: logo.png\n") == [
        "brand.yaml:2: logo: logo.png is not a picture booklet can print; save it as PNG or JPEG"
    ]


def test_logo_is_a_folder(check: Check, tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    assert check(SECTION, BRAND + "logo: images\n") == [
        "brand.yaml:2: logo: images is a folder, not a picture; name the picture itself"
    ]


@pytest.mark.parametrize(
    "name", ["hip.png", "hip.jpg", "hip.gif", "hip.webp", "hip.bmp", "hip.tif"]
)
def test_picture_formats_are_accepted(check: Check, picture, name: str) -> None:
    picture(name)
    assert check(section(f"image: {name}")) == []


def test_logo_as_jpeg_is_read(make_content, make_brand, load_valid, picture) -> None:
    logo = picture("logo.jpg", size=(120, 40))
    assert load_valid(make_content(), make_brand(BRAND + "logo: logo.jpg\n")).brand.logo == logo


# --- every problem at once -------------------------------------------------------------


def test_all_problems_are_reported_together(check: Check) -> None:
    content = (
        "titel: Hip care\n"  # 1: unknown field (and so title is missing)
        "language: english!\n"  # 2
        "sections:\n"
        "  - title: Stretches\n"
        "    stretches:\n"
        "      - name: Hip flexor\n"
        "        steps: [Kneel.]\n"
        "        hold: a while\n"  # 8
        "quiz:\n"
        "  questions:\n"
        "    - question: Which helps?\n"
        "      choices: [Rest, Ice]\n"
        "      answer: Heat\n"  # 13
    )
    brand = "organization: Example PT\npage:\n  size: legal\n"
    assert check(content, brand) == [
        'booklet.yaml:1: titel: unknown field; did you mean "title"?',
        'booklet.yaml:2: language: "english!" is not a language tag; '
        "write one such as en, es or pt-BR",
        'booklet.yaml:8: sections[1].stretches[1].hold: "a while" is not a duration; '
        'write whole seconds (30), "30 seconds" or "2 minutes"',
        'booklet.yaml:13: quiz.questions[1].answer: "Heat" is not one of the choices '
        '("Rest"; "Ice")',
        'brand.yaml:3: page.size: "legal" is not one of: letter, a4, a5, half-letter',
    ]


def test_a_title_too_long_for_the_cover_is_reported(make_content):
    path = make_content({"title": "Knee " * 50, "sections": [{"title": "One"}]})
    assert problems(path) == [
        f"{path}:1: title: is 249 characters long; keep it to 200 "
        "(it is printed large on the cover)"
    ]
