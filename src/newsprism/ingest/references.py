"""The numbered reference list some articles end with ("[1] Outlet. (2025, August 1). Title. Retrieved from URL").

Parsed into ``Reference`` objects, with their span in ``Article.text``, so a
later stage can test a reference's date against the events it is cited for:
fabricated references are a tell of machine-written articles.
"""

from __future__ import annotations

import re

from newsprism.ingest.published import parse_date
from newsprism.model import Reference

_LINE = re.compile(r"^[ \t]*\[(?P<idx>\d{1,3})\][ \t]+(?P<body>\S.*)$", re.MULTILINE)
_URL = re.compile(r"https?://[^\s<>\"')\]]+")
# APA-like: "Outlet. (2025, August 1). Title. Retrieved from URL"
_APA = re.compile(r"^(?P<outlet>[^()]+?)\.?\s*\((?P<date>[^)]{4,40})\)\.?\s*(?P<title>.+?)\s*"
                  r"(?:(?:Retrieved from|Available at|Accessed at|URL:?)\s*)?(?:https?://\S+)?\s*$", re.IGNORECASE)
_YEAR_FIRST = re.compile(r"^\s*((?:19|20)\d\d),\s*(.+)$")


def _looks_like_citation(body: str) -> bool:
    return bool(_URL.search(body) or re.search(r"\((?:19|20)\d\d\b|\bRetrieved\b", body))


def _claimed_date(raw: str) -> str | None:
    """ISO date of "(2025, August 1)" / "(August 1, 2025)" / "(2025)"; year only when that is all it says."""
    m = _YEAR_FIRST.match(raw)
    text = f"{m.group(2)}, {m.group(1)}" if m else raw
    iso = parse_date(text)
    if iso:
        return iso
    year = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", raw)
    return year.group(1) if year else None


def find_references(text: str) -> list[Reference]:
    """Every "[N] citation" line of ``text`` that cites something (a URL, a dated source)."""
    refs = []
    for m in _LINE.finditer(text):
        body = m.group("body").rstrip()
        if not _looks_like_citation(body):
            continue
        url = _URL.search(body)
        line = m.group()
        ref = Reference(index=int(m.group("idx")), text=line.strip(), url=url.group().rstrip(".,") if url else None,
                        start=m.start() + len(line) - len(line.lstrip()), end=m.start() + len(line.rstrip()))
        apa = _APA.match(body)
        if apa:
            ref.outlet = apa.group("outlet").strip() or None
            ref.date = _claimed_date(apa.group("date"))
            ref.title = apa.group("title").strip().rstrip(".") or None
        refs.append(ref)
    return refs
