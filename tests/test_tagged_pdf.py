"""Tagged PDFs (PDF/UA-1): the structure tree read back with pypdf and pdfium, checked
against the machine-checkable failure conditions of the Matterhorn Protocol that apply to
what booklet writes, and by the `pdfua` validator."""

from __future__ import annotations

import io
import itertools
import os
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
import yaml
from conftest import make_picture, run_cli, write_yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import ImageChops
from pypdf import PdfReader
from structure_reading import Node, fonts_showing_text, structure, untagged_operators

from booklet import build, load
from booklet import handout as patient_handout
from booklet.document import PrintOptions
from booklet.model import Figure, Picture
from booklet.words.descriptions import generated_alt, plain

PROJECT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT / "content" / "psoas-hip-pain.yaml"
MARIA = PROJECT / "patients" / "maria-lopez.yaml"

ARABIC = {
    "title": "ألم الورك",
    "language": "ar",
    "sections": [
        {
            "title": "ما هي العضلة",
            "body": "العضلة طويلة وتقع في عمق البطن. تساعدك on walking.\n\n- تمشي\n- تقف",
            "figure": {"pose": "kneeling-hip-flexor"},
            "callouts": [{"kind": "tip", "text": "تحرك ببطء."}],
            "stretches": [
                {
                    "name": "تمدد الورك",
                    "figure": "kneeling-hip-flexor",
                    "steps": ["اركع على ركبتك اليمنى.", "ادفع وركيك إلى الأمام."],
                    "caution": "توقف إذا شعرت بألم.",
                    "hold": "30 seconds",
                    "repeat": 3,
                }
            ],
        }
    ],
    "quiz": {
        "questions": [
            {"question": "العضلة تثني الورك.", "answer": True},
            {"question": "ماذا تفعل؟", "choices": ["تمشي", "تنام"], "answer": "تمشي"},
        ]
    },
}


@cache
def sample_outputs(**options: bool) -> tuple[bytes, bytes]:
    outputs = build(load(SAMPLE), options=PrintOptions(**options))
    return outputs.booklet, outputs.answer_key


@cache
def a5_booklet() -> bytes:
    document = load(SAMPLE)
    return build(replace(document, brand=replace(document.brand, page_size="a5"))).booklet


@cache
def translated(name: str) -> tuple[bytes, bytes]:
    outputs = build(load(PROJECT / "content" / name))
    return outputs.booklet, outputs.answer_key


@pytest.fixture(scope="module")
def arabic(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, bytes]:
    folder = tmp_path_factory.mktemp("arabic")
    content = write_yaml(folder / "hip.ar.yaml", ARABIC)
    outputs = build(load(content))
    return outputs.booklet, outputs.answer_key


def built_handout(out: Path, *options: str) -> bytes:
    result = run_cli(
        [
            "build",
            PROJECT / "content" / "hip-home-program.yaml",
            "--patient",
            PROJECT / "patients" / "maria-lopez.yaml",
            "--out",
            out,
            *options,
        ]
    )
    assert result.exit_code == 0, result.output
    return (out / "hip-home-program-maria-lopez.pdf").read_bytes()


