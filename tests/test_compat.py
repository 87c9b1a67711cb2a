"""booklet/pdf/compat.py: each ReportLab or pypdf internal booklet relies on still behaves as
booklet expects (a release that changes one fails here, naming it), no other module
touches a library internal, and nothing changes ReportLab's global configuration except
while booklet renders."""

from __future__ import annotations

import ast
import copy
import io
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, IndirectObject
from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfgen import canvas
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
)
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import LayoutError

from booklet import build, load
from booklet.assets import fonts
from booklet.model import FontFamily
from booklet.pdf import compat
from booklet.pdf.paragraphs import ScriptParagraph

PACKAGE = Path(__file__).resolve().parents[1] / "booklet"
SAMPLE = PACKAGE.parent / "content" / "psoas-hip-pain.yaml"
CHANGED = "a ReportLab or pypdf release changed an internal booklet relies on: "


def page_text_operators(pdf: bytes) -> bytes:
    return b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_reportlab_settings_apply_while_rendering_and_restore_the_callers() -> None:
    assert hasattr(rl_config, "useA85"), CHANGED + "rl_config.useA85 is gone"
    rl_config.useA85 = 1
    with compat.reportlab_settings():
        assert rl_config.useA85 == 0
    assert rl_config.useA85 == 1
    with pytest.raises(RuntimeError), compat.reportlab_settings():
        raise RuntimeError
    assert rl_config.useA85 == 1


def test_a_build_leaves_reportlab_configured_as_it_found_it() -> None:
    rl_config.useA85 = 1
    build(load(SAMPLE))
    assert rl_config.useA85 == 1


