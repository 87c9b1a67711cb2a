"""Every field of the content, brand, library, patient and roster files, declared once:
name, kind of value, limits, default, help and example.

The readers take field names, limits, choices, patterns and on/off words from here; the
JSON Schemas (`booklet schema`), the field tables of docs/format.md and the comments of
the starter project are written from it by scripts/write_reference.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from booklet.figures.library import ANATOMY, BASES, DIRECTIONS, LANDMARKS, POSES, PROPS, VIEWS
from booklet.model import (
    FONT_STYLES,
    HANDOUT_LAYOUTS,
    PAGE_SIZES_PT,
    CalloutKind,
    QuestionKind,
    Sides,
)
from booklet.words import vocabulary
from booklet.words.labels import Labels
from booklet.words.labels import names as label_names

# The words an on/off field takes, in any letter case, in every kind of file. `on` and
# `off` are left out: they are too easily a word of a sentence.
SWITCH_WORDS = {"true": True, "false": False, "yes": True, "no": False}

# Laying out one paragraph costs time that grows with the square of its length, so all
# printed text is capped, far above anything a handout needs.
MAX_PARAGRAPH_CHARS = 5_000  # each paragraph of markup text (a body, a callout)
MAX_TEXT_CHARS = 1_000  # any other text (a step, a question, a caption)
MAX_DOSE_CHARS = 80  # a dosage written in words (tempo, load, effort): one line of a card

LANGUAGE_TAG = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"
STRETCH_ID = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
LENGTH = r"^(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)$"
DATE = r"^\d{4}-\d{2}-\d{2}$"
EMAIL = r"^[^@\s]*@[^@\s]*$"
WEBSITE = r"^[^\s]*\.[^\s]*$"
WEB_ADDRESS = r"^https?://[^\s/]+[^\s]*$"

# What a field may hold. Scalars: text, markup (light markup text), whole (a number),
# switch (on/off), choice, date, duration, length, web address, path, id, language, colour,
# email, website, answer (a quiz answer), angles (a figure's), any. Containers: list
# (`item`), mapping (`shape`), either (one of `forms`).
KINDS = frozenset(
    {
        *("text", "markup", "whole", "switch", "choice", "date", "duration", "length"),
        *("web address", "path", "id", "language", "colour", "email", "website"),
        *("answer", "angles", "any", "list", "mapping", "either"),
    }
)


@dataclass(frozen=True)
class FieldSpec:
    """One field: what it holds (`kind`), its limits, and the words that explain it.

    `help` is one line (the schema's description, the starter's comment); `doc` is what
    the format reference adds to it. A list's items are `item`, a mapping's fields are
    `shape`, and a field that may be written in more than one form lists them in `forms`.
    """

    name: str
    kind: str
    help: str
    doc: str = ""
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    pattern: str | None = None
    default: str | None = None
    example: object = None
    item: FieldSpec | None = None
    shape: ObjectSpec | None = None
    forms: tuple[FieldSpec, ...] = ()
    min_items: int = 0
    max_items: int | None = None
    also: tuple[str, ...] = ()  # more words accepted: the same choice in other languages
    counted: bool = False  # a whole number that may carry its word (`3 times`, `3 fois`)
    per_language: bool = False  # once, or one value per language tag (`{en: …, es: …}`)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.name}: no kind of value is called {self.kind!r}")

    @property
    def item_choices(self) -> tuple[str, ...]:
        """The names a list of names may hold (a figure's props)."""
        return self.item.choices if self.item is not None else ()


@dataclass(frozen=True)
class ObjectSpec:
    """A mapping's fields, in the order the reference lists them."""

    title: str
    fields: tuple[FieldSpec, ...]
    inline: bool = False  # listed in its parent's table as `parent.field`
    documented: bool = True  # has a field table of its own in docs/format.md
    one_of_required: tuple[str, ...] = ()  # exactly one of these fields must be given
    index: dict[str, FieldSpec] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {f.name: f for f in self.fields})

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.required)

    def __getitem__(self, name: str) -> FieldSpec:
        return self.index[name]

    def __iter__(self) -> Iterator[FieldSpec]:
        return iter(self.fields)