@pytest.fixture(scope="module")
def handout(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The compact handout, with its two-week tracking chart."""
    return built_handout(tmp_path_factory.mktemp("handout"), "--chart")


@pytest.fixture(scope="module")
def booklet_handout(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The handout as a whole booklet with the patient's name on its cover."""
    return built_handout(tmp_path_factory.mktemp("booklet-handout"), "--layout", "booklet")


def every_variant(
    arabic: tuple[bytes, bytes], handout: bytes, booklet_handout: bytes
) -> dict[str, bytes]:
    booklet, key = sample_outputs()
    found = {"booklet": booklet, "key": key, "handout": handout, "booklet handout": booklet_handout}
    found["large print"] = sample_outputs(large_print=True)[0]
    found["grayscale"] = sample_outputs(grayscale=True)[0]
    found["Spanish"], found["Spanish key"] = translated("psoas-hip-pain.es.yaml")
    found["Chinese"] = translated("psoas-hip-pain.zh.yaml")[0]
    found["Hindi"] = translated("psoas-hip-pain.hi.yaml")[0]
    found["Vietnamese"] = translated("psoas-hip-pain.vi.yaml")[0]
    found["shoulder program"] = translated("shoulder-home-program.yaml")[0]
    found["A5"] = a5_booklet()
    found["Arabic"], found["Arabic key"] = arabic
    return found


# --- the Matterhorn Protocol's machine-checkable conditions -----------------------------


def matterhorn_failures(data: bytes) -> list[str]:
    """What a checker of the Matterhorn Protocol's machine-checkable conditions would
    report, for the conditions that apply to what booklet writes."""
    failures = [f"page {page + 1}: untagged {op}" for page, op in untagged_operators(data)]
    reader = PdfReader(io.BytesIO(data), strict=True)  # every object reads as PDF
    catalog = reader.trailer["/Root"]
    if not bool(catalog.get("/MarkInfo", {}).get("/Marked")):
        failures.append("06-001: MarkInfo Marked is not true")
    if not str(catalog.get("/Lang", "")):
        failures.append("11-001: no /Lang on the catalogue")
    if not bool(catalog.get("/ViewerPreferences", {}).get("/DisplayDocTitle")):
        failures.append("07-002: DisplayDocTitle is not true")
    xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp or "<dc:title>" not in xmp:
        failures.append("06-002/07-001: XMP lacks pdfuaid:part or dc:title")
    for number, page in enumerate(reader.pages, start=1):
        annotations = page.get("/Annots") or []
        if annotations and page.get("/Tabs") != "/S":
            failures.append(f"page {number}: annotations but no /Tabs /S")
        for annotation in annotations:
            annotation = annotation.get_object()
            if "/StructParent" not in annotation:
                failures.append(f"page {number}: 28-011: link annotation not in the tree")
            if not annotation.get("/Contents"):
                failures.append(f"page {number}: 28-004: link annotation without Contents")
    for name, font in fonts_showing_text(data).items():
        descriptor = font.get("/FontDescriptor", {})
        if "/DescendantFonts" in font:
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor", {})
        embedded = any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        if not embedded or "/ToUnicode" not in font:
            failures.append(f"31-xxx: font {name} shows text without embedding or ToUnicode")
    return failures + tree_failures(structure(data))


def tree_failures(root: Node) -> list[str]:
    failures = []
    elements = root.walk()
    levels = [int(e.role[1]) for e in elements if re.fullmatch(r"H[1-6]", e.role)]
    if not levels or levels[0] != 1:
        failures.append("14-002: the first heading is not H1")
    for before, after in itertools.pairwise(levels):
        if after > before + 1:
            failures.append(f"14-003: heading level skipped: H{before} then H{after}")
    for element in elements:
        role, kids = element.role, [k for k in element.kids if isinstance(k, Node)]
        if role == "Figure" and not str(element.attributes.get("/Alt", "")).strip():
            failures.append("13-004: Figure without Alt")
        if re.fullmatch(r"H[1-6]", role) and not element.text().strip():
            failures.append(f"14-001 (WCAG): empty {role}")
        if role == "L" and (not kids or any(k.role != "LI" for k in kids)):
            failures.append("L holding something other than LI")
        if role == "LI" and any(k.role not in ("Lbl", "LBody") for k in kids):
            failures.append("LI holding something other than Lbl and LBody")
        if role == "LI" and [k.role for k in kids].count("LBody") != 1:
            failures.append("LI without exactly one LBody")
        if role == "Table":
            failures += table_failures(kids)
        if role == "TOC" and any(k.role != "TOCI" for k in kids):
            failures.append("TOC holding something other than TOCI")
    return failures


def table_failures(rows: list[Node]) -> list[str]:
    if not rows or any(row.role != "TR" for row in rows):
        return ["15-00x: Table holding something other than TR"]
    widths = {len(row.kids) for row in rows}
    failures = [] if len(widths) == 1 else [f"15-00x: rows of {sorted(widths)} cells"]
    if not any(cell.role == "TH" for row in rows for cell in row.kids if isinstance(cell, Node)):
        failures.append("15-003: table without a header cell")
    return failures


def test_every_variant_passes_the_matterhorn_conditions(
    arabic: tuple[bytes, bytes], handout: bytes, booklet_handout: bytes
) -> None:
    variants = every_variant(arabic, handout, booklet_handout)
    failures = {name: matterhorn_failures(data)[:5] for name, data in variants.items()}
    assert {name: found for name, found in failures.items() if found} == {}


def test_every_variant_passes_the_pdfua_validator(
    tmp_path: Path, arabic: tuple[bytes, bytes], handout: bytes, booklet_handout: bytes
) -> None:
    pdfua = pytest.importorskip("pdfua")
    found = {}
    for name, data in every_variant(arabic, handout, booklet_handout).items():
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(data)
        report = pdfua.validate(str(path))
        serious = [
            f"{f.rule_id}: {f.message}"
            for f in report.findings
            if f.severity >= pdfua.Severity.WARNING
        ]
        if serious:
            found[name] = serious[:3]
    assert found == {}


def test_an_a5_booklet_with_a_bleed_is_tagged(tmp_path: Path) -> None:
    brand = yaml.safe_load((PROJECT / "content" / "brand.yaml").read_text())
    brand["page"] = {"size": "A5"}
    for key in ("logo",):
        if key in brand:
            brand[key] = str(PROJECT / "content" / brand[key])
    brand_file = write_yaml(tmp_path / "a5.yaml", brand)
    outputs = build(load(SAMPLE, brand_file), options=PrintOptions(bleed_pt=8.5))
    assert matterhorn_failures(outputs.booklet) == []


# --- reading order -----------------------------------------------------------------------


def words(text: str) -> str:
    """Letters and digits only: lines of a paragraph are drawn without the space between."""
    return re.sub(r"[\W_]+", "", plain(text)).lower()


def content_in_order(content: dict) -> list[str]:
    """The sample's texts as the booklet prints them: sections, their cards (name, purpose,
    steps, caution, dosage), then the quiz questions and choices."""
    texts: list[str] = [content["title"]]
    for section in content["sections"]:
        texts.append(section["title"])
        for stretch in section.get("stretches", []):
            texts.append(stretch["name"])
            texts += [stretch["purpose"]] if stretch.get("purpose") else []
            texts += stretch["steps"]
            texts += [stretch["caution"]] if stretch.get("caution") else []
    for question in content["quiz"]["questions"]:
        texts.append(question["question"])
        texts += question.get("choices", [])
    return texts


def test_the_tree_read_in_order_reads_as_the_booklet() -> None:
    content = yaml.safe_load(SAMPLE.read_text())
    read = words(" ".join(leaf_texts(structure(sample_outputs()[0]))))
    position = 0
    for text in content_in_order(content):
        found = read.find(words(text)[:60], position)
        assert found >= 0, f"{text!r} is not read after what comes before it"
        position = found


def leaf_texts(node: Node) -> list[str]:
    """The text of each element as a reader hears it: its ActualText, or its content."""
    if "/ActualText" in node.attributes:
        return [str(node.attributes["/ActualText"])]
    found: list[str] = []
    for kid in node.kids:
        found += [kid] if isinstance(kid, str) else leaf_texts(kid)
    return found


def test_a_card_is_read_title_purpose_figure_steps_video_caution_dosage() -> None:
    root = structure(sample_outputs()[0])
    card = next(
        e
        for e in root.walk()
        if e.role == "Div" and any(k.role == "H3" for k in e.kids if isinstance(k, Node))
    )
    roles = [k.role for k in card.kids if isinstance(k, Node)]
    assert roles[:3] == ["H3", "P", "Figure"] and roles[3] == "L"
    assert roles[-2:] == ["Div", "Table"]  # the caution, then the dosage strip
    dosage = card.kids[-1]
    assert isinstance(dosage, Node)
    header, values = (row for row in dosage.kids if isinstance(row, Node))
    assert [cell.text().strip() for cell in header.kids if isinstance(cell, Node)][:2] == [
        "HOLD",
        "REPEAT",
    ]
    assert all(isinstance(c, Node) and c.role == "TD" for c in values.kids)


def test_a_right_to_left_card_is_read_in_the_same_order(arabic: tuple[bytes, bytes]) -> None:
    root = structure(arabic[0])
    card = next(e for e in root.walk() if e.role == "Div" and e.kids and e.kids[0].role == "H3")  # type: ignore[union-attr]
    roles = [k.role for k in card.kids if isinstance(k, Node)]
    assert roles == ["H3", "Figure", "L", "Div", "Table"]
    shaped = [e for e in root.walk() if e.role == "P" and "/ActualText" in e.attributes]
    assert any("العضلة" in str(e.attributes["/ActualText"]) for e in shaped)


# --- alt text, languages, options ----------------------------------------------------------


def test_a_figure_without_alt_gets_a_description_in_english_marked_as_such() -> None:
    figure = Figure(name="kneeling-hip-flexor", base="kneeling", emphasis=("near.hip-front",))
    assert generated_alt(figure) == (
        "Drawing of a person in the kneeling hip flexor position, with the hip front highlighted."
    )
    assert generated_alt(Picture(path=Path("images/psoas-anatomy.png"))) == (
        "Picture: psoas anatomy."
    )


def test_the_arabic_booklet_says_which_descriptions_are_english(
    arabic: tuple[bytes, bytes],
) -> None:
    figures = [e for e in structure(arabic[0]).walk() if e.role == "Figure"]
    generated = [f for f in figures if str(f.attributes["/Alt"]).startswith("Drawing of")]
    assert generated and all(str(f.attributes["/Lang"]) == "en" for f in generated)
    catalog = PdfReader(io.BytesIO(arabic[0])).trailer["/Root"]
    assert catalog["/Lang"] == "ar"


def test_no_tags_leaves_out_the_structure_tree(make_brand, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "out"
    assert run_cli(["build", SAMPLE, "--out", out, "--no-tags"]).exit_code == 0
    untagged = PdfReader(out / "psoas-hip-pain.pdf").trailer["/Root"]
    assert "/StructTreeRoot" not in untagged and "/MarkInfo" not in untagged
    brand = make_brand("organization: Print Shop\nprint:\n  tags: false\n")
    outputs = build(load(SAMPLE, brand))
    assert "/StructTreeRoot" not in PdfReader(io.BytesIO(outputs.booklet)).trailer["/Root"]


def test_batch_handouts_are_tagged_unless_no_tags(tmp_path: Path) -> None:
    roster = PROJECT / "patients" / "roster.csv"
    content = PROJECT / "content" / "hip-home-program.yaml"
    for flags, tagged in (([], True), (["--no-tags"], False)):
        out = tmp_path / str(tagged)
        result = run_cli(["batch", content, roster, "--out", out, "--jobs", "1", *flags])
        assert result.exit_code == 0, result.output
        files = sorted(out.glob("*.pdf"))
        assert len(files) == 3
        assert {"/StructTreeRoot" in PdfReader(f).trailer["/Root"] for f in files} == {tagged}


def test_a_tagged_booklet_is_the_same_bytes_every_time() -> None:
    first = build(load(SAMPLE)).booklet
    assert build(load(SAMPLE)).booklet == first


# --- content nobody has seen -----------------------------------------------------------------

HELD_OUT_EXAMPLES = max(4, int(os.environ.get("BOOKLET_FUZZ_EXAMPLES", "2000")) // 100)
SENTENCES = {
    "en": ["Lift your knee slowly.", "Stop if it hurts.", "Breathe out as you **lift**."],
    "es": ["Levante la rodilla despacio.", "Pare si le duele.", "Respire *hondo*."],
    "vi": ["Nâng đầu gối từ từ.", "Dừng lại nếu đau."],
    "ru": ["Медленно поднимите колено.", "Остановитесь, если больно."],
    "zh": ["慢慢抬起膝盖。", "如果疼痛请停止。"],
    "ar": ["ارفع ركبتك ببطء.", "توقف إذا شعرت بألم."],
    "he": ["הרם את הברך לאט.", "עצור אם כואב."],
}


def held_out_stretch(
    draw: st.DrawFn, text: st.SearchStrategy[str], picture: str, name: str
) -> dict[str, Any]:
    """A card with a figure or a picture, up to fifteen steps (a card that may split), and
    maybe a caution, a video and a full prescription."""
    stretch: dict[str, Any] = {
        "id": name,
        "name": draw(text),
        "steps": draw(st.lists(text, min_size=1, max_size=15)),
        "hold": "30 seconds",
    }
    if draw(st.booleans()):
        stretch["figure"] = draw(st.sampled_from(["kneeling-hip-flexor", "pigeon", "glute-bridge"]))
    else:
        stretch["image"] = picture
    if draw(st.booleans()):
        stretch["caution"] = draw(text)
    if draw(st.booleans()):
        stretch["video"] = "https://example.org/v"
    if draw(st.booleans()):
        stretch |= {"rest": "60 seconds", "tempo": "slow", "days": 5}
    return stretch


@st.composite
def held_out_content(draw: st.DrawFn, picture: str) -> dict[str, Any]:
    """Valid content in one of several languages, with pictures, figures, callouts, cards
    and a long quiz."""
    language = draw(st.sampled_from(sorted(SENTENCES)))
    text = st.sampled_from(SENTENCES[language])
    body = st.lists(st.one_of(text, text.map(lambda t: f"- {t}")), min_size=1, max_size=5)
    sections = []
    for _ in range(draw(st.integers(1, 3))):
        section: dict[str, Any] = {"title": draw(text), "body": "\n".join(draw(body))}
        visual = draw(st.sampled_from(["none", "picture", "figure"]))
        if visual == "picture":
            alt = draw(st.sampled_from([None, "A knee."]))
            section["image"] = {"file": picture, **({"alt": alt} if alt else {})}
        elif visual == "figure":
            section["figure"] = {"pose": draw(st.sampled_from(["standing-quad", "pigeon"]))}
        kinds = st.sampled_from(["tip", "note", "warning"])
        section["callouts"] = [
            {"kind": draw(kinds), "text": draw(text)} for _ in range(draw(st.integers(0, 2)))
        ]
        section["handout"] = draw(st.booleans())
        section["stretches"] = [
            held_out_stretch(draw, text, picture, f"stretch-{len(sections) + 1}-{n}")
            for n in range(draw(st.integers(0, 2)))
        ]
        sections.append(section)
    questions: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 14))):
        choices = [f"{draw(text)} {n}" for n in range(draw(st.integers(2, 5)))]
        kind = draw(st.sampled_from(["single", "true_false", "short"]))
        if kind == "single":
            questions.append({"question": draw(text), "choices": choices, "answer": choices[0]})
        elif kind == "true_false":
            questions.append({"question": draw(text), "answer": True})
        else:
            questions.append({"question": draw(text), "answer": draw(text)})
    return {
        "title": draw(text),
        "language": language,
        "exercise_log": draw(st.booleans()),
        "sections": sections,
        "quiz": {"questions": questions},
    }


