"""Labels stage: booklet's own words follow the content's language; a brand overrides any."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import unicodedata

import pytest
from conftest import problems
from pypdf import PdfReader

from booklet.engine.pipeline import render_html
from booklet.pdf.make import render_outputs
from booklet.source.read import load
from booklet.words import labels
from booklet.words.translations import TRANSLATIONS

CONTENT_DATE = datetime.date(2026, 11, 1)
REQUIRED_LANGUAGES = ("es", "fr", "de", "pt", "vi", "zh", "ar", "ru")


def test_the_required_languages_are_translated():
    assert set(REQUIRED_LANGUAGES) <= set(TRANSLATIONS)


@pytest.mark.parametrize("language", list(TRANSLATIONS))
def test_each_translation_gives_every_label_with_its_placeholders(language):
    translated = TRANSLATIONS[language]
    assert sorted(translated) == sorted(labels.names())
    for name, value in translated.items():
        assert labels.label_problem(name, value) is None, (language, name)


def flat(value: str) -> str:
    """Compatibility forms folded; no spaces or punctuation, whose place in an extracted
    right-to-left line varies."""
    return re.sub(r"[\s:.,،]", "", unicodedata.normalize("NFKC", value))


def pdf_text(pdf: bytes) -> str:
    return flat("".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages))


CONTENT = {
    "title": "T",
    "language": "",
    "reviewed": "2026-11-01",
    "sections": [
        {
            "title": "S",
            "stretches": [
                {"name": "N", "steps": ["x"], "hold": 30, "repeat": 3, "sets": 2, "sides": "each"}
            ],
        }
    ],
    "quiz": {"questions": [{"question": "Q", "answer": True}]},
}


@pytest.mark.parametrize("language", REQUIRED_LANGUAGES)
def test_the_pdfs_print_the_labels_of_the_content_language(make_content, language):
    content = make_content({**CONTENT, "language": language})
    words = labels.labels_for(language)
    outputs = render_outputs(load(content))
    booklet, key = pdf_text(outputs.booklet), pdf_text(outputs.answer_key)
    for label in (
        words.contents,
        words.page_of(2, 5).split("5")[0],
        words.hold.upper(),
        words.repeat.upper(),
        words.seconds(30),
        words.times(3),
        words.set_count(2),
        words.each_side,
        words.true,
        words.false,
        words.reviewed,
        words.date(CONTENT_DATE),
    ):
        # word by word: a right-to-left line may be extracted in either order
        for word in label.split():
            assert flat(word) in booklet, (language, label)
    assert flat(words.clinician_only.upper()) in key


def test_the_html_twin_prints_the_same_labels(make_content):
    content = make_content({**CONTENT, "language": "es"})
    html = render_html(load(content)).booklet.decode()
    assert "Contenido" in html and "Mantener" in html and "Verdadero" in html


def test_an_unknown_language_prints_english_and_a_region_uses_its_language():
    assert labels.labels_for("xx") == labels.Labels()
    assert labels.labels_for("pt-BR").contents == "Sumário"


def test_a_brand_overrides_any_label(make_content, make_brand):
    content = make_content({**CONTENT, "language": "es"})
    brand = make_brand(
        "organization: Clínica\nlabels:\n  hold: Sostener\n  page_n_of_m: 'Hoja {page}/{total}'\n"
    )
    document = load(content, brand)
    assert dict(document.brand.labels) == {"hold": "Sostener", "page_n_of_m": "Hoja {page}/{total}"}
    text = pdf_text(render_outputs(document).booklet)
    assert "SOSTENER" in text and "Hoja2/" in text and "Verdadero" in text


def test_brand_labels_are_checked(make_content, make_brand):
    content = make_content()
    brand = make_brand(
        "organization: X\nlabels:\n  hodl: Keep\n  n_times: many times\n  months: Jan, Feb\n"
    )
    assert problems(content, brand) == [
        f'{brand}:3: labels.hodl: unknown field; did you mean "hold"?',
        f"{brand}:4: labels.n_times: must contain {{n}}, as the default '{{n}} times' does",
        f"{brand}:5: labels.months: must list the twelve month names, separated by commas",
    ]


def test_labels_default_to_english():
    assert dataclasses.replace(labels.labels_for("en")) == labels.Labels()
