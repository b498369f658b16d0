"""Plain-text articles: a header of loose metadata lines, then the body.

Copied or exported articles put their metadata on the first lines, in no
fixed order: the outlet or its domain ("harwick-post.example"), "News ID:
...", "Publish Date : 08 March 2024 - 10:15", the title, a byline, a
standalone date line ("Mar 07, 2024"). Those header lines are metadata, not
the article, so they are kept out of ``Article.text``; everything from the
first body line on is kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprism.ingest.build import make_article
from newsprism.ingest.dateline import find_dateline
from newsprism.ingest.published import is_date_line
from newsprism.model import Article

# A title is one line of at most this many characters and words: longer
# first lines are the lede (the seed without a title opens with a 300-char,
# two-sentence paragraph; headlines of the corpora run 40-140 chars).
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30

# Header lines are looked for among the first lines only.
_MAX_HEADER_LINES = 12

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<domain>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,})/?$",
                     re.IGNORECASE)
_META = re.compile(r"^(?P<key>news\s*id|article\s*id|story\s*id|id|category|section|tags?|keywords|source|outlet|"
                   r"publication|publisher|url|link|canonical|publish(?:ed)?(?:\s*(?:date|on|at))?|date|updated|"
                   r"last\s*updated|modified|posted(?:\s*on)?|author|byline|by|written\s*by|title|headline)"
                   r"\s*[:\uff1a]\s*(?P<value>.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten [Bb]y)\s+"
                     r"(?P<name>[A-Z][\w.'\u2019-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'\u2019-]*){0,8})"
                     r"\s*(?:[,|/\-\u2013\u2014]\s*.{0,60})?$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d\u2019]?\s+[A-Z\u201c\"]")

_DATE_KEYS = ("publish", "date", "updated", "modified", "posted")
_OUTLET_KEYS = ("source", "outlet", "publication", "publisher")


@dataclass
class _Header:
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    url: str | None = None


def read_text(text: str, source: str, *, fmt: str = "text") -> Article:
    """Read one plain-text article (already decoded and normalised).

    Raises:
        IngestError: the file holds a header but no body.
    """
    lines = text.split("\n")
    header = _Header()
    body_start = _parse_header(lines, header)
    body = "\n".join(lines[body_start:])
    return make_article(body, source, title=header.title, outlet=header.outlet, published=header.published,
                        basis="header", url=header.url, byline=header.byline, fmt=fmt)


def _parse_header(lines: list[str], header: _Header) -> int:
    """Fill ``header`` from the leading metadata lines; return the index of the first body line."""
    for i, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if i >= _MAX_HEADER_LINES or not _header_line(line, header, lines[i + 1:]):
            return i
    return len(lines)


def _header_line(line: str, header: _Header, rest: list[str]) -> bool:
    """Record ``line`` in ``header`` if it is header metadata; False means the body starts here."""
    m = _META.match(line)
    if m and len(line) <= MAX_TITLE_CHARS:
        key, value = m.group("key").lower(), m.group("value").strip()
        if key.startswith(_DATE_KEYS):
            header.published = header.published or value
        elif key.startswith(_OUTLET_KEYS):
            header.outlet = header.outlet or value
        elif key in {"url", "link", "canonical"}:
            header.url = header.url or value
        elif key in {"author", "byline", "by", "written by"}:
            header.byline = header.byline or value
        elif key in {"title", "headline"}:
            header.title = header.title or value
        return True
    domain = _DOMAIN.match(line)
    if domain and header.outlet is None and header.title is None:
        header.outlet = domain.group("domain").lower()
        return True
    if is_date_line(line):
        header.published = header.published or line
        return True
    byline = _BYLINE.match(line)
    if byline and len(line.split()) <= 12:
        header.byline = header.byline or byline.group("name").strip(" ,")
        return True
    if header.title is None and _title_like(line) and any(r.strip() for r in rest):
        header.title = line
        return True
    return False


def _title_like(line: str) -> bool:
    """One short line with no sentence break inside: a headline, not a lede paragraph."""
    return (len(line) <= MAX_TITLE_CHARS and len(line.split()) <= MAX_TITLE_WORDS
            and not _SENTENCE_BREAK.search(line) and find_dateline(line) is None)
