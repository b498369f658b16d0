"""Views of a Report shared by the Markdown, HTML and terminal renderers.

Every renderer must number articles the same way (a citation [3] means the
same article in the Markdown and the HTML), name outlets the same way, and
agree on which reports of an event only relay another source, so those
decisions live here once.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlsplit
from typing import Any

from newsprism.model import Report, ReportArticle, ReportStory, StoryEvent


def article_numbers(report: Report) -> dict[str, int]:
    """Citation number of each article: its 1-based place in ``report.articles``."""
    return {a.id: i for i, a in enumerate(report.articles, 1)}


def outlet_label(art: ReportArticle | None, fallback: str = "?") -> str:
    """The outlet's name, else its URL's host, else the file name of its source: what a reader knows it by."""
    if art is None:
        return fallback
    if art.outlet:
        return art.outlet
    if art.url and (host := urlsplit(art.url).hostname):
        return host.removeprefix("www.")
    return PurePath(art.source).name or art.id


def story_outlets(report: Report, story: ReportStory) -> list[tuple[str, list[str]]]:
    """The story's outlets in order of first appearance, each with its article ids."""
    cols: dict[str, list[str]] = {}
    for aid in story.article_ids:
        cols.setdefault(outlet_label(report.article(aid), aid), []).append(aid)
    return list(cols.items())


def relayed_sources(event: StoryEvent, report: Report) -> dict[str, str]:
    """Article id -> the upstream source it relays, for articles that only relay this event.

    The source reads "TASS → Kremlin" (TASS, citing the Kremlin) when the cross-check found a
    longer relay chain. An article relays an event when every evidence sentence it gives for the
    event is attributed to someone other than the outlet itself ("according
    to Coastal Wire"), or when the cross-check listed it under a relay.
    """
    out: dict[str, str] = {}
    for rel in event.relays:
        source = _relay_source(rel)
        chains = [c for c in rel.get("chains") or [] if isinstance(c, list) and len(c) > 1]
        if source and chains:
            source = " → ".join(str(x) for x in chains[0])
        for aid in _relay_articles(rel):
            if source:
                out.setdefault(aid, source)
    by_article: dict[str, list[str | None]] = {}
    for e in event.evidence:
        by_article.setdefault(e.article_id, []).append(e.attributed_to)
    for aid, sources in by_article.items():
        own = (outlet_label(report.article(aid), "") or "").lower()
        upstream = [s for s in sources if s and s.lower() != own]
        if upstream and len(upstream) == len(sources):
            out.setdefault(aid, upstream[0])
        elif len(upstream) < len(sources):
            out.pop(aid, None)
    return out


def _relay_source(rel: dict[str, Any]) -> str:
    for key in ("source", "upstream", "name"):
        if isinstance(rel.get(key), str):
            return rel[key]
    return ""


def _relay_articles(rel: dict[str, Any]) -> list[str]:
    for key in ("article_ids", "articles", "via"):
        if isinstance(rel.get(key), list):
            return [x for x in rel[key] if isinstance(x, str)]
    return []
