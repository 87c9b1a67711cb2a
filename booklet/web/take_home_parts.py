"""A Booklet -> the HTML twin's take-home parts: the exercise log as a table of check
boxes with a pain score per day, and a box for "My questions for my clinician"."""

from __future__ import annotations

from booklet.model import Booklet, Stretch
from booklet.web.shell import inline, text
from booklet.words.labels import Labels
from booklet.words.phrases import dosage_line, times_a_day

LOG_ID, QUESTIONS_ID = "exercise-log", "my-questions"


def take_home_links(booklet: Booklet, labels: Labels) -> list[str]:
    """Contents entries for the take-home parts the booklet has."""
    links = []
    if has_log(booklet):
        links.append(f'<li><a href="#{LOG_ID}">{text(labels.exercise_log)}</a></li>')
    if booklet.questions_page:
        links.append(f'<li><a href="#{QUESTIONS_ID}">{text(labels.my_questions)}</a></li>')
    return links


def has_log(booklet: Booklet) -> bool:
    return booklet.exercise_log and bool(booklet.stretches())


def take_home_html(booklet: Booklet, labels: Labels) -> str:
    parts = []
    if has_log(booklet):
        parts.append(exercise_log_html(booklet.stretches(), labels))
    if booklet.questions_page:
        parts.append(
            f'<section aria-labelledby="{QUESTIONS_ID}">'
            f'<h2 id="{QUESTIONS_ID}">{text(labels.my_questions)}</h2>'
            f'<label class="hint" for="{QUESTIONS_ID}-text">{text(labels.questions_hint)}</label>'
            f'<textarea id="{QUESTIONS_ID}-text" rows="8"></textarea></section>'
        )
    return "\n".join(parts)


def exercise_log_html(stretches: tuple[Stretch, ...], labels: Labels) -> str:
    days = "".join(f'<th scope="col">{text(day)}</th>' for day in labels.day_names())
    rows = [stretch_row(stretch, index, labels) for index, stretch in enumerate(stretches)]
    pain = "".join(
        f'<td><input type="number" min="0" max="10" inputmode="numeric" '
        f'aria-label="{text(labels.pain_score)}, {text(day)}"></td>'
        for day in labels.day_names()
    )
    rows.append(f'<tr class="pain"><th scope="row">{text(labels.pain_score)}</th>{pain}</tr>')
    return (
        f'<section aria-labelledby="{LOG_ID}"><h2 id="{LOG_ID}">{text(labels.exercise_log)}</h2>'
        f"<p>{text(labels.log_hint)}</p>"
        f'<div class="log-scroll"><table class="log"><thead><tr>'
        f'<th scope="col">{text(labels.stretch)}</th>{days}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div></section>"
    )


def stretch_row(stretch: Stretch, index: int, labels: Labels) -> str:
    boxes = times_a_day(stretch.frequency)
    dosage = dosage_line(labels, stretch)
    name = f"<strong>{inline(stretch.name)}</strong>"
    if dosage:
        name += f'<br><span class="dose">{inline(dosage)}</span>'
    cells = "".join(
        "<td>"
        + "".join(
            f'<input type="checkbox" aria-label="{text(stretch.name)}, {text(day)}'
            f'{f", {time + 1}" if boxes > 1 else ""}">'
            for time in range(boxes)
        )
        + "</td>"
        for day in labels.day_names()
    )
    return f'<tr><th scope="row">{name}</th>{cells}</tr>'


CHART_ID = "tracking-chart"


def tracking_chart_html(stretches: tuple[Stretch, ...], labels: Labels) -> str:
    """The two-week chart: a check box per exercise and day, and a pain score per day."""
    days = [(week, day) for week in (1, 2) for day in labels.day_names()]
    weeks = "".join(
        f'<th scope="colgroup" colspan="7">{text(labels.week(week))}</th>' for week in (1, 2)
    )
    heads = "".join(f'<th scope="col">{text(day)}</th>' for _, day in days)
    rows = []
    for stretch in stretches:
        dosage = dosage_line(labels, stretch)
        name = f"<strong>{inline(stretch.name)}</strong>"
        if dosage:
            name += f'<br><span class="dose">{inline(dosage)}</span>'
        boxes = "".join(
            f'<td><input type="checkbox" aria-label="{text(stretch.name)}, '
            f'{text(labels.week(week))}, {text(day)}"></td>'
            for week, day in days
        )
        rows.append(f'<tr><th scope="row">{name}</th>{boxes}</tr>')
    pain = "".join(
        f'<td><input type="number" min="0" max="10" inputmode="numeric" '
        f'aria-label="{text(labels.pain_score)}, {text(labels.week(week))}, {text(day)}"></td>'
        for week, day in days
    )
    rows.append(f'<tr class="pain"><th scope="row">{text(labels.pain_score)}</th>{pain}</tr>')
    return (
        f'<section aria-labelledby="{CHART_ID}">'
        f'<h2 id="{CHART_ID}">{text(labels.tracking_chart)}</h2><p>{text(labels.chart_hint)}</p>'
        f'<div class="log-scroll"><table class="log"><thead>'
        f'<tr><td></td>{weeks}</tr><tr><th scope="col">{text(labels.stretch)}</th>{heads}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div></section>"
    )
