"""End-to-end throughput of `newsprism batch` against the bare spaCy pass on the same texts.

Corpus: the BASIL article bodies in ../shared/corpora/basil (read at run time,
written to a temporary JSONL file, never committed). Prints articles/s for:
bare spaCy (`nlp.pipe`, n_process = workers), batch --engine local, and batch
--engine dask with 1 and 2 workers; the ratio end-to-end / bare; peak RSS.

    .venv/bin/python benchmarks/bench_batch.py [--limit 210] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("NEWSPRISM_CORPORA", REPO.parent / "shared" / "corpora"))


def _basil_records(limit: int) -> list[dict]:
    files = sorted((CORPORA / "basil" / "articles").glob("*/*.json"))
    if not files:
        sys.exit(f"BASIL not found under {CORPORA}: set NEWSPRISM_CORPORA")
    out = []
    for f in files[:limit]:
        d = json.loads(f.read_text())
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", [])]
        out.append({"title": d.get("title"), "outlet": d.get("source"), "published": d.get("date"),
                    "text": "\n\n".join(paras), "url": f"https://basil.example/{f.stem}"})
    return out


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=210)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    recs = _basil_records(args.limit)
    words = sum(len(r["text"].split()) for r in recs)
    tmp = Path(tempfile.mkdtemp(prefix="np-bench-"))
    src = tmp / "basil.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    print(f"corpus: {len(recs)} BASIL articles, {words} words; machine: {os.cpu_count()} cores")

    from newsprism.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    t = time.perf_counter()
    for _ in nlp.pipe((r["text"] for r in recs), batch_size=32, n_process=args.workers):
        pass
    bare = time.perf_counter() - t
    print(f"bare spaCy pass (n_process={args.workers}): {len(recs) / bare:.1f} articles/s ({bare:.1f} s)")

    from newsprism.scale.batch import run_batch

    timings = {}
    for engine, workers in (("local", args.workers), ("dask", 1), ("dask", args.workers)):
        t = time.perf_counter()
        run_batch([str(src)], out_dir=tmp / f"{engine}-{workers}", workers=workers, engine=engine)
        el = time.perf_counter() - t
        timings[(engine, workers)] = el
        print(f"batch --engine {engine} --workers {workers}: {len(recs) / el:.1f} articles/s ({el:.1f} s)")
    el = timings[("local", args.workers)]
    print(f"end-to-end / bare spaCy: {el / bare:.2f}x")
    print(f"dask speed-up 1 -> {args.workers} workers: {timings[('dask', 1)] / timings[('dask', args.workers)]:.2f}x")
    print(f"peak RSS (largest process): {_peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