def text(
    name: str, help: str, doc: str = "", max_length: int = MAX_TEXT_CHARS, **more: Any
) -> FieldSpec:
    return FieldSpec(name, "text", help, doc, max_length=max_length, **more)


def markup(name: str, help: str, doc: str = "", **more: Any) -> FieldSpec:
    return FieldSpec(name, "markup", help, doc, max_length=MAX_PARAGRAPH_CHARS, **more)


def switch(name: str, help: str, doc: str, default: bool) -> FieldSpec:
    return FieldSpec(
        name, "switch", help, doc, default="true" if default else "false", example="yes"
    )


def path(name: str, help: str, doc: str = "", **more: Any) -> FieldSpec:
    return FieldSpec(name, "path", help, doc, **more)


def listing(name: str, help: str, item: FieldSpec, doc: str = "", **more: Any) -> FieldSpec:
    return FieldSpec(name, "list", help, doc, item=item, **more)


def mapping(name: str, help: str, shape: ObjectSpec, doc: str = "", **more: Any) -> FieldSpec:
    return FieldSpec(name, "mapping", help, doc, shape=shape, **more)


# --- pictures and figures ---------------------------------------------------------------

PICTURE = ObjectSpec(
    "Pictures",
    (
        path(
            "file",
            "the picture file: PNG, JPEG, GIF, WebP, BMP or TIFF",
            required=True,
            example="images/pelvic-tilt.png",
        ),
        text("caption", "printed under the picture", example="A level pelvis."),
        text(
            "alt",
            "what the picture shows, for screen readers",
            "the HTML booklet uses it too; `booklet check` and `booklet validate --strict` "
            "report pictures without it",
            example="Two drawings of a pelvis.",
        ),
    ),
)
IMAGE = FieldSpec(
    "image",
    "either",
    "a picture, as a path or with a caption and alt text",
    "give `image` or `figure`, not both",
    forms=(
        path("", "a picture file", example="images/pelvic-tilt.png"),
        mapping("", "a picture with its caption and alt text", PICTURE),
    ),
    example="images/pelvic-tilt.png",
)
ARROW = ObjectSpec(
    "Arrows",
    (
        FieldSpec(
            "at",
            "choice",
            "where the arrow starts",
            required=True,
            choices=LANDMARKS,
            example="hips",
        ),
        FieldSpec("toward", "choice", "the movement", required=True, choices=DIRECTIONS),
    ),
    inline=True,
)
FIGURE_NAMES = (*POSES, *BASES, *ANATOMY)
FIGURE = ObjectSpec(
    "Figures",
    (
        FieldSpec(
            "pose",
            "choice",
            "a built-in pose or base posture",
            "the figure to start from; give `pose` or `anatomy`",
            choices=(*POSES, *BASES),
            example="pigeon",
        ),
        FieldSpec(
            "anatomy",
            "choice",
            "a built-in anatomy plate",
            "instead of `pose`; only `caption` and `alt` go with it",
            choices=ANATOMY,
        ),
        FieldSpec(
            "side",
            "choice",
            "the body side nearest the viewer; left mirrors the picture",
            choices=("right", "left"),
            example="left",
        ),
        FieldSpec(
            "angles",
            "angles",
            "degrees to change, by body part and side",
            "degrees, only the ones you change: `trunk`, `back`, `head`, `twist`, and under "
            "`near` or `far` the limb angles (or `reach`); see the table of angles below",
            example={"head": 10},
        ),
        FieldSpec(
            "then",
            "angles",
            "a second phase, drawn faintly behind",
            "angles as under `angles` (no `reach`), for a movement's second phase",
            example={"back": -25},
        ),
        listing(
            "props",
            "props to draw",
            FieldSpec("", "choice", "a prop", choices=PROPS),
            "replaces the pose's own props",
            example=["mat"],
        ),
        listing(
            "emphasis",
            "regions to highlight",
            text("", "a region, or `far REGION`"),
            example=["hip-flexors"],
        ),
        mapping(
            "arrow",
            "an arrow showing the movement",
            ARROW,
            example={"at": "hips", "toward": "forward"},
        ),
        text("caption", "printed under the figure", example="Shift your hips forward."),
        text("alt", "what the figure shows, for screen readers", example="A kneeling person."),
        FieldSpec(
            "view",
            "choice",
            "where the body is seen from",
            "each pose has its clearest view; `front` shows movements out to the side",
            choices=VIEWS,
            example="front",
        ),
    ),
    one_of_required=("pose", "anatomy"),
)
FIGURE_FIELD = FieldSpec(
    "figure",
    "either",
    "a figure booklet draws",
    "instead of `image`; see *Figures*",
    forms=(
        FieldSpec("", "choice", "a built-in figure", choices=FIGURE_NAMES),
        mapping("", "a figure changed from a built-in one", FIGURE),
    ),
    example="pigeon",
)

