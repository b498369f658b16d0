"""Flags per article and framing per subject on the seeds, against the analyst's gold.

Usage: .venv/bin/python eval/flags_seeds.py [CORPORA_DIR] [--gold GOLD.json]

Runs the whole pipeline (``newsprism.analyze``) over ``seeds/``, prints every
flag with its score and reasons and every framing subject with its variants
(articles named by their seed file), then the scorer's framing recall and
flag recall / precision / flags on clean articles (../shared/eval/score.py).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import newsprism

HERE = Path(__file__).resolve().parent


def _scorer(path: Path):
    spec = importlib.util.spec_from_file_location("newsprism_gold_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    args = sys.argv[1:]
    shared = Path(os.environ.get("NEWSPRISM_CORPORA", HERE.parents[1] / "shared" / "corpora")).parent
    gold_path = Path(args[args.index("--gold") + 1]) if "--gold" in args else shared / "eval" / "seeds-gold.json"
    positional = [a for i, a in enumerate(args) if not a.startswith("--") and (i == 0 or args[i - 1] != "--gold")]
    seeds = Path(positional[0]) / "seeds" if positional else shared / "corpora" / "seeds"
    report = newsprism.analyze(str(seeds))
    data = report.to_dict()
    name = {a["id"]: Path(a["source"]).name for a in data["articles"]}
    for story in data["stories"]:
        print(f"story {story['id']} ({len(story['article_ids'])} articles)")
        print("flags:")
        for aid in story["article_ids"]:
            flags = [f for f in story["flags"] if f["article_id"] == aid]
            print(f"  {name[aid]}: {len(flags)} flag(s)")
            for f in flags:
                print(f"    {f['kind']} (score {f['score']}): {f['detail'][:300]}")
        print("framing:")
        for fr in story["framing"]:
            print(f"  [{fr['aspect']}] {fr['subject']}")
            for v in fr["variants"]:
                mark = " (loaded)" if v["loaded"] else ""
                print(f"      {v['term']}{mark}: " + ", ".join(name[a][:3] for a in v["article_ids"]))
    if not gold_path.is_file():
        print(f"no gold at {gold_path}; skipping the scores")
        return
    scorer = _scorer(gold_path.parent / "score.py")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    mapping = scorer.Mapping(gold, data)
    recall, precision, on_clean = scorer.m_flags(gold, mapping)
    print(f"framing_recall: {scorer.m_framing(gold, mapping):.3f}")
    print(f"flag_recall: {recall:.3f}  flag_precision: {precision:.3f}  flags_on_clean_articles: {on_clean}")


if __name__ == "__main__":
    main()
