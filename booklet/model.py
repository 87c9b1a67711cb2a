"""Validated content and brand -> frozen dataclasses that every later stage reads."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Picture:
    """A picture file with what is printed under it and what describes it."""

    path: Path
    caption: str | None = None
    alt: str | None = None


@dataclass(frozen=True)
class Arrow:
    """A curved arrow beside a part of the body, showing which way it moves."""

    at: str  # a landmark: hips, chest, head, near-knee, far-foot ...
    toward: str  # up | down | forward | back


@dataclass(frozen=True)
class Figure:
    """A figure booklet draws: a posed person, or an anatomy plate when `base` is None.

    `angles` holds every joint angle in degrees ("trunk", "near.hip", ...), already merged
    from the base posture, the named pose and the author's overrides. `reach` puts a hand
    on a landmark ("near", "far-knee") instead of using that arm's angles; `then` is a
    second phase drawn faintly behind; `layers` changes which parts are drawn in front;
    `view` is where the body is seen from: side, front or top.
    """

    name: str
    base: str | None = None
    angles: tuple[tuple[str, float], ...] = ()
    reach: tuple[tuple[str, str], ...] = ()
    side: str = "right"
    props: tuple[str, ...] = ()
    emphasis: tuple[str, ...] = ()
    arrow: Arrow | None = None
    then: tuple[tuple[str, float], ...] = ()
    layers: tuple[str, ...] = ()
    caption: str | None = None
    alt: str | None = None
    view: str = "side"

    def angle(self, name: str) -> float:
        return dict(self.angles).get(name, 0.0)


class CalloutKind(enum.Enum):
    TIP = "tip"
    NOTE = "note"
    WARNING = "warning"


@dataclass(frozen=True)
class Callout:
    kind: CalloutKind
    text: str


class Sides(enum.Enum):
    EACH = "each"
    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


@dataclass(frozen=True)
class Stretch:
    name: str
    id: str
    steps: tuple[str, ...]
    picture: Picture | None = None
    figure: Figure | None = None
    purpose: str | None = None
    hold_seconds: int | None = None
    repeat: int | None = None
    sets: int | None = None
    sides: Sides | None = None
    frequency: str | None = None
    caution: str | None = None
    video: str | None = None
    rest_seconds: int | None = None  # between sets
    tempo: str | None = None  # "3 s down, 1 s up"
    load: str | None = None  # a weight, or an elastic band's colour or resistance
    effort: str | None = None  # "5/10", or a rule such as "pain no higher than 3/10"
    duration_seconds: int | None = None  # for a timed exercise: walk 10 minutes
    days_per_week: int | None = None


@dataclass(frozen=True)
class Dosage:
    """Dosage fields given to change a stretch's own: None keeps the stretch's value."""

    hold_seconds: int | None = None
    repeat: int | None = None
    sets: int | None = None
    sides: Sides | None = None
    frequency: str | None = None
    rest_seconds: int | None = None
    tempo: str | None = None
    load: str | None = None
    effort: str | None = None
    duration_seconds: int | None = None
    days_per_week: int | None = None

    def applied_to(self, stretch: Stretch) -> Stretch:
        values = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        given = {name: value for name, value in values.items() if value is not None}
        return dataclasses.replace(stretch, **given)


@dataclass(frozen=True)
class Section:
    title: str
    body: str | None = None
    picture: Picture | None = None
    figure: Figure | None = None
    callouts: tuple[Callout, ...] = ()
    stretches: tuple[Stretch, ...] = ()
    handout: bool = False  # printed in a patient's compact handout too


class QuestionKind(enum.Enum):
    TRUE_FALSE = "true-false"
    SINGLE = "single"
    MULTIPLE = "multiple"
    SHORT = "short"


@dataclass(frozen=True)
class Question:
    """One quiz question. `answer` is a bool, one choice, a tuple of choices, or model text."""

    kind: QuestionKind
    text: str
    answer: bool | str | tuple[str, ...]
    choices: tuple[str, ...] = ()
    explanation: str | None = None
    lines: int = 3
    section: str | None = None  # the title of the section this question checks

    def correct_choices(self) -> tuple[str, ...]:
        """The choices that are right, in the order they are printed."""
        if self.kind is QuestionKind.SINGLE:
            return (str(self.answer),)
        if self.kind is QuestionKind.MULTIPLE:
            picked = self.answer if isinstance(self.answer, tuple) else ()
            return tuple(c for c in self.choices if c in picked)
        return ()


@dataclass(frozen=True)
class Quiz:
    questions: tuple[Question, ...]
    title: str | None = None
    instructions: str | None = None


@dataclass(frozen=True)
class Booklet:
    title: str
    sections: tuple[Section, ...]
    source: Path
    subtitle: str | None = None
    language: str = "en"
    reviewed: datetime.date | None = None
    sources: tuple[str, ...] = ()
    quiz: Quiz | None = None
    exercise_log: bool = False  # a weekly tick-box chart of the stretches
    questions_page: bool = False  # a lined "My questions for my clinician" page
    version: str | None = None  # the quiz version's code, printed on booklet and key
    libraries: tuple[Path, ...] = ()

    @property
    def stem(self) -> str:
        """The content file's name without `.yaml`: the output files are named after it."""
        name = self.source.name
        for suffix in (".yaml", ".yml"):
            if name.lower().endswith(suffix):
                return name[: -len(suffix)]
        return self.source.stem

    def stretches(self) -> tuple[Stretch, ...]:
        return tuple(s for section in self.sections for s in section.stretches)

    def pictures(self) -> tuple[Picture, ...]:
        found: list[Picture] = []
        for section in self.sections:
            if section.picture:
                found.append(section.picture)
            found.extend(s.picture for s in section.stretches if s.picture)
        return tuple(found)


