"""Benchmark the streaming story clusterer on 10k to 1M synthetic articles.

Synthetic stories recombine real sentences read at run time from
../shared/corpora (BASIL and ECB+; nothing is copied into the repository):
each story draws a pool of paragraphs, each made of three random sentences,
plus two invented names and a place, and each of its articles takes three
pool paragraphs, one unrelated paragraph, and names the story's actors and
place in each paragraph, as reports of one story do. Articles arrive in publication order at a
constant rate (``ARTICLES_PER_DAY``), as from feeds. The analysis stage is not
run: articles carry no entities, so the clusterer falls back on capitalised
words, which keeps the benchmark about clustering.

Each size runs in its own process, so the peak resident memory
(``ru_maxrss``) is that size's own. The script prints wall and CPU seconds
(generation of the synthetic text included), articles per CPU second, peak
memory, B-cubed F1 against the synthetic stories, and the log-log slope of CPU time against size (the scaling exponent; CPU time,
not wall time, because the development machine is shared).

Run: .venv/bin/python benchmarks/bench_cluster.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from newsprism.model import AnalyzedArticle, Article  # noqa: E402
from newsprism.stories.features import extract_features  # noqa: E402
from newsprism.stories.incremental import StoryClusterer  # noqa: E402

ARTICLES_PER_DAY = 400
POOL_PARAGRAPHS = 6
_SYLLABLES = ["ka", "lo", "mer", "vin", "sa", "dro", "tel", "nu", "bar", "ez", "qui", "ros", "dan", "ul", "fen"]
_TOKEN_RE = re.compile(r'<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>')


def _corpora() -> Path:
    env = os.environ.get("NEWSPRISM_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "corpora"


def _sentences(corpora: Path) -> list[str]:
    """Read sentences of at least 8 words from BASIL and ECB+."""
    out: list[str] = []
    for path in sorted((corpora / "basil" / "articles").glob("*/*.json")):
        for para in json.loads(path.read_text(encoding="utf-8")).get("body-paragraphs") or []:
            out.extend(s for s in para if len(s.split()) >= 8)
    for path in sorted((corpora / "ecbplus" / "ECB+").glob("*/*.xml")):
        sents: dict[str, list[str]] = {}
        for sent, tok in _TOKEN_RE.findall(path.read_text(encoding="utf-8")):
            sents.setdefault(sent, []).append(tok)
        out.extend(" ".join(toks) for toks in sents.values() if len(toks) >= 8)
    if not out:
        raise SystemExit(f"no corpus sentences found under {corpora}")
    return out


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()


def synthetic_stream(n: int, sentences: list[str], seed: int = 7) -> Iterator[tuple[AnalyzedArticle, int]]:
    """Yield ``n`` (article, gold story number) pairs in publication order."""
    rng = random.Random(seed)
    start = date(2030, 1, 1)
    open_stories: list[tuple[int, list[str], list[str], int]] = []  # (story, pool, names, articles left)
    story_count = 0
    for i in range(n):
        day = start + timedelta(days=i // ARTICLES_PER_DAY)
        if not open_stories or rng.random() < 0.2:
            pool = [" ".join(rng.sample(sentences, 3)) for _ in range(POOL_PARAGRAPHS)]
            names = [_name(rng), _name(rng), _name(rng)]
            open_stories.append((story_count, pool, names, 1 + int(rng.expovariate(1 / 4))))
            story_count += 1
        k = rng.randrange(min(len(open_stories), 50))
        story, pool, names, left = open_stories[-1 - k]
        body = [f"In {names[2]}, {rng.choice(names[:2])} was named. " + p for p in rng.sample(pool, 3)]
        text = "\n\n".join(body + [" ".join(rng.sample(sentences, 3))])
        art = Article(id=f"syn-{i:07d}", source="synthetic", text=text, title=f"{names[0]} {pool[0][:60]}",
                      published=day.isoformat())
        if left <= 1:
            open_stories.pop(-1 - k)
        else:
            open_stories[-1 - k] = (story, pool, names, left - 1)
        yield AnalyzedArticle(article=art), story


def run_one(n: int) -> dict[str, float]:
    """Cluster ``n`` synthetic articles; return seconds, peak memory and B-cubed F1."""
    sentences = _sentences(_corpora())
    clusterer = StoryClusterer()
    gold: dict[str, int] = {}
    t0, c0 = time.perf_counter(), time.process_time()
    for art, story in synthetic_stream(n, sentences):
        gold[art.id] = story
        clusterer.add(extract_features(art))
    clusterer.finish()
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024  # KiB -> GiB
    pred = {aid: s.seq for s in clusterer.stories for aid in s.article_ids}
    return {"n": n, "seconds": secs, "cpu_seconds": cpu, "peak_gib": peak, "stories": len(clusterer.stories),
            "f1": _bcubed_f1(pred, gold)}


def _bcubed_f1(pred: dict[str, int], gold: dict[str, int]) -> float:
    ps, gs = Counter(pred.values()), Counter(gold.values())
    both = Counter((pred[i], gold[i]) for i in gold)
    p = sum(both[(pred[i], gold[i])] / ps[pred[i]] for i in gold) / len(gold)
    r = sum(both[(pred[i], gold[i])] / gs[gold[i]] for i in gold) / len(gold)
    return 2 * p * r / (p + r)


def _slope(rows: list[dict[str, float]]) -> float:
    xs = [math.log(r["n"]) for r in rows]
    ys = [math.log(r["cpu_seconds"]) for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description="Time and memory of story clustering at scale.")
    ap.add_argument("--sizes", default="10000,100000,300000", help="Comma-separated article counts (1000000 for 1M).")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"n={n:>8}  wall {row['seconds']:8.1f}s  cpu {row['cpu_seconds']:8.1f}s  "
              f"{n / row['cpu_seconds']:6.0f} articles/cpu-s  peak {row['peak_gib']:.2f} GiB"
              f"  stories={row['stories']}  B3 F1={row['f1']:.3f}", flush=True)
    if len(rows) > 1:
        print(f"scaling exponent (log-log slope of CPU time): {_slope(rows):.3f}")


if __name__ == "__main__":
    main()
