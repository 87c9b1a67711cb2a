"""A Booklet's quiz -> the story of the answer key: every question under the booklet's
number, with the correct answer (letter and text) and the explanation."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Spacer

from booklet.assets.colors import reportlab_color
from booklet.model import Booklet, Brand, Question, QuestionKind
from booklet.pdf.blocks import (
    Kit,
    layout_table,
    padding,
    para,
    text_blocks,
)
from booklet.pdf.drawn import Rule
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.questions import numbered
from booklet.pdf.tagging import tag
from booklet.pdf.template import Anchor, Bookmark
from booklet.words import markup
from booklet.words.phrases import LETTERS, choice_answer


def answer_key_story(
    kit: Kit,
    booklet: Booklet,
    brand: Brand,
    section_pages: dict[str, int] | None = None,
) -> list[Flowable]:
    """`section_pages` (section title -> booklet page) lets a question point to its section."""
    story: list[Flowable] = title_block(kit, booklet, brand)
    questions = booklet.quiz.questions if booklet.quiz else ()
    if not questions:
        story.append(MeasuredParagraph(markup.escape(kit.labels.no_quiz), kit.styles.body))
    pages = section_pages or {}
    story += [answer_block(kit, q, n, pages) for n, q in enumerate(questions, start=1)]
    return story


def title_block(kit: Kit, booklet: Booklet, brand: Brand) -> list[Flowable]:
    styles, labels, palette = kit.styles, kit.labels, kit.styles.palette
    banner_style = styles.callout_label.clone(
        "banner",
        textColor=reportlab_color("#FFFFFF"),
        fontSize=12 * styles.scale,
        leading=15 * styles.scale,
        spaceAfter=0,
    )
    banner = layout_table(
        [[MeasuredParagraph(markup.escape(labels.clinician_only.upper()), banner_style)]],
        colWidths=[kit.width],
    )
    banner.setStyle(
        padding(12, 12, 7, 8, [("BACKGROUND", (0, 0), (-1, -1), reportlab_color(palette.warning))])
    )
    kicker = styles.dose_label.clone(
        "kicker", fontSize=11 * styles.scale, leading=14 * styles.scale
    )
    title = labels.introducing(labels.answer_key) + booklet.title
    return [
        Anchor(Bookmark(title, "answer-key", level=0, in_contents=False)),
        banner,
        Spacer(1, 16),
        MeasuredParagraph(markup.escape(brand.organization.upper()), kicker),
        tag(MeasuredParagraph(markup.escape(labels.answer_key), styles.heading), "H1"),
        MeasuredParagraph(
            markup.inline(booklet.title), styles.subheading.clone("key_title", spaceBefore=0)
        ),
        *version_line(kit, booklet),
        kit.at_start(Rule(palette.accent, 3, length=48, space_before=2, space_after=16)),
    ]


def version_line(kit: Kit, booklet: Booklet) -> list[Flowable]:
    """'Version A-7': the code printed on the booklet this key belongs to."""
    if not booklet.version:
        return []
    style = kit.styles.dose_label.clone("version", fontSize=11, leading=14, spaceAfter=4)
    return [MeasuredParagraph(markup.escape(kit.labels.version_code(booklet.version)), style)]


def answer_block(
    kit: Kit, question: Question, number: int, section_pages: dict[str, int]
) -> Flowable:
    styles, labels = kit.styles, kit.labels
    answer = markup.inline(choice_answer(question, labels))
    answer_style = styles.body.clone(
        "answer",
        fontName=styles.body_fonts.bold,
        spaceAfter=4,
        textColor=reportlab_color(styles.palette.primary_text),
    )
    content: list[Flowable] = [para(question.text, styles.question)]
    if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        content.append(MeasuredParagraph(choices_line(question), styles.small))
    content.append(
        MeasuredParagraph(
            f"{markup.escape(labels.introducing(labels.answer))}{answer}", answer_style
        )
    )
    if question.explanation:
        content += text_blocks(kit, question.explanation)
    if question.section:
        content.append(see_section(kit, question.section, section_pages.get(question.section)))
    table = numbered(kit, number, content, "answers")
    return KeepTogether([table, Rule(styles.palette.rule, 0.75, space_before=6, space_after=14)])


def see_section(kit: Kit, section: str, page: int | None) -> MeasuredParagraph:
    """'See page 4: What the psoas does', where the booklet explains the answer."""
    labels = kit.labels
    shown = labels.see_page(page, section) if page else labels.see_section(section)
    style = kit.styles.small.clone("see_page", textColor=reportlab_color(kit.styles.palette.muted))
    return MeasuredParagraph(markup.inline(shown), style)


def choices_line(question: Question) -> str:
    """'A. Sitting   B. Trauma ...' so the key can be read without the booklet."""
    return "&nbsp;&nbsp;&nbsp; ".join(
        f"<b>{letter}.</b>&nbsp;{markup.inline(choice)}"
        for letter, choice in zip(LETTERS, question.choices, strict=False)
    )
