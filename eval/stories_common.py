"""Shared parts of the story-clustering evaluations: B-cubed scoring, analysis cache, the run loop.

Both corpora are scored the same way: every document clustered together (never
topic by topic), B-cubed precision, recall and F1 against the gold story of
each document. ``--split dev`` and ``--split test`` halve each corpus so that
the constants in newsprism.stories were set on one half and checked on the other.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsprism.model import AnalyzedArticle, Article  # noqa: E402
from newsprism.stories import cluster_stories  # noqa: E402


def corpora_dir() -> Path:
    env = os.environ.get("NEWSPRISM_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "corpora"


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of the clustering ``pred`` (item -> cluster) against ``gold``."""
    items = list(gold)
    pred_size = Counter(pred[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    both = Counter((pred[i], gold[i]) for i in items)
    p = sum(both[(pred[i], gold[i])] / pred_size[pred[i]] for i in items) / len(items)
    r = sum(both[(pred[i], gold[i])] / gold_size[gold[i]] for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def analyse(articles: list[Article], *, use_nlp: bool, cache: Path) -> list[AnalyzedArticle]:
    """Run the NLP analysis (cached in ``cache``), or wrap the bare articles with ``use_nlp=False``."""
    if not use_nlp:
        return [AnalyzedArticle(article=a) for a in articles]
    from newsprism.nlp import analyze_articles
    from newsprism.nlp.pipeline import analyzer_version

    # Only analyses of this analyser (model + ANALYSIS_REVISION) count: older ones are redone.
    version = analyzer_version()
    cached: dict[str, AnalyzedArticle] = {}
    stale = 0
    if cache.exists():
        for line in cache.read_text(encoding="utf-8").splitlines():
            a = AnalyzedArticle.from_dict(json.loads(line))
            if a.analyzer == version:
                cached[a.id] = a
            else:
                stale += 1
        if stale:  # keep the file to this analyser's lines
            cache.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in cached.values()),
                             encoding="utf-8")
    todo = [a for a in articles if a.id not in cached or cached[a.id].article.text != a.text]
    if todo:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("a", encoding="utf-8") as fh:
            for done in analyze_articles(todo):
                cached[done.id] = done
                fh.write(json.dumps(done.to_dict(), ensure_ascii=False) + "\n")
    return [cached[a.id] for a in articles]


def main(name: str, load: Callable[[Path, str], tuple[list[Article], dict[str, str]]]) -> None:
    """Parse the common options, cluster the corpus, print B-cubed P/R/F1 (and a threshold sweep)."""
    ap = argparse.ArgumentParser(description=f"B-cubed story clustering on {name}.")
    ap.add_argument("--corpora", type=Path, default=corpora_dir(), help="Folder holding the corpora.")
    ap.add_argument("--split", choices=["all", "dev", "test"], default="all", help="Which half to score.")
    ap.add_argument("--no-nlp", action="store_true", help="Text features only: skip the NLP analysis.")
    ap.add_argument("--sweep", action="store_true", help="Also print F1 over a range of join thresholds.")
    args = ap.parse_args()
    articles, gold = load(args.corpora, args.split)
    t0 = time.perf_counter()
    analysed = analyse(articles, use_nlp=not args.no_nlp, cache=REPO / "out" / f"stories_{name}_analyses.jsonl")
    t1 = time.perf_counter()
    _report(name, args, analysed, gold, f"analysis {t1 - t0:.1f}s")
    if args.sweep:
        import newsprism.stories.incremental as inc

        fixed = inc.JOIN_THRESHOLD
        for th in [0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45]:
            inc.JOIN_THRESHOLD = th
            _report(name, args, analysed, gold, f"threshold {th:.2f}")
        inc.JOIN_THRESHOLD = fixed


def _report(name: str, args: argparse.Namespace, analysed: list[AnalyzedArticle], gold: dict[str, str],
            note: str) -> None:
    t0 = time.perf_counter()
    stories = cluster_stories(analysed)
    secs = time.perf_counter() - t0
    pred = {aid: s.id for s in stories for aid in s.article_ids}
    p, r, f = bcubed(pred, gold)
    mode = "no-nlp" if args.no_nlp else "nlp"
    print(f"{name} split={args.split} {mode}: docs={len(gold)} gold={len(set(gold.values()))} "
          f"stories={len(stories)} B3 P={p:.3f} R={r:.3f} F1={f:.3f}  (cluster {secs:.2f}s; {note})")
