"""Words stage: a writer types true/false answers, holds, sides, how often and summary
headings in the booklet's language; the labels follow the language's own spacing."""

from __future__ import annotations

import io

import pytest
from conftest import load_valid, problems, run_cli  # noqa: F401
from pypdf import PdfReader

from booklet.literacy.pemat import summary
from booklet.model import QuestionKind, Sides
from booklet.pdf.make import render_outputs
from booklet.source.read import load
from booklet.words import labels, vocabulary
from booklet.words.translations import TRANSLATIONS
from booklet.words.typography import bound_numbers, french_spacing

# language: (its word for true, for false, a hold, a side, how often, the summary heading)
WRITTEN = {
    "es": ("verdadero", "Falso", "30 segundos", "cada lado", "2 veces al día", "Puntos clave"),
    "fr": ("vrai", "faux", "30 secondes", "chaque côté", "2 fois par jour", "À retenir"),
    "de": ("richtig", "falsch", "30 Sekunden", "jede Seite", "2-mal täglich", "Das Wichtigste"),
    "pt": ("verdadeiro", "falso", "30 segundos", "cada lado", "2 vezes ao dia", "Pontos-chave"),
    "vi": ("đúng", "sai", "30 giây", "mỗi bên", "2 lần mỗi ngày", "Điểm chính"),
    "zh": ("对", "错", "30秒", "每侧", "每天2次", "要点"),
    "ar": ("صح", "خطأ", "30 ثانية", "كل جانب", "2 مرات يوميا", "النقاط الرئيسية"),
    "ru": ("верно", "неверно", "30 секунд", "каждая сторона", "2 раза в день", "Главное"),
    "hi": ("सही", "गलत", "30 सेकंड", "हर तरफ़", "दिन में 2 बार", "मुख्य बातें"),
}


def content(language: str, true: object, false: object, hold: str, sides: str, often: str) -> dict:
    return {
        "title": "T",
        "language": language,
        "sections": [
            {
                "title": "S",
                "stretches": [
                    {"name": "N", "steps": ["x"], "hold": hold, "sides": sides, "frequency": often}
                ],
            }
        ],
        "quiz": {
            "questions": [{"question": "A", "answer": true}, {"question": "B", "answer": false}]
        },
    }


def test_every_label_language_has_its_written_words():
    assert set(TRANSLATIONS) <= set(WRITTEN)
    assert set(TRANSLATIONS) <= set(vocabulary.TRUE_FALSE)
    assert set(TRANSLATIONS) <= set(vocabulary.SUMMARY_WORDS)


@pytest.mark.parametrize("language", list(WRITTEN))
def test_a_booklet_takes_the_words_of_its_language(make_content, language):
    true, false, hold, sides, often, _ = WRITTEN[language]
    booklet = load(make_content(content(language, true, false, hold, sides, often))).booklet
    questions = booklet.quiz.questions
    assert [q.kind for q in questions] == [QuestionKind.TRUE_FALSE] * 2
    assert [q.answer for q in questions] == [True, False]
    stretch = booklet.sections[0].stretches[0]
    assert (stretch.hold_seconds, stretch.sides) == (30, Sides.EACH)
    assert vocabulary.times_a_day(stretch.frequency) == 2


@pytest.mark.parametrize("language", list(WRITTEN))
def test_english_words_work_in_every_language(make_content, language):
    booklet = load(
        make_content(content(language, True, False, "2 minutes", "both", "twice a day"))
    ).booklet
    assert [q.answer for q in booklet.quiz.questions] == [True, False]
    stretch = booklet.sections[0].stretches[0]
    assert (stretch.hold_seconds, stretch.sides) == (120, Sides.BOTH)


