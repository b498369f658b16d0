"""Article text as HTML with every evidence span marked, overlapping spans included.

A finding is only as good as the place a reader can check it, so every
evidence span becomes a ``<mark id=...>`` the findings link to. Spans from
different findings overlap (an event's sentence contains a conflict's
value); HTML elements must nest, so a span that crosses another's end is
split into pieces: the first piece carries the id, the others point back
to it with ``data-for``. Identical spans are one mark with all their kinds.
"""

from __future__ import annotations

import re
from html import escape

from newsprism.model import ReportStory

#: Kinds of finding a span can serve; each gets a CSS class ``hl-<kind>``.
KINDS = ("brief", "event", "conflict", "framing", "attribution", "flag")


def span_id(article_id: str, start: int, end: int) -> str:
    """The HTML id of an evidence span: stable, so links survive re-rendering."""
    return f"m-{_safe(article_id)}-{start}-{end}"


def article_anchor(article_id: str) -> str:
    """The HTML id of an article's text block."""
    return f"art-{_safe(article_id)}"


def story_spans(story: ReportStory, texts: dict[str, str]) -> dict[str, dict[tuple[int, int], set[str]]]:
    """Article id -> {(start, end): kinds} for every valid evidence span of the story's findings."""
    spans: dict[str, dict[tuple[int, int], set[str]]] = {}

    def add(aid: str, start: int, end: int, kind: str) -> None:
        if valid_span(texts, aid, start, end):
            spans.setdefault(aid, {}).setdefault((start, end), set()).add(kind)

    for s in story.summary:
        for e in s.evidence:
            add(e.article_id, e.start, e.end, "brief")
    for ev in story.events:
        for e in ev.evidence:
            add(e.article_id, e.start, e.end, "event")
    for c in story.conflicts:
        for v in c.values:
            for e in v.evidence:
                add(e.article_id, e.start, e.end, "conflict")
    for f in story.framing:
        for var in f.variants:
            for e in var.evidence:
                add(e.article_id, e.start, e.end, "framing")
    for a in story.attributions:
        add(a.article_id, a.start, a.end, "attribution")
    for fl in story.flags:
        for fe in fl.evidence:
            add(fl.article_id, fe.start, fe.end, "flag")
    return spans


def valid_span(texts: dict[str, str], article_id: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a non-empty span of the article's text."""
    text = texts.get(article_id)
    return text is not None and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def highlight(text: str, article_id: str, spans: dict[tuple[int, int], set[str]]) -> str:
    """``text`` escaped for HTML, each span wrapped in properly nested ``<mark>`` pieces."""
    ordered = sorted(spans, key=lambda se: (se[0], -se[1]))
    starts: dict[int, list[tuple[int, int]]] = {}
    for se in ordered:
        starts.setdefault(se[0], []).append(se)
    bounds = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
    out: list[str] = []
    stack: list[tuple[int, int]] = []
    for i, pos in enumerate(bounds):
        ending = [k for k, se in enumerate(stack) if se[1] == pos]
        if ending:
            reopen = [se for se in stack[ending[0]:] if se[1] != pos]
            out.append("</mark>" * (len(stack) - ending[0]))
            del stack[ending[0]:]
            for se in reopen:
                out.append(_open(article_id, se, spans[se], first=False))
                stack.append(se)
        for se in starts.get(pos, []):
            out.append(_open(article_id, se, spans[se], first=True))
            stack.append(se)
        if i + 1 < len(bounds):
            out.append(escape(text[pos:bounds[i + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _open(article_id: str, se: tuple[int, int], kinds: set[str], *, first: bool) -> str:
    classes = " ".join(["hl"] + [f"hl-{k}" for k in KINDS if k in kinds])
    sid = span_id(article_id, *se)
    attr = f'id="{sid}"' if first else f'data-for="{sid}"'
    return f'<mark {attr} class="{classes}">'


def _safe(value: str) -> str:
    """An id-safe form of an article id (ids are hashes, but sources may be anything)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value)
