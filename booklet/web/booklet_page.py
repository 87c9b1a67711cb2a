"""A Booklet and its Brand -> the patient booklet as one accessible HTML page, no answers.

Headings run in order (h1 title, h2 sections, h3 stretch cards); the quiz is a form whose
every input has a label; pictures carry alt text; CSS and pictures are inside the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from booklet.model import (
    Booklet,
    Brand,
    Callout,
    Patient,
    Question,
    QuestionKind,
    Quiz,
    Section,
    Stretch,
)
from booklet.web.shell import blocks, figure, inline, logo, page, text
from booklet.web.take_home_parts import take_home_html, take_home_links, tracking_chart_html
from booklet.words.labels import Labels, labels_for
from booklet.words.phrases import LETTERS, answer_hint, dosage_values


def booklet_html(
    booklet: Booklet,
    brand: Brand,
    patient: Patient | None = None,
    chart: bool = False,
    compact: bool = False,
) -> bytes:
    """The booklet; for a patient, their handout with their name and their clinician's
    notes, with `chart` their two-week tracking chart, and `compact` headed "Home exercise
    program" as the compact PDF is."""
    labels = labels_for(booklet.language, brand.labels)
    numbers = iter(range(1, len(booklet.stretches()) + 1))
    sections = [section_html(s, i, labels, numbers, brand) for i, s in enumerate(booklet.sections)]
    kicker = labels.home_program if compact else labels.guide
    parts = [cover(booklet, brand, labels, patient, kicker), '<main class="wrap">']
    parts.append(contents(booklet, labels))
    if patient and patient.notes:
        parts.append(
            f'<aside class="callout notes" aria-label="{text(labels.clinician_notes)}">'
            f'<p class="label">{text(labels.clinician_notes)}</p>{blocks(patient.notes)}</aside>'
        )
    parts += sections
    if booklet.quiz:
        parts.append(quiz_html(booklet.quiz, labels, booklet.version))
    parts.append(take_home_html(booklet, labels))
    if chart and booklet.stretches():
        parts.append(tracking_chart_html(booklet.stretches(), labels))
    parts += ["</main>", back(booklet, brand, labels)]
    return page(booklet.language, booklet.title, brand, "\n".join(parts))


def section_id(index: int) -> str:
    return f"section-{index + 1}"


def cover(
    booklet: Booklet, brand: Brand, labels: Labels, patient: Patient | None, kicker: str
) -> str:
    subtitle = f'<p class="subtitle">{inline(booklet.subtitle)}</p>' if booklet.subtitle else ""
    prepared = ""
    if patient:
        line = labels.prepared(patient.name, patient.clinician, patient.date)
        prepared = f'<p class="prepared">{text(line)}</p>'
    return (
        f'<header class="cover"><div class="wrap">{logo(brand)}'
        f'<p class="kicker">{text(kicker)}</p><h1>{inline(booklet.title)}</h1>'
        f'{subtitle}{prepared}<p class="org">{text(brand.organization)}</p></div></header>'
    )


def contents(booklet: Booklet, labels: Labels) -> str:
    items = [
        f'<li><a href="#{section_id(i)}">{inline(s.title)}</a></li>'
        for i, s in enumerate(booklet.sections)
    ]
    if booklet.quiz:
        items.append(f'<li><a href="#quiz">{inline(booklet.quiz.title or labels.quiz)}</a></li>')
    items += take_home_links(booklet, labels)
    return (
        f'<nav aria-labelledby="contents"><h2 id="contents">{text(labels.contents)}</h2>'
        f"<ol>{''.join(items)}</ol></nav>"
    )