# --- stretches ---------------------------------------------------------------------------

DOSAGE = (
    FieldSpec(
        "hold",
        "duration",
        "how long to hold: seconds or minutes",
        minimum=1,
        maximum=3600,
        pattern=vocabulary.DURATION_PATTERN,
        example="30 seconds",
    ),
    FieldSpec(
        "repeat",
        "whole",
        "how many times",
        'printed "10 times"',
        minimum=1,
        maximum=1000,
        example=10,
        counted=True,
    ),
    FieldSpec(
        "sets",
        "whole",
        "how many sets",
        'printed "2 sets"',
        minimum=1,
        maximum=100,
        counted=True,
    ),
    FieldSpec(
        "sides",
        "choice",
        "which side",
        'printed "Each side", "Left side", ...',
        choices=tuple(side.value for side in Sides),
        also=tuple(word for word in vocabulary.SIDE_WORDS if word not in set(Sides)),
        example="each",
    ),
    text("frequency", "how often", "free text, such as `Twice a day`", example="Twice a day"),
    FieldSpec(
        "rest",
        "duration",
        "rest between sets: seconds or minutes",
        'printed "Rest 60 seconds"',
        minimum=1,
        maximum=3600,
        pattern=vocabulary.DURATION_PATTERN,
        example="60 seconds",
    ),
    text(
        "tempo",
        "how fast to move",
        "one line, such as `3 s down, 1 s up`",
        max_length=MAX_DOSE_CHARS,
        example="3 s down, 1 s up",
    ),
    text(
        "load",
        "the weight or band to use",
        "one line: a weight (`2 kg`, `5 lb`) or an elastic band's colour or resistance "
        "(`red band`)",
        max_length=MAX_DOSE_CHARS,
        example="red band",
    ),
    text(
        "effort",
        "how hard it should feel, from 0 to 10",
        "a number from 0 to 10 (printed `5/10`), or one line of a rule such as `pain no "
        "higher than 3/10`; any rating written `N/10` must be from 0 to 10",
        max_length=MAX_DOSE_CHARS,
        example="pain no higher than 3/10",
    ),
    FieldSpec(
        "duration",
        "duration",
        "how long a timed exercise lasts: seconds or minutes",
        'for walking, cycling and the like; printed "10 minutes"',
        minimum=1,
        maximum=14400,
        pattern=vocabulary.DURATION_PATTERN,
        example="10 minutes",
    ),
    FieldSpec(
        "days",
        "whole",
        "days a week",
        'from 1 to 7; printed "5 days a week"',
        minimum=1,
        maximum=7,
        example=5,
        counted=True,
    ),
)
DOSAGE_NAMES = tuple(f.name for f in DOSAGE)
STRETCH = ObjectSpec(
    "Stretches",
    (
        text(
            "name",
            "the card's title",
            "also a contents entry and a bookmark",
            required=True,
            example="Knee-to-chest stretch",
        ),
        FieldSpec(
            "id",
            "id",
            "a name to use the stretch by",
            "default: the name in lower case with `-` between words; unique in the booklet",
            pattern=STRETCH_ID,
            example="knee-to-chest",
        ),
        IMAGE,
        FIGURE_FIELD,
        text("purpose", "one line under the name", "printed in italics"),
        listing(
            "steps",
            "the steps, in order",
            text("", "one step"),
            "printed numbered",
            required=True,
            min_items=1,
            example=["Lie on your back."],
        ),
        *DOSAGE,
        text(
            "caution",
            "printed in a caution box",
            "the box is red-marked; `**bold**` and `*italic*` work",
        ),
        FieldSpec(
            "video",
            "web address",
            "a video to watch",
            "printed as a link and a QR code",
            pattern=WEB_ADDRESS,
            example="https://example.org/video",
        ),
    ),
)
USE = ObjectSpec(
    "Using a library stretch",
    (
        text(
            "use",
            "the id of a stretch in a library file",
            "an unknown id is reported with the closest known one",
            required=True,
            example="knee-to-chest",
        ),
        *(replace(f, doc="replaces the library stretch's own value") for f in DOSAGE),
    ),
)