@settings(
    max_examples=HELD_OUT_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_content_nobody_has_seen_leaves_nothing_untagged(
    tmp_path: Path, data: st.DataObject
) -> None:
    picture = make_picture(tmp_path / "knee.png", size=(60, 40))
    content = data.draw(held_out_content(picture.name))
    options = PrintOptions(large_print=data.draw(st.booleans()))
    document = load(write_yaml(tmp_path / "held-out.yaml", content))
    outputs = build(document, options=options)
    assert matterhorn_failures(outputs.booklet) == []
    assert matterhorn_failures(outputs.answer_key) == []
    exercises = [s["id"] for section in content["sections"] for s in section["stretches"]]
    if exercises:  # and the compact handout of a patient given every exercise
        patient = {"name": "Ana", "date": "2026-11-20", "exercises": exercises[::-1]}
        chosen = {**patient, "chart": True, "quiz": True}
        assert matterhorn_failures(patient_handout(document, chosen, options).booklet) == []


def test_a_paragraph_in_another_script_says_its_language(make_content) -> None:  # type: ignore[no-untyped-def]
    content = make_content(
        {
            "title": "Hip care",
            "sections": [
                {
                    "title": "In your language",
                    "body": "Ask us for this page in Chinese:\n\n请向我们索取中文版。\n\n"
                    "Или по-русски.\n\nOr in English.",
                }
            ],
        }
    )
    paragraphs = {
        e.text().strip(): e.attributes.get("/Lang")
        for e in structure(build(load(content)).booklet).walk()
        if e.role == "P"
    }
    assert paragraphs["请向我们索取中文版。"] == "zh"
    assert paragraphs["Или по-русски."] == "ru"
    assert paragraphs["Or in English."] is None


def test_a_contents_entry_reads_as_its_title_without_the_leader_dots() -> None:
    root = structure(sample_outputs()[0])
    entries = [e for e in root.walk() if e.role == "Reference"]
    content = yaml.safe_load(SAMPLE.read_text())
    titles = [e.text().strip() for e in entries]
    assert titles[0] == content["sections"][0]["title"]
    assert all(" . " not in title and not title.startswith(".") for title in titles)


def test_a_list_item_split_across_pages_stays_one_item(make_content) -> None:  # type: ignore[no-untyped-def]
    long_item = " ".join(f"Sentence {n} of a very long list item." for n in range(1, 120))
    content = make_content(
        {
            "title": "Hip care",
            "sections": [{"title": "A long list", "body": f"- Short item.\n- {long_item}"}],
        }
    )
    booklet = build(load(content)).booklet
    assert len(PdfReader(io.BytesIO(booklet)).pages) >= 4  # the item runs over a page
    assert matterhorn_failures(booklet) == []
    items = [e for e in structure(booklet).walk() if e.role == "LI"]
    assert len(items) == 2 and "Sentence 119" in items[1].text()


@pytest.mark.parametrize("made", ["booklet", "compact handout"])
def test_tags_change_no_pixel_of_the_printed_pages(made: str) -> None:
    if made == "booklet":
        tagged, untagged = sample_outputs()[0], sample_outputs(tagged=False)[0]
    else:
        document = load(PROJECT / "content" / "hip-home-program.yaml")
        patient = {**yaml.safe_load(MARIA.read_text()), "chart": True}
        tagged, untagged = (
            patient_handout(document, patient, PrintOptions(tagged=t)).booklet
            for t in (True, False)
        )
    pages = [pdfium.PdfDocument(data) for data in (tagged, untagged)]
    assert len(pages[0]) == len(pages[1])
    for number in range(len(pages[0])):
        first, second = (pdf[number].render(scale=0.5).to_pil().convert("RGB") for pdf in pages)
        assert ImageChops.difference(first, second).getbbox() is None, f"page {number + 1}"
