"""`make eval`: run the accuracy tasks, print the table, store the results, write docs/accuracy.md.

Each task's figures are stored in out/eval/results/TASK__CORPUS.json as soon
as it finishes, and docs/accuracy.md is rendered from every stored result, so
re-running one task (``--only dates``) refreshes its rows and keeps the rest.
A task that fails shows as 'not checked' with its error, never as 0.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback

from accuracy.cache import AnalysisCache
from accuracy.context import Context, Progress
from accuracy.doc import HEADLINE, write_doc
from accuracy.paths import OUT, corpora_dir
from accuracy.results import Figure, not_checked
from accuracy.table import print_terminal
from accuracy.tasks import REGISTRY, TaskSpec, select

EXAMPLE = """examples:
  .venv/bin/python eval/run_all.py                  # every task, both splits; writes docs/accuracy.md
  .venv/bin/python eval/run_all.py --only dates     # one task; its rows in docs/accuracy.md are refreshed
  .venv/bin/python eval/run_all.py --list           # the tasks
"""


def results_path(spec: TaskSpec):
    return OUT / "results" / (spec.name.replace("/", "__") + ".json")


def run_task(spec: TaskSpec, ctx: Context) -> list[Figure]:
    """Run one task; an exception becomes a 'not checked' figure carrying the error."""
    task, corpus = spec.name.split("/", 1)
    try:
        return spec.load()(ctx)
    except Exception as exc:  # noqa: BLE001 - a broken task must not hide the others' figures
        traceback.print_exc(file=sys.stderr)
        splits = [s for s in spec.splits if s in ctx.splits] or list(spec.splits)
        return [not_checked(task, corpus, split, "all", f"{type(exc).__name__}: {exc}") for split in splits]


def stored_figures() -> list[Figure]:
    """Every stored task result, in registry order."""
    out: list[Figure] = []
    for spec in REGISTRY:
        path = results_path(spec)
        if path.is_file():
            out += [Figure(**d) for d in json.loads(path.read_text(encoding="utf-8"))["figures"]]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], epilog=EXAMPLE,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", metavar="NAME", help="tasks whose name contains NAME (e.g. dates, allsides)")
    ap.add_argument("--list", action="store_true", help="list the tasks and exit")
    ap.add_argument("--no-doc", action="store_true", help="do not rewrite docs/accuracy.md")
    args = ap.parse_args(argv)
    if args.list:
        for spec in REGISTRY:
            print(spec.name)
        return 0
    corpora = corpora_dir()
    if not corpora.is_dir():
        print(f"eval: the shared corpora are not at {corpora} (set NEWSPRISM_CORPORA)", file=sys.stderr)
        return 2
    cache = AnalysisCache(OUT / "analyses.sqlite")
    ctx = Context(corpora=corpora, cache=cache, progress=Progress())
    for spec in select(args.only):
        print(f"== {spec.name}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        figures = run_task(spec, ctx)
        secs = time.perf_counter() - t0
        path = results_path(spec)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"task": spec.name, "seconds": round(secs, 1),
                                    "figures": [f.to_dict() for f in figures]}, indent=1), encoding="utf-8")
        print(f"   {spec.name}: {len(figures)} figures in {secs:.0f}s", file=sys.stderr, flush=True)
    cache.close()
    figures = stored_figures()
    print_terminal(figures, HEADLINE)
    if not args.no_doc:
        print(f"wrote {write_doc(figures)}")
    return 0