# --- sections and the quiz ---------------------------------------------------------------

CALLOUT = ObjectSpec(
    "Callouts",
    (
        FieldSpec(
            "kind",
            "choice",
            "the box's look",
            "each kind has its own icon and colours; warnings are red and framed",
            required=True,
            choices=tuple(kind.value for kind in CalloutKind),
            example="tip",
        ),
        markup("text", "the box's text", required=True, example="Breathe out slowly."),
    ),
)
SECTION = ObjectSpec(
    "Sections",
    (
        text(
            "title",
            "a heading, also listed on the contents page",
            "also a PDF bookmark",
            required=True,
            example="Why your back hurts",
        ),
        markup("body", "the section's text", example="Moving gently helps."),
        IMAGE,
        FIGURE_FIELD,
        listing(
            "callouts",
            "boxes that stand out",
            mapping("", "a box", CALLOUT),
            example=[{"kind": "tip", "text": "Breathe."}],
        ),
        listing(
            "stretches",
            "each stretch prints as a card",
            FieldSpec(
                "",
                "either",
                "a stretch, or one used from a library",
                forms=(
                    mapping("", "a stretch written out", STRETCH),
                    mapping("", "`use: ID`, a stretch from a library file", USE),
                ),
            ),
            "stretches and exercises; `- use: ID` takes one from a library",
        ),
        switch(
            "handout",
            "print this section in a patient's compact handout too",
            "a patient's one- or two-page handout prints the sections marked so (their text "
            "and callouts, without pictures) above the exercises; other sections print only "
            "in the full booklet",
            default=False,
        ),
    ),
)
QUESTION = ObjectSpec(
    "Questions",
    (
        text("question", "the question", required=True, example="Moving helps your back."),
        FieldSpec(
            "type",
            "choice",
            "the kind of question",
            "if given it must agree with the choices and answer",
            choices=tuple(kind.value for kind in QuestionKind),
        ),
        listing(
            "choices",
            "the choices to pick from",
            text("", "a choice", max_length=500),
            "each different",
            min_items=2,
            max_items=8,
            example=["Yes", "No"],
        ),
        FieldSpec(
            "answer",
            "answer",
            "true or false; one choice; a list of choices; or a model answer",
            "see the table of question kinds below",
            required=True,
            example="true",
        ),
        markup("explanation", "why, printed only in the answer key"),
        FieldSpec(
            "lines",
            "whole",
            "lines to write a short answer on",
            "short answers only",
            minimum=1,
            maximum=20,
            default="3",
            example=2,
        ),
        text(
            "section",
            "the title of the section this question checks",
            "exactly as written under `sections` (a near miss gets a suggestion). The answer "
            'key then says "See page N: TITLE"',
            example="Why your back hurts",
        ),
    ),
)
QUIZ = ObjectSpec(
    "The quiz",
    (
        text("title", "the quiz heading", default="Check your understanding"),
        markup("instructions", "printed under the heading"),
        listing(
            "questions",
            "the questions",
            mapping("", "a question", QUESTION),
            required=True,
            min_items=1,
            example=[{"question": "Moving helps.", "answer": "true"}],
        ),
    ),
)

