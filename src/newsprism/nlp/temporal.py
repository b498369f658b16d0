"""Temporal expressions resolved against the publication date, with precision and direction.

Expressions are found with spaCy's DATE/TIME entities plus our own patterns
(weekdays and relative phrases NER misses), never with dateparser's
``search_dates``, which glues neighbouring words into wrong dates. Each
expression is resolved here: weekdays by the tense of the verb they hang on
(a past-tense "on Friday" is the most recent Friday on or before
publication, "will meet on Friday" the next one), "next week" as a Monday to
Sunday window, a month and day without year to the year nearest publication
that agrees with the tense. dateparser only parses what our rules do not
know, one expression at a time, with RELATIVE_BASE set to publication.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

import dateparser
from spacy.tokens import Doc, Span, Token

from newsprism.model import TimeExpr

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# Verbs whose present tense announces a plan ("is scheduled for Friday").
_PLAN_LEMMAS = frozenset({"schedule", "expect", "plan", "set", "due", "slate", "intend", "prepare", "hope", "aim"})

# Names match ASCII-only under re.I (``(?a:...)``): Unicode case folding would let "Auguſt" or "Frıday" match
# and then miss the lower-cased lookup (a KeyError found by fuzz/fuzz_ingest.py).
_MONTH_RE = r"(?a:(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_WEEKDAY_RE = r"(?a:(?P<weekday>" + "|".join(WEEKDAYS) + r"))"
_UNIT_RE = r"(?P<unit>day|week|month|year)s?"

_FULL_DMY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I)
_FULL_MDY = re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})\b")
_MD = re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})(?!\d)", re.I)
_DM = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"(?!\s*,?\s*\d{4})\b", re.I)
_MONTH_YEAR = re.compile(r"\b" + _MONTH_RE + r",?\s+(?P<year>\d{4})\b", re.I)
_MONTH_ONLY = re.compile(r"\b(?:(?P<part>early|mid|late|end of|beginning of)[\s-]+)?" + _MONTH_RE + r"\b", re.I)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d{2})\b(?!s)")
_WEEKDAY_RELS = ("last", "next", "this", "coming", "past")
_WEEKDAY = re.compile(r"\b(?:(?P<rel>" + "|".join(_WEEKDAY_RELS) + r")\s+)?" + _WEEKDAY_RE + r"\b", re.I)
_UNIT_RELS = ("next", "last", "this", "past", "coming", "previous")
_RELATIVE_UNIT = re.compile(r"\b(?P<rel>" + "|".join(_UNIT_RELS) + r")\s+" + _UNIT_RE + r"\b", re.I)
_EDGES = ("earlier", "later", "early", "late", "end of", "beginning of")
_EDGE_THIS = re.compile(r"\b(?P<edge>" + "|".join(_EDGES) + r")\s+(?:this|the)\s+" + _UNIT_RE + r"\b", re.I)
_AGO = re.compile(r"\b(?P<n>\d+|(?a:" + "|".join(_NUMBER_WORDS) + r"))\s+" + _UNIT_RE + r"\s+(?P<dir>ago|earlier|from now)\b", re.I)
_DEICTIC = re.compile(r"\b(?P<word>today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening))\b", re.I)
_DURATION = re.compile(
    r"^(?:about |some |nearly |almost |more than |over |at least |the |a |another |up to |just )*"
    r"(?:\d+|" + "|".join(_NUMBER_WORDS) + r"|several|few|a few|many|\d+-|half an?|the past|the last|the next)"
    r"[\s-]+(?:more\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries?)(?:'? long)?$", re.I)

# Patterns that find expressions NER misses, each with the words its matches can begin with (lower
# case; _DIGIT: any word opening with an ASCII digit). Every pattern opens with \b and a word character,
# and wants a non-word character (space, dot, comma, hyphen, \b) after its first word, so a match begins
# where a word of these begins and takes in that whole word; _finder_matches tries each finder there only.
# NER spans are used as found.
_DIGIT = "0"
_FINDERS = ((_FULL_DMY, (_DIGIT,)), (_FULL_MDY, tuple(MONTHS)), (_ISO, (_DIGIT,)),
            (_EDGE_THIS, tuple(e.split()[0] for e in _EDGES)), (_RELATIVE_UNIT, _UNIT_RELS),
            (_AGO, (_DIGIT, *_NUMBER_WORDS)), (_DEICTIC, ("today", "tonight", "yesterday", "tomorrow", "this")),
            (_WEEKDAY, _WEEKDAY_RELS + WEEKDAYS), (_MD, tuple(MONTHS)), (_DM, (_DIGIT,)))
_WORD = re.compile(r"\w+")


def _finders_by_word() -> dict[str, tuple[int, ...]]:
    """First word -> the positions in _FINDERS of the finders whose matches may begin with it."""
    out: dict[str, tuple[int, ...]] = {}
    for k, (_, words) in enumerate(_FINDERS):
        for word in words:
            out[word] = (*out.get(word, ()), k)
    return out


_FINDERS_BY_WORD = _finders_by_word()
_EVERY_FINDER = tuple(range(len(_FINDERS)))


@dataclass(frozen=True)
class _Resolved:
    value: str | None
    precision: str
    window_end: str | None = None
    tense_bound: bool = True  # whether the tense picked the value (only for the direction fallback)


def extract_dates(doc: Doc, published: str | None, *, end: int | None = None,
                  text: str | None = None) -> list[TimeExpr]:
    """Return the temporal expressions of ``doc`` (up to ``end``), resolved against ``published``.

    With no publication date the expressions are kept with ``value`` None, so
    a reader still sees what the article says. ``text`` is ``doc.text`` when
    the caller has built it already (Doc rebuilds that string on every access).
    """
    full = doc.text if text is None else text
    limit = len(full) if end is None else end
    base = _parse_published(published)
    spans = _candidate_spans(doc, full[:limit])
    out: list[TimeExpr] = []
    for span in spans:
        text = span.text
        if _DURATION.match(text.strip()):
            continue  # "three hours", "10 days": a length of time, a quantity
        tense = _tense(span)
        resolved = resolve_expression(text, base, tense) if base else _rule_full(text, dt.date.min, tense)
        value = resolved.value if resolved else None
        precision = resolved.precision if resolved else ("time" if span.label_ == "TIME" else "unknown")
        if resolved is None and base is None:
            precision = _precision_hint(text, span)
        out.append(TimeExpr(start=span.start_char, end=span.end_char, text=text, value=value,
                            precision=precision,  # type: ignore[arg-type]
                            direction=_direction(value, base, tense),  # type: ignore[arg-type]
                            window_end=resolved.window_end if resolved else None))
    return out


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


def split_at_dash(span: Span) -> tuple[Span, Span | None]:
    """Cut an entity at a spaced dash: NER reads "May 19 - At least 12" (a dateline's date, then the
    story's first figure) as one DATE; no date expression holds a spaced dash."""
    m = _SPACED_DASH.search(span.text)
    if not m:
        return span, None
    doc = span.doc
    head = doc.char_span(span.start_char, span.start_char + m.start(), label=span.label_, alignment_mode="contract")
    tail = doc.char_span(span.start_char + m.end(), span.end_char, alignment_mode="contract")
    return (head if head is not None and len(head) else span), (tail if tail is not None and len(tail) else None)


def _candidate_spans(doc: Doc, text: str) -> list[Span]:
    """NER's DATE/TIME spans up to the end of ``text`` (a prefix of the doc's), then our finders' matches."""
    limit = len(text)
    spans: list[Span] = [split_at_dash(e)[0] for e in doc.ents
                         if e.label_ in ("DATE", "TIME") and e.end_char <= limit]
    taken = [(s.start_char, s.end_char) for s in spans]
    for (finder, _), matches in zip(_FINDERS, _finder_matches(text)):
        for m in matches:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            span = doc.char_span(m.start(), m.end(), label="DATE", alignment_mode="expand")
            if span is None:
                continue
            if finder is _MD and not _looks_like_date(span):
                continue
            taken.append((span.start_char, span.end_char))
            spans.append(span)
    spans.sort(key=lambda s: s.start_char)
    return spans


def _finder_matches(text: str) -> list[list[re.Match]]:
    """Per finder of _FINDERS: its matches in ``text``, the ones ``finditer`` gives.

    Why: a finder's ``finditer`` tries a match at every character (the
    patterns ignore case and open with a word boundary, so the regex engine
    cannot skip ahead), which cost most of the extractor. A match can begin only at a
    word listed with its finder, so one pass over the words collects where
    each finder may begin, and ``match`` there, left to right and past the
    previous match's end, finds the same matches. A word with a non-ASCII
    character may match a pattern's letters under Unicode case folding
    ("laſt"), so every finder is tried there.
    """
    starts: list[list[int]] = [[] for _ in _FINDERS]
    by_word = _FINDERS_BY_WORD
    for w in _WORD.finditer(text):
        word = w.group()
        if not word.isascii():
            found = _EVERY_FINDER
        elif word[0].isdigit():
            found = by_word[_DIGIT]
        else:
            found = by_word.get(word.lower(), ())
        for k in found:
            starts[k].append(w.start())
    out: list[list[re.Match]] = []
    for (finder, _), positions in zip(_FINDERS, starts):
        matches: list[re.Match] = []
        end = 0
        for pos in positions:
            if pos < end:
                continue  # inside the previous match: finditer resumes at its end
            m = finder.match(text, pos)  # \b still sees the character before pos
            if m:
                matches.append(m)
                end = m.end()
        out.append(matches)
    return out


def _looks_like_date(span: Span) -> bool:
    """"May 5" is a date, but "may" is also a verb: require a capitalised month token."""
    return span[0].text[:1].isupper()


# --------------------------------------------------------------------------- tense


def _tense(span: Span) -> str:
    """"past", "future" or "unknown": the tense of the verb the expression hangs on."""
    verb: Token | None = span.root
    while verb is not None and verb.pos_ not in ("VERB", "AUX"):
        if verb.head.i == verb.i:  # the root (Token objects are not identical across accesses)
            verb = None
            break
        verb = verb.head
    if verb is None:
        return "unknown"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if any(c.lower_ == "to" and c.tag_ == "TO" for c in aux):
        if verb.dep_ == "advcl" and verb.head.i != verb.i and _tense_of_token(verb.head) == "past":
            return "past"  # a purpose clause shares its action's time: "police fired to disperse them on Monday"
        return "future"  # "agreed to meet on Monday"
    if "would" in words and verb.dep_ in ("ccomp", "xcomp"):
        return "future"  # reported plans: "she said she would travel there on Wednesday"
    if verb.lemma_ in _PLAN_LEMMAS and verb.tag_ in ("VBN", "VBZ", "VBP", "VBG"):
        return "future"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return "future"  # "is meeting on Friday"
    if verb.tag_ == "VBD" or words & {"was", "were", "had", "did", "has", "have"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return "past"  # "talks held on Friday"
    if verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp", "advcl", "conj"):
        return _tense_of_token(verb.head)
    return "unknown"


def _tense_of_token(tok: Token) -> str:
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if words & {"will", "'ll", "shall"}:
        return "future"
    if tok.tag_ == "VBD":
        return "past"
    return "unknown"


def _direction(value: str | None, base: dt.date | None, tense: str) -> str:
    if value is None or base is None:
        return tense if tense != "unknown" else "unknown"
    start = value[:10]
    if len(start) == 10:
        day = dt.date.fromisoformat(start)
        return "past" if day < base else "future" if day > base else "present"
    stamp = base.isoformat()[: len(start)]
    return "past" if start < stamp else "future" if start > stamp else "present"


def _precision_hint(text: str, span: Span) -> str:
    if span.label_ == "TIME":
        return "time"
    for rx, prec in ((_FULL_DMY, "day"), (_FULL_MDY, "day"), (_MD, "day"), (_WEEKDAY, "day"),
                     (_RELATIVE_UNIT, "unknown"), (_MONTH_YEAR, "month"), (_YEAR, "year")):
        if rx.search(text):
            return prec
    return "unknown"


# --------------------------------------------------------------------------- resolution


def resolve_expression(text: str, base: dt.date, tense: str = "unknown") -> _Resolved | None:
    """Resolve one expression's ``text`` against publication day ``base`` given the verb's ``tense``."""
    try:
        for rule in (_rule_full, _rule_deictic, _rule_ago, _rule_edge_this, _rule_relative_unit, _rule_weekday,
                     _rule_month_day, _rule_month_year, _rule_month, _rule_year):
            found = rule(text, base, tense)
            if found is not None:
                return found
        return _rule_dateparser(text, base, tense)
    except (OverflowError, ValueError):
        return None  # "9999999 weeks ago" points outside the calendar: no date, not a crash


def _rule_full(text: str, base: dt.date, tense: str) -> _Resolved | None:
    for rx in (_FULL_DMY, _FULL_MDY):
        m = rx.search(text)
        if m:
            day = _safe_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
            return _Resolved(day.isoformat(), "day") if day else None
    m = _ISO.search(text)
    if m:
        day = _safe_date(int(m["year"]), int(m["mon"]), int(m["day"]))
        return _Resolved(day.isoformat(), "day") if day else None
    return None


def _rule_deictic(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _DEICTIC.search(text)
    if not m:
        return None
    word = m["word"].lower()
    shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
    return _Resolved((base + dt.timedelta(days=shift)).isoformat(), "day")


def _rule_ago(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _AGO.search(text)
    if not m:
        return None
    n = int(m["n"]) if m["n"].isdigit() else _NUMBER_WORDS[m["n"].lower()]
    sign = 1 if m["dir"].lower() == "from now" else -1
    unit = m["unit"].lower()
    if unit == "day":
        return _Resolved((base + dt.timedelta(days=sign * n)).isoformat(), "day")
    if unit == "week":
        return _Resolved((base + dt.timedelta(weeks=sign * n)).isoformat(), "week")
    if unit == "month":
        y, mo = _add_months(base.year, base.month, sign * n)
        return _Resolved(f"{y:04d}-{mo:02d}", "month")
    return _Resolved(f"{base.year + sign * n:04d}", "year")


def _rule_edge_this(text: str, base: dt.date, tense: str) -> _Resolved | None:
    """"earlier this year", "later this month": the current period."""
    m = _EDGE_THIS.search(text)
    if not m:
        return None
    return _period(base, m["unit"].lower(), 0)


def _rule_relative_unit(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _RELATIVE_UNIT.search(text)
    if not m:
        return None
    rel = m["rel"].lower()
    shift = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get(rel, 0)
    return _period(base, m["unit"].lower(), shift)


def _period(base: dt.date, unit: str, shift: int) -> _Resolved:
    if unit == "day":
        return _Resolved((base + dt.timedelta(days=shift)).isoformat(), "day")
    if unit == "week":
        monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=shift)
        return _Resolved(monday.isoformat(), "week", window_end=(monday + dt.timedelta(days=6)).isoformat())
    if unit == "month":
        y, mo = _add_months(base.year, base.month, shift)
        return _Resolved(f"{y:04d}-{mo:02d}", "month")
    return _Resolved(f"{base.year + shift:04d}", "year")


def _rule_weekday(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _WEEKDAY.search(text)
    if not m:
        return None
    return _Resolved(resolve_weekday(WEEKDAYS.index(m["weekday"].lower()), base, tense,
                                     (m["rel"] or "").lower()).isoformat(), "day")


def resolve_weekday(weekday: int, base: dt.date, tense: str, relative: str = "") -> dt.date:
    """The date of ``weekday`` (0=Monday) as an article published on ``base`` means it.

    Past tense: the most recent such day on or before ``base``; future tense
    or "next"/"coming": the next one on or after ``base``; "last"/"next" skip
    ``base`` itself. With no tense to go by ("before Friday" in a conditional)
    the nearer of the two, the past one on a tie.
    """
    if tense == "unknown" and not relative:
        before = base - dt.timedelta(days=(base.weekday() - weekday) % 7)
        after = base + dt.timedelta(days=(weekday - base.weekday()) % 7)
        return before if (base - before) <= (after - base) else after
    if relative in ("next", "coming") or (tense == "future" and relative != "last"):
        delta = (weekday - base.weekday()) % 7
        if delta == 0 and relative in ("next", "coming"):
            delta = 7
        return base + dt.timedelta(days=delta)
    delta = (base.weekday() - weekday) % 7
    if delta == 0 and relative in ("last", "past"):
        delta = 7
    return base - dt.timedelta(days=delta)


def _rule_month_day(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _MD.search(text) or _DM.search(text)
    if not m:
        return None
    day = nearest_year_date(MONTHS[m["month"].lower()], int(m["day"]), base, tense)
    return _Resolved(day.isoformat(), "day") if day else None


def nearest_year_date(month: int, day: int, base: dt.date, tense: str) -> dt.date | None:
    """Month and day without a year: the year putting it nearest ``base`` that agrees with ``tense``.

    "July 28" in an article of Aug 8, 2025 is 2025-07-28; "Dec. 30" said in
    the past tense on Jan 3 is the previous year's; "will meet on Jan. 5"
    written on Dec 28 is the next year's.
    """
    options = [d for d in (_safe_date(base.year + k, month, day) for k in (-1, 0, 1)) if d is not None]
    if not options:
        return None
    if tense == "past":
        agreeing = [d for d in options if d <= base]
    elif tense == "future":
        agreeing = [d for d in options if d >= base]
    else:
        agreeing = options
    return min(agreeing or options, key=lambda d: abs((d - base).days))


def _rule_month_year(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _MONTH_YEAR.search(text)
    if not m:
        return None
    return _Resolved(f"{int(m['year']):04d}-{MONTHS[m['month'].lower()]:02d}", "month")


def _rule_month(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _MONTH_ONLY.search(text)
    if not m or not m["month"][:1].isupper():
        return None
    month = MONTHS[m["month"].lower()]
    # a bare month in an unmarked sentence ("joined in January") is one that has begun
    first = nearest_year_date(month, 1, base.replace(day=1), "past" if tense == "unknown" else tense)
    if first is None:
        return None
    return _Resolved(f"{first.year:04d}-{month:02d}", "month")


def _rule_year(text: str, base: dt.date, tense: str) -> _Resolved | None:
    m = _YEAR.search(text)
    return _Resolved(m["year"], "year") if m else None


def warm_up_dateparser() -> None:
    """Make dateparser compile its patterns now: its first parse in a process costs 0.3-0.8 s.

    ``newsprism batch`` calls this in the process its workers fork from, so
    that they inherit the compiled patterns instead of each paying for them.
    """
    dateparser.date.DateDataParser(languages=["en"]).get_date_data("10:30 on 5/3/2019")


@functools.lru_cache(maxsize=4096)
def _rule_dateparser(text: str, base: dt.date, tense: str) -> _Resolved | None:
    """Anything our rules do not know, parsed as one expression by dateparser."""
    if not any(ch.isdigit() for ch in text):
        return None  # words alone ("recent years", "the weekend") are not dates dateparser gets right
    settings = {"RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
                "PREFER_DATES_FROM": "future" if tense == "future" else "past",
                "RETURN_TIME_AS_PERIOD": True}
    try:
        data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, OverflowError):  # dateparser raises these on odd numbers
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return _Resolved(f"{day.year:04d}", "year")
    if period == "month":
        return _Resolved(f"{day.year:04d}-{day.month:02d}", "month")
    if period == "time":
        return _Resolved(None, "time")  # a clock time names no day by itself
    return _Resolved(day.isoformat(), "day" if period == "day" else "week")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1
