"""The sample booklet: complete as the README promises, and the same bytes from every process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from conftest import run_cli
from pypdf import PdfReader

from booklet.literacy.assess import Report, strict_problems
from booklet.literacy.assess import check_reading as check_document
from booklet.model import QuestionKind
from booklet.source.read import load


def check_reading(content: Path, brand: Path | None = None, **options: Any) -> Report:
    """`booklet check` of a content file: load it, then report on its text."""
    return check_document(load(content, brand), **options)


ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "content" / "psoas-hip-pain.yaml"
MAX_SAMPLE_BYTES = 420 * 1024  # PNG pictures are stored as their files hold them


def test_sample_is_complete():
    booklet = load(SAMPLE).booklet
    assert len(booklet.sections) >= 6
    stretches = booklet.stretches()
    assert len(stretches) >= 8
    for stretch in stretches:
        assert stretch.figure is not None and stretch.caution, stretch.name
        assert stretch.hold_seconds or stretch.repeat, stretch.name
    questions = booklet.quiz.questions
    assert len(questions) >= 8
    assert {q.kind for q in questions} == set(QuestionKind)
    assert all(q.explanation for q in questions)


def builds_in_new_processes(outs: list[Path]) -> list[tuple[bytes, bytes]]:
    """The sample built by one new process per folder, the processes running side by side."""
    command = [sys.executable, "-m", "booklet", "build", str(SAMPLE), "--out"]
    processes = [subprocess.Popen([*command, str(out)], stderr=subprocess.PIPE) for out in outs]
    for process in processes:
        _, stderr = process.communicate()
        assert process.returncode == 0, stderr
    return [
        (
            (out / "psoas-hip-pain.pdf").read_bytes(),
            (out / "psoas-hip-pain-answer-key.pdf").read_bytes(),
        )
        for out in outs
    ]


def test_sample_builds_to_the_same_bytes_in_separate_processes(tmp_path):
    first, second = builds_in_new_processes([tmp_path / "one", tmp_path / "two"])
    assert first == second
    assert first[0].startswith(b"%PDF-") and first[1].startswith(b"%PDF-")
    assert len(first[0]) < MAX_SAMPLE_BYTES, "figures are vector art; the booklet stays small"


def test_sample_passes_the_reading_check_at_grade_8():
    report = check_reading(SAMPLE, grade=8)
    assert [str(f) for f in report.findings] == []
    assert all(part.grade and part.grade.highest() <= 8 for part in report.parts)
    assert len(report.parts) == len(load(SAMPLE).booklet.sections) + 1


def test_sample_pictures_all_have_alt_text():
    assert strict_problems(load(SAMPLE)) == []


def shape(path: Path) -> tuple:
    """What a translation must keep: sections, stretches with their figures and doses, and
    the quiz's kinds and right choices (by position)."""
    booklet = load(path).booklet
    stretches = tuple(
        (s.id, s.figure.name if s.figure else None, s.hold_seconds, s.repeat, s.sets, s.sides)
        for s in booklet.stretches()
    )
    questions = tuple(
        (q.kind, len(q.choices), tuple(q.choices.index(c) for c in q.correct_choices()))
        for q in booklet.quiz.questions
    )
    return len(booklet.sections), stretches, questions, booklet.reviewed


def test_the_translations_keep_the_sample_whole():
    for language in ("es", "zh"):
        translated = SAMPLE.with_name(f"psoas-hip-pain.{language}.yaml")
        assert shape(translated) == shape(SAMPLE), language
        assert load(translated).booklet.language == language
        assert strict_problems(load(translated)) == []
        assert load(translated).warnings == ()


def test_the_translations_build_with_their_labels_and_text(tmp_path):
    expected = {
        "es": ("El psoas y el dolor de cadera", "Contenido", "Página 2 de"),
        "zh": ("腰大肌与髋部疼痛", "目录", "第2页，共"),
    }
    for language, words in expected.items():
        content = SAMPLE.with_name(f"psoas-hip-pain.{language}.yaml")
        result = run_cli(["build", content, "--out", tmp_path])
        assert result.exit_code == 0, result.stderr
        pdf = tmp_path / f"psoas-hip-pain.{language}.pdf"
        assert (tmp_path / f"psoas-hip-pain.{language}-answer-key.pdf").exists()
        pages = PdfReader(pdf).pages
        text = "".join(page.extract_text() for page in pages).replace(" ", "").replace("\n", "")
        for word in words:
            assert word.replace(" ", "") in text, (language, word)
        assert "\ufffd" not in text
