"""When an article was published, and on what basis we believe it.

Bases, strongest first (``Article.published_basis``):

- ``metadata``: a machine-readable field (HTML meta, feed entry, JSON/CSV column);
- ``header``: a date line in the article's header ("Publish Date : 08 August
  2025 - 22:25", a standalone "Aug 07, 2025" under the title);
- ``dateline``: the body's dateline ("Harwick, March 3 (Agency) -"), whose
  missing year comes from context;
- ``inferred``: no date is given, but the text reports events on explicit
  dates ("spoke by phone on Aug. 8"): a news report is published on or just
  after the latest date it reports in the past tense, so that date is used.

A date with no year takes it from full dates in the same text ("March 3,
2024"); failing that, from the publication dates of the other articles
ingested with it (``infer_missing_years``), and only when one lies within
``YEARLESS_WINDOW_DAYS`` of it. Bare years in the text ("since 1994", "in
2022") are never used: they mostly date background, not the news. When no
rule applies the date stays unknown (None) rather than guessed.
"""

from __future__ import annotations

import bisect

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

from newsprism.model import Article

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}
# ASCII-only case folding (``(?a:...)``): "Auguſt" must not match and then miss the MONTHS lookup (found by fuzzing).
_MONTH = r"(?a:(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "August 8", "Aug. 8, 2025", "8 August 2025", "8th of August": explicit calendar dates in running text.
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)
_DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?:,?\s+{_YEAR}\b)?", re.IGNORECASE)
# "13.03.2024", "13/03/2024 10:15": a header line that is only a numeric date.
_NUMERIC_DATE_LINE = re.compile(r"[0-3]?\d[./-][01]?\d[./-](?:19|20)\d\d(?:,?\s+\d\d?:\d\d(?::\d\d)?)?")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

# Words that put a sentence's date in the future (or make it a deadline or
# a plan), so it cannot bound the publication date from below.
_FUTURE_CUES = re.compile(
    r"\b(will|would|shall|scheduled|schedule|upcoming|next|planned|plans?|expected|expects|due|set to|"
    r"to be held|to take place|is to|are to|until|by the end|later this|forthcoming|slated)\b",
    re.IGNORECASE)
# After a date, only a modal marks it as future ("Aug. 15 will see ..."); "on Aug. 8 ahead of the
# summit" is still past.
_FUTURE_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}(will|would|shall|is expected|is scheduled|is set)\b", re.IGNORECASE)

# A year-less date is given the year of a sibling article's publication date
# only if that puts it within this many days of it: one month covers a news
# cycle (reports appear days after the events they date) without reaching
# into another year's same calendar day.
YEARLESS_WINDOW_DAYS = 31

# How many characters either side of a date (within its clause) are searched
# for a future cue: enough for "is scheduled to take place on", short enough
# that "spoke on Aug. 8, days before his expected meeting" stays past.
_CUE_WINDOW = 60
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?\s+(?=[A-Z\"\u201c])|\n")

_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"],
                        "RETURN_AS_TIMEZONE_AWARE": False}


@dataclass(frozen=True)
class DateMention:
    """An explicit calendar date in running text."""

    start: int
    end: int
    month: int
    day: int
    year: int | None
    future: bool  # its sentence speaks of a plan, a deadline or what will happen


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _iso(d: date) -> str:
    return d.isoformat()


def date_mentions(text: str) -> list[DateMention]:
    """Every explicit "Month D[, YYYY]" / "D Month [YYYY]" / ISO date in ``text``, in order."""
    found: dict[int, DateMention] = {}
    starts: list[int] = []  # sorted keys of ``found``: the overlap check is a bisection, not a scan
    for rx in (_MONTH_DAY, _DAY_MONTH, _ISO):
        for m in rx.finditer(text):
            word = m.group("month")
            month = int(word) if rx is _ISO else MONTHS[word.rstrip(".").lower()]
            year = int(m.group("year")) if m.group("year") else None
            if _valid(year or 2000, month, int(m.group("day"))) is None:
                continue
            # "May" as a modal verb ("may 5 ...") is not a month: demand a capital.
            if rx is not _ISO and word.lower() == "may" and not word[0].isupper():
                continue
            at = bisect.bisect_right(starts, m.start())
            if at and found[starts[at - 1]].end > m.start():
                continue  # starts inside a date already found
            if at < len(starts) and starts[at] < m.end():
                continue  # would swallow a date already found
            found[m.start()] = DateMention(m.start(), m.end(), month, int(m.group("day")), year,
                                           _in_future_clause(text, m.start(), m.end()))
            starts.insert(at, m.start())
    return [found[k] for k in sorted(found)]


