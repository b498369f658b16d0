"""End-to-end throughput of `newsprism batch` against the bare spaCy pass on the same texts.

Corpus: BASIL's 210 article bodies and ECB+'s 772 documents from
../shared/corpora (read at run time, written to a temporary JSONL file, never
committed): 982 news texts of 594 and about 370 words. ``--corpus basil``
takes BASIL alone, the longer texts.

Prints articles/s and words/s for:

- the bare spaCy pass as stock spaCy runs it (``spacy.load`` of the same
  model, ``nlp.pipe``, ``n_process`` = workers);
- the bare spaCy pass as newsprism loads the model (``load_pipeline``: the
  same components plus a sentence-start rule, matrix products through
  numpy's BLAS, the attribute ruler's matches looked up, lemmas
  remembered);
- ``batch --engine local`` and ``batch --engine dask`` with 1 and N workers;
- the bare pass as a program: a fresh process that loads the model, then
  parses (what a user pays for the bare pass; ``newsprism batch`` also
  loads the model before its first article, the in-process passes above
  start with it loaded);

then end to end / bare for every bare pass (wall time, and the machine's
busy CPU time: run it with nothing else running), the Dask speed-up and the
peak resident memory of the largest process. The development machine's
speed drifts by a fifth from one minute to the next, so ``--pairs N`` runs
newsprism's bare pass and the local batch back to back N times and prints
the median of the pairs' ratios; each pair's bare pass starts from a
freshly loaded pipeline, as each batch run does.

Every process runs one BLAS thread (set before numpy loads): each pass uses
one process per core, so more threads would only contend.

    .venv/bin/python benchmarks/bench_batch.py [--corpus all|basil] [--limit N] [--workers 2] [--pairs 3]
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import multiprocessing.forkserver  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from html import unescape  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPORA = Path(os.environ.get("NEWSPRISM_CORPORA", REPO.parent / "shared" / "corpora"))
_TOKEN_RE = re.compile(r'<token[^>]*\bsentence="(\d+)"[^>]*>([^<]*)</token>')


def _basil_records() -> list[dict]:
    files = sorted((CORPORA / "basil" / "articles").glob("*/*.json"))
    if not files:
        sys.exit(f"BASIL not found under {CORPORA}: set NEWSPRISM_CORPORA")
    out = []
    for f in files:
        d = json.loads(f.read_text())
        paras = [" ".join(p) if isinstance(p, list) else str(p) for p in d.get("body-paragraphs", [])]
        out.append({"title": d.get("title"), "outlet": d.get("source"), "published": d.get("date"),
                    "text": "\n\n".join(paras), "url": f"https://basil.example/{f.stem}"})
    return out


def _ecbplus_records() -> list[dict]:
    files = sorted((CORPORA / "ecbplus" / "ECB+").glob("*/*.xml"))
    if not files:
        sys.exit(f"ECB+ not found under {CORPORA}: set NEWSPRISM_CORPORA")
    out = []
    for f in files:
        sents: dict[int, list[str]] = {}
        for sent, tok in _TOKEN_RE.findall(f.read_text(encoding="utf-8")):
            sents.setdefault(int(sent), []).append(unescape(tok))
        text = "\n".join(" ".join(toks) for _, toks in sorted(sents.items()))
        out.append({"text": text, "url": f"https://ecbplus.example/{f.parent.name}/{f.stem}"})
    return out


def _peak_rss_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def _cpu() -> float:
    """Busy CPU seconds of the whole machine (Linux ``/proc/stat``), so run it on an otherwise idle machine.

    Machine-wide because the local pool's workers are children of its fork
    server, not of this process, and so escape ``getrusage``. Elsewhere:
    this process and its finished children.
    """
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
    user, nice, system, _idle, _iowait, irq, softirq = (int(x) for x in fields[:7])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _bare(nlp, texts: list[str], workers: int) -> tuple[float, float]:
    t, c = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, batch_size=32, n_process=workers):
        pass
    return time.perf_counter() - t, _cpu() - c


_BARE_PROGRAM = """
import json, sys
from newsprism.nlp.pipeline import load_pipeline
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
for _ in load_pipeline().pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
"""


def _bare_program(src: Path, workers: int) -> tuple[float, float]:
    """The bare pass as a user runs it: a fresh process that imports spaCy and loads the model, then parses.

    ``newsprism batch`` pays for loading the model (in its fork server)
    before any article is analysed; the in-process bare passes above start
    with the model already loaded.
    """
    t, c = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-c", _BARE_PROGRAM, str(src), str(workers)], check=True)
    return time.perf_counter() - t, _cpu() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=["all", "basil"], default="all", help="BASIL + ECB+, or BASIL alone.")
    ap.add_argument("--limit", type=int, default=0, help="Use the first N articles only (0: all).")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-dask", action="store_true", help="Skip the two Dask runs.")
    ap.add_argument("--pairs", type=int, default=1,
                    help="Run the bare pass (newsprism's load) and the local batch this many times, alternately, "
                         "and print the ratio of each pair and their median: the machine's speed drifts "
                         "between runs, pairs taken back to back drift least.")
    args = ap.parse_args()
    recs = _basil_records() + (_ecbplus_records() if args.corpus == "all" else [])
    if args.limit:
        recs = recs[: args.limit]
    texts = [r["text"] for r in recs]
    words = sum(len(t.split()) for t in texts)
    tmp = Path(tempfile.mkdtemp(prefix="np-bench-"))
    src = tmp / "corpus.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in recs))
    print(f"corpus: {len(recs)} articles ({args.corpus}), {words} words, {words / len(recs):.0f} words/article; "
          f"machine: {os.cpu_count()} cores")

    import spacy

    from newsprism.nlp.pipeline import load_pipeline, model_path

    def show(label: str, secs: float, cpu: float) -> None:
        print(f"{label}: {len(recs) / secs:.1f} articles/s, {words / secs:,.0f} words/s ({secs:.1f} s; "
              f"{cpu:.1f} CPU s)", flush=True)

    bare_stock, cpu_stock = _bare(spacy.load(model_path()), texts, args.workers)
    show(f"bare spaCy, stock load (n_process={args.workers})", bare_stock, cpu_stock)
    from newsprism.scale.batch import run_batch

    def batch(engine: str, workers: int, run: int = 0) -> tuple[float, float]:
        # A process keeps one fork server (with spaCy loaded) for every later pool: stop it, so that
        # each run pays for loading spaCy as a user's run does (private API, benchmark only).
        multiprocessing.forkserver._forkserver._stop()
        t, c = time.perf_counter(), _cpu()
        run_batch([str(src)], out_dir=tmp / f"{engine}-{workers}-{run}", workers=workers, engine=engine)
        secs, cpu = time.perf_counter() - t, _cpu() - c
        show(f"batch --engine {engine} --workers {workers}", secs, cpu)
        return secs, cpu

    pairs = []
    for run in range(max(1, args.pairs)):
        # A freshly loaded pipeline for every pair (loading not timed): a pipeline that has parsed these
        # texts before keeps their lexemes, tokenizer cache and remembered lemmas and attribute matches,
        # and its forked children inherit them, while every batch run starts from a freshly loaded model.
        load_pipeline.cache_clear()
        nlp = load_pipeline()
        bare_ours, cpu_ours = _bare(nlp, texts, args.workers)
        show(f"bare spaCy, newsprism's load (n_process={args.workers})", bare_ours, cpu_ours)
        el, cpu = batch("local", args.workers, run)
        pairs.append((el / bare_ours, cpu / cpu_ours))
        print(f"  pair {run + 1}: end to end / bare spaCy (newsprism's load): {el / bare_ours:.2f}x wall, "
              f"{cpu / cpu_ours:.2f}x CPU", flush=True)
    if len(pairs) > 1:
        print(f"median of {len(pairs)} pairs: {statistics.median(p[0] for p in pairs):.2f}x wall, "
              f"{statistics.median(p[1] for p in pairs):.2f}x CPU")
    print(f"end to end (last run) / bare spaCy (stock load): {el / bare_stock:.2f}x wall, "
          f"{cpu / cpu_stock:.2f}x CPU")
    prog, cpu_prog = _bare_program(src, args.workers)
    show(f"bare spaCy as a program, model load included (newsprism's load, n_process={args.workers})", prog, cpu_prog)
    print(f"end to end (last run) / bare spaCy as a program: {el / prog:.2f}x wall, {cpu / cpu_prog:.2f}x CPU")
    timings = {("local", args.workers): el}
    if not args.no_dask:
        for workers in (1, args.workers):
            timings[("dask", workers)] = batch("dask", workers)[0]
    if not args.no_dask:
        print(f"dask speed-up 1 -> {args.workers} workers: "
              f"{timings[('dask', 1)] / timings[('dask', args.workers)]:.2f}x")
    print(f"peak RSS (largest process): {_peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
