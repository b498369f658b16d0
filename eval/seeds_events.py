"""List every event the per-article analysis finds in the seed articles.

Runs the real ingest and analysis on ../shared/corpora/seeds and prints,
per article, each event frame with its type, PLOVER class, actors,
targets, date, place, status and attribution, so a reader can check that
the central events are there with the right dates.

    .venv/bin/python eval/seeds_events.py [--type phone_call,meeting]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsprism.ingest.sources import ingest_inputs
from newsprism.model import Article
from newsprism.nlp.analyze import analyze_articles

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "corpora" / "seeds"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--type", default="", help="comma-separated event types to show (default: all)")
    ap.add_argument("--seeds", default=str(SEEDS), help="folder of seed articles")
    args = ap.parse_args(argv)
    if not Path(args.seeds).is_dir():
        print(f"seed corpus not found at {args.seeds}", file=sys.stderr)
        return 2
    wanted = {t for t in args.type.split(",") if t}
    articles = [a for a in ingest_inputs([args.seeds]) if isinstance(a, Article)]
    total = 0
    for analysed in analyze_articles(articles):
        names = {e.id: e.name for e in analysed.entities}
        print(f"== {Path(analysed.article.source).name} (published {analysed.article.published})")
        for ev in analysed.events:
            if wanted and ev.type not in wanted:
                continue
            total += 1
            actors = ", ".join(names.get(i, i) for i in ev.actors) or "-"
            targets = ", ".join(names.get(i, i) for i in ev.targets) or "-"
            print(f"  {ev.type:13} {ev.plover or '-':10} {ev.status:10} date={ev.date or '-':10} "
                  f"actors=[{actors}] targets=[{targets}] place={ev.place or '-'} "
                  f"via={ev.attributed_to or '-'} | {ev.summary}")
    print(f"{total} events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