@dataclass(frozen=True)
class Exercise:
    """One stretch chosen for a patient, by id, with the patient's own dosage."""

    id: str
    dosage: Dosage = field(default_factory=Dosage)


@dataclass(frozen=True)
class Patient:
    """Who one handout is for. `exercises` None means every stretch of the booklet."""

    name: str
    date: datetime.date
    clinician: str | None = None
    exercises: tuple[Exercise, ...] | None = None
    notes: str | None = None
    quiz: bool | None = None  # None: the layout's default (compact: no quiz; booklet: quiz)
    chart: bool = False  # a two-week tracking chart of the patient's exercises

    def wants_quiz(self, compact: bool) -> bool:
        return self.quiz if self.quiz is not None else not compact


FONT_STYLES = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class FontFamily:
    """Either a built-in family name or font files for each style (missing styles fall back)."""

    builtin: str | None = None
    regular: Path | None = None
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None

    def files(self) -> list[Path]:
        """The font files given, in the order of FONT_STYLES."""
        return [path for style in FONT_STYLES if (path := getattr(self, style)) is not None]


@dataclass(frozen=True)
class Contact:
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    address: str | None = None

    @property
    def website_link(self) -> str | None:
        """The website as written (`example.org` or `https://example.org`) -> its link."""
        if self.website is None:
            return None
        return self.website if "://" in self.website else f"https://{self.website}"

    @property
    def phone_link(self) -> str | None:
        """The phone number as written -> its `tel:` link: the digits and a leading +."""
        if self.phone is None:
            return None
        return "tel:" + "".join(c for c in self.phone if c.isascii() and (c.isdigit() or c == "+"))


HANDOUT_LAYOUTS = ("compact", "booklet")  # a patient's handout: one or two pages, or the booklet

PAGE_SIZES_PT: dict[str, tuple[float, float]] = {
    "letter": (612.0, 792.0),
    "a4": (595.2756, 841.8898),
    "a5": (419.5276, 595.2756),
    "half-letter": (396.0, 612.0),
}


@dataclass(frozen=True)
class Brand:
    organization: str
    logo: Path | None = None
    primary: str = "#2F5D7C"
    accent: str = "#C8702A"
    body_font: FontFamily = field(default_factory=lambda: FontFamily(builtin="Noto Sans"))
    heading_font: FontFamily = field(default_factory=lambda: FontFamily(builtin="Noto Sans"))
    page_size: str = "letter"
    margin_pt: float = 18 * 72 / 25.4
    contact: Contact = field(default_factory=Contact)
    disclaimer: str | None = None
    standard_disclaimer: bool = False  # print booklet's own, in the booklet's language
    # (field, language tag, text) for texts given per language: organization, disclaimer,
    # address; the plain fields hold the English (or first) text
    by_language: tuple[tuple[str, str, str], ...] = ()
    reading_grade: int = 8
    labels: tuple[tuple[str, str], ...] = ()  # (label name, the brand's text) overrides
    large_print: bool = False
    grayscale: bool = False
    handout_layout: str = "compact"  # how a patient's handout prints: compact | booklet
    source: Path | None = None

    @property
    def page_size_pt(self) -> tuple[float, float]:
        return PAGE_SIZES_PT[self.page_size]


NEUTRAL_BRAND = Brand(organization="Patient education", standard_disclaimer=True)
