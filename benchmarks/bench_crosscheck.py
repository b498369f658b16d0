"""Cost of cross-checking one 50-article story against the per-article analysis of the same articles.

Story: the five seed articles, recombinations of their paragraphs (two seeds
interleaved, so that events, entities and sources overlap as in a story
many outlets cover) and BASIL articles to fill up to --size. The articles
are read at run time from ../shared/corpora and never committed. Each is
analysed once (timed), the story's entities are linked (timed apart), and
``crosscheck_story`` is run --repeat times (best time kept). The goal of
issue #5: cross-check < 10% of the analysis time.

    .venv/bin/python benchmarks/bench_crosscheck.py [--size 50] [--repeat 3] [--record]

--record writes the figures to benchmarks/results/crosscheck.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
CORPORA = Path(os.environ.get("NEWSPRISM_CORPORA", REPO.parent / "shared" / "corpora"))

from newsprism.crosscheck import crosscheck_story  # noqa: E402
from newsprism.model import Article, Story  # noqa: E402
from newsprism.nlp import analyze_articles, link_story_entities  # noqa: E402


def _article(text: str, source: str, outlet: str | None, published: str | None) -> Article:
    return Article(id="a-" + hashlib.sha1(text.encode()).hexdigest()[:16], source=source, text=text,
                   outlet=outlet, published=published)


def _story_articles(size: int) -> list[Article]:
    seeds = sorted((CORPORA / "seeds").glob("*.txt"))
    if not seeds:
        sys.exit(f"seed corpus not found under {CORPORA}: set NEWSPRISM_CORPORA")
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    out = [_article(t, p.name, f"seed-{i}", "2025-08-08") for i, (p, t) in enumerate(zip(seeds, texts))]
    paras = [[x for x in t.split("\n") if x.strip()] for t in texts]
    n_mix = min(size // 3, len(texts) * (len(texts) - 1))
    pairs = [(i, j) for i in range(len(texts)) for j in range(len(texts)) if i != j][:n_mix]
    for i, j in pairs:
        mixed = [p for pair in zip(paras[i], paras[j]) for p in pair]
        out.append(_article("\n".join(mixed), f"mix-{i}-{j}", f"mix-{i}", "2025-08-09"))
    for f in sorted((CORPORA / "basil" / "articles").glob("*/*.json"))[: max(0, size - len(out))]:
        d = json.loads(f.read_text())
        body = "\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", []))
        out.append(_article(body, f.name, d.get("source"), None))
    return out[:size]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=50, help="articles in the story")
    ap.add_argument("--repeat", type=int, default=3, help="cross-check runs (best kept)")
    ap.add_argument("--record", action="store_true", help="write benchmarks/results/crosscheck.json")
    args = ap.parse_args()
    articles = _story_articles(args.size)
    words = sum(a.words for a in articles)
    from newsprism.nlp.pipeline import load_pipeline

    load_pipeline()  # loading the model is a one-off per process, not per-article analysis
    t = time.perf_counter()
    analyzed = list(analyze_articles(articles))
    t_analyze = time.perf_counter() - t
    story = Story(id="s-bench", title="bench", article_ids=[a.id for a in analyzed])
    t = time.perf_counter()
    story.entities = link_story_entities(analyzed)
    t_link = time.perf_counter() - t
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        check = crosscheck_story(story, analyzed)
        best = min(best, time.perf_counter() - t)
    frames = sum(len(a.events) for a in analyzed)
    result = {
        "articles": len(analyzed), "words": words, "frames": frames, "entities": len(story.entities),
        "events": len(check.events), "conflicts": len(check.conflicts), "attributions": len(check.attributions),
        "analysis_s": round(t_analyze, 3), "link_entities_s": round(t_link, 3), "crosscheck_s": round(best, 4),
        "crosscheck_share": round(best / t_analyze, 4) if t_analyze else None,
        "crosscheck_and_link_share": round((best + t_link) / t_analyze, 4) if t_analyze else None,
        "cores": os.cpu_count(),
    }
    print(f"story: {result['articles']} articles, {words} words, {frames} frames, {result['entities']} entities")
    print(f"per-article analysis: {t_analyze:.2f} s")
    print(f"entity linking:       {t_link:.3f} s")
    print(f"crosscheck_story:     {best:.4f} s (best of {args.repeat}) -> "
          f"{result['events']} events, {result['conflicts']} conflicts, {result['attributions']} attributions")
    print(f"crosscheck / analysis = {result['crosscheck_share']:.2%} (goal < 10%); "
          f"with entity linking {result['crosscheck_and_link_share']:.2%}")
    if args.record:
        path = REPO / "benchmarks" / "results" / "crosscheck.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