# --- the content and library files ------------------------------------------------------

CONTENT = ObjectSpec(
    "The content file",
    (
        text(
            "title",
            "printed large on the cover",
            "also the PDF's title and the answer key's",
            required=True,
            max_length=200,
            example="Caring for Your Low Back",
        ),
        text(
            "subtitle",
            "under the title",
            "also the PDF's subject",
            max_length=300,
            example="Simple steps to ease pain",
        ),
        FieldSpec(
            "language",
            "language",
            "the language of the text (en, es, fr, ...)",
            "stored in the PDF for screen readers; a right-to-left "
            "language (`ar`, `he`, `fa`, `ur`...) sets the text from the right. The words "
            "booklet prints itself (Contents, Page N of M, Hold, True, Answer key...) follow "
            "it: built-in translations for `en`, `es`, `fr`, `de`, `pt`, `vi`, `zh`, `ar` and "
            "`ru` (by the primary subtag, so `pt-BR` gets `pt`); other languages print "
            "English labels, which a brand's `labels` can replace",
            pattern=LANGUAGE_TAG,
            default="en",
            example="pt-BR",
        ),
        path(
            "brand",
            "your clinic's logo, colours and contact details",
            "the brand file; `booklet build --brand FILE` overrides it. Without either, a "
            "neutral built-in brand is used",
            example="brand.yaml",
        ),
        listing(
            "library",
            "exercise library files",
            path("", "a library file of stretches", example="library.yaml"),
            "whose stretches the sections use by id; see *Exercise libraries*",
        ),
        FieldSpec(
            "reviewed",
            "date",
            "the date a clinician last checked the text",
            "printed on the back page",
            example="2026-11-01",
        ),
        listing(
            "sources",
            "where the facts come from, printed at the end",
            text("", "a reference"),
            "a numbered list on the back page",
            example=["A reference."],
        ),
        listing(
            "sections",
            "the booklet's sections",
            mapping("", "a section", SECTION),
            required=True,
            min_items=1,
        ),
        mapping("quiz", "printed after the sections, answers go in the key", QUIZ),
        switch(
            "exercise_log",
            "add a weekly tick-box log of the stretches",
            'adds "My exercise log" after the quiz: the days across, the stretches and their '
            "dosage down, a tick box per time a day and a row for the day's pain score from 0 "
            "to 10; `booklet build --exercise-log` turns it on too. Left out when the booklet "
            "has no stretches",
            default=False,
        ),
        switch(
            "questions_page",
            "add a lined 'My questions for my clinician' page",
            "after the quiz; `booklet build --questions-page` turns it on too",
            default=False,
        ),
    ),
)
LIBRARY = ObjectSpec(
    "Library files",
    (
        listing(
            "stretches",
            "the library's stretches, written as in a content file",
            mapping("", "a stretch", STRETCH),
            "ids are unique in each library and across the libraries one content file lists",
            required=True,
            min_items=1,
        ),
    ),
)

# --- the brand file ----------------------------------------------------------------------