def _in_future_clause(text: str, start: int, end: int) -> bool:
    """True when the clause around a date speaks of a plan, a deadline or what will happen."""
    before = _SENTENCE_END.split(text[max(0, start - _CUE_WINDOW):start])[-1]
    after = _SENTENCE_END.split(text[end:end + _CUE_WINDOW // 2])[0]
    return bool(_FUTURE_CUES.search(_CLAUSE_BREAK.split(before)[-1])
                or _FUTURE_AFTER.search(_CLAUSE_BREAK.split(after)[0]))


@lru_cache(maxsize=4096)
def parse_date(value: str, base: str | None = None) -> str | None:
    """Parse one date string ("08 August 2025 - 22:25", "2025-08-08T10:00Z") to ISO ``YYYY-MM-DD``.

    Common shapes are matched by regex (fast: a header per article); anything
    else goes to dateparser, with ``base`` as RELATIVE_BASE. Returns None when
    the string does not name a full date.
    """
    value = value.strip()
    if not value:
        return None
    for rx in (_ISO, _MONTH_DAY, _DAY_MONTH):
        m = rx.search(value)
        if m and m.group("year"):
            month = int(m.group("month")) if rx is _ISO else MONTHS[m.group("month").lower()]
            d = _valid(int(m.group("year")), month, int(m.group("day")))
            if d:
                return _iso(d)
    settings = dict(_DATEPARSER_SETTINGS)
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    try:
        parsed = dateparser.parse(value, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if parsed else None


def is_date_line(line: str) -> bool:
    """True for a line that is only a date ("Aug 07, 2025", "Friday 8 August 2025, 10:40 GMT")."""
    if len(line) > 60 or not any(ch.isdigit() for ch in line):
        return False
    stripped = re.sub(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d\d?:\d\d\b|\b(gmt|utc|[ap]\.?m\.?|ist|est|"
                      r"updated|published|[A-Z]{2,4}T)\b|[,|/\-–—:]", "", line, flags=re.IGNORECASE)
    if _NUMERIC_DATE_LINE.fullmatch(line.strip()):
        return True
    m = _MONTH_DAY.fullmatch(stripped.strip()) or _DAY_MONTH.fullmatch(stripped.strip()) or \
        _ISO.fullmatch(stripped.strip())
    return bool(m and m.group("year"))


def _text_years(mentions: Sequence[DateMention]) -> list[int]:
    return [m.year for m in mentions if m.year]


def infer_from_text(text: str, *, dateline: tuple[int, int] | None = None) -> tuple[str | None, str | None]:
    """A (date, basis) from the body alone: the dateline's date, else the latest past-tense explicit date.

    Year-less dates take the latest year of the full dates in the same text;
    when the text has none, (None, None) is returned and the batch pass
    ``infer_missing_years`` may supply the year.
    """
    mentions = date_mentions(text)
    years = _text_years(mentions)
    if dateline:
        if years:
            d = _valid(max(years), *dateline)
            if d:
                return _iso(d), "dateline"
        return None, None
    best = _latest_past(mentions, max(years) if years else None)
    return (_iso(best), "inferred") if best else (None, None)


def _latest_past(mentions: Sequence[DateMention], year: int | None) -> date | None:
    """The latest date reported in the past tense, year-less ones placed in ``year`` (None: skip them)."""
    dates = []
    for m in mentions:
        if m.future:
            continue
        y = m.year or year
        d = _valid(y, m.month, m.day) if y else None
        if d:
            dates.append(d)
    return max(dates) if dates else None


def yearless_candidate(article: Article) -> tuple[int, int, str] | None:
    """(month, day, basis) for an undated article whose only dates lack a year, else None."""
    if article.published:
        return None
    if article.dateline:
        m = _MONTH_DAY.search(article.dateline) or _DAY_MONTH.search(article.dateline)
        if m:
            return MONTHS[m.group("month").lower()], int(m.group("day")), "dateline"
    cited = [(r.start, r.end) for r in article.references]
    past = [m for m in date_mentions(article.text) if not m.future and m.year is None
            and not any(s <= m.start < e for s, e in cited)]
    if not past:
        return None
    latest = max(past, key=lambda m: (m.month, m.day))
    return latest.month, latest.day, "inferred"


def infer_missing_years(articles: Iterable[Article], known_dates: Iterable[str] = ()) -> int:
    """Date undated articles whose only dates lack a year, from the dates of their batch; return how many.

    The year is the one that puts the month-day within
    ``YEARLESS_WINDOW_DAYS`` of a publication date of another article in
    ``articles`` (or ``known_dates``), and is used only when exactly one
    year does: articles ingested together usually come from one news cycle,
    and an archive spanning years gets no year it cannot support.
    """
    arts = list(articles)
    refs = sorted({d for d in (*known_dates, *(a.published for a in arts if a.published)) if d})
    ref_dates = [date.fromisoformat(d[:10]) for d in refs if len(d) >= 10]
    if not ref_dates:
        return 0
    filled = 0
    for art in arts:
        cand = yearless_candidate(art)
        if cand is None:
            continue
        month, day, basis = cand
        nearest: dict[int, tuple[int, date]] = {}  # year -> (gap in days, date) within the window
        for ref in ref_dates:
            for year in (ref.year - 1, ref.year, ref.year + 1):
                d = _valid(year, month, day)
                gap = abs((d - ref).days) if d else YEARLESS_WINDOW_DAYS + 1
                if gap <= YEARLESS_WINDOW_DAYS and (year not in nearest or gap < nearest[year][0]):
                    nearest[year] = (gap, d)
        if len(nearest) == 1:  # two candidate years (an archive spanning years): ambiguous, no guess
            (_, d), = nearest.values()
            art.published, art.published_basis = _iso(d), basis  # type: ignore[assignment]
            filled += 1
    return filled