def section_html(
    section: Section, index: int, labels: Labels, numbers: Iterator[int], brand: Brand
) -> str:
    anchor = section_id(index)
    parts = [f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{inline(section.title)}</h2>']
    if section.body:
        parts.append(blocks(section.body))
    if visual := section.picture or section.figure:
        parts.append(figure(visual, section.title, brand))
    parts += [callout_html(c, labels) for c in section.callouts]
    parts += [stretch_html(s, next(numbers), labels, brand) for s in section.stretches]
    parts.append("</section>")
    return "\n".join(parts)


def callout_html(callout: Callout, labels: Labels) -> str:
    kind = callout.kind.value
    label = getattr(labels, kind)
    return (
        f'<aside class="callout {kind}" aria-label="{text(label)}">'
        f'<p class="label">{text(label)}</p>{blocks(callout.text)}</aside>'
    )


def stretch_html(stretch: Stretch, number: int, labels: Labels, brand: Brand) -> str:
    anchor = f"stretch-{stretch.id}"
    purpose = f'<p class="purpose">{inline(stretch.purpose)}</p>' if stretch.purpose else ""
    parts = [
        f'<article class="stretch" aria-labelledby="{anchor}"><header>'
        f'<h3 id="{anchor}">{number}. {inline(stretch.name)}</h3>{purpose}</header>'
        '<div class="inner">'
    ]
    if visual := stretch.picture or stretch.figure:
        parts.append(figure(visual, stretch.name, brand))
    steps = "".join(f"<li>{inline(step)}</li>" for step in stretch.steps)
    parts.append(f'<ol class="steps">{steps}</ol>')
    dosage = "".join(
        f"<div><dt>{text(name)}</dt><dd>{text(value)}</dd></div>"
        for name, value in dosage_values(labels, stretch)
        if value
    )
    if dosage:
        parts.append(f'<dl class="dosage">{dosage}</dl>')
    if stretch.caution:
        parts.append(
            f'<aside class="callout warning" aria-label="{text(labels.caution)}">'
            f'<p class="label">{text(labels.caution)}</p>{blocks(stretch.caution)}</aside>'
        )
    if stretch.video:
        parts.append(f'<p><a href="{text(stretch.video)}">{text(labels.video)}</a></p>')
    parts.append("</div></article>")
    return "\n".join(parts)


def quiz_html(quiz: Quiz, labels: Labels, version: str | None = None) -> str:
    instructions = blocks(quiz.instructions) if quiz.instructions else ""
    if version:
        instructions = f'<p class="version">{text(labels.version_code(version))}</p>' + instructions
    questions = "\n".join(question_html(q, n, labels) for n, q in enumerate(quiz.questions, 1))
    return (
        f'<section aria-labelledby="quiz"><h2 id="quiz">{inline(quiz.title or labels.quiz)}</h2>'
        f"{instructions}<form>\n{questions}\n</form></section>"
    )


def question_html(question: Question, number: int, labels: Labels) -> str:
    name = f"q{number}"
    hint = answer_hint(labels, question)
    legend = f"<legend>{number}. {inline(question.text)}</legend>"
    if question.kind is QuestionKind.SHORT:
        label = text(hint or labels.write_answer)
        return (
            f'<fieldset>{legend}<label class="hint" for="{name}">{label}</label>'
            f'<textarea id="{name}" name="{name}" rows="{question.lines}"></textarea></fieldset>'
        )
    legend += f'<p class="hint">{text(hint)}</p>' if hint else ""
    if question.kind is QuestionKind.TRUE_FALSE:
        options = [("true", labels.true), ("false", labels.false)]
        kind = "radio"
    else:
        options = [
            (letter.lower(), f"{letter}. {c}")
            for letter, c in zip(LETTERS, question.choices, strict=False)
        ]
        kind = "radio" if question.kind is QuestionKind.SINGLE else "checkbox"
    inputs = "".join(
        f'<div class="choice"><input type="{kind}" id="{name}-{value}" name="{name}" '
        f'value="{value}"><label for="{name}-{value}">{inline(shown)}</label></div>'
        for value, shown in options
    )
    return f"<fieldset>{legend}{inputs}</fieldset>"


def back(booklet: Booklet, brand: Brand, labels: Labels) -> str:
    contact = brand.contact
    rows = []
    if contact.phone:
        rows.append(
            (
                labels.phone,
                f'<a href="{text(contact.phone_link or "")}">{text(contact.phone)}</a>',
            )
        )
    if contact.email:
        rows.append(
            (labels.email, f'<a href="mailto:{text(contact.email)}">{text(contact.email)}</a>')
        )
    if contact.website:
        target = contact.website_link or ""
        rows.append((labels.website, f'<a href="{text(target)}">{text(contact.website)}</a>'))
    if contact.address:
        rows.append((labels.address, text(contact.address)))
    details = "".join(f"<dt>{text(label)}</dt><dd>{value}</dd>" for label, value in rows)
    parts = [
        '<footer class="back"><div class="wrap">',
        f'<h2 id="contact">{text(labels.contact)}</h2>',
        f'<p class="org">{text(brand.organization)}</p>',
    ]
    if details:
        parts.append(f'<dl class="contact">{details}</dl>')
    if brand.disclaimer:
        parts.append(f'<div class="disclaimer">{blocks(brand.disclaimer)}</div>')
    about = []
    if booklet.reviewed:
        about.append(
            f"<p><strong>{text(labels.introducing(labels.reviewed))}</strong>"
            f"{text(labels.date(booklet.reviewed))}</p>"
        )
    if booklet.sources:
        sources = "".join(f"<li>{inline(s)}</li>" for s in booklet.sources)
        about.append(f"<h3>{text(labels.sources)}</h3><ol>{sources}</ol>")
    if about:
        parts += [f'<h2 id="about">{text(labels.about)}</h2>', *about]
    parts.append("</div></footer>")
    return "\n".join(parts)
