"""Sweep the story clusterer's settings on the TUNE splits of BASIL, ECB+ and AllSides (never check).

Reads the tune units through the harness's corpus readers and its analysis
cache (out/eval/analyses.sqlite), extracts the clusterer's features once,
then streams them through ``StoryClusterer`` once per setting and prints
B-cubed precision, recall and F1 per corpus. A setting is a list of
``module.CONSTANT=value`` assignments on ``newsprism.stories`` modules.

    .venv/bin/python eval/sweep_clustering.py "incremental.JOIN_THRESHOLD=0.15" "incremental.JOIN_THRESHOLD=0.2"

Each argument is one setting; several assignments in one setting are
separated by semicolons. No argument: the settings as they are.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy.cache import AnalysisCache  # noqa: E402
from accuracy.context import Context, Progress  # noqa: E402
from accuracy.metrics.clusters import bcubed  # noqa: E402
from accuracy.run import OUT, corpora_dir  # noqa: E402
from accuracy.splits import is_tune  # noqa: E402
from accuracy.tasks import clustering  # noqa: E402
from newsprism.stories.cluster import stream_item  # noqa: E402
from newsprism.stories.incremental import StoryClusterer  # noqa: E402


def tune_docs(ctx: Context) -> dict[str, list[clustering.Doc]]:
    """The tune documents of each corpus, read as the clustering task reads them."""
    from accuracy.corpora import allsides, basil, ecbplus

    return {
        "basil": [clustering.Doc(d.article, d.triplet, d.split) for d in basil.read_corpus(ctx.corpora)
                  if is_tune(d.split)],
        "ecbplus": [clustering.Doc(d.article, d.story, d.split) for d in ecbplus.read_corpus(ctx.corpora)
                    if is_tune(d.split)],
        "allsides": [clustering.Doc(d.article, d.cluster, d.split) for d in allsides.read_articles(ctx.corpora)
                     if is_tune(d.split)],
    }


def stream(ctx: Context, docs: list[clustering.Doc]) -> tuple[list, dict[str, str]]:
    """The stream items in the order ``cluster_stories`` feeds them, and the gold story of each article."""
    analysed = ctx.cache.analyse([d.article for d in docs], None, "sweep")
    items = sorted((stream_item(a) for a in analysed), key=lambda it: it.key)
    return items, {d.article.id: d.story for d in docs}


def run(items: list) -> dict[str, int]:
    clusterer = StoryClusterer()
    for it in items:
        clusterer.add(it.features)
    clusterer.finish()
    return {aid: s.seq for s in clusterer.stories for aid in s.article_ids}


def apply(setting: str) -> dict[str, object]:
    """Set the constants of ``setting``; return their previous values."""
    old: dict[str, object] = {}
    for part in filter(None, (p.strip() for p in setting.split(";"))):
        name, value = part.split("=")
        mod_name, const = name.rsplit(".", 1)
        mod = importlib.import_module(f"newsprism.stories.{mod_name}")
        old[name] = getattr(mod, const)
        parsed = ast.literal_eval(value)
        setattr(mod, const, parsed if isinstance(old[name], dict) else type(old[name])(parsed))
    return old


def restore(old: dict[str, object]) -> None:
    for name, value in old.items():
        mod_name, const = name.rsplit(".", 1)
        setattr(importlib.import_module(f"newsprism.stories.{mod_name}"), const, value)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 epilog='example: .venv/bin/python eval/sweep_clustering.py '
                                        '"incremental.JOIN_THRESHOLD=0.15" "incremental.JOIN_THRESHOLD=0.2"')
    ap.add_argument("settings", nargs="*", help="one setting per argument: MODULE.CONST=VALUE[;MODULE.CONST=VALUE]")
    argv = ap.parse_args(argv).settings
    cache = AnalysisCache(OUT / "analyses.sqlite")
    ctx = Context(corpora=corpora_dir(), cache=cache, progress=Progress(enabled=False), splits=("tune",))
    data = {c: stream(ctx, docs) for c, docs in tune_docs(ctx).items()}
    for setting in argv or [""]:
        old = apply(setting)
        t0 = time.perf_counter()
        row = []
        for corpus, (items, gold) in data.items():
            pred = run(items)
            b = bcubed(pred, gold)
            row.append(f"{corpus} P {b.precision:.3f} R {b.recall:.3f} F1 {b.f1:.3f} ({len(set(pred.values()))})")
        restore(old)
        print(f"{setting or 'as is'} | " + " | ".join(row) + f" | {time.perf_counter() - t0:.0f}s", flush=True)
    cache.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
