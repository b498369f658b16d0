"""RSS and Atom feeds: one article per entry that carries text (full content, else its summary).

Feeds are parsed by feedparser, which tolerates the broken XML real feeds
ship; a document in which it finds neither a feed element nor entries is
refused as "not a feed" instead of yielding nothing silently.
"""

from __future__ import annotations

import re

import time
from collections.abc import Iterator

import feedparser
import lxml.html

from newsprism.errors import IngestError
from newsprism.ingest.build import make_article
from newsprism.ingest.items import IngestFailure, Ingested
from newsprism.store import RawSource

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article"}
_DROP = {"script", "style", "nav", "footer", "aside", "figure", "iframe", "form"}


_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content): paragraphs kept, markup and scripts dropped."""
    # lxml refuses control characters anywhere it builds text (not only at parse time): drop them first
    fragment = _XML_INCOMPATIBLE.sub("", fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment
    for el in list(root.iter()):
        if el.tag in _DROP and el.getparent() is not None:
            el.drop_tree()
    parts: list[str] = []
    for el in root.iter():
        if el.tag in _BLOCKS:
            parts.append("\n\n")
        if el.text and el.tag not in _DROP:
            parts.append(el.text)
        if el is not root and el.tail:
            parts.append(el.tail)
    paragraphs = ("".join(parts)).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def looks_like_feed(head: str) -> bool:
    start = head[:2048].lower()
    return "<rss" in start or "<feed" in start or "<rdf:rdf" in start


def read_feed(data: bytes, source: str) -> Iterator[Ingested | IngestFailure]:
    """Every entry of an RSS/Atom document, as ``source#N``."""
    try:
        parsed = feedparser.parse(data)
    except (UnicodeError, ValueError) as exc:  # feedparser lets some malformed bytes escape (found by fuzz/fuzz_ingest.py)
        yield IngestFailure(source, f"not a readable RSS or Atom feed ({type(exc).__name__})")
        return
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield IngestFailure(source, "not an RSS or Atom feed" + (f" ({problem})" if problem else ""))
        return
    feed_title = parsed.feed.get("title")
    feed_link = parsed.feed.get("link")
    for n, entry in enumerate(parsed.entries):
        name = f"{source}#{n}"
        try:
            yield _entry(entry, name, feed_title, feed_link)
        except IngestError as exc:
            yield IngestFailure(exc.source, exc.reason)


def _entry(entry: feedparser.FeedParserDict, name: str, feed_title: str | None, feed_link: str | None) -> Ingested:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="") or entry.get("summary", "")
    text = html_to_text(html) if html else ""
    if not text.strip():
        raise IngestError(name, "feed entry has neither content nor summary")
    parsed_date = entry.get("published_parsed") or entry.get("updated_parsed")
    published = time.strftime("%Y-%m-%d", parsed_date) if parsed_date else entry.get("published")
    outlet = feed_title or _host(feed_link)
    art = make_article(text, name, title=entry.get("title"), outlet=outlet, published=published, basis="metadata",
                       url=entry.get("link"), byline=entry.get("author"), fmt="feed")
    return Ingested(art, RawSource(source=name, data=html, content_type="text/html"))


def _host(link: str | None) -> str | None:
    from urllib.parse import urlparse

    try:
        host = urlparse(link).hostname if link else None
    except ValueError:  # "https://vel]]>mora.example/": not a URL at all (found by fuzz/fuzz_ingest.py)
        return None
    return host[4:] if host and host.startswith("www.") else host
