"""Turn a reader's findings (body text plus whatever metadata its format carries) into an ``Article``.

Every reader ends here, so the body analysis all formats share lives in one
place: normalisation, the stable id, the dateline, the reference list and
the publication date with its basis.
"""

from __future__ import annotations

import re

from newsprism.errors import IngestError
from newsprism.ingest.dateline import find_dateline
from newsprism.ingest.decode import article_id, normalise_text
from newsprism.ingest.published import MONTHS, infer_from_text, parse_date
from newsprism.ingest.references import find_references
from newsprism.model import Article, PublishedBasis

_BLANK_RUN = re.compile(r"\n{3,}")
_MONTH_DAY = re.compile(r"(?P<month>[A-Za-z]+)\.?\s+(?P<day>[0-3]?\d)\b")


def clean_body(text: str) -> str:
    """Normalise, drop trailing spaces on each line and blank runs: the text every offset will index."""
    text = normalise_text(text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUN.sub("\n\n", text).strip("\n ")


def make_article(text: str, source: str, *, title: str | None = None, outlet: str | None = None,
                 published: str | None = None, basis: PublishedBasis = "metadata", url: str | None = None,
                 byline: str | None = None, fmt: str = "text", language: str | None = None) -> Article:
    """Build the Article for one body of text and its metadata.

    ``published`` is a date string from the format's metadata (or header,
    per ``basis``); when absent, the dateline or the text supplies one.

    Raises:
        IngestError: nothing is left of the body once cleaned.
    """
    body = clean_body(text)
    if not body:
        raise IngestError(source, "no article text found")
    dateline = find_dateline(body)
    refs = find_references(body)
    art = Article(id=article_id(body), source=source, text=body, outlet=_clean(outlet), title=_clean(title),
                  url=_clean(url), byline=_clean(byline), dateline=dateline.text if dateline else None,
                  references=refs, format=fmt, language=language or "en")
    iso = parse_date(published) if published else None
    if iso:
        art.published, art.published_basis = iso, basis
        return art
    masked = _mask(body, [(r.start, r.end) for r in refs])
    if dateline and dateline.date:
        full = parse_date(dateline.date)
        if full:
            art.published, art.published_basis = full, "dateline"
            return art
        md = _month_day(dateline.date)
        if md:
            art.published, art.published_basis = infer_from_text(masked, dateline=md)
            if art.published:
                return art
    art.published, art.published_basis = infer_from_text(masked)
    return art


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalise_text(str(value)).split())
    return value or None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank the given spans (same length, so offsets still hold): references are not the article's own dates."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _month_day(value: str) -> tuple[int, int] | None:
    m = _MONTH_DAY.search(value)
    if not m or m.group("month").lower() not in MONTHS:
        return None
    return MONTHS[m.group("month").lower()], int(m.group("day"))
