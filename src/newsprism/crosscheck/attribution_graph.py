"""Who cites whom: each article's attributions, and the story's graph of sources.

The list answers "on whose word does this article report?"; the graph
answers "which upstream sources does the whole story rest on?": articles
point at the sources they cite, and a source points at the source it in
turn relays ("TASS, citing the Kremlin"). A reader sees at a glance that
four outlets are one Kremlin readout.
"""

from __future__ import annotations

import re
from typing import Any

from newsprism.crosscheck.values import source_key
from newsprism.model import AnalyzedArticle, Attribution, CrossCheck, StoryAttribution

# A source named only by a pronoun tells the reader nothing; without the
# entity it refers to, it is left out.
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|him|her|them|this|that|these|those|who|which)$", re.I)


def collect_attributions(articles: list[AnalyzedArticle]) -> list[StoryAttribution]:
    """One StoryAttribution per article, source and span; pronoun sources resolved to their entity.

    An entry of the article's reference list that names its outlet is a
    citation too ("[2] Harbour Gazette. (2031, May 2). ..."): the article rests
    on that outlet's word, so it is listed with the reference as its span.
    """
    out: list[StoryAttribution] = []
    seen: set[tuple[str, str, int, int]] = set()
    for article in articles:
        for ref in article.article.references:
            key = (article.id, source_key(ref.outlet), ref.start, ref.end)
            if ref.outlet and key not in seen:
                seen.add(key)
                out.append(StoryAttribution(article_id=article.id, source=ref.outlet, sentence=ref.text,
                                            start=ref.start, end=ref.end))
        for att in article.attributions:
            source = _source_name(article, att)
            if not source:
                continue
            key = (article.id, source_key(source), att.start, att.end)
            if key in seen:
                continue
            seen.add(key)
            chain = [c for c in att.chain if source_key(c) != source_key(source)]
            out.append(StoryAttribution(article_id=article.id, source=source, sentence=att.sentence,
                                        start=att.start, end=att.end, chain=chain))
            # "the report said, citing people familiar with the matter": the article rests on the
            # upstream sources too, each listed with the rest of the chain behind it
            for i, upstream in enumerate(chain):
                key = (article.id, source_key(upstream), att.start, att.end)
                if key not in seen:
                    seen.add(key)
                    out.append(StoryAttribution(article_id=article.id, source=upstream, sentence=att.sentence,
                                                start=att.start, end=att.end, chain=chain[i + 1:]))
    return out


def _source_name(article: AnalyzedArticle, att: Attribution) -> str | None:
    source = (att.source or "").strip()
    if source and not _PRONOUN.match(source):
        return source
    if att.source_entity:
        ent = article.entity(att.source_entity)
        if ent is not None:
            return ent.name
    return None


def attribution_graph(check: CrossCheck, articles: list[AnalyzedArticle] | None = None) -> dict[str, Any]:
    """Nodes (articles, sources) and edges (article -> source, source -> upstream) for the report and web.

    Sources are merged by their folded name ('the Kremlin' = 'Kremlin'); an
    edge carries how many attributions support it and their article ids.
    Passing ``articles`` labels article nodes with their outlet and title.
    """
    meta = {a.id: a.article for a in articles or []}
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def source_node(name: str) -> str:
        nid = "src:" + source_key(name)
        nodes.setdefault(nid, {"id": nid, "kind": "source", "label": name, "article_ids": []})
        return nid

    def edge(src: str, dst: str, kind: str, article_id: str) -> None:
        e = edges.setdefault((src, dst, kind), {"from": src, "to": dst, "kind": kind, "count": 0,
                                                "article_ids": []})
        e["count"] += 1
        if article_id not in e["article_ids"]:
            e["article_ids"].append(article_id)

    for att in check.attributions:
        art = meta.get(att.article_id)
        label = (art.outlet or art.title or att.article_id) if art else att.article_id
        nodes.setdefault(att.article_id, {"id": att.article_id, "kind": "article", "label": label,
                                          "outlet": art.outlet if art else None})
        nearest = source_node(att.source)
        if att.article_id not in nodes[nearest]["article_ids"]:
            nodes[nearest]["article_ids"].append(att.article_id)
        edge(att.article_id, nearest, "cites", att.article_id)
        previous = nearest
        for upstream in att.chain:
            nxt = source_node(upstream)
            if nxt != previous:
                edge(previous, nxt, "relays", att.article_id)
            previous = nxt
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}
