"""The dateline that opens a news report: "HARWICK (Agency) -", "Harwick [Country], March 3 :",
"HARWICK, Country, March 3 -".

Kept in the body (it is part of what the outlet wrote, and offsets must
stay true to the text) but recorded on ``Article.dateline``: it says where
the report was filed and often when, and the agency in brackets is the
first upstream source of the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.ingest.published import MONTHS

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_PLACE = (r"(?P<place>[A-Z][A-Za-z.'\u2019\-]*(?:[ ][A-Z][A-Za-z.'\u2019\-]*){0,3}"
          r"(?:\s*\[[^\]\n]{2,40}\]|,\s*[A-Z][A-Za-z.'\u2019\-]*(?:[ ][A-Z][A-Za-z.'\u2019\-]*){0,2})?)")
_DASH = r"\s*(?:-|\u2013|\u2014|:)"
_AGENCY = r"\((?P<agency>[^()\n]{2,40})\)"

_PATTERNS = [
    # "Harwick [Country], March 3 :" / "HARWICK, March 3, 2024 (Agency) -"
    re.compile(rf"{_PLACE},\s*(?P<date>{_MONTH}\s+[0-3]?\d(?:,?\s+(?:19|20)\d\d)?)\s*(?:{_AGENCY})?{_DASH}",
               re.IGNORECASE),
    # "HARWICK (Agency) -"
    re.compile(rf"{_PLACE}\s*{_AGENCY}{_DASH}"),
    # "HARWICK -" / "NEW HARWICK, Country —": an all-capitals place then a dash
    re.compile(r"(?P<place>[A-Z][A-Z.'\-]+(?:[ ][A-Z][A-Z.'\-]+){0,3}(?:,\s*[A-Z][A-Za-z]+)?)\s*(?:-|\u2013|\u2014)\s"),
]


@dataclass(frozen=True)
class Dateline:
    text: str  # as written, e.g. "HARWICK (Agency) -"
    place: str
    date: str | None = None  # "March 3", as written
    agency: str | None = None


def find_dateline(body: str) -> Dateline | None:
    """The dateline at the very start of ``body``, if it has one."""
    head = body[:200]
    for rx in _PATTERNS:
        m = rx.match(head)
        if not m:
            continue
        place = m.group("place")
        # A place is a name: a capitalised run, not the first words of a sentence ("The Minister (left) -").
        if rx is not _PATTERNS[0] and not (place.isupper() or all(w[:1].isupper() for w in place.split())):
            continue
        if rx is _PATTERNS[1] and place.split()[0].lower() in {"the", "a", "an", "according"}:
            continue
        groups = m.groupdict()
        return Dateline(text=m.group().strip(), place=place.strip(), date=groups.get("date"),
                        agency=groups.get("agency"))
    return None