@pytest.mark.parametrize(
    ("phrase", "boxes"),
    [
        ("3 fois par jour", 3),
        ("deux fois par jour", 2),
        ("una vez al día", 1),
        ("tres veces al día", 3),
        ("zweimal täglich", 2),
        ("duas vezes por dia", 2),
        ("ngày 2 lần", 2),
        ("每天两次", 2),
        ("一天三次", 3),
        ("مرتين يوميًا", 2),
        ("дважды в день", 2),
        ("3 раза в день", 3),
        ("दिन में दो बार", 2),
        ("three times a day", 3),
        ("once a week", 1),
        ("5 fois par jour", 3),
        ("3 times daily", 3),
        ("2x täglich", 2),
        ("dos veces diarias", 2),
        ("matin et soir", 2),
        ("morgens und abends", 2),
        ("早晚各一次", 2),
        ("सुबह-शाम", 2),
        ("every morning", 1),
        ("每天一到两次", 2),
        ("1 à 2 fois par jour", 2),
        ("1-2 mal täglich", 2),
    ],
)
def test_the_exercise_log_counts_frequencies_of_every_language(phrase, boxes):
    assert vocabulary.times_a_day(phrase) == boxes


def test_a_true_false_word_of_another_language_is_an_error_not_a_short_answer(make_content):
    path = make_content(content("fr", "vrai", "falsch", "30", "each", "daily"))
    (found,) = problems(path)
    assert found.startswith(f"{path}:")
    assert found.endswith(
        ': quiz.questions[2].answer: "falsch" is false in German, but this booklet '
        "is in French (fr); write vrai or faux (or true or false) for a true-false question, "
        "or add `type: short` to keep it as a written answer"
    )


def test_an_english_booklet_refuses_vrai_but_keeps_a_quoted_or_typed_short_answer(make_content):
    path = make_content(
        """\
        title: T
        sections: [{title: S}]
        quiz:
          questions:
            - {question: A, answer: vrai}
            - {question: B, answer: "vrai"}
            - {question: C, answer: vrai, type: short}
            - {question: D, answer: vrai, type: true-false}
        """
    )
    found = problems(path)
    assert len(found) == 1 and found[0].startswith(f'{path}:5: quiz.questions[1].answer: "vrai"')


def test_a_list_item_read_as_a_mapping_gets_a_hint_to_quote_it(make_content):
    path = make_content(
        """\
        title: T
        language: fr
        sources:
          - OrthoInfo : rotator cuff tears
        sections: [{title: S}]
        """
    )
    assert problems(path) == [
        f"{path}:4: sources[1]: must be text, not a mapping; YAML read it as a mapping because "
        'of the ":" followed by a space; put the text in quotes: - "OrthoInfo : rotator cuff '
        'tears"'
    ]


@pytest.mark.parametrize("language", list(WRITTEN))
def test_check_accepts_the_summary_heading_of_the_language(make_content, language):
    heading = WRITTEN[language][5]
    lead = {"title": "T", "language": language, "sections": [{"title": "Le psoas", "body": "x"}]}
    assert next(iter(summary(load(make_content(lead)).booklet))).message.count(
        vocabulary.summary_example(language)
    )
    lead["sections"].append({"title": "S2", "body": f"**{heading}:**\n\n- a"})
    assert list(summary(load(make_content(lead)).booklet)) == []
    lead["sections"][1] = {"title": heading, "body": "x"}
    assert list(summary(load(make_content(lead)).booklet)) == []


def test_french_labels_set_a_narrow_no_break_space_before_double_punctuation():
    french = labels.labels_for("fr")
    assert french.introducing(french.answer) == "Réponse\u202f: "
    assert french.see_page(3, "Le psoas") == "Voir page 3\u202f: Le psoas"
    assert french.contact == "Des questions\u202f? Contactez-nous"
    assert (
        french_spacing("https://x.fr à 10:30 « oui »") == "https://x.fr à 10:30 «\u202foui\u202f»"
    )
    assert labels.labels_for("zh").introducing("答案") == "答案："


def test_a_dosage_never_breaks_between_number_and_unit():
    assert labels.labels_for("es").seconds(30) == "30\u00a0segundos"
    assert labels.labels_for("fr").times(3) == "3\u00a0fois"
    assert bound_numbers("3 fois par jour") == "3\u00a0fois par jour"


def test_french_answer_key_prints_the_narrow_space(make_content):
    path = make_content(content("fr", "vrai", "faux", "30", "each", "daily"))
    key = render_outputs(load(path)).answer_key
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(key)).pages)
    assert "Réponse\u202f: Vrai" in text


