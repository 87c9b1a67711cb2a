"""`booklet check`: each kind of finding on crafted text, with file:line and field, the
report's JSON shape, exit codes, words files, target grades and `validate --strict`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import run_cli

from booklet.literacy.assess import Finding, Report
from booklet.literacy.assess import check_reading as check_document
from booklet.source.read import load


def check_reading(content: Path, brand: Path | None = None, **options: Any) -> Report:
    """`booklet check` of a content file: load it, then report on its text."""
    return check_document(load(content, brand), **options)


FINE = """\
title: Knee care
sections:
  - title: Why your knee hurts
    body: |
      Your knee is a hinge. It bends and straightens.

      Walk a little each day. Rest when it hurts.
  - title: Key points
    body: Move a little every day.
"""


def findings(content: Path, **options: object) -> list[Finding]:
    return list(check_reading(content, **options).findings)  # type: ignore[arg-type]


def kinds(content: Path, **options: object) -> list[str]:
    return [f.kind for f in findings(content, **options)]


def body(text: str, extra: str = "") -> str:
    indented = "\n".join("      " + line if line else "" for line in text.splitlines())
    return (
        "title: Knee care\nsections:\n  - title: Why your knee hurts\n    body: |\n"
        f"{indented}\n  - title: Key points\n    body: Move a little every day.\n{extra}"
    )


def test_plain_text_has_no_findings(make_content) -> None:
    assert findings(make_content(FINE)) == []


def test_long_sentence_names_line_field_and_sentence(make_content) -> None:
    long = (
        "When you get up from a chair you should push with both of your hands and lean "
        "forward a little before you stand up tall."
    )
    content = make_content(body(f"Your knee is a hinge.\n\n{long}"))
    (found,) = findings(content)
    assert found.kind == "long-sentence"
    assert str(found) == (
        f"{content}:7: sections[1].body: sentence of 25 words (keep to 20 or fewer); split it: "
        '"When you get up from a chair you should push with both of…"'
    )


def test_twenty_words_is_not_long(make_content) -> None:
    twenty = " ".join(["Walk"] + ["slowly"] * 18 + ["home."])
    assert "long-sentence" not in kinds(make_content(body(twenty)))


def test_passive_voice_regular_and_irregular_participles(make_content) -> None:
    content = make_content(
        body("The muscle is stretched by your therapist.\n\nThe bone was often broken in falls.")
    )
    found = findings(content)
    assert [(f.kind, f.line) for f in found] == [("passive", 5), ("passive", 7)]
    assert '"is stretched"' in found[0].message and '"was often broken"' in found[1].message


def test_states_after_be_are_not_passive(make_content) -> None:
    assert kinds(make_content(body("You are tired. Your knee is red. You need rest."))) == []


def test_jargon_with_plain_alternative(make_content) -> None:
    content = make_content(body("Ambulate twice a day. Bend your knee."))
    (found,) = findings(content)
    assert found.kind == "jargon" and found.line == 5
    assert found.message == '"Ambulate" is a medical word; write "walk", or explain it in brackets'


def test_jargon_explained_where_it_is_used_is_not_reported(make_content) -> None:
    text = (
        "It ends on your thigh bone (femur). The kneecap is the *patella* (a small bone).\n\n"
        '*Anterior* means "front".'
    )
    assert "jargon" not in kinds(make_content(body(text)))


def test_jargon_in_titles_and_steps(make_content) -> None:
    content = make_content(
        body(
            "Your knee bends.",
            "  - title: Lateral knee pain\n    stretches:\n      - name: Prone hang\n"
            "        steps: [Lie down.]\n",
        )
    )
    found = findings(content)
    assert [(f.field, f.line) for f in found] == [
        ("sections[3].title", 8),
        ("sections[3].stretches[1].name", 10),
    ]


def test_words_file_adds_changes_and_removes_words(make_content, tmp_path: Path) -> None:
    content = make_content(body("Ambulate with your orthosis. Rest your patella."))
    words = tmp_path / "words.yaml"
    words.write_text('ambulate: ""\northosis: knee brace\ncrepitus: a crackling sound\n')
    found = [f for f in findings(content, words=words) if f.kind == "jargon"]
    assert [f.message.split(";")[1] for f in found] == [
        ' write "knee brace", or explain it in brackets',
        ' write "kneecap", or explain it in brackets',
    ]


def test_words_file_that_is_not_a_mapping(make_content, tmp_path: Path) -> None:
    words = tmp_path / "words.yaml"
    words.write_text("- ambulate\n- walk\n")
    result = run_cli(["check", make_content(FINE), "--words", words])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"{words}:1: must be a mapping of word: plain word"


def test_numbers_in_words(make_content) -> None:
    content = make_content(body("Do it three times. Do one more if you can."))
    (found,) = findings(content)
    assert (found.kind, found.message) == (
        "numbers",
        'write the number "three" as digits: "Do it three times."',
    )


def test_calculations_asked_of_the_reader(make_content) -> None:
    content = make_content(body("Add up your minutes each week.\n\nWalk at 50% of your speed."))
    assert kinds(content) == ["calculation", "calculation"]


def test_grade_above_target_names_the_section(make_content) -> None:
    hard = (
        "Regular exercise strengthens the muscles surrounding your knee. Physical therapists "
        "recommend gentle movement throughout the day. Consistent practice improves flexibility."
    )
    content = make_content(
        hard.join(
            [
                "title: Hip\nsections:\n  - title: About hip care\n    body: ",
                "\n  - title: Key points\n    body: Move.\n",
            ]
        )
    )
    grade_findings = [f for f in findings(content) if f.kind == "grade"]
    assert [(f.line, f.field) for f in grade_findings] == [(3, "sections[1]")]
    assert "the target is 8 or lower" in grade_findings[0].message
    assert [f for f in findings(content, grade=14) if f.kind == "grade"] == []


def test_target_grade_comes_from_the_brand(make_content, make_brand) -> None:
    brand = make_brand("organization: Example PT\nreading_grade: 1\n")
    assert check_reading(make_content(FINE), brand).target == 1
    assert check_reading(make_content(FINE), brand, grade=6).target == 6
    assert check_reading(make_content(FINE)).target == 8


def test_picture_without_alt_text(make_content, picture) -> None:
    picture("knee.png")
    content = make_content(
        FINE + "  - title: Your knee\n    image: {file: knee.png, caption: The knee.}\n"
    )
    (found,) = findings(content)
    assert (found.kind, found.line, found.field) == ("alt", 11, "sections[3].image")


def test_pemat_items(make_content, picture) -> None:
    picture("knee.png")
    content = make_content(
        "title: Knee care\nsections:\n"
        "  - title: Overview\n    body: The patient should rest.\n"
        "  - title: Knee exercises\n"
        "    image: {file: knee.png, alt: A bent knee.}\n"
        "    stretches:\n      - name: Knee bend\n        steps: [The knee bends slowly.]\n"
    )
    report = check_reading(content)
    assert [(f.kind, f.line, f.field) for f in report.findings] == [
        ("headers", 3, "sections[1].title"),
        ("you", 4, "sections[1].body"),
        ("summary", 5, "sections[2].body"),
        ("captions", 6, "sections[2].image"),
        ("you", 9, "sections[2].stretches[1].steps[1]"),
    ]
    met = {item["item"]: item["met"] for item in report.as_json()["pemat"]}
    assert met == {
        "headers": False,
        "summary": False,
        "you": False,
        "captions": False,
        "numbers": True,
        "calculation": True,
    }


def test_summary_as_a_bold_lead_in_a_body(make_content) -> None:
    content = make_content(
        "title: Knee care\nsections:\n  - title: Knee exercises\n"
        "    body: |\n      **Key points:**\n\n      - Move every day.\n"
    )
    assert findings(content) == []


def test_other_languages_measure_grade_but_skip_english_wording(make_content) -> None:
    spanish = make_content(
        "title: Rodilla\nlanguage: es\nsections:\n  - title: Tu rodilla\n"
        "    body: La rodilla es una bisagra. Camina un poco cada día. Descansa si duele.\n"
    )
    report = check_reading(spanish)
    assert report.measured == "es" and not report.wording_checked
    assert report.parts[0].grade is not None
    welsh = make_content(FINE.replace("title: Knee care", "title: Knee\nlanguage: cy"))
    assert check_reading(welsh).parts[0].grade is None


# --- the command line -------------------------------------------------------------------


def test_check_is_advisory_without_strict(make_content) -> None:
    content = make_content(body("Ambulate twice a day."))
    result = run_cli(["check", content])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"{content}: reading check (target: grade 8 or lower)"
    assert f'{content}:5: sections[1].body: "Ambulate" is a medical word' in result.stdout
    assert lines[-1] == "1 finding (advisory; --strict makes them fail)."


def test_check_strict_fails_on_any_finding(make_content) -> None:
    assert run_cli(["check", make_content(body("Ambulate.")), "--strict"]).exit_code == 1
    result = run_cli(["check", make_content(FINE, name="fine.yaml"), "--strict"])
    assert result.exit_code == 0 and result.stdout.splitlines()[-1] == "Nothing to fix."


def test_check_json_shape(make_content) -> None:
    content = make_content(body("Ambulate twice a day."))
    result = run_cli(["check", content, "--json", "--grade", "6"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert sorted(report) == [
        "booklet",
        "file",
        "findings",
        "formula",
        "grade_measured",
        "language",
        "passed",
        "pemat",
        "sections",
        "target_grade",
        "wording_checked",
    ]
    assert report["target_grade"] == 6 and report["passed"] is False
    assert report["findings"] == [
        {
            "kind": "jargon",
            "file": str(content),
            "line": 5,
            "field": "sections[1].body",
            "message": '"Ambulate" is a medical word; write "walk", or explain it in brackets',
        }
    ]
    section = report["sections"][0]
    assert sorted(section) == [
        "field",
        "flesch_kincaid",
        "line",
        "own_formula",
        "sentences",
        "smog",
        "title",
        "words",
    ]
    assert (section["field"], section["line"], section["sentences"]) == ("sections[1]", 3, 1)
    assert report["formula"] is None and section["own_formula"] is None


def test_check_bad_content_is_reported_like_validate(make_content) -> None:
    result = run_cli(["check", make_content("title: Knee\nsections:\n  - titel: x\n")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "sections[1].titel: unknown field" in result.stderr


def test_check_grade_out_of_range_is_a_usage_error(make_content) -> None:
    assert run_cli(["check", make_content(FINE), "--grade", "40"]).exit_code == 2


def test_validate_strict_requires_alt_text(make_content, picture) -> None:
    picture("knee.png")
    content = make_content(FINE + "  - title: Your knee\n    image: knee.png\n")
    assert run_cli(["validate", content]).exit_code == 0
    result = run_cli(["validate", content, "--strict"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"{content}:11: sections[3].image: the picture has no alt text; write it as "
        "`image: {file: ..., alt: ...}` saying what the picture shows, for screen readers"
    )
