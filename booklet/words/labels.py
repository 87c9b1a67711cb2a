"""A content language and a brand's label overrides -> every word booklet itself prints
(headings, dosage names, footers), from the built-in translations."""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from typing import Any

from booklet.model import Sides
from booklet.words import languages
from booklet.words.translations import TRANSLATIONS
from booklet.words.typography import bound_numbers, spaced

# labels holding placeholders, and the placeholders each must keep
PLACEHOLDERS = {
    "page_n_of_m": ("{page}", "{total}"),
    "n_seconds": ("{n}",),
    "n_minutes": ("{n}",),
    "n_times": ("{n}",),
    "n_sets": ("{n}",),
    "date_pattern": ("{day}", "{month}", "{year}"),
    "see_page_of": ("{page}", "{section}"),
    "see_section_named": ("{section}",),
    "prepared_line": ("{name}", "{date}"),
    "prepared_by_line": ("{name}", "{clinician}", "{date}"),
    "n_days_a_week": ("{n}",),
    "week_n": ("{n}",),
}


# `{name}` fills in a placeholder; `{{` and `}}` print one brace. Nothing else in braces is
# read: no attribute, no index, no format spec, so a brand's label cannot ask for a string
# of 300 million spaces or reach into an object.
TEMPLATE_PART = re.compile(r"\{\{|\}\}|\{(\w+)\}")
TEMPLATE_TOKEN = re.compile(r"\{\{|\}\}|\{[^{}]*\}?|\}")


def fill(template: str, **values: object) -> str:
    """A label with its placeholders filled in; an unknown `{word}` stays as typed."""

    def part(match: re.Match[str]) -> str:
        whole = match.group()
        if whole in ("{{", "}}"):
            return whole[0]
        return str(values[match.group(1)]) if match.group(1) in values else whole

    return TEMPLATE_PART.sub(part, template)


def template_problem(template: str, allowed: tuple[str, ...]) -> str | None:
    """Why `template` is not a label with only the placeholders `allowed`, or None."""
    for match in TEMPLATE_TOKEN.finditer(template):
        if match.group() not in ("{{", "}}", *allowed):
            return (
                f"may hold only the placeholders {' and '.join(allowed)} in braces; "
                "write {{ or }} for a brace of its own"
            )
    return None


