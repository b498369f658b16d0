"""HTML pages: trafilatura finds the main text and the page's metadata.

Navigation, comments, footers and boilerplate are dropped by trafilatura's
main-content extraction; title, date, site name and canonical URL come from
the page's metadata (``<meta>``, JSON-LD, ``<link rel=canonical>``), so their
date basis is ``metadata``.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import trafilatura

from newsprism.errors import IngestError
from newsprism.ingest.build import make_article
from newsprism.model import Article

# Only the page's declared dates are used (fast mode, original publication
# date): htmldate's extensive search guesses from URLs and copyright lines,
# which would pass a guess off as metadata.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}

# Fewer words than this is not an article but what trafilatura falls back to
# on a page without one (menu labels, a cookie notice). The shortest wire
# briefs in the corpora run about 40 words; menus and notices under 15.
MIN_ARTICLE_WORDS = 20

_HTML_MARKERS = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)\b", re.IGNORECASE)
_CLOSED = re.compile(r"</(?:html|body)\s*>\s*$", re.IGNORECASE)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_MARKERS.search(text[:4096]))


def read_html(html: str, source: str, *, url: str | None = None, fmt: str = "html") -> Article:
    """Extract the article of one HTML page.

    Raises:
        IngestError: no article text could be found (an empty or index page,
            or a page cut off before its body).
    """
    if not looks_like_html(html):
        raise IngestError(source, "not an HTML page")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, date_extraction_params=_DATE_PARAMS)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        reason = "no article text found in the HTML"
        if not _CLOSED.search(html.strip()):
            reason += " (the page looks truncated)"
        raise IngestError(source, reason)
    text = _drop_repeated_title(text, doc.title)
    page_url = doc.url or url
    outlet = doc.sitename or (urlparse(page_url).hostname if page_url else None) or doc.hostname
    if outlet and outlet.startswith("www."):
        outlet = outlet[4:]
    return make_article(text, source, title=doc.title, outlet=outlet, published=doc.date, basis="metadata",
                        url=page_url, byline=doc.author, fmt=fmt, language=doc.language)


def _drop_repeated_title(text: str, title: str | None) -> str:
    """Drop the page's headline when trafilatura kept it as the first line: it is metadata, as in text files."""
    first, _, rest = text.lstrip().partition("\n")
    if title and rest.strip() and " ".join(first.split()).casefold() == " ".join(title.split()).casefold():
        return rest
    return text
