"""A quiz Question -> its numbered block: the question, a hint, and boxes to tick or
lines to write on."""

from __future__ import annotations

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Spacer,
    Table,
)

from booklet.assets.colors import reportlab_color
from booklet.model import Question, QuestionKind
from booklet.pdf.blocks import (
    Kit,
    padding,
    para,
    tight,
)
from booklet.pdf.drawn import ChoiceMark, WritingLines
from booklet.pdf.measured import MeasuredParagraph
from booklet.pdf.tagging import Place, in_place, tag
from booklet.words import markup
from booklet.words.phrases import LETTERS, answer_hint


def question_block(kit: Kit, question: Question, number: int) -> Flowable:
    """A numbered question with circles, boxes or lines to answer on, and no answer."""
    styles = kit.styles
    hint = answer_hint(kit.labels, question)
    text = markup.inline(question.text)
    if hint:
        text += f' <font name="{styles.body_fonts.italic}" color="{styles.palette.muted}">'
        text += f"{markup.escape(hint)}</font>"
    content: list[Flowable] = [MeasuredParagraph(text, styles.question)]
    content.append(answer_space(kit, question, f"quiz-{number}"))
    table = numbered(kit, number, content, "quiz")
    return KeepTogether([table, Spacer(1, 18)])


def numbered(kit: Kit, number: int, content: list[Flowable], key: str) -> Table:
    """`content` beside its question number, the same in the booklet and the answer key:
    item `number` of the list `key` in the structure tree."""
    styles = kit.styles
    place = Place("list", key, number)
    for flowable in content:
        in_place(flowable, place)
    number_style = styles.question.clone(
        "number",
        fontName=styles.heading_fonts.bold,
        textColor=reportlab_color(styles.palette.primary_text),
    )
    table = kit.row_table(
        [[tag(MeasuredParagraph(f"{number}.", number_style), "Lbl", place=place), content]],
        [number_width(kit), kit.width - number_width(kit)],
    )
    table.setStyle(padding(0, 0, 0, 0, [("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def number_width(kit: Kit) -> float:
    """The column a question's number stands in."""
    return 30 * kit.styles.scale


def answer_space(kit: Kit, question: Question, key: str) -> Flowable:
    """Lines to write on (decoration), or the choices as a list `key` of their own."""
    styles, palette, scale = kit.styles, kit.styles.palette, kit.styles.scale
    if question.kind is QuestionKind.SHORT:
        return WritingLines(question.lines, 28 * scale, palette.rule)
    mark = 13 * scale
    if question.kind is QuestionKind.TRUE_FALSE:
        row = [
            ChoiceMark("circle", mark, palette.ink),
            in_place(para(kit.labels.true, styles.choice), Place("list", key, 1)),
            ChoiceMark("circle", mark, palette.ink),
            in_place(para(kit.labels.false, styles.choice), Place("list", key, 2)),
        ]
        widths = [22 * scale, 90 * scale, 22 * scale, 90 * scale]
        table = tag(kit.row_table([row], widths, hAlign="LEFT"), "L", key=key)
        return tight(table, extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")])
    shape = "circle" if question.kind is QuestionKind.SINGLE else "square"
    rows = [
        [
            ChoiceMark(shape, mark, palette.ink),
            tag(MeasuredParagraph(f"<b>{letter}</b>", styles.choice), "Lbl", place=place),
            in_place(para(choice, styles.choice), place),
        ]
        for row, (letter, choice) in enumerate(
            zip(LETTERS, question.choices, strict=False), start=1
        )
        for place in [Place("list", key, row)]
    ]
    widths = [22 * scale, 20 * scale, kit.width - number_width(kit) - 42 * scale]
    table = tag(kit.row_table(rows, widths, hAlign="LEFT"), "L", key=key)
    return tight(
        table,
        extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("BOTTOMPADDING", (0, 0), (-1, -1), 7)],
    )
