"""Fonts stage: built-in families cover every Latin-script letter; brand files register."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics

from booklet.assets import fonts
from booklet.model import FontFamily

LATIN = (
    "AÀÁÂÃÄÅĀĂĄÆÇĆČĎĐÈÉÊËĒĖĘĚĞĢÌÍÎÏĪĮİĶĹĻĽŁÑŃŅŇÒÓÔÕÖØŌŐŒŔŘŚŞŠȘŤŢȚÙÚÛÜŪŮŰŲŴÝŶŸŹŻŽÞ"
    "aàáâãäåāăąæçćčďđèéêëēėęěğģìíîïīįıķĺļľłñńņňòóôõöøōőœŕřśşšșťţțùúûüūůűųŵýŷÿźżžþß"
    "ẞ€£¥¢©®°±×÷–—‘’‚“”„•…‹›«»¿¡"
)


@pytest.mark.parametrize("family", list(fonts.BUNDLED))
def test_every_bundled_style_draws_every_latin_letter(family):
    font_set = fonts.register(FontFamily(builtin=family))
    for name in (font_set.regular, font_set.bold, font_set.italic, font_set.bold_italic):
        face = pdfmetrics.getFont(name).face
        missing = [ch for ch in LATIN if ord(ch) not in face.charToGlyph]
        assert missing == [], (family, name)


@pytest.mark.parametrize(
    ("written", "family"),
    [
        ("Helvetica", "Liberation Sans"),
        ("times-roman", "Liberation Serif"),
        ("Courier", "Liberation Mono"),
        ("noto sans", "Noto Sans"),
        ("NotoSans", "Noto Sans"),
        ("Comic Sans", None),
    ],
)
def test_builtin_names_map_to_bundled_families(written, family):
    assert fonts.builtin_family(written) == family


def test_font_files_register_with_missing_styles_falling_back(tmp_path):
    regular = fonts.FONT_FOLDER / "LiberationSerif-Regular.ttf"
    bold = fonts.FONT_FOLDER / "LiberationSerif-Bold.ttf"
    font_set = fonts.register(FontFamily(regular=regular, bold=bold))
    assert font_set.italic == font_set.regular
    assert font_set.bold_italic == font_set.bold != font_set.regular


def test_a_file_that_is_not_a_font_is_reported(tmp_path):
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font at all" * 10)
    assert str(fake) in fonts.check_font_file(fake)