BRAND = """\
organization: {en: Hip Clinic, es: Clínica de Cadera}
disclaimer:
  en: For education only.
  es: Solo para educación.
contact:
  address: {en: 1 Main St, es: Calle Mayor 1}
"""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("es", ("Clínica de Cadera", "Solo para educación.", "Calle Mayor 1")),
        ("es-MX", ("Clínica de Cadera", "Solo para educación.", "Calle Mayor 1")),
        ("fr", ("Hip Clinic", "For education only.", "1 Main St")),
    ],
)
def test_a_brand_gives_its_texts_per_language(make_content, make_brand, language, expected):
    document = load(
        make_content({"title": "T", "language": language, "sections": [{"title": "S"}]}),
        make_brand(BRAND),
    )
    brand = document.brand
    assert (brand.organization, brand.disclaimer, brand.contact.address) == expected


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_the_standard_disclaimer_is_in_the_booklet_language(make_content, language):
    document = load(
        make_content({"title": "T", "language": language, "sections": [{"title": "S"}]})
    )
    assert document.brand.disclaimer == TRANSLATIONS[language]["disclaimer"]


def test_a_brand_text_under_a_wrong_key_is_reported(make_content, make_brand):
    brand = make_brand("organization: X\ndisclaimer: {english: Hi}\n")
    path = make_content()
    assert problems(path, brand) == [
        f'{brand}:2: disclaimer: "english" is not a language tag; give the text once, or one '
        "text per language under tags such as en, es or pt-BR"
    ]


def test_a_french_colon_in_plain_text_gets_a_hint_to_quote_it(make_content):
    path = make_content(
        "title: T\nlanguage: fr\nsections:\n  - title: S\n    stretches:\n      - name: N\n"
        "        steps: [a]\n        caution: Attention : ne forcez pas\n"
    )
    (found,) = problems(path)
    assert found.endswith(
        "makes YAML read a new field: put the text in quotes"
    ) and found.startswith(f"{path}:8: this is not valid YAML: mapping values")


@pytest.mark.parametrize(
    ("written", "sides"),
    [
        ("de chaque côté", Sides.EACH),
        ("des deux côtés", Sides.BOTH),
        ("a la izquierda", Sides.LEFT),
        ("beidseitig", Sides.BOTH),
        ("beidseits", Sides.BOTH),
        ("chaque jambe", Sides.EACH),
        ("दाईं तरफ़", Sides.RIGHT),
        ("Both sides", Sides.BOTH),
        ("sideways", None),
    ],
)
def test_sides_in_the_words_writers_use(written, sides):
    assert vocabulary.side(written) is sides


def test_chinese_headings_of_four_letters_or_more_name_a_topic():
    from booklet.literacy.pemat import names_a_topic

    assert names_a_topic("日常习惯") and not names_a_topic("概述")
    assert names_a_topic("What the psoas does") and not names_a_topic("Overview")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Björn Øster", "hip-bjorn-oster"),
        ("Æsa Þórsdóttir", "hip-aesa-thorsdottir"),
        ("Mathis Œuvray", "hip-mathis-oeuvray"),
        ("Đỗ Văn Nam", "hip-do-van-nam"),
        ("Groß", "hip-gross"),
        ("王小明", "hip-wang-xiao-ming"),
        ("Иван Петров", "hip-ivan-petrov"),
        ("प्रिया", "hip-priya"),
    ],
)
def test_patient_file_names_transliterate_every_letter(name, stem):
    from booklet.file_names import handout_stem

    assert handout_stem("hip", name) == stem


def test_a_name_with_nothing_to_transliterate_gets_a_stable_code():
    from booklet.file_names import handout_stem

    first, again = handout_stem("hip", "\ue000"), handout_stem("hip", "\ue000")
    assert first == again and first.startswith("hip-p-") and len(first) == len("hip-p-") + 8
    assert handout_stem("hip", "\ue001") != first


