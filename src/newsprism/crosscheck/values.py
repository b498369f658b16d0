"""Compare the values an event's slots take: dates, numbers, places, source names.

Alignment, corroboration and both kinds of contradiction ask the same
questions ("is 'at least 34' compatible with 40?", "is Aug 8 inside next
week?", "is 'the Kremlin' the same source as 'Kremlin'?"), so the answers
live in one place and give the same verdict everywhere.
"""

from __future__ import annotations

import calendar
import functools
import re
import unicodedata
from datetime import date

from newsprism.model import AnalyzedArticle, EventFrame, Quantity

# Relative tolerance for two "exact" figures to count as the same number:
# rounding in copy ("1,200" vs "1,210") should not read as a contradiction.
EXACT_TOLERANCE = 0.02
# Relative tolerance around an "about" figure; reporters round "about 40" from 36..44.
ABOUT_TOLERANCE = 0.15

Interval = tuple[date, date]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_interval(value: str | None, window_end: str | None = None) -> Interval | None:
    """Turn an ISO date (day, month or year precision) or a window into the days it covers."""
    if not value:
        return None
    m = _ISO.match(value.strip()[:10])
    if not m:
        return None
    year = int(m.group(1))
    try:
        if m.group(3):
            first = last = date(year, int(m.group(2)), int(m.group(3)))
        elif m.group(2):
            month = int(m.group(2))
            first = date(year, month, 1)
            last = date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    end = date_interval(window_end) if window_end else None
    if end and end[1] >= first:
        last = end[1]
    return first, last


def intervals_compatible(a: Interval | None, b: Interval | None) -> bool:
    """Equal, unknown, or one window containing the other: no contradiction."""
    if a is None or b is None:
        return True
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def is_day(interval: Interval | None) -> bool:
    return interval is not None and interval[0] == interval[1]


def frame_interval(article: AnalyzedArticle, frame: EventFrame) -> Interval | None:
    """The days a frame's date covers, widened to the window of the time expression it came from."""
    if not frame.date:
        return None
    window_end = None
    for t in article.dates:
        if t.window_end and t.value == frame.date and frame.start <= t.start and t.end <= frame.end:
            window_end = t.window_end
            break
    return date_interval(frame.date, window_end)


def number_range(q: Quantity) -> tuple[float, float]:
    """The values a reported figure allows, given its qualifier."""
    v = q.value
    if q.qualifier in ("at least", "more than"):
        return v, float("inf")
    if q.qualifier in ("up to", "less than"):
        return 0.0, v
    tol = ABOUT_TOLERANCE if q.qualifier == "about" else EXACT_TOLERANCE
    return v - abs(v) * tol, v + abs(v) * tol


def numbers_compatible(a: Quantity, b: Quantity) -> bool:
    lo1, hi1 = number_range(a)
    lo2, hi2 = number_range(b)
    return lo1 <= hi2 and lo2 <= hi1


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: the key under which spellings meet.

    Cached: a story's names and sources are folded again for every event and article.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").lower()
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


_SOURCE_NOISE = {"the", "a", "an", "s"}
_DOMAIN_SUFFIX = re.compile(r"^(?:https?://)?(?:www\.)?([^/]+?)\.(?:com|org|net|ir|ru|cn|in|co\.uk|co|info|news|tv)"
                            r"(?:/.*)?$")


@functools.lru_cache(maxsize=65536)
def source_key(name: str | None) -> str:
    """One key per source or outlet: 'the Kremlin' = 'Kremlin', 'aljazeera.com' = 'Al Jazeera'.

    Cached: a story's few outlets and sources are keyed again for every quote, event and article.
    """
    if not name:
        return ""
    name = name.strip()
    m = _DOMAIN_SUFFIX.match(name.lower())
    if m:
        name = m.group(1)
    return "".join(w for w in fold(name).split() if w not in _SOURCE_NOISE)


def place_tokens(place: str) -> set[str]:
    return {w for w in fold(place).split() if w not in _SOURCE_NOISE}


def places_compatible(a: str, b: str, containment: dict[str, set[str]]) -> bool:
    """Same place, or one inside the other ('Anchorage' in 'Anchorage, Alaska' or a learnt 'X, Y')."""
    ta, tb = place_tokens(a), place_tokens(b)
    if not ta or not tb or ta <= tb or tb <= ta:
        return True
    ka, kb = fold(a), fold(b)
    return kb in containment.get(ka, ()) or ka in containment.get(kb, ())


def learn_containment(places: list[str]) -> dict[str, set[str]]:
    """From 'Anchorage, Alaska' learn that Anchorage lies in Alaska (and in 'Anchorage, Alaska')."""
    inside: dict[str, set[str]] = {}
    for p in places:
        parts = [fold(x) for x in p.split(",") if fold(x)]
        for i, part in enumerate(parts):
            for outer in parts[i + 1:]:
                inside.setdefault(part, set()).add(outer)
            for other in parts:
                inside.setdefault(other, set()).add(fold(p))
    return inside