def test_importing_booklet_changes_no_reportlab_setting() -> None:
    code = (
        "from reportlab import rl_config\n"
        "before = {k: getattr(rl_config, k) for k in dir(rl_config) if not k.startswith('_')}\n"
        "import booklet.cli, booklet.api, booklet.pdf.make, booklet.figures.draw\n"
        "import booklet.engine.pipeline, booklet.web.booklet_page\n"
        "after = {k: getattr(rl_config, k) for k in dir(rl_config) if not k.startswith('_')}\n"
        "print(sorted(k for k in before if before[k] != after[k]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_reportlabs_costliest_patterns_are_compiled_on_first_use_and_match_the_same() -> None:
    code = (
        "import re\n"
        "import booklet.pdf\n"
        "from reportlab.platypus import paragraph\n"
        "from reportlab.lib import textsplit\n"
        "print(type(paragraph.uri_pat).__name__, type(textsplit.rx).__name__)\n"
        "print(re.compile.__module__)\n"
        "address = 'https://clinic.example.org/exercises/hip/psoas-stretch?lang=fr'\n"
        "print(paragraph._uri_split_pairs(address)[:2])\n"
        "print(paragraph._uri_split_pairs('not an address'))\n"
        "print(textsplit.rx.sub(r'\\1|', 'ab\u4e2d\u6587'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    kinds, compile_module, pairs, not_address, split = done.stdout.splitlines()
    assert kinds == "PatternOnFirstUse PatternOnFirstUse"
    assert compile_module == "re"  # put back after the import
    assert pairs == str(
        [
            ("https://clinic.example.org/exercises/hip/", "psoas-stretch?lang=fr"),
            ("https://clinic.example.org/exercises/", "hip/psoas-stretch?lang=fr"),
        ]
    )
    assert not_address == "None"
    assert split == "ab\u4e2d|\u6587|"


def test_checking_a_brand_font_registers_nothing() -> None:
    before = set(pdfmetrics.getRegisteredFontNames())
    assert fonts.check_font_file(fonts.FONT_FOLDER / "LiberationMono-Bold.ttf") is None
    assert set(pdfmetrics.getRegisteredFontNames()) == before


def test_fonts_are_registered_under_names_of_booklets_own() -> None:
    name = fonts.register_file(fonts.FONT_FOLDER / "LiberationMono-Italic.ttf")
    assert name.startswith("booklet-")


def wrapped_paragraph(text: str = "alpha beta gamma delta") -> Paragraph:
    paragraph = Paragraph(text, ParagraphStyle("plain", fontName="Helvetica", fontSize=10))
    paragraph.wrap(60, 500)
    return paragraph


def test_broken_lines_are_the_paragraphs_lines() -> None:
    fresh = Paragraph("alpha", ParagraphStyle("plain"))
    assert compat.broken_lines(fresh) is None, CHANGED + "a new Paragraph already has blPara"
    lines = compat.broken_lines(wrapped_paragraph())
    assert lines is not None, CHANGED + "Paragraph.wrap no longer sets blPara"
    assert len(lines.lines) >= 2, CHANGED + "Paragraph.blPara no longer holds the broken lines"


def test_parsed_markup_gives_the_fragments_paragraph_makes_and_copies_of_them() -> None:
    style = ParagraphStyle("plain", fontSize=11, leading=14)
    markup = "Hold for <b>30 seconds</b> &amp; breathe, <i>slowly</i>."
    made = Paragraph(markup, style)
    cleaned, parsed_style, frags, bullet = compat.parsed_markup(markup, style)
    assert (cleaned, parsed_style, bullet) == (made.text, style, None), (
        CHANGED + "Paragraph no longer parses with ParaParser after cleanBlockQuotedText"
    )
    assert [vars(f) for f in frags] == [vars(f) for f in made.frags], CHANGED + "ParaParser"
    again = compat.parsed_markup(markup, ParagraphStyle("other name", parent=style))
    assert [vars(f) for f in again[2]] == [vars(f) for f in frags]
    assert all(a is not b for a, b in zip(again[2], frags, strict=True))
    bigger = compat.parsed_markup(markup, ParagraphStyle("big", parent=style, fontSize=20))
    assert {f.fontSize for f in bigger[2]} == {20}
    from_frags = Paragraph(cleaned, style, frags=frags)
    assert from_frags.wrap(200, 100) == made.wrap(200, 100), CHANGED + "Paragraph(frags=)"


def test_set_broken_lines_changes_what_is_drawn() -> None:
    paragraph = wrapped_paragraph()
    shown = copy.copy(compat.broken_lines(paragraph))
    shown.lines = [(space, ["zebra"]) for space, _ in shown.lines]
    compat.set_broken_lines(paragraph, shown)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    paragraph.drawOn(canvas, 10, 10)
    canvas.save()
    drawn = page_text_operators(buffer.getvalue())
    assert b"zebra" in drawn and b"alpha" not in drawn, (
        CHANGED + "Paragraph.drawPara no longer draws the lines in blPara"
    )


def test_an_operator_is_written_before_a_rise_on_a_fresh_text_object() -> None:
    text = Canvas(io.BytesIO()).beginText(0, 0)
    compat.ensure_operator_before_rise(text)
    text.setRise(3)  # ReportLab amends the last operator: without one it fails
    text.textOut("x")
    assert " 3 Ts" in text.getCode(), CHANGED + "PDFTextObject.setRise or _code changed"


def test_tables_size_their_cells_once_per_width(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[float] = []
    measure = Table._calc  # type: ignore[attr-defined]

    def counted(table: Table, width: float, height: float) -> None:
        calls.append(width)
        measure(table, width, height)

    monkeypatch.setattr(Table, "_calc", counted)

    @compat.sizes_once_per_width
    class OnceTable(Table):
        pass

    table = OnceTable([["a", "b"], ["c", "d"]])
    plain = Table([["a", "b"], ["c", "d"]])
    assert table.wrap(200, 500) == plain.wrap(200, 500)
    calls.clear()
    table.wrap(200, 500)
    table.split(200, 500)
    assert calls == [], CHANGED + "Table.wrap or Table.split no longer size cells in _calc"
    table.wrap(150, 500)
    assert calls == [150]


def test_a_template_built_after_save_after_build_is_saved_by_its_caller() -> None:
    buffer = io.BytesIO()
    template = BaseDocTemplate(buffer, invariant=1)
    frame = Frame(0, 0, template.width, template.height)
    template.addPageTemplates([PageTemplate("page", [frame])])
    compat.save_after_build(template)
    template.build([Paragraph("late", ParagraphStyle("plain"))])
    assert buffer.getvalue() == b"", CHANGED + "BaseDocTemplate.build ignores _doSave"
    template.canv.save()
    assert buffer.getvalue().startswith(b"%PDF")


def test_pdf_document_is_the_document_a_canvas_writes() -> None:
    canvas = Canvas(io.BytesIO())
    document = compat.pdf_document(canvas)
    assert isinstance(document, PDFDocument), CHANGED + "Canvas._doc is not its PDFDocument"
    canvas.beginForm("box")
    canvas.endForm()
    assert canvas.hasForm("box") and document.hasForm("box")


def test_building_template_is_the_template_drawing_onto_a_canvas() -> None:
    seen: list[object] = []

    class Looking(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 10, 10

        def draw(self) -> None:
            seen.append(compat.building_template(self.canv))

    template = BaseDocTemplate(io.BytesIO())
    template.addPageTemplates([PageTemplate("page", [Frame(36, 36, 500, 700)])])
    template.build([Looking()])
    assert seen == [template], CHANGED + "a building template no longer sets canv._doctemplate"
    assert compat.building_template(Canvas(io.BytesIO())) is None


def test_add_form_stores_the_bytes_reportlab_stores_and_compresses_once() -> None:
    operators = " ".join(f"{n} {n} m {n + 5} {n + 9} l S" for n in range(2000))

    def saved(store: object) -> bytes:
        pdf = Canvas(io.BytesIO(), invariant=1, pageCompression=1)
        pdf.addLiteral("0.5 g")
        store(pdf)
        pdf.doForm("art")
        pdf.showPage()
        return pdf.getpdfdata()

    def by_reportlab(pdf: Canvas) -> None:
        pdf.beginForm("art", 0, 0, 60, 80)
        pdf.addLiteral(operators)
        pdf.endForm()

    with compat.reportlab_settings():
        expected = saved(by_reportlab)
        assert saved(lambda pdf: compat.add_form(pdf, "art", 60, 80, operators)) == expected, (
            CHANGED + "a form is no longer stored as add_form stores it"
        )
        assert any(key[1] == operators for key in compat._form_streams)
        again = saved(lambda pdf: compat.add_form(pdf, "art", 60, 80, operators))
    assert again == expected
    assert saved(lambda pdf: compat.add_form(pdf, "art", 60, 80, operators)) == saved(
        by_reportlab
    )  # outside booklet's settings (ASCII85 streams), as ReportLab stores it


def test_a_flowable_moved_on_in_one_document_can_be_placed_in_the_next() -> None:
    class Tall(Flowable):
        def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
            return 10, 400

        def draw(self) -> None:
            pass

    def built(flowables: list[Flowable]) -> None:
        template = BaseDocTemplate(io.BytesIO())
        template.addPageTemplates([PageTemplate("page", [Frame(36, 36, 500, 700)])])
        template.build(flowables)

    tall = Tall()
    built([Tall(), tall])  # moved on to page 2: the first leaves it too little room
    assert tall.__dict__.get("_postponed"), CHANGED + "a moved-on flowable is no longer marked"
    with pytest.raises(LayoutError):
        built([Tall(), tall])  # marked, it is taken as too large for any page
    compat.ready_to_place_again(tall)
    built([Tall(), tall])


def test_add_object_adds_an_indirect_object_to_a_pypdf_writer() -> None:
    writer = PdfWriter()
    stream = DecodedStreamObject()
    stream.set_data(b"0 0 m")
    reference = compat.add_object(writer, stream)
    assert isinstance(reference, IndirectObject), CHANGED + "PdfWriter._add_object changed"
    assert reference.get_object().get_data() == b"0 0 m"


# The internals compat.py may use; any other module naming one of these, or any other
# underscore attribute booklet does not define itself, is reaching into a library.
KNOWN_INTERNALS = {"blPara", "_doSave", "_calc", "_doc", "_content", "_code", "_add_object"}
LIBRARIES = ("reportlab", "pypdf", "PIL", "pypdfium2", "yaml", "click", "uharfbuzz")


def own_private_names(trees: list[ast.AST]) -> set[str]:
    """Underscore names booklet defines itself: its attributes, functions, methods, fields."""
    names = set()
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                    names.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names.add(node.target.id)
    return {name for name in names if name.startswith("_")} - KNOWN_INTERNALS


def library_names(tree: ast.AST) -> set[str]:
    """The names a module binds to what it imports from the libraries."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(
                (alias.asname or alias.name).split(".")[0]
                for alias in node.names
                if alias.name.startswith(LIBRARIES)
            )
    return names


# documented, public names of the standard library that start with one underscore
PUBLIC_UNDERSCORE_NAMES = {"_exit", "_asdict", "_replace", "_fields", "_make"}


def internal_uses(tree: ast.AST, own: set[str]) -> list[str]:
    found = []
    imported = library_names(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            if private and node.attr in PUBLIC_UNDERSCORE_NAMES:
                continue
            if node.attr in KNOWN_INTERNALS or (private and node.attr not in own):
                found.append(f"line {node.lineno}: .{node.attr}")
            elif (
                isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in imported  # a library's module or class changed in place
            ):
                found.append(f"line {node.lineno}: {node.value.id}.{node.attr} = ...")
        elif isinstance(node, ast.Name) and node.id in KNOWN_INTERNALS:
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(LIBRARIES):
            found += [
                f"line {node.lineno}: import {alias.name}"
                for alias in node.names
                if alias.name.startswith("_")
            ]
        elif isinstance(node, ast.FunctionDef) and node.name in KNOWN_INTERNALS:
            found.append(f"line {node.lineno}: def {node.name} (overrides a library internal)")
    return sorted(found)


def test_no_module_but_compat_touches_a_library_internal() -> None:
    sources = {path: ast.parse(path.read_text()) for path in sorted(PACKAGE.rglob("*.py"))}
    own = own_private_names(list(sources.values()))
    offenders = {
        str(path.relative_to(PACKAGE.parent)): uses
        for path, tree in sources.items()
        if path.name not in ("compat.py", "compat_tagging.py")
        and (uses := internal_uses(tree, own))
    }
    assert offenders == {}, (
        "put these behind a named function in booklet/pdf/compat.py (or compat_tagging.py)"
    )


def test_the_scan_finds_each_kind_of_internal_use() -> None:
    source = """
from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import _fonts
def f(canvas, paragraph, writer):
    rl_config.useA85 = 0
    paragraph.blPara = None
    return canvas._doc, writer._add_object(None), canvas._someday
class T:
    def _calc(self): pass
"""
    uses = internal_uses(ast.parse(source), own=set())
    assert sorted(uses) == [
        "line 3: import _fonts",
        "line 5: rl_config.useA85 = ...",
        "line 6: .blPara",
        "line 7: ._add_object",
        "line 7: ._doc",
        "line 7: ._someday",
        "line 9: def _calc (overrides a library internal)",
    ]


def body_font() -> str:
    return fonts.register(FontFamily(builtin="Noto Sans")).regular


def test_a_narrow_no_break_space_stays_inside_the_word():
    compat.keep_narrow_no_break_spaces()
    assert rl_paragraph.split("Réponse\u202f: Vrai") == ["Réponse\u202f:", "Vrai"]
    assert rl_paragraph.split(" a b ") == ["a", "b"]
    assert rl_paragraph.split("a\xa0b c") == ["a\xa0b", "c"]


@pytest.mark.parametrize(
    "sentence", ["腰大肌是一块又长又厚的肌肉。", "ผู้ป่วยควรยืดกล้ามเนื้อสะโพก ", "Hip 髋关节 pain "]
)
def test_a_split_unspaced_paragraph_keeps_its_lines_in_each_part(sentence):
    style = ParagraphStyle("b", fontName=body_font(), fontSize=12, leading=16)
    paragraph = ScriptParagraph(sentence * 12, style)
    paragraph.wrap(100, 1000)
    first, second = paragraph.split(100, 40)
    for part in (first, second):
        part.wrap(100, 1000)
    assert compat.split_part_lines(first) is not None
    assert compat.split_part_lines(paragraph) is None
    # the part that goes on is rebuilt from the text as written: no space added at the
    # breaks between ideographs, the spaces the breaks took put back, nothing shaped
    written = " ".join((sentence * 12).split())
    rest = " ".join("".join(frag.text for frag in second.frags).split())
    assert written.endswith(rest) and len(rest) > 20
    kept = "".join(
        getattr(f, "unshaped", f.text) for line in first.blPara.lines for f in line.words
    )
    assert written.replace(" ", "").startswith(kept.replace(" ", ""))


def test_frag_lines_build_lines_where_the_breaker_says():
    style = ParagraphStyle("b", fontName=body_font(), fontSize=12)
    paragraph = rl_paragraph.Paragraph("abcdef", style)
    lines = compat.frag_lines(paragraph, [1000], lambda c, w, m, f: [(0, 2, 2), (2, 6, 6)])
    assert ["".join(f.text for f in line.words) for line in lines.lines] == ["ab", "cdef"]


def test_the_text_object_hears_every_font_change_and_writes_a_line_width():
    heard = []

    class Listening(compat.FontWatchingText):
        def font_changed(self, name: str, size: float) -> None:
            heard.append((name, size))

    text = Listening(canvas.Canvas(io.BytesIO()), 0, 0)
    text.setFont(body_font(), 12)
    text._setFont(body_font(), 9)
    compat.set_text_line_width(text, 0.5)
    assert heard == [(body_font(), 12), (body_font(), 9)]
    assert "0.500 w" in text.getCode()


def test_cluster_text_maps_glyphs_to_the_characters_they_came_from():
    assert compat.cluster_ends([0, 0, 2, 3], 5) == [2, 2, 3, 5]
    compat.keep_shaped_text_extractable()
    cmap = compat.to_unicode_cmap("F", [0x41, 0x1F600])
    assert "<00> <0041>" in cmap and "<01> <D83DDE00>" in cmap
