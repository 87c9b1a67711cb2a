"""Every script prints: fallback fonts by character, shaping and right-to-left lines."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from conftest import run_cli
from pypdf import PdfReader

from booklet.assets import fonts
from booklet.model import FontFamily
from booklet.pdf import paragraphs as text
from booklet.pdf.make import render_outputs
from booklet.source.read import load

ALPHABETS = {
    "en": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "es": "ÁÉÍÑÓÚÜáéíñóúü¿¡",
    "fr": "ÀÂÆÇÈÉÊËÎÏÔŒÙÛÜŸàâæçèéêëîïôœùûüÿ«»",
    "de": "ÄÖÜẞäöüß„“",
    "pt": "ÁÂÃÀÇÉÊÍÓÔÕÚáâãàçéêíóôõú",
    "vi": "ĂÂĐÊÔƠƯăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
    "ru": "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "el": "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩαβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώ",
    "ar": "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي٠١٢٣٤٥٦٧٨٩،؛؟",
    "he": "אבגדהוזחטיךכלםמןנסעףפץצקרשת",
    "zh": "髋关节疼痛腰大肌伸展练习每天两次保持秒重复组，。：；？！（）《》",
    "ja": "ひらがなカタカナ股関節の痛みストレッチ",
    "ko": "고관절통증스트레칭하루두번",
}


@pytest.mark.parametrize("language", list(ALPHABETS))
def test_every_letter_of_each_supported_language_has_a_font(language):
    body = fonts.register(FontFamily(builtin="Noto Sans"))
    assert fonts.undrawable(ALPHABETS[language], body.regular) == []


def test_a_character_no_font_has_prints_as_the_replacement_character():
    body = fonts.register(FontFamily(builtin="Noto Sans"))
    assert fonts.undrawable("a\u0f00", body.regular) == ["\u0f00"]
    assert "\u0f00" not in text.with_fallback("a\u0f00", body.regular)
    assert fonts.REPLACEMENT in text.with_fallback("a\u0f00", body.regular)


def test_fallback_runs_never_cross_the_markup_tags():
    body = fonts.register(FontFamily(builtin="Noto Sans")).regular
    cjk = fonts.fallbacks()[1]
    marked = text.with_fallback("Hip <b>髋关</b>节 ok", body)
    # a run inside <b> names the bold face: ReportLab takes a <font face> as named
    assert marked == (
        f'Hip <b><font face="{cjk.bold}">髋关</font></b><font face="{cjk.regular}">节 </font>ok'
    )


def test_brackets_and_digits_join_the_word_they_belong_to():
    body = fonts.register(FontFamily(builtin="Noto Sans")).regular
    shaping = fonts.fallbacks()[0].regular
    marked = text.with_fallback("see (العضلة) now", body)
    assert f'<font face="{shaping}">(العضلة) </font>now' in marked


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        (["ا", "ب", "ج"], ["ج", "ب", "ا"]),
        (["ا", "Hip", "pain", "ب"], ["ب", "Hip", "pain", "ا"]),
        (["كل", "30", "إلى", "60", "دقيقة"], ["دقيقة", "60", "إلى", "30", "كل"]),
    ],
)
def test_right_to_left_lines_keep_left_to_right_runs_in_order(words, shown):
    assert text.visual_order(words) == shown


@pytest.mark.parametrize(
    ("words", "shown"),
    [
        (
            ["The", "word", "كل", "30", "دقيقة", "means"],
            ["The", "word", "دقيقة", "30", "كل", "means"],
        ),
        (["see", "(العضلة)", "now"], ["see", "(العضلة)", "now"]),
        (["a", "1", "2", "b"], ["a", "1", "2", "b"]),
    ],
)
def test_left_to_right_lines_reverse_their_right_to_left_runs(words, shown):
    assert text.visual_order(words, right_to_left=False) == shown


SAMPLES = {
    "zh": (
        "髋关节疼痛",
        "腰大肌是腹部深处的一块长肌肉。它抬起你的大腿。",
        "跪姿髋屈肌拉伸",
        "每天做两次。",
    ),
    "ja": (
        "股関節の痛み",
        "腸腰筋はおなかの奥にある長い筋肉です。",
        "ひざ立ちのストレッチ",
        "一日二回。",
    ),
    "ko": (
        "고관절 통증",
        "장요근은 배 깊은 곳의 긴 근육입니다.",
        "무릎 꿇고 스트레칭",
        "하루 두 번.",
    ),
    "ru": (
        "Боль в бедре",
        "Поясничная мышца лежит глубоко в животе.",
        "Растяжка на коленях",
        "Дважды в день.",
    ),
    "vi": (
        "Đau hông",
        "Cơ thắt lưng chậu nằm sâu trong bụng bạn.",
        "Giãn cơ gập hông",
        "Hai lần mỗi ngày.",
    ),
    "es": (
        "Dolor de cadera",
        "El psoas es un músculo largo y profundo.",
        "Estiramiento de rodillas",
        "Dos veces al día.",
    ),
    "el": (
        "Πόνος στο ισχίο",
        "Ο ψοΐτης είναι ένας μακρύς μυς.",
        "Διάταση γονάτου",
        "Δύο φορές την ημέρα.",
    ),
    "ar": (
        "آلام الورك",
        "العضلة القطنية عضلة طويلة في عمق البطن.",
        "تمدد الورك",
        "مرتين في اليوم.",
    ),
    "he": ("כאב במפרק הירך", "שריר הפסואס הוא שריר ארוך בבטן.", "מתיחה בכריעה", "פעמיים ביום."),
}


def words_of(value: str) -> str:
    """Text as extracted, for comparing: compatibility forms folded, no spaces or dots."""
    return re.sub(r"[\s.。]", "", unicodedata.normalize("NFKC", value))


@pytest.mark.parametrize("language", list(SAMPLES))
def test_each_language_builds_with_its_text_in_the_pdf(make_content, language):
    title, body, stretch, frequency = SAMPLES[language]
    content = make_content(
        {
            "title": title,
            "language": language,
            "sections": [
                {
                    "title": title,
                    "body": body,
                    "stretches": [{"name": stretch, "steps": [body], "frequency": frequency}],
                }
            ],
        }
    )
    pdf = render_outputs(load(content)).booklet
    extracted = words_of("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    for value in (title, body, stretch, frequency):
        for word in value.split():
            assert words_of(word) in extracted, (language, word)


def test_a_character_no_font_has_is_a_warning_with_its_line_and_the_build_goes_on(
    tmp_path, make_content
):
    content = make_content(
        "title: Hip care\nsections:\n  - title: Why\n    body: |\n      First.\n\n"
        "      The syllable \u0f00 here.\n"
    )
    result = run_cli(["build", content, "--out", tmp_path / "out"])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f'{content}:7: sections[1].body: warning: "\u0f00" (U+0F00) is in no font booklet '
        'has, so it prints as "\ufffd"; write it another way or leave it out'
    ]
    assert (tmp_path / "out" / "booklet.pdf").exists()


def test_every_supported_script_builds_without_warnings(make_content):
    body = " ".join(ALPHABETS.values())
    content = make_content({"title": "T", "sections": [{"title": "S", "body": body}]})
    assert load(content).warnings == ()


@pytest.mark.parametrize(
    ("primary", "expected"),
    [
        ("#1F5F7A", []),
        (
            "#9AD0EC",
            [
                'brand.yaml:3: colors.primary: warning: "#9AD0EC" as heading text on white gives '
                "only 1.6:1 contrast, under the 4.5:1 WCAG asks for; headings print in the darker "
                '"#5B7A8B" instead'
            ],
        ),
        (
            "#808080",
            [
                'brand.yaml:3: colors.primary: warning: "#808080" behind the text of the cover '
                "and the card headers gives it only 4.4:1 contrast, under the 4.5:1 WCAG asks "
                'for; choose a lighter colour, such as "#8D8D8D"',
                'brand.yaml:3: colors.primary: warning: "#808080" as heading text on white gives '
                "only 3.9:1 contrast, under the 4.5:1 WCAG asks for; headings print in the "
                'darker "#737373" instead',
            ],
        ),
    ],
)
def test_a_brand_colour_too_faint_for_text_is_a_warning_naming_it(
    make_content, make_brand, primary, expected
):
    brand = make_brand(f'organization: X\ncolors:\n  primary: "{primary}"\n')
    warnings = [
        str(w).replace(str(brand), "brand.yaml") for w in load(make_content(), brand).warnings
    ]
    assert warnings == expected


def bullet_positions(pdf: bytes) -> list[float]:
    """Where each list bullet is drawn across its page, as a share of the page width."""
    found: list[float] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        width = float(page.mediabox.width)

        def visit(text_, cm, tm, font, size, width=width):
            if text_.strip() == "\u2022":
                found.append((cm[4] + tm[4]) / width)

        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(("language", "right"), [("ar", True), ("he", True), ("en", False)])
def test_right_to_left_lists_put_their_bullets_on_the_right(make_content, language, right):
    body = "- \u0627\u0644\u0648\u0631\u0643\n- \u05e9\u05dc\u05d5\u05dd\n- hip"
    content = make_content(
        {"title": "T", "language": language, "sections": [{"title": "S", "body": body}]}
    )
    positions = bullet_positions(render_outputs(load(content)).booklet)
    assert len(positions) == 3
    assert all((share > 0.5) == right for share in positions), positions


@pytest.mark.parametrize(
    "mixed",
    [
        "\u0627\u0644\u0648\u0631\u0643\u9acb",  # Arabic run straight into Chinese
        "(\u9acb)\u0627\u0644\u0648\u0631\u0643",
        "**\u0627\u0644\u0648\u0631\u0643**\u9acb",
        "\u0627\u0644\u0648\u0631\u0643\u0f00\u0627\u0644\u0648\u0631\u0643",  # no font has U+0F00
        "\u9acb\u200f\u0627\u0644\u0648\u0631\u0643\u200e",  # direction marks
        "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd abc",  # Hebrew with points
    ],
)
@pytest.mark.parametrize("language", ["en", "ar", "zh"])
def test_words_mixing_scripts_build_in_every_language(make_content, mixed, language):
    content = make_content(
        {
            "title": mixed,
            "language": language,
            "sections": [
                {"title": mixed, "body": mixed, "stretches": [{"name": mixed, "steps": [mixed]}]}
            ],
            "quiz": {"questions": [{"question": mixed, "choices": [mixed, "b"], "answer": "b"}]},
        }
    )
    outputs = render_outputs(load(content))
    assert outputs.booklet.startswith(b"%PDF-") and outputs.answer_key.startswith(b"%PDF-")
