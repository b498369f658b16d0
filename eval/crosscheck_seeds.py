"""What the cross-check finds on the seed articles, against what an analyst lists, and the scorer's figures.

Runs the whole pipeline on ../shared/corpora/seeds (or $NEWSPRISM_CORPORA/seeds),
prints per story the aligned events (type, participants, date, status,
independent sources, relays), the conflicts, and the attributions per
article next to the analyst's list in ../shared/eval/seeds-gold.json, then
runs ../shared/eval/score.py on the report and prints conflict F1,
attribution F1 and event recall.

    .venv/bin/python eval/crosscheck_seeds.py [--json out/crosscheck-seeds.json] [--reuse-analysis] [-v]

--reuse-analysis keeps the per-article analysis in out/seeds-analysis.jsonl
and reuses it, so re-running after a cross-check change takes seconds; drop
the flag (or the file) after the NLP stage changes.

Exits 2 when the corpus or the gold is missing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import newsprism.pipeline as pipeline  # noqa: E402
from newsprism.model import AnalyzedArticle, ReportStory  # noqa: E402

SHARED = Path(os.environ["NEWSPRISM_CORPORA"]).parent if os.environ.get("NEWSPRISM_CORPORA") else REPO.parent / "shared"
FIGURES = ("event_recall", "event_count_ratio", "conflict_precision", "conflict_recall", "conflict_f1",
           "attribution_precision", "attribution_recall", "attribution_f1", "overall")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", default=str(REPO / "out" / "crosscheck-seeds.json"), help="where to write the report")
    ap.add_argument("--reuse-analysis", action="store_true",
                    help="cache the per-article analysis in out/seeds-analysis.jsonl and reuse it")
    ap.add_argument("-v", "--verbose", action="store_true", help="let the scorer list what was missed")
    args = ap.parse_args(argv)
    if args.reuse_analysis:
        _cache_analysis(REPO / "out" / "seeds-analysis.jsonl")
    seeds, gold_path = SHARED / "corpora" / "seeds", SHARED / "eval" / "seeds-gold.json"
    if not seeds.is_dir() or not gold_path.is_file():
        print(f"seed corpus or gold missing under {SHARED}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = pipeline.run([str(seeds)]).report
    keys = {a.id: Path(a.source).name for a in report.articles}
    for story in report.stories:
        _print_story(story, keys, gold)
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.to_json(), encoding="utf-8")
    _print_scores(gold_path, out, args.verbose)
    return 0


def _cache_analysis(path: Path) -> None:
    """Make the pipeline read analysed articles from ``path`` when their text is unchanged."""
    analyze = pipeline.analyze_articles
    cached: dict[str, AnalyzedArticle] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            a = AnalyzedArticle.from_dict(json.loads(line))
            cached[a.id] = a

    def cached_analyze(articles):
        articles = list(articles)
        todo = [a for a in articles if a.id not in cached or cached[a.id].article.text != a.text]
        for done in analyze(todo):
            cached[done.id] = done
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in cached.values()),
                        encoding="utf-8")
        for a in articles:
            hit = cached[a.id]
            hit.article = a  # metadata (duplicates, dates) comes from this run's ingest
            yield hit

    pipeline.analyze_articles = cached_analyze


def _print_story(story: ReportStory, keys: dict[str, str], gold: dict) -> None:
    names = {e["id"]: e["name"] for e in story.entities}
    short = {aid: keys.get(aid, aid)[:3] for aid in story.article_ids}
    print(f"== story {story.id}: {story.title} ({len(story.article_ids)} articles)")
    print(f"-- events ({len(story.events)})")
    for ev in story.events:
        who = ", ".join(names.get(x, x) for x in ev.actors) + " -> " + ", ".join(names.get(x, x) for x in ev.targets)
        relays = "; ".join(f"{r['source']}<-{','.join(short.get(a, a) for a in r['article_ids'])}" for r in ev.relays)
        print(f"  {ev.type:<12} {ev.date or '-':<10} {ev.status:<9} indep={ev.independent_sources} "
              f"arts={','.join(short.get(a, a) for a in ev.article_ids)} | {who}"
              + (f" | place={ev.place}" if ev.place else "") + (f" | relays: {relays}" if relays else ""))
    print(f"-- conflicts ({len(story.conflicts)})")
    for c in story.conflicts:
        vals = " | ".join(f"{v.value!r} [{','.join(short.get(a, a) for a in v.article_ids)}]"
                          + (f" per {v.attributed_to}" if v.attributed_to else "") for v in c.values)
        print(f"  {c.kind:<7} within={c.within_article!s:<5} {c.resolution:<10} {c.subject}: {vals}")
    gold_story = next(iter(gold.get("stories", {}).values()), {})
    for g in gold_story.get("conflicts", []):
        print(f"  gold: {g['kind']} within={g.get('within_article')} {g['subject']}: "
              + " | ".join(v["value"] for v in g["values"]))
    print("-- attributions per article (found / analyst)")
    found: dict[str, list[str]] = {}
    for a in story.attributions:
        found.setdefault(keys.get(a.article_id, a.article_id), [])
        if a.source not in found[keys.get(a.article_id, a.article_id)]:
            found[keys.get(a.article_id, a.article_id)].append(a.source)
    gold_atts = gold_story.get("attributions", {})
    for key in sorted(set(found) | set(gold_atts)):
        print(f"  {key[:3]} found: {found.get(key, [])}")
        print(f"      analyst: {[al[0] for al in gold_atts.get(key, [])]}")


def _print_scores(gold_path: Path, report_path: Path, verbose: bool) -> None:
    cmd = [sys.executable, str(gold_path.parent / "score.py"), str(gold_path), str(report_path)]
    res = subprocess.run(cmd + (["-v"] if verbose else []), capture_output=True, text=True)
    if verbose:
        print(res.stderr, end="")
    print("-- score.py")
    for line in res.stdout.splitlines():
        if line.split(":")[0] in FIGURES:
            print("  " + line)


if __name__ == "__main__":
    sys.exit(main())
