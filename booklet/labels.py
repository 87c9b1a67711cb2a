"""A content language -> every word booklet itself prints (headings, dosage names, footers)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from booklet.model import Sides

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
    contact: str = "Questions? Contact us"
    phone: str = "Phone"
    email: str = "Email"
    website: str = "Website"
    address: str = "Address"
    reviewed: str = "Last reviewed"
    sources: str = "Sources"
    about: str = "About this booklet"
    not_set: str = "\u2014"
    exercise_log: str = "My exercise log"
    log_hint: str = (
        "Tick a box each time you do a stretch. At the end of each day, write how bad your "
        "pain was, from 0 (no pain) to 10 (the worst pain you can imagine)."
    )
    week_of: str = "Week of"
    stretch: str = "Stretch"
    pain_score: str = "Pain score (0\u201310)"
    days: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    my_questions: str = "My questions for my clinician"
    questions_hint: str = (
        "Write down questions as they come to you, and bring this booklet to your next visit."
    )
    notes: str = "Notes"
    version: str = "Version"
    clinician_notes: str = "Notes from your clinician"

    def page_of(self, page: int, total: int) -> str:
        return f"Page {page} of {total}"

    def see_page(self, page: int, section: str) -> str:
        return f"See page {page}: {section}"

    def see_section(self, section: str) -> str:
        return f"See the section {section}"

    def version_code(self, code: str) -> str:
        return f"{self.version} {code}"

    def seconds(self, seconds: int) -> str:
        if seconds % 60 == 0:
            minutes = seconds // 60
            return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"
        return "1 second" if seconds == 1 else f"{seconds} seconds"

    def times(self, count: int) -> str:
        return "1 time" if count == 1 else f"{count} times"

    def set_count(self, count: int) -> str:
        return "1 set" if count == 1 else f"{count} sets"

    def side(self, sides: Sides) -> str:
        return {
            Sides.EACH: "Each side",
            Sides.LEFT: "Left side",
            Sides.RIGHT: "Right side",
            Sides.BOTH: "Both sides",
        }[sides]

    def prepared(self, name: str, clinician: str | None, day: datetime.date) -> str:
        """The line on a patient's handout: who it is for, who made it, and when."""
        by = f" by {clinician}" if clinician else ""
        return f"Prepared for {name}{by} on {self.date(day)}"

    def date(self, day: datetime.date) -> str:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def labels_for(language: str) -> Labels:
    """The labels for a BCP 47 tag; English until other languages are added."""
    return Labels()
