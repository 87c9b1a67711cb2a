"""The words a writer types in a content file, per language -> what they mean: true and
false answers, the units of a hold, the sides of a stretch, how many times a day a
frequency asks for, and the headings that start a summary.

English words work in every language; the words of each built-in label language are
added to them. A word is known in the languages listed here only; a writer in another
language writes the English words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from booklet.model import Sides
from booklet.words import languages

# The words for true and for false, by primary language subtag. Only words that mean
# "true" or "false" as a quiz answer: "yes" and "no" stay short answers.
TRUE_FALSE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # ticks and crosses are read in every language
    "en": (("true", "√", "✓", "✔"), ("false", "×", "✗", "✘")),
    "es": (("verdadero", "cierto"), ("falso",)),
    "fr": (("vrai",), ("faux",)),
    "de": (("richtig", "wahr"), ("falsch",)),
    "pt": (("verdadeiro", "certo"), ("falso", "errado")),
    "vi": (("đúng",), ("sai",)),
    "zh": (("对", "正确", "對", "正確"), ("错", "错误", "錯", "錯誤")),
    "ar": (("صح", "صحيح", "صواب"), ("خطأ", "خاطئ", "خطا")),
    "ru": (("верно", "правда"), ("неверно", "неправда", "ложь")),
    "hi": (("सही", "सच"), ("गलत", "ग़लत", "झूठ")),
}

LANGUAGE_NAMES = {
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "pt": "Portuguese",
    "vi": "Vietnamese",
    "zh": "Chinese",
    "ar": "Arabic",
    "ru": "Russian",
    "hi": "Hindi",
}

# unit word (lower case, without a final full stop) -> seconds in one
DURATION_UNITS: dict[str, int] = {
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), 1),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), 60),
    **dict.fromkeys(("seg", "segs", "segundo", "segundos"), 1),  # es, pt
    **dict.fromkeys(("minuto", "minutos"), 60),  # es, pt
    **dict.fromkeys(("seconde", "secondes"), 1),  # fr
    **dict.fromkeys(("sek", "sekunde", "sekunden"), 1),  # de
    **dict.fromkeys(("minuten",), 60),  # de
    **dict.fromkeys(("giây",), 1),  # vi
    **dict.fromkeys(("phút",), 60),  # vi
    **dict.fromkeys(("秒", "秒钟", "秒鐘"), 1),  # zh
    **dict.fromkeys(("分", "分钟", "分鐘"), 60),  # zh
    **dict.fromkeys(("ثانية", "ثوان", "ثوانٍ", "ثواني", "ثانيه"), 1),  # ar
    **dict.fromkeys(("دقيقة", "دقائق", "دقيقه"), 60),  # ar
    **dict.fromkeys(("с", "сек", "секунда", "секунды", "секунд", "секунду"), 1),  # ru
    **dict.fromkeys(("мин", "минута", "минуты", "минут", "минуту"), 60),  # ru
    **dict.fromkeys(("सेकंड", "सेकेंड", "सेकण्ड"), 1),  # hi
    **dict.fromkeys(("मिनट",), 60),  # hi
}
DURATION = re.compile(r"^(\d+)\s*([^\d\s.][^\d]*?)?\.?$")
# the same, as a JSON Schema pattern for editors (which cannot ignore case)
DURATION_PATTERN = (
    r"^\d+\s*("
    + "|".join(sorted({u for unit in DURATION_UNITS for u in (unit, unit.capitalize())}))
    + r")?\.?$"
)

SIDE_WORDS: dict[str, Sides] = {
    **dict.fromkeys(("each", "each side"), Sides.EACH),
    **dict.fromkeys(("left", "left side"), Sides.LEFT),
    **dict.fromkeys(("right", "right side"), Sides.RIGHT),
    **dict.fromkeys(("both", "both sides"), Sides.BOTH),
    # es
    **dict.fromkeys(("cada", "cada lado", "a cada lado", "de cada lado"), Sides.EACH),
    **dict.fromkeys(("izquierdo", "izquierda", "lado izquierdo", "a la izquierda"), Sides.LEFT),
    **dict.fromkeys(("derecho", "derecha", "lado derecho", "a la derecha"), Sides.RIGHT),
    **dict.fromkeys(("ambos", "ambos lados", "los dos lados", "los dos"), Sides.BOTH),
    **dict.fromkeys(("cada pierna", "cada brazo"), Sides.EACH),
    # fr
    **dict.fromkeys(("chaque", "chaque côté", "de chaque côté", "chaque jambe"), Sides.EACH),
    **dict.fromkeys(("gauche", "côté gauche", "à gauche"), Sides.LEFT),
    **dict.fromkeys(("droit", "droite", "côté droit", "à droite"), Sides.RIGHT),
    **dict.fromkeys(("les deux", "les deux côtés", "deux côtés", "des deux côtés"), Sides.BOTH),
    # de
    **dict.fromkeys(("jede", "jede seite", "je seite", "pro seite"), Sides.EACH),
    **dict.fromkeys(("links", "linke seite"), Sides.LEFT),
    **dict.fromkeys(("rechts", "rechte seite"), Sides.RIGHT),
    **dict.fromkeys(("jedes bein",), Sides.EACH),
    **dict.fromkeys(
        (
            "beide",
            "beide seiten",
            "beidseitig",
            "beidseits",
            "links und rechts",
            "rechts und links",
        ),
        Sides.BOTH,
    ),
    # pt
    **dict.fromkeys(("esquerdo", "esquerda", "lado esquerdo"), Sides.LEFT),
    **dict.fromkeys(("direito", "direita", "lado direito"), Sides.RIGHT),
    **dict.fromkeys(("ambos os lados", "os dois lados"), Sides.BOTH),
    # vi
    **dict.fromkeys(("mỗi bên",), Sides.EACH),
    **dict.fromkeys(("trái", "bên trái"), Sides.LEFT),
    **dict.fromkeys(("phải", "bên phải"), Sides.RIGHT),
    **dict.fromkeys(("cả hai", "cả hai bên", "hai bên"), Sides.BOTH),
    # zh
    **dict.fromkeys(("每侧", "每边", "每一侧", "每側", "每邊", "每条腿", "左右各一次"), Sides.EACH),
    **dict.fromkeys(("左", "左侧", "左边", "左側", "左邊"), Sides.LEFT),
    **dict.fromkeys(("右", "右侧", "右边", "右側", "右邊"), Sides.RIGHT),
    **dict.fromkeys(("两侧", "双侧", "两边", "兩側", "雙側", "兩邊"), Sides.BOTH),
    # ar
    **dict.fromkeys(("كل جانب", "لكل جانب"), Sides.EACH),
    **dict.fromkeys(("الأيسر", "الجانب الأيسر", "يسار"), Sides.LEFT),
    **dict.fromkeys(("الأيمن", "الجانب الأيمن", "يمين"), Sides.RIGHT),
    **dict.fromkeys(("الجانبان", "الجانبين", "كلا الجانبين"), Sides.BOTH),
    # ru
    **dict.fromkeys(("каждая", "каждая сторона", "с каждой стороны"), Sides.EACH),
    **dict.fromkeys(("левая", "левая сторона", "слева"), Sides.LEFT),
    **dict.fromkeys(("правая", "правая сторона", "справа"), Sides.RIGHT),
    **dict.fromkeys(("обе", "обе стороны", "с обеих сторон"), Sides.BOTH),
    # hi
    **dict.fromkeys(("हर तरफ़", "हर तरफ", "हर ओर", "प्रत्येक तरफ"), Sides.EACH),
    **dict.fromkeys(("बायाँ", "बाएँ", "बाईं", "बाईं तरफ", "बाईं तरफ़", "बाईं ओर"), Sides.LEFT),
    **dict.fromkeys(("दायाँ", "दाएँ", "दाईं", "दाईं तरफ", "दाईं तरफ़", "दाईं ओर"), Sides.RIGHT),
    **dict.fromkeys(("दोनों", "दोनों तरफ", "दोनों तरफ़", "दोनों ओर"), Sides.BOTH),
}

# words that may follow the number of a repeat or a sets field ("3 fois", "2 Sätze")
COUNT_UNITS = {
    "repeat": frozenset(
        [
            "x",
            "×",
            "times",
            "time",
            "reps",
            "repetitions",
            "fois",
            "veces",
            "vez",
            "mal",
            "-mal",
            "vezes",
            "lần",
            "次",
            "遍",
            "раз",
            "раза",
            "مرات",
            "مرة",
            "बार",
        ]
    ),
    "sets": frozenset(
        [
            "x",
            "×",
            "sets",
            "set",
            "séries",
            "série",
            "series",
            "serie",
            "sätze",
            "satz",
            "hiệp",
            "组",
            "組",
            "подхода",
            "подходов",
            "подход",
            "مجموعات",
            "مجموعة",
            "सेट",
        ]
    ),
}
COUNT_UNITS["days"] = frozenset(
    [
        *("day", "days", "days a week", "days per week", "days/week", "x a week"),
        *("día", "días", "días a la semana", "días por semana", "dia", "dias", "dias por semana"),
        *("jour", "jours", "jours par semaine", "tag", "tage", "tage pro woche"),
        *("ngày", "ngày mỗi tuần", "ngày một tuần", "天", "天/周", "每周天"),
        *("يوم", "أيام", "أيام في الأسبوع", "день", "дня", "дней", "дней в неделю"),
        *("दिन", "दिन हर हफ़्ते", "दिन प्रति सप्ताह"),
    ]
)
COUNTED = re.compile(r"^(\d+)\s*(?:-\s*)?([^\d\s.][^\d]*?)?\.?$")

# number words a frequency may use, in every language listed
COUNT_WORDS = {
    **{"once": 1, "twice": 2, "thrice": 3, "one": 1, "two": 2, "three": 3, "four": 4},
    **{"una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4},  # es
    **{"une": 1, "deux": 2, "trois": 3, "quatre": 4},  # fr
    **{"ein": 1, "einmal": 1, "zwei": 2, "zweimal": 2, "drei": 3, "dreimal": 3, "vier": 4},
    **{"uma": 1, "duas": 2, "três": 3, "quatro": 4},  # pt
    **{"một": 1, "hai": 2, "ba": 3, "bốn": 4},  # vi
    **{"一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4},  # zh
    **{"مرة": 1, "مرتين": 2, "مرتان": 2, "ثلاث": 3, "أربع": 4},  # ar
    **{"один": 1, "два": 2, "дважды": 2, "три": 3, "трижды": 3, "четыре": 4},  # ru
    **{"एक": 1, "दो": 2, "तीन": 3, "चार": 4},  # hi
}
# a count, or a range of counts ("1-2", "1 à 2", "一到两"), whose upper end is taken
_N = (
    r"(?P<n>\d+|[^\s\d]+?)(?:(?:\s*(?:-|\u2013|~|到|至)\s*|\s+(?:to|or|à|ou|a|o|bis|oder)\s+)"
    r"(?P<m>\d+|[^\s\d]+?))?"
)
MORNING_AND_EVENING = re.compile(r"(?:[^\s-]+[\s-]+)+[^\s-]+|早晚", re.IGNORECASE)
# each pattern finds how many times a day in one language's usual phrasing
PER_DAY_PATTERNS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?P<n>once|twice|thrice)(?:\s+(?:a|per|each))?\s+day\b",
        rf"\b{_N}\s+times?(?:\s+(?:a|per|each))?\s+day\b",
        r"\b(?P<n>once|twice|thrice)\s+daily\b",
        rf"\b{_N}\s*(?:times?|x|×)\s*(?:daily|a\s+day|per\s+day|/\s*day)\b",
        rf"\b{_N}\s*(?:x|×)\s*(?:täglich|pro\s+tag|am\s+tag)",  # de
        rf"\b{_N}\s+veces\s+diarias\b",  # es
        # morning and evening: twice a day
        r"(?P<n>morning\s+and\s+evening|matin\s+et\s+soir|mañana\s+y\s+noche"
        r"|morgens\s+und\s+abends|manhã\s+e\s+noite|sáng\s+và\s+tối|早晚|утром\s+и\s+вечером"
        r"|सुबह[-\s]+शाम)",
        rf"\b{_N}\s+(?:vez|veces)\s+(?:al|por|cada|a el)\s+día\b",  # es
        rf"\b{_N}\s+fois\s+(?:par|chaque|/)\s*jour\b",  # fr
        rf"\b{_N}\s*[-\u2011]?\s*mal\s+(?:täglich|am\s+tag|pro\s+tag|jeden\s+tag)",  # de
        r"\b(?P<n>einmal|zweimal|dreimal)\s+(?:täglich|am\s+tag|pro\s+tag)",  # de
        rf"\b{_N}\s+(?:vez|vezes)\s+(?:ao|por|cada)\s+dia\b",  # pt
        rf"{_N}\s+lần\s*(?:/|mỗi|một|trong\s+một|trong)\s*ngày",  # vi
        rf"ngày\s+{_N}\s+lần",  # vi
        r"(?:每天|每日|一天|一日)\s*(?P<n>\d+|[一二两兩三四])(?:\s*[-~到至]\s*"
        r"(?P<m>\d+|[一二两兩三四]))?\s*次",  # zh
        rf"{_N}\s+(?:مرة|مرات)\s+(?:يوميا|يوميًا|يومياً|في\s+اليوم)",  # ar
        r"(?P<n>مرة|مرتين|مرتان)\s+(?:واحدة\s+)?(?:يوميا|يوميًا|يومياً|في\s+اليوم)",  # ar
        rf"{_N}\s+раза?\s+(?:в\s+день|в\s+сутки)",  # ru
        r"(?P<n>дважды|трижды)\s+(?:в\s+день|в\s+сутки)",  # ru
        rf"(?:दिन\s+में|रोज़|रोज|प्रतिदिन)\s+{_N}\s+बार",  # hi
    )
)

# the headings and bold lead-ins that start a summary of key points
SUMMARY_WORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "key points",
        "summary",
        "key messages",
        "main points",
        "remember",
        "in short",
        "at a glance",
        "takeaway",
        "takeaways",
        "take-away",
        "take-aways",
    ),
    "es": ("puntos clave", "resumen", "recuerde", "lo más importante", "en resumen"),
    "fr": ("à retenir", "points clés", "l’essentiel", "l'essentiel", "en résumé", "résumé"),
    "de": ("das wichtigste", "zusammenfassung", "merke", "kurz gesagt", "wichtig"),
    "pt": ("pontos-chave", "pontos principais", "resumo", "lembre-se", "em resumo"),
    "vi": ("những điểm chính", "điểm chính", "tóm tắt", "ghi nhớ"),
    "zh": ("要点", "重点", "总结", "小结", "请记住", "記住", "记住", "要點", "總結"),
    "ar": ("النقاط الرئيسية", "ملخص", "الخلاصة", "تذكر", "تذكّر"),
    "ru": ("главное", "основные моменты", "кратко", "запомните", "итоги", "коротко"),
    "hi": ("मुख्य बातें", "सारांश", "याद रखें", "मुख्य बिंदु"),
}


@dataclass(frozen=True)
class TrueFalseWord:
    """What a true/false word means and which languages write it."""

    value: bool
    languages: tuple[str, ...]


def true_false_word(text: str) -> TrueFalseWord | None:
    """'vrai' -> True in French; None for a word that is not true or false anywhere. A
    full stop or exclamation mark after the word is ignored ('Vrai.')."""
    wanted = text.strip().rstrip(".!。！").strip().lower()
    found: dict[bool, list[str]] = {}
    for language, (trues, falses) in TRUE_FALSE.items():
        for value, words in ((True, trues), (False, falses)):
            if wanted in words:
                found.setdefault(value, []).append(language)
    if len(found) != 1:
        return None
    ((value, where),) = found.items()
    return TrueFalseWord(value, tuple(where))


def true_false_in(text: str, language: str) -> bool | None:
    """True or False when `text` is a true/false word of English or of `language`."""
    word = true_false_word(text)
    if word is None or not {"en", languages.primary(language)} & set(word.languages):
        return None
    return word.value


def true_false_words(language: str) -> str:
    """'vrai or faux (or true or false)' for a message."""
    trues, falses = TRUE_FALSE.get(languages.primary(language), TRUE_FALSE["en"])
    said = f"{trues[0]} or {falses[0]}"
    return said if trues[0] == "true" else f"{said} (or true or false)"


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


def duration_seconds(text: str) -> int | None:
    """'30', '30 secondes', '2 Minuten', '30秒' -> seconds; None when it is not a duration."""
    match = DURATION.match(text.strip())
    if match is None:
        return None
    unit = (match.group(2) or "s").strip().lower().rstrip(".")
    per = DURATION_UNITS.get(unit)
    return None if per is None else int(match.group(1)) * per


def counted(text: str, field: str) -> int | None:
    """'3', '3 fois', '3-mal', '3次', '2 Sätze' -> the number; None when it is not one."""
    match = COUNTED.match(text.strip())
    if match is None:
        return None
    unit = (match.group(2) or "").strip().lower()
    if unit and unit not in COUNT_UNITS[field]:
        return None
    return int(match.group(1))


def side(text: str) -> Sides | None:
    """'chaque côté', 'links', '两侧' -> the sides; None when it names none."""
    wanted = " ".join(text.lower().split()).rstrip(".")
    return SIDE_WORDS.get(wanted)


def times_a_day(frequency: str | None) -> int:
    """How many boxes a day: 'twice a day', '3 fois par jour', '每天两次' -> 2, 3, 2;
    anything not about a day -> 1; at most 3."""
    for pattern in PER_DAY_PATTERNS:
        match = pattern.search(frequency or "")
        if match is None:
            continue
        upper = match.groupdict().get("m")
        count = (count_of(upper) if upper else None) or count_of(match.group("n"))
        if count is not None:
            return max(1, min(count, 3))
    return 1


def count_of(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if MORNING_AND_EVENING.fullmatch(text):
        return 2
    return COUNT_WORDS.get(text.lower())


def summary_words(language: str) -> tuple[str, ...]:
    """The summary headings of English and of `language`, the language's first."""
    own = SUMMARY_WORDS.get(languages.primary(language), ())
    return (*own, *SUMMARY_WORDS["en"])


def summary_example(language: str) -> str:
    """The heading a message suggests: 'À retenir' in French, 'Key points' in English."""
    own = SUMMARY_WORDS.get(languages.primary(language))
    if own is None:
        return "Key points"
    first = own[0]
    return first[:1].upper() + first[1:]
