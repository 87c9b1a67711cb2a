"""A Booklet and its Brand -> the clinician answer key as one HTML page."""

from __future__ import annotations

from booklet.model import Booklet, Brand, Question
from booklet.web.shell import blocks, inline, page, text
from booklet.words.labels import Labels, labels_for
from booklet.words.phrases import LETTERS, choice_answer


def answer_key_html(booklet: Booklet, brand: Brand) -> bytes:
    labels = labels_for(booklet.language, brand.labels)
    title = labels.introducing(labels.answer_key) + booklet.title
    questions = booklet.quiz.questions if booklet.quiz else ()
    items = "\n".join(answer_html(q, labels) for q in questions)
    version = (
        f'<p class="version">{text(labels.version_code(booklet.version))}</p>'
        if booklet.version
        else ""
    )
    body = (
        f'<main class="wrap"><h1>{inline(title)}</h1>'
        f'<p class="org">{text(brand.organization)}</p>{version}'
        f'<p class="clinician">{text(labels.clinician_only)}</p>'
        f"<ol>\n{items}\n</ol></main>"
    )
    return page(booklet.language, title, brand, body)


def answer_html(question: Question, labels: Labels) -> str:
    choices = ""
    if question.choices:
        shown = "".join(
            f"<li><strong>{letter}.</strong> {inline(c)}</li>"
            for letter, c in zip(LETTERS, question.choices, strict=False)
        )
        choices = f'<ul class="choices">{shown}</ul>'
    answer = choice_answer(question, labels)
    explanation = blocks(question.explanation) if question.explanation else ""
    if question.section:
        explanation += f'<p class="hint">{inline(labels.see_section(question.section))}</p>'
    return (
        f"<li><p>{inline(question.text)}</p>{choices}"
        f'<p class="answer">{text(labels.introducing(labels.answer))}{inline(answer)}</p>'
        f"{explanation}</li>"
    )
