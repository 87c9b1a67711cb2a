"""A reading Report -> the lines `booklet check` prints in a terminal."""

from __future__ import annotations

from booklet.literacy import pemat, readability
from booklet.literacy.assess import Report
from booklet.literacy.readability import Grade

TITLE_WIDTH = 44


def report_lines(report: Report, strict: bool) -> list[str]:
    lines = [f"{report.file}: reading check (target: grade {report.target} or lower)", ""]
    lines += grade_table(report)
    lines += ["", "PEMAT items a program can check:"]
    for item in pemat.ITEMS:
        if not report.checked(item):
            state = "n/a    "
        else:
            state = "met    " if report.met(item) else "NOT MET"
        lines.append(f"  {state}  {item.title}")
    if not report.wording_checked:
        lines += [
            "",
            f"Wording (passive voice, medical words, PEMAT wording) is checked for English only,"
            f" not for {report.language}: the PEMAT items marked n/a were not judged. Headings,"
            " summary (with the language's own summary headings) and captions were.",
        ]
    lines.append("")
    if not report.findings:
        lines.append("Nothing to fix.")
        return lines
    lines += [str(finding) for finding in report.findings]
    count = len(report.findings)
    verdict = "the check fails (--strict)" if strict else "advisory; --strict makes them fail"
    lines += ["", f"{count} finding{'s' if count != 1 else ''} ({verdict})."]
    return lines


def grade_table(report: Report) -> list[str]:
    if report.measured is None:
        return [
            f"No readability formula booklet has is made for {report.language}, so the "
            "reading grade is not measured; ask a reader of the language to check the text."
        ]
    formula = readability.own_formula(report.language)
    own = f" {'own':>6}" if formula else ""
    header = f"  {'section':<{TITLE_WIDTH}} {'line':>5} {'FK':>5} {'SMOG':>5} {'words':>6}{own}"
    rows = [header]
    for part in report.parts:
        title = shorten(part.title)
        line = str(part.line) if part.line is not None else ""
        rows.append(f"  {title:<{TITLE_WIDTH}} {line:>5} {grade_cells(part.grade)}")
    rows.append(f"  {'whole booklet':<{TITLE_WIDTH}} {'':>5} {grade_cells(report.whole)}")
    rows.append("")
    if formula:
        rows.append(
            f"own: {formula.name} ({formula.scale}), made for {report.language}. FK and SMOG "
            "are English formulas counting this language's syllables: a rough guide only."
        )
    elif report.measured != "en":
        rows.append(f"FK and SMOG are English formulas counting {report.language} syllables.")
    return rows if rows[-1] else rows[:-1]


def grade_cells(grade: Grade | None) -> str:
    if grade is None:
        return f"{'-':>5} {'-':>5} {0:>6}"
    smog = f"{grade.smog:.1f}" if grade.smog is not None else "-"
    own = f" {grade.own:>6.1f}" if grade.own is not None else ""
    return f"{grade.flesch_kincaid:>5.1f} {smog:>5} {grade.words:>6}{own}"


def shorten(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "\u2026"