FONT_FILES = ObjectSpec(
    "Font files",
    tuple(
        path(
            style,
            f"the {style.replace('_', ' ')} TrueType (.ttf) file",
            required=style == "regular",
            example=f"fonts/Body-{style}.ttf",
        )
        for style in FONT_STYLES
    ),
    documented=True,
)
FONT = FieldSpec(
    "",
    "either",
    "a built-in family: `Noto Sans` (the default), `Liberation Sans`, `Liberation Serif`, "
    "`Liberation Mono`, `DejaVu Sans`, or `Helvetica`, `Times`, `Courier` (printed with the "
    "Liberation family of the same widths)",
    forms=(
        text("", "a built-in family", example="Noto Sans"),
        mapping("", "TrueType files", FONT_FILES),
    ),
)
BRAND = ObjectSpec(
    "The brand file",
    (
        text(
            "organization",
            "printed on the cover and in the footer",
            "also the PDF's author; once, or per language (`{en: …, es: …}`)",
            required=True,
            per_language=True,
            example="Your Clinic Name",
        ),
        path(
            "logo",
            "the clinic's logo picture",
            "printed on the cover and the back page",
            example="images/logo.png",
        ),
        mapping(
            "colors",
            "the brand's colours",
            ObjectSpec(
                "Colours",
                (
                    FieldSpec(
                        "primary",
                        "colour",
                        "headings, cover and card headers",
                        "text in it is darkened if needed to stay readable on white",
                        example="#1F5F7A",
                    ),
                    FieldSpec(
                        "accent",
                        "colour",
                        "highlights in figures and rules",
                        "rules under headings and the cover's stripe",
                        example="navy",
                    ),
                ),
                inline=True,
            ),
        ),
        mapping(
            "fonts",
            "the brand's fonts",
            ObjectSpec(
                "Fonts",
                tuple(replace(FONT, name=role) for role in ("body", "heading")),
                inline=True,
            ),
        ),
        mapping(
            "page",
            "the page size and margin",
            ObjectSpec(
                "Page",
                (
                    FieldSpec(
                        "size",
                        "choice",
                        "the page size",
                        "`half-letter` is 5.5 × 8.5 in",  # noqa: RUF001
                        choices=tuple(PAGE_SIZES_PT),
                        default="letter",
                        example="a4",
                    ),
                    FieldSpec(
                        "margin",
                        "length",
                        "the space around the text",
                        "at most a quarter of the page's width",
                        minimum=6,
                        pattern=LENGTH,
                        default="18mm",
                        example="20mm",
                    ),
                ),
                inline=True,
            ),
        ),
        mapping(
            "contact",
            "printed on the back page",
            ObjectSpec(
                "Contact",
                (
                    text("phone", "the phone number", "also on the cover", example="555-0100"),
                    FieldSpec(
                        "email",
                        "email",
                        "the email address",
                        "printed as a link",
                        pattern=EMAIL,
                        example="front-desk@example.org",
                    ),
                    FieldSpec(
                        "website",
                        "website",
                        "the web site",
                        "printed as a link, and on the cover; without `https://` it gets it",
                        pattern=WEBSITE,
                        example="https://example.org",
                    ),
                    text(
                        "address",
                        "the postal address",
                        "once, or per language",
                        example="1 Main Street",
                        per_language=True,
                    ),
                ),
                inline=True,
            ),
        ),
        markup(
            "disclaimer",
            "printed in a box on the back page",
            "once, or per language (`{en: …, es: …}`)",
            example="For education.",
            per_language=True,
        ),
        FieldSpec(
            "reading_grade",
            "whole",
            "the reading grade `booklet check` aims for",
            "`booklet check --grade` overrides it",
            minimum=1,
            maximum=18,
            default="8",
            example=6,
        ),
        mapping(
            "labels",
            "the brand's own words for the labels booklet prints",
            ObjectSpec(
                "Labels",
                tuple(
                    text(name, "the words booklet prints here", example=getattr(Labels(), name))
                    for name in label_names()
                ),
                documented=False,
            ),
            "replaces the built-in text in every language; the names, their English words "
            "and the placeholders each keeps are under *Labels* below",
            example={"hold": "Hold for"},
        ),
        mapping(
            "print",
            "how to print every booklet of this brand",
            ObjectSpec(
                "Print",
                (
                    switch(
                        "large",
                        "large print: 18 pt text, one column",
                        "always build in large print, as `--large-print` does",
                        default=False,
                    ),
                    switch(
                        "grayscale",
                        "shades of gray only, for photocopying",
                        "always build in shades of gray, as `--grayscale` does",
                        default=False,
                    ),
                ),
                inline=True,
            ),
        ),
        mapping(
            "handout",
            "how a patient's handout prints",
            ObjectSpec(
                "Handout",
                (
                    FieldSpec(
                        "layout",
                        "choice",
                        "compact (one or two pages) or the full booklet",
                        "`compact`: a header band with the patient's name, the exercises as "
                        "compact cards, two to four a page; `booklet`: the whole booklet with "
                        "a cover and contents, as for every reader. `--layout` overrides it",
                        choices=HANDOUT_LAYOUTS,
                        default="compact",
                        example="booklet",
                    ),
                ),
                inline=True,
            ),
        ),
    ),
)

