"""Political event coding on the PLOVER gold standard records: event type and source actor of each sentence.

Each record's sentence runs through newsprism's per-article analysis; its
main event is the PLOVER-coded frame of the first sentence whose trigger is
highest in the parse (the root's own frame first). Event type accuracy
compares that frame's PLOVER category with the gold (older names mapped:
DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT); a sentence with no
coded frame is a miss. Source actor accuracy, over records with a gold source
actor, counts a hit when the main event's actor names (or, without a linked
entity, the words before its trigger) share a content word with the gold
actorText. Split: by record id.

Baselines on the same records: the tune split's most frequent category for
every sentence (type), and the subject of the sentence's root verb as the
actor (its whole subtree, the 'say'-subject rule applied to any root).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from accuracy.context import Context
from accuracy.results import Figure
from accuracy.splits import hashed_split
from newsprism.model import AnalyzedArticle, Article, EventFrame

TASK, CORPUS = "events", "plover_gsr"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
# Words that say nothing about who the actor is.
_STOP = frozenset({"the", "a", "an", "of", "in", "on", "and", "s", "'s", "its", "their", "his", "her"})


def read_records(ctx: Context) -> list[dict[str, Any]]:
    path = ctx.corpora / "plover_gsr" / "plover_gsr_dev.json"
    if not path.is_file():
        raise FileNotFoundError(f"PLOVER gold not found at {path}")
    return [r for r in json.loads(path.read_text(encoding="utf-8"))
            if r.get("text") and r.get("event") not in (None, "DOCUMENT")]


def gold_type(rec: dict[str, Any]) -> str:
    return OLD_NAMES.get(rec["event"], rec["event"])


def gold_actors(rec: dict[str, Any]) -> list[str]:
    return [s.get("actorText", "") for s in rec.get("source") or [] if s.get("actorText")]


def main_event(events: list[EventFrame], doc) -> EventFrame | None:
    """The PLOVER-coded frame of the first sentence whose trigger is highest in the parse."""
    coded = [e for e in events if e.plover]
    if not coded:
        return events[0] if events else None
    first_sentence = min(e.start for e in coded)
    coded = [e for e in coded if e.start == first_sentence]
    by_idx = {t.idx: t for t in doc}

    def depth(ev: EventFrame) -> int:
        tok = by_idx.get(ev.trigger_start)
        return len(list(tok.ancestors)) if tok is not None else 99

    return min(coded, key=lambda e: (depth(e), not e.actors, e.trigger_start))


def actor_text(ev: EventFrame | None, analysed: AnalyzedArticle) -> str:
    if ev is None:
        return ""
    names = {e.id: e.name for e in analysed.entities}
    if ev.actors:
        return " ".join(names.get(a, "") for a in ev.actors)
    return ev.summary.split(ev.trigger)[0] if ev.trigger in ev.summary else ""


def root_subject(doc) -> str:
    """The baseline actor: the subject subtree of the first sentence's root."""
    for sent in doc.sents:
        for child in sent.root.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return " ".join(t.text for t in child.subtree)
        return ""
    return ""


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", s.lower()) if t not in _STOP}


def overlap(gold: str, got: str) -> bool:
    return bool(_tokens(gold) & _tokens(got))


def plover_gsr(ctx: Context) -> list[Figure]:
    from newsprism.nlp.pipeline import load_pipeline

    records = read_records(ctx)
    by_split = {s: [r for r in records if hashed_split("plover_gsr", r["id"]) == s] for s in ("check", "tune")}
    majority = Counter(gold_type(r) for r in by_split["tune"]).most_common(1)[0][0] if by_split["tune"] else None
    nlp = load_pipeline()
    figures: list[Figure] = []
    for split in ctx.wanted(by_split):
        recs = ctx.units(split, by_split[split])
        articles = [Article(id=f"a-plover-{r['id']}", source=r["id"], text=r["text"].strip(" {}"),
                            published=r.get("date")) for r in recs]
        analysed = ctx.cache.analyse(articles, ctx.progress, "PLOVER analysis")
        type_ok = base_type_ok = actor_ok = base_actor_ok = actor_n = 0
        docs = nlp.pipe(an.article.text for an in analysed)
        for rec, an, doc in zip(recs, analysed, docs, strict=True):
            ev = main_event(an.events, doc)
            type_ok += (ev.plover if ev else None) == gold_type(rec)
            base_type_ok += majority == gold_type(rec)
            golds = gold_actors(rec)
            if golds:
                actor_n += 1
                actor_ok += any(overlap(g, actor_text(ev, an)) for g in golds)
                base_actor_ok += any(overlap(g, root_subject(doc)) for g in golds)
        n = len(recs)
        base = ctx.sample is None
        figures.append(Figure(TASK, CORPUS, split, "event type accuracy", type_ok / n if n else None, n,
                              baseline="tune majority class" if base else None,
                              baseline_value=base_type_ok / n if base and n else None,
                              note=f"majority class: {majority}" if base else ""))
        figures.append(Figure(TASK, CORPUS, split, "source actor accuracy", actor_ok / actor_n if actor_n else None,
                              actor_n, baseline="root subject" if base else None,
                              baseline_value=base_actor_ok / actor_n if base and actor_n else None))
    return figures