@dataclass(frozen=True)
class Labels:
    contents: str = "Contents"
    guide: str = "Patient guide"
    prepared_for: str = "Prepared for"
    clinician: str = "Clinician"
    date_label: str = "Date"
    hold: str = "Hold"
    repeat: str = "Repeat"
    sets: str = "Sets"
    sides: str = "Sides"
    frequency: str = "How often"
    caution: str = "Caution"
    video: str = "Watch the video"
    video_hint: str = "Scan the code with your phone camera, or type the address:"
    tip: str = "Tip"
    note: str = "Note"
    warning: str = "Warning"
    quiz: str = "Check your understanding"
    true: str = "True"
    false: str = "False"
    choose_one: str = "Choose one."
    choose_all: str = "Choose all that apply."
    write_answer: str = "Write your answer."
    answer: str = "Answer"
    answer_key: str = "Answer key"
    clinician_only: str = "For clinician use. Do not give to patients."
    explanation: str = "Why"
    no_quiz: str = "This booklet has no quiz."
    contact: str = "Questions? Contact us"
    phone: str = "Phone"
    email: str = "Email"
    website: str = "Website"
    address: str = "Address"
    reviewed: str = "Last reviewed"
    sources: str = "Sources"
    about: str = "About this booklet"
    not_set: str = "\u2014"
    continued: str = "continued"
    exercise_log: str = "My exercise log"
    log_hint: str = (
        "Tick a box each time you do a stretch. At the end of each day, write how bad your "
        "pain was, from 0 (no pain) to 10 (the worst pain you can imagine)."
    )
    week_of: str = "Week of"
    stretch: str = "Stretch"
    pain_score: str = "Pain score (0\u201310)"
    days: str = "Mon, Tue, Wed, Thu, Fri, Sat, Sun"
    my_questions: str = "My questions for my clinician"
    questions_hint: str = (
        "Write down questions as they come to you, and bring this booklet to your next visit."
    )
    notes: str = "Notes"
    version: str = "Version"
    clinician_notes: str = "Notes from your clinician"
    page_n_of_m: str = "Page {page} of {total}"
    one_second: str = "1 second"
    n_seconds: str = "{n} seconds"
    one_minute: str = "1 minute"
    n_minutes: str = "{n} minutes"
    one_time: str = "1 time"
    n_times: str = "{n} times"
    one_set: str = "1 set"
    n_sets: str = "{n} sets"
    each_side: str = "Each side"
    left_side: str = "Left side"
    right_side: str = "Right side"
    both_sides: str = "Both sides"
    months: str = (
        "January, February, March, April, May, June, July, August, September, October, "
        "November, December"
    )
    date_pattern: str = "{month} {day}, {year}"
    see_page_of: str = "See page {page}: {section}"
    see_section_named: str = "See the section \u201c{section}\u201d"
    prepared_line: str = "Prepared for {name} on {date}"
    prepared_by_line: str = "Prepared for {name} by {clinician} on {date}"
    rest: str = "Rest"
    tempo: str = "Tempo"
    load: str = "Load"
    effort: str = "Effort"
    duration: str = "Duration"
    days_per_week: str = "Days a week"
    one_day_a_week: str = "1 day a week"
    n_days_a_week: str = "{n} days a week"
    home_program: str = "Home exercise program"
    my_exercises: str = "My exercises"
    tracking_chart: str = "My two-week chart"
    chart_hint: str = (
        "Tick the box on each day you do an exercise. At the end of the day, write your pain "
        "from 0 (no pain) to 10 (the worst pain you can imagine)."
    )
    week_n: str = "Week {n}"
    start_date: str = "Start date"
    colon: str = ": "  # after a label that introduces a value ("Answer: True")
    disclaimer: str = (
        "This booklet is for education. It does not replace advice from your clinician."
    )

    def page_of(self, page: int, total: int) -> str:
        return fill(self.page_n_of_m, page=page, total=total)

    def see_page(self, page: int, section: str) -> str:
        return fill(self.see_page_of, page=page, section=section)

    def see_section(self, section: str) -> str:
        return fill(self.see_section_named, section=section)

    def day_names(self) -> list[str]:
        """The seven days, Monday first, as the exercise log heads its columns."""
        return listed(self.days)

    def introducing(self, label: str) -> str:
        """'Answer' -> 'Answer: ', and in French with a narrow no-break space before the colon,
        in Chinese with a full-width colon."""
        return f"{label}{self.colon}"

    def version_code(self, code: str) -> str:
        return f"{self.version} {code}"

    def seconds(self, seconds: int) -> str:
        if seconds % 60 == 0:
            minutes = seconds // 60
            said = self.one_minute if minutes == 1 else fill(self.n_minutes, n=minutes)
        else:
            said = self.one_second if seconds == 1 else fill(self.n_seconds, n=seconds)
        return bound_numbers(said)

    def times(self, count: int) -> str:
        return bound_numbers(self.one_time if count == 1 else fill(self.n_times, n=count))

    def set_count(self, count: int) -> str:
        return bound_numbers(self.one_set if count == 1 else fill(self.n_sets, n=count))

    def days_a_week(self, count: int) -> str:
        return bound_numbers(
            self.one_day_a_week if count == 1 else fill(self.n_days_a_week, n=count)
        )

    def week(self, number: int) -> str:
        return fill(self.week_n, n=number)

    def side(self, sides: Sides) -> str:
        return {
            Sides.EACH: self.each_side,
            Sides.LEFT: self.left_side,
            Sides.RIGHT: self.right_side,
            Sides.BOTH: self.both_sides,
        }[sides]

    def prepared(self, name: str, clinician: str | None, day: datetime.date) -> str:
        """The line on a patient's handout: who it is for, who made it, and when."""
        if clinician:
            return fill(self.prepared_by_line, name=name, clinician=clinician, date=self.date(day))
        return fill(self.prepared_line, name=name, date=self.date(day))

    def date(self, day: datetime.date) -> str:
        month = listed(self.months)[day.month - 1]
        return fill(self.date_pattern, month=month, day=day.day, year=day.year)


def listed(names: str) -> list[str]:
    """'January, February, ...' -> the names, as a label lists them."""
    return [name.strip() for name in names.split(",")]


def names() -> list[str]:
    """Every label a brand's `labels:` may override."""
    return [field.name for field in dataclasses.fields(Labels)]


def labels_for(language: str, overrides: tuple[tuple[str, str], ...] = ()) -> Labels:
    """The labels for a BCP 47 tag (its primary language; English when there is no
    translation), with a brand's overrides on top."""
    translated = TRANSLATIONS.get(languages.primary(language), {})
    changes: dict[str, Any] = {**translated, **dict(overrides)}
    if languages.primary(language) == "fr":
        defaults = {name: getattr(Labels(), name) for name in names()}
        changes = {name: spaced(value, language) for name, value in {**defaults, **changes}.items()}
    return dataclasses.replace(Labels(), **changes)


def label_problem(name: str, value: str) -> str | None:
    """Why a brand's text for a label cannot be used, or None."""
    if name == "months" and len(listed(value)) != 12:
        return "must list the twelve month names, separated by commas"
    if name == "days" and len(listed(value)) != 7:
        return "must list the seven day names, Monday first, separated by commas"
    needed = PLACEHOLDERS.get(name)
    if needed is None:
        return None
    missing = [p for p in needed if p not in value]
    if missing:
        default = getattr(Labels(), name)
        return f"must contain {' and '.join(missing)}, as the default {default!r} does"
    return template_problem(value, needed)