# --- patients and rosters ----------------------------------------------------------------

EXERCISE = ObjectSpec(
    "A patient's exercise",
    (
        text("id", "a stretch id of the booklet", required=True, example="knee-to-chest"),
        *(replace(f, doc="replaces the stretch's own value") for f in DOSAGE),
    ),
)
PATIENT = ObjectSpec(
    "Patient files",
    (
        text(
            "name",
            "the patient's name, printed on the cover",
            'one line; the cover says "Prepared for NAME by CLINICIAN on DATE", and so does '
            "every footer",
            required=True,
            max_length=200,
            example="Maria López",
        ),
        FieldSpec(
            "date",
            "date",
            "the date printed with the name",
            "default: the day of the build, so a rebuild on another day gives other bytes; "
            "write the date to rebuild the same file later",
            example="2026-11-20",
        ),
        text(
            "clinician",
            "who prepared the handout",
            "one line, in the same line as the name",
            max_length=200,
            example="Sam Okafor, PT",
        ),
        listing(
            "exercises",
            "the stretches to print, in order",
            FieldSpec(
                "",
                "either",
                "a stretch id, or an id with its own dosage",
                forms=(
                    text("", "a stretch id of the booklet"),
                    mapping("", "an id with its own dosage", EXERCISE),
                ),
            ),
            "each at most once; default every stretch. An unknown id is reported with the "
            "closest one",
            min_items=1,
            example=["knee-to-chest"],
        ),
        markup(
            "notes",
            "notes from the clinician",
            "printed in a framed box under the header of a compact handout (under the "
            "table of contents of a booklet)",
            example="Start with the **bridge**.",
        ),
        switch(
            "quiz",
            "print the quiz",
            "a compact handout prints the quiz only with `quiz: true`; a booklet handout "
            "prints it unless `quiz: false`",
            default=False,
        ),
        switch(
            "chart",
            "add a two-week tracking chart",
            "a chart of this patient's exercises with their dosage, a tick box a day for "
            "two weeks and a row for the day's pain score; `--chart` turns it on too",
            default=False,
        ),
    ),
)
ROW = ObjectSpec(
    "Roster rows",
    (
        *PATIENT.fields,
        text(
            "file",
            "the handout's file name, without .pdf",
            "kept to ASCII letters, digits, `-`, `_` and inner dots; default `<name>-<patient>`",
            example="smith-j",
        ),
    ),
)

# The kinds of file and the shape of each; a roster is a list of ROW.
FILE_KINDS: dict[str, ObjectSpec] = {
    "content": CONTENT,
    "brand": BRAND,
    "library": LIBRARY,
    "patient": PATIENT,
    "roster": ROW,
}
