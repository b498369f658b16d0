"""The JSON line `newsprism extract` writes per article, in the report contract's shapes.

Entity references are resolved to ``{"id", "name"}`` pairs so that a line can
be read (and checked) on its own, without the story-level canonical ids.
"""

from __future__ import annotations

from typing import Any

from newsprism.model import AnalyzedArticle, EventFrame, to_plain


def extraction_record(a: AnalyzedArticle) -> dict[str, Any]:
    """Everything the per-article analysis found in ``a``, as one JSON-ready dict."""
    art = a.article
    return {
        "id": art.id,
        "source": art.source,
        "outlet": art.outlet,
        "title": art.title,
        "published": art.published,
        "analyzer": a.analyzer,
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
             "labels": [{"text": m.text, "start": m.start, "end": m.end} for m in e.labels],
             "mentions": [{"text": m.text, "start": m.start, "end": m.end, "kind": m.kind} for m in e.mentions]}
            for e in a.entities
        ],
        "events": [_event(a, ev) for ev in a.events],
        "dates": to_plain(a.dates),
        "quantities": to_plain(a.quantities),
        "quotes": to_plain(a.quotes),
        "attributions": to_plain(a.attributions),
        "sentences": len(a.sentences),
    }


def _event(a: AnalyzedArticle, ev: EventFrame) -> dict[str, Any]:
    def ref(eid: str) -> dict[str, str | None]:
        ent = a.entity(eid)
        return {"id": eid, "name": ent.name if ent else None}

    return {
        "id": ev.id, "type": ev.type, "plover": ev.plover, "summary": ev.summary,
        "trigger": ev.trigger,
        "actors": [ref(x) for x in ev.actors], "targets": [ref(x) for x in ev.targets],
        "date": ev.date, "date_text": ev.date_text, "place": ev.place, "status": ev.status,
        "quantities": to_plain(ev.quantities),
        "evidence": [{"article_id": a.id, "sentence": ev.sentence, "start": ev.start, "end": ev.end,
                      "attributed_to": ev.attributed_to}],
    }
