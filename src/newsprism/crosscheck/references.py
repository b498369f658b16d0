"""Check an article's reference list against its own URLs and against the story.

Fabricated references are a tell of machine-written articles: a plausible
outlet, a plausible title, a date that looks right, a URL that looks real.
Offline, newsprism can still test what a reference claims against what it
can see:

- anachronism: the reference is dated before the story's own articles first
  report the event its title describes (a summit "to meet in Alaska" cited
  from days before any outlet in the story knew of the meeting), or after the
  citing article was published;
- URL anchors: a date in the URL path (/2025/08/02/, /2025/aug/04/) that
  disagrees with the claimed date; numeric ids of one site whose order
  contradicts the order of their claimed dates; a URL slug about something
  else than the title. A URL with no date and only an opaque id cannot be
  checked at all: that alone is no flag, but it is reported as unverifiable
  when the same list already holds a reference shown to be wrong.

Everything here is general: no outlet list, no knowledge of a site's id
scheme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from urllib.parse import urlparse

from newsprism.crosscheck.evidence_spans import sentences_of
from newsprism.crosscheck.loaded_terms import stem
from newsprism.model import AnalyzedArticle, Reference, StoryEvent

# A reference must precede the first report of its event by at least this many
# days to count as anachronistic: one day of slack covers time zones and a
# story whose first article came out a day after the news broke.
ANACHRONISM_MIN_GAP_DAYS = 2
# A title describes a report when they share this many content stems (names
# and the event's words, e.g. "summit", "meet", two actors).
TITLE_MATCH_MIN_STEMS = 3
# A URL date may differ from the claimed date by a day (time zones, late edits).
URL_DATE_TOLERANCE_DAYS = 1
# Numeric ids this long look like a site's sequential article ids.
SEQUENTIAL_ID_MIN_DIGITS = 6

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_URL_YMD = re.compile(r"/((?:19|20)\d\d)[/\-_]([a-z]{3}|\d{1,2})[/\-_](\d{1,2})(?=[/\-_.]|$)", re.IGNORECASE)
_URL_COMPACT = re.compile(r"/((?:19|20)\d\d)(\d\d)(\d\d)(?=[/\-_.]|$)")
_URL_YM = re.compile(r"/((?:19|20)\d\d)/(\d\d)(?=/)")
_NUM_ID = re.compile(r"(?<![\d/])(\d{%d,})(?=\D*$)" % SEQUENTIAL_ID_MIN_DIGITS)
_WORD = re.compile(r"[A-Za-z][A-Za-z']*")
_STOP = frozenset(
    "the a an of in on at to for from by with and or but not no as is are was were be been has have had "
    "that this it its their his her will would could may can after before over into about amid says said "
    "new news world politics europe us-canada index html htm www com article story".split())


@dataclass
class ReferenceIssue:
    """One problem found with one reference, explained."""

    reference: Reference
    kind: str  # "anachronistic_reference" or "unverifiable_reference"
    detail: str
    score: float


def _iso(value: str | None) -> date | None:
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def url_date(url: str) -> tuple[date, str] | None:
    """The date a URL path carries, with its precision ("day" or "month")."""
    path = urlparse(url).path
    for pattern in (_URL_YMD, _URL_COMPACT):
        m = pattern.search(path)
        if m:
            month = m.group(2).lower()
            mon = _MONTHS.get(month[:3]) if month.isalpha() else int(month)
            try:
                return date(int(m.group(1)), mon or 0, int(m.group(3))), "day"
            except ValueError:
                continue
    m = _URL_YM.search(path)
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), 1), "month"
    return None


@lru_cache(maxsize=1 << 16)
def content_stems(text: str) -> frozenset[str]:
    """Stems of the content words ("US-Russia summit" -> {"us", "russia", "summit"}).

    Cached: every reference of a story is matched against the same sentences.
    """
    text = re.sub(r"\b([A-Z])\.([A-Z])\.", r"\1\2", text)  # "U.S." -> "US"
    return frozenset(stem(w) for w in _WORD.findall(text.replace("-", " ")) if w.lower() not in _STOP and len(w) > 1)


def _ref_label(ref: Reference) -> str:
    return f"reference [{ref.index}]" if ref.index is not None else "a reference"


def _url_issues(refs: list[Reference]) -> list[ReferenceIssue]:
    """URL date against claimed date; the URL slug against the title."""
    issues = []
    for ref in refs:
        claimed = _iso(ref.date)
        if not ref.url:
            continue
        found = url_date(ref.url)
        if found and claimed:
            when, precision = found
            off = (claimed.year, claimed.month) != (when.year, when.month) if precision == "month" \
                else abs((claimed - when).days) > URL_DATE_TOLERANCE_DAYS
            if off:
                issues.append(ReferenceIssue(ref, "unverifiable_reference",
                                             f"{_ref_label(ref)} claims {ref.date} but its URL is dated "
                                             f"{when.isoformat()[:7 if precision == 'month' else 10]}", 0.9))
                continue
        slug = urlparse(ref.url).path.rstrip("/").rsplit("/", 1)[-1]
        slug_words = {stem(w) for w in re.findall(r"[a-z]{3,}", slug.lower().split(".")[0]) if w not in _STOP}
        if ref.title and len(slug_words) >= 3 and not slug_words & content_stems(ref.title):
            issues.append(ReferenceIssue(ref, "unverifiable_reference",
                                         f"{_ref_label(ref)}'s URL slug shares no word with its title", 0.7))
    return issues


def _id_order_issues(refs: list[Reference], others: list[Reference]) -> list[ReferenceIssue]:
    """Sequential ids of one site whose order contradicts their claimed dates."""

    def anchor(r: Reference) -> tuple[str, int, date] | None:
        m = _NUM_ID.search(urlparse(r.url or "").path)
        when = _iso(r.date)
        if not m or when is None:
            return None
        return urlparse(r.url or "").netloc.lower().removeprefix("www."), int(m.group(1)), when

    issues = []
    for ref in refs:
        mine = anchor(ref)
        if mine is None:
            continue
        for other in refs + others:
            theirs = anchor(other) if other is not ref else None
            if theirs is None or theirs[0] != mine[0] or theirs[2] == mine[2]:
                continue
            if (mine[1] < theirs[1]) != (mine[2] < theirs[2]):
                issues.append(ReferenceIssue(
                    ref, "unverifiable_reference",
                    f"{_ref_label(ref)} ({ref.date}, id {mine[1]}) and another {mine[0]} link "
                    f"({other.date}, id {theirs[1]}) have ids in the opposite order of their dates", 0.8))
                break
    return issues


def _article_label(analyzed: AnalyzedArticle) -> str:
    """How a detail names another article: its outlet or title, with its id."""
    name = analyzed.article.outlet or analyzed.article.title
    return f"{name!r}, {analyzed.id}" if name else analyzed.id


def _first_reports(ref: Reference, citing: AnalyzedArticle, events: list[StoryEvent],
                   articles: list[AnalyzedArticle]) -> tuple[date, str, str] | None:
    """The earliest dated report, in the story's other articles, of what the title describes.

    Returns (date, article id, what) for the best-matching story event; with
    no event matching, for the story sentences that match the title.
    """
    title = content_stems(ref.title or "")
    if len(title) < TITLE_MATCH_MIN_STEMS:
        return None
    by_id = {a.id: a for a in articles}
    best: tuple[int, date, str, str] | None = None
    for ev in events:
        hits = max((len(title & content_stems(e.sentence)) for e in ev.evidence), default=0)
        hits = max(hits, len(title & content_stems(ev.summary)))
        if hits < TITLE_MATCH_MIN_STEMS:
            continue
        dated = [(d, aid) for aid in ev.article_ids if aid != citing.id and aid in by_id
                 and (d := _iso(by_id[aid].article.published))]
        if dated and (best is None or hits > best[0]):
            d, aid = min(dated)
            best = (hits, d, _article_label(by_id[aid]), ev.summary or ev.type.replace("_", " "))
    if best:
        return best[1], best[2], best[3]
    dated_matches = []
    for other in articles:
        published = _iso(other.article.published)
        if other.id == citing.id or published is None:
            continue
        for sent in sentences_of(other):
            if len(title & content_stems(sent.text)) >= TITLE_MATCH_MIN_STEMS:
                dated_matches.append((published, _article_label(other), "what its title describes"))
                break
    return min(dated_matches) if dated_matches else None


def _anachronisms(citing: AnalyzedArticle, events: list[StoryEvent],
                  articles: list[AnalyzedArticle]) -> list[ReferenceIssue]:
    issues = []
    published = _iso(citing.article.published)
    for ref in citing.article.references:
        claimed = _iso(ref.date)
        if claimed is None:
            continue
        if published and (claimed - published).days > URL_DATE_TOLERANCE_DAYS:
            issues.append(ReferenceIssue(ref, "anachronistic_reference",
                                         f"{_ref_label(ref)} is dated {ref.date}, after the article itself "
                                         f"({citing.article.published})", 0.9))
            continue
        first = _first_reports(ref, citing, events, articles)
        if first is None:
            continue
        when, aid, what = first
        gap = (when - claimed).days
        if gap >= ANACHRONISM_MIN_GAP_DAYS:
            issues.append(ReferenceIssue(
                ref, "anachronistic_reference",
                f"{_ref_label(ref)} ('{ref.title}') is dated {ref.date}, {gap} days before the story's first "
                f"report of {what} (article {aid}, published {when.isoformat()})",
                round(min(1.0, 0.5 + 0.1 * gap), 2)))
    return issues


def check_references(citing: AnalyzedArticle, events: list[StoryEvent],
                     articles: list[AnalyzedArticle]) -> list[ReferenceIssue]:
    """Every anachronistic or unverifiable reference of ``citing``, explained."""
    refs = citing.article.references
    if not refs:
        return []
    others = [r for a in articles if a.id != citing.id for r in a.article.references]
    issues = _anachronisms(citing, events, articles) + _url_issues(refs) + _id_order_issues(refs, others)
    if issues:
        shown = {id(i.reference) for i in issues if i.kind == "unverifiable_reference"}
        for ref in refs:
            if id(ref) in shown or not ref.date:
                continue
            if ref.url and url_date(ref.url) is None:
                issues.append(ReferenceIssue(
                    ref, "unverifiable_reference",
                    f"{_ref_label(ref)}'s URL carries no date (at most an opaque id), so its claimed date "
                    f"{ref.date} cannot be checked, in a list already shown to hold wrong references", 0.5))
            elif not ref.url:
                issues.append(ReferenceIssue(
                    ref, "unverifiable_reference",
                    f"{_ref_label(ref)} gives no URL to check its claimed date {ref.date} against, "
                    f"in a list already shown to hold wrong references", 0.4))
    return issues
