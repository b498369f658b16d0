"""Event type and source-actor accuracy on the PLOVER gold standard records.

For each record of ../shared/corpora/plover_gsr/plover_gsr_dev.json the
sentence runs through the real per-article analysis; its main event (the
frame whose trigger is highest in the parse, the root's own frame first)
is compared with the gold: the PLOVER category (old names mapped:
DEMAND->REQUEST, DISAPPROVE->ACCUSE, FIGHT->ASSAULT) and the source actor
(the main event's actor names, or the words of its subject when no entity
was found, against the gold actorText by token overlap).

    .venv/bin/python eval/plover_events.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from newsprism.model import Article, EventFrame
from newsprism.nlp.analyze import analyze_articles
from newsprism.nlp.pipeline import load_pipeline

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO.parent / "shared" / "corpora" / "plover_gsr" / "plover_gsr_dev.json"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT"}
# Words that say nothing about who the actor is.
_STOP = {"the", "a", "an", "of", "in", "on", "and", "s", "'s", "its", "their", "his", "her"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(GOLD), help="PLOVER gold records (JSON list)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each miss")
    args = ap.parse_args(argv)
    if not Path(args.gold).is_file():
        print(f"PLOVER gold not found at {args.gold}", file=sys.stderr)
        return 2
    records = [r for r in json.loads(Path(args.gold).read_text(encoding="utf-8"))
               if r.get("text") and r.get("event") not in (None, "DOCUMENT")]
    articles = [Article(id=f"a-plover{i}", source=r["id"], text=r["text"].strip(" {}"), published=r.get("date"))
                for i, r in enumerate(records)]
    type_ok = actor_ok = actor_n = 0
    nlp = load_pipeline()
    for rec, analysed in zip(records, analyze_articles(articles), strict=True):
        gold_type = OLD_NAMES.get(rec["event"], rec["event"])
        main_ev = _main_event(analysed.events, nlp(analysed.article.text))
        names = {e.id: e.name for e in analysed.entities}
        got_type = main_ev.plover if main_ev else None
        type_ok += got_type == gold_type
        actor_text = _actor_text(main_ev, names)
        gold_actors = [s.get("actorText", "") for s in rec.get("source") or [] if s.get("actorText")]
        if gold_actors:
            actor_n += 1
            hit = any(_overlap(g, actor_text) for g in gold_actors)
            actor_ok += hit
        else:
            hit = True
        if args.verbose and (got_type != gold_type or not hit):
            print(f"- gold {gold_type:10} got {got_type or '-':10} actor gold={gold_actors} got={actor_text!r}"
                  f" | {rec['text'][:110]}")
    n = len(records)
    print(f"records: {n}  (with a source actor: {actor_n})")
    print(f"event type accuracy:   {type_ok / n:.3f}  ({type_ok}/{n})")
    print(f"source actor accuracy: {actor_ok / max(actor_n, 1):.3f}  ({actor_ok}/{actor_n})")
    return 0


def _main_event(events: list[EventFrame], doc) -> EventFrame | None:
    """The PLOVER-coded frame of the first sentence whose trigger is highest in the parse."""
    coded = [e for e in events if e.plover]
    if not coded:
        return events[0] if events else None
    first_sentence = min(e.start for e in coded)
    coded = [e for e in coded if e.start == first_sentence]

    def depth(ev: EventFrame) -> int:
        tok = next((t for t in doc if t.idx == ev.trigger_start), None)
        return len(list(tok.ancestors)) if tok is not None else 99

    return min(coded, key=lambda e: (depth(e), not e.actors, e.trigger_start))


def _actor_text(ev: EventFrame | None, names: dict[str, str]) -> str:
    if ev is None:
        return ""
    if ev.actors:
        return " ".join(names.get(a, "") for a in ev.actors)
    return ev.summary.split(ev.trigger)[0] if ev.trigger in ev.summary else ""


def _tokens(s: str) -> set[str]:
    return {t for t in re.findall(r"[a-z0-9]+", s.lower()) if t not in _STOP}


def _overlap(gold: str, got: str) -> bool:
    return bool(_tokens(gold) & _tokens(got))


if __name__ == "__main__":
    sys.exit(main())