@pytest.mark.parametrize(
    ("language", "name", "low", "high"),
    [
        ("es", "Fernández-Huerta", 60, 100),
        ("fr", "Kandel–Moles", 50, 100),
        ("de", "Wiener Sachtextformel", 0, 8),
        ("ru", "Flesch, Oborneva's Russian adaptation", 40, 100),
    ],
)
def test_check_scores_plain_text_with_the_formula_made_for_its_language(
    make_content, language, name, low, high
):
    import json

    plain = {
        "es": "El psoas es un músculo. Está en su abdomen. Le ayuda a caminar. Estire cada día.",
        "fr": "Le psoas est un muscle. Il est dans le ventre. Il aide à marcher. Étirez-le.",
        "de": "Der Psoas ist ein Muskel. Er liegt im Bauch. Er hilft beim Gehen. Dehnen Sie ihn.",
        "ru": "Это мышца. Она в животе. Она помогает ходить. Делайте растяжку каждый день.",
    }[language]
    content = make_content(
        {"title": "T", "language": language, "sections": [{"title": "S", "body": plain}]}
    )
    result = run_cli(["check", content, "--json"])
    report = json.loads(result.stdout)
    assert report["formula"]["name"] == name
    assert low <= report["booklet"]["own_formula"] <= high
    text = run_cli(["check", content]).stdout
    assert f"own: {name}" in text


@pytest.mark.parametrize("language", ["zh", "ar", "vi", "hi"])
def test_check_says_plainly_when_a_language_has_no_formula(make_content, language):
    content = make_content({"title": "T", "language": language, "sections": [{"title": "S"}]})
    text = run_cli(["check", content]).stdout
    assert f"No readability formula booklet has is made for {language}" in text


def test_answers_with_a_full_stop_or_a_tick_are_true_or_false(make_content):
    booklet = load(make_content(content("fr", "Vrai.", "\u2717", "30", "each", "daily"))).booklet
    assert [q.answer for q in booklet.quiz.questions] == [True, False]


@pytest.mark.parametrize(
    ("repeat", "sets", "expected"),
    [
        ("3 fois", "2 séries", (3, 2)),
        ("3-mal", "2 Sätze", (3, 2)),
        ("3次", "2组", (3, 2)),
        ("३ बार", "2 सेट", (3, 2)),
        (3, 2, (3, 2)),
    ],
)
def test_repeat_and_sets_take_their_word_in_the_language(make_content, repeat, sets, expected):
    source = content("fr", True, False, "30", "each", "daily")
    source["sections"][0]["stretches"][0] |= {"repeat": repeat, "sets": sets}
    stretch = load(make_content(source)).booklet.sections[0].stretches[0]
    assert (stretch.repeat, stretch.sets) == expected


def test_a_count_with_another_word_is_reported(make_content):
    source = content("fr", True, False, "30", "each", "daily")
    source["sections"][0]["stretches"][0]["repeat"] = "3 pommes"
    (found,) = problems(make_content(source))
    assert found.endswith('repeat: "3 pommes" is not a whole number; write a number such as 1')


@pytest.mark.parametrize("size", ["letter", "a5"])
def test_a_dosage_value_prints_on_one_line(make_content, make_brand, size):
    import re

    source = content("es", True, False, "30 segundos", "each", "2 veces al día")
    brand = make_brand(f"organization: Clínica\npage: {{size: {size}}}\n")
    pdf = render_outputs(load(make_content(source), brand)).booklet
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert re.search(r"30[ \u00a0]segundos", text), text


def test_light_markup_keeps_no_break_spaces():
    from booklet.words.markup import inline

    assert inline(" 30\u00a0secondes \n x\u202f: y ") == "30\u00a0secondes x\u202f: y"


def test_french_content_takes_the_narrow_no_break_space_everywhere_alike(make_content):
    source = content("fr", True, False, "30", "each", "daily")
    source["sections"][0]["body"] = "Attention : doucement ! « Oui » ; https://x.fr 10:30"
    source["quiz"]["questions"].append(
        {"question": "Quoi ?", "choices": ["Oui !", "Non"], "answer": "Oui !", "section": "S"}
    )
    booklet = load(make_content(source)).booklet
    assert booklet.sections[0].body == (
        "Attention\u202f: doucement\u202f! «\u202fOui\u202f»\u202f; https://x.fr 10:30"
    )
    question = booklet.quiz.questions[2]
    assert question.text == "Quoi\u202f?" and question.answer == question.choices[0] == "Oui\u202f!"
