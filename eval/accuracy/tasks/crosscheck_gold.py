"""The whole cross-check against gold in the seeds' format, scored by ../shared/eval/score.py.

Corpora: `crosscheck_dev` (multi-outlet stories written for newsprism:
clustering, publication dates, events, conflicts, framing, attributions,
flags), `ecbplus_conflicts` (real ECB+ reports that disagree: conflicts and
main events only; the other metrics are not informative there and are not
shown) and `seeds` (five articles of one story: a smoke test, split `smoke`).
All articles of a corpus are ingested together, as `newsprism analyze
FOLDER` would, and run through newsprism's stages (analysis, clustering,
cross-check, report); the report is then restricted to the articles of one
split's gold stories and scored against that split's gold. Splits:
crosscheck_dev by story, ecbplus_conflicts by ECB+ topic (the rule of the
ECB+ clustering task). The scorer's matching rules are in score.py: a
conflict counts when two of its gold values match values of one reported
conflict of the same story; events match on date and participants;
attributions on a fuzzy source name per article. ECB+ conflicts the annotator
marked doubtful are neither rewarded nor penalised: a reported conflict that
matches one is dropped before scoring.

Baselines are component swaps on the same run: `TF-IDF clusters` replaces
newsprism's stories by TF-IDF + average-link clusters (threshold chosen on
the tune split of the same corpus); `say-subject` replaces the attributions
by the subject of every 'say'/'tell' and the object of 'according to';
`same-noun numbers` replaces the conflicts by every pair of differing
figures of one unit and counted noun in two articles of a story. Events,
framing and flags have no standard baseline here (`-`).
"""

from __future__ import annotations

import copy
from typing import Any

from accuracy.baselines import say_subject
from accuracy.baselines.naive_conflicts import number_conflicts
from accuracy.baselines.tfidf_cluster import best_threshold, build_tree
from accuracy.context import Context
from accuracy.corpora.ecbplus import split_of_topic
from accuracy.corpora.gold_stories import GoldCorpus, gold_subset, read_gold_corpus, scorer
from accuracy.results import Figure
from accuracy.splits import hashed_split
from accuracy.tasks.clustering import baseline_text
from newsprism.model import Article
from newsprism.pipeline import report_from_analyses

# The scorer's figures shown per corpus (score.py's names), the report parts a baseline swaps in.
FULL_METRICS = ("clustering_bcubed_f1", "duplicate_precision", "duplicate_recall", "date_accuracy", "event_recall", "event_count_ratio", "conflict_precision",
                "conflict_recall", "conflict_f1", "framing_recall", "attribution_precision", "attribution_recall",
                "attribution_f1", "flag_recall", "flag_precision", "overall")
CONFLICT_METRICS = ("event_recall", "event_count_ratio", "conflict_precision", "conflict_recall", "conflict_f1")


def restrict_report(report: dict[str, Any], keep: set[str]) -> dict[str, Any]:
    """The report as if it held only the articles ``keep``: every item is cut to those articles, or dropped."""
    out = copy.deepcopy(report)
    out["articles"] = [a for a in out.get("articles", []) if a.get("id") in keep]
    stories = []
    for s in out.get("stories", []):
        s["article_ids"] = [a for a in s.get("article_ids", []) if a in keep]
        if not s["article_ids"]:
            continue
        s["events"] = [e for e in s.get("events", []) if set(e.get("article_ids") or []) & keep]
        for e in s["events"]:
            e["article_ids"] = [a for a in e["article_ids"] if a in keep]
        conflicts = []
        for c in s.get("conflicts", []):
            c["values"] = [v for v in c.get("values", []) if set(v.get("article_ids") or []) & keep]
            if len(c["values"]) >= 2:
                conflicts.append(c)
        s["conflicts"] = conflicts
        for f in s.get("framing", []):
            f["variants"] = [v for v in f.get("variants", []) if set(v.get("article_ids") or []) & keep]
        s["framing"] = [f for f in s.get("framing", []) if f["variants"]]
        s["attributions"] = [a for a in s.get("attributions", []) if a.get("article_id") in keep]
        s["flags"] = [f for f in s.get("flags", []) if f.get("article_id") in keep]
        stories.append(s)
    out["stories"] = stories
    return out


def drop_doubtful(report: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """Remove reported conflicts that match a conflict the annotator marked doubtful (neither reward nor penalty)."""
    sc = scorer()
    doubtful = [d for s in gold.get("stories", {}).values() for d in s.get("doubtful") or []]
    if not doubtful:
        return report
    out = copy.deepcopy(report)
    for s in out.get("stories", []):
        kept = []
        for c in s.get("conflicts", []):
            rvals = [v for v, _ in sc._conflict_values(c)]
            hit = False
            for d in doubtful:
                gvals = [v for v in d.get("values", []) if isinstance(v, dict)]
                size, _ = sc.bipartite(len(gvals), len(rvals),
                                       lambda i, j: sc.value_match(gvals[i], rvals[j], d.get("kind", "")))
                hit = hit or size >= min(2, len(gvals))
            if not hit:
                kept.append(c)
        s["conflicts"] = kept
    return out


def _scores(gold: dict[str, Any], report: dict[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in scorer().score(gold, report) if isinstance(v, (int, float))}


def _run(ctx: Context, corpus: GoldCorpus, split_of_story, metrics: tuple[str, ...],
         task: str) -> list[Figure]:
    """One run of the whole corpus (as a user makes it, in the gate too), scored per split."""
    stories = sorted({a["story"] for a in corpus.gold["articles"].values()})
    by_split = {s: [st for st in stories if split_of_story(st) == s] for s in ("check", "tune")}
    analyses = ctx.cache.analyse(corpus.articles, ctx.progress, f"{corpus.name} analysis")
    report = report_from_analyses(analyses).to_dict()
    swapped = _baseline_reports(ctx, corpus, by_split["tune"], report, analyses, metrics) if ctx.sample is None else []
    figures: list[Figure] = []
    for split in ctx.wanted([s for s, sts in by_split.items() if sts]):
        chosen = set(ctx.units(split, by_split[split]))
        keep = {a.id for a in corpus.articles if corpus.story_of(a.id) in chosen}
        gold = gold_subset(corpus.gold, chosen)
        ours = _split_scores(report, gold, keep)
        base: dict[str, tuple[str, float]] = {}
        for name, rep, its_metrics in swapped:
            got = _split_scores(rep, gold, keep)
            base.update({m: (name, got[m]) for m in its_metrics})
        for m in metrics:
            name, value = base.get(m, (None, None))
            figures.append(Figure(task, corpus.name, split, m, ours.get(m), len(keep), baseline=name,
                                  baseline_value=value, note=f"{len(chosen)} stories"))
    return figures


def _split_scores(report: dict[str, Any], gold: dict[str, Any], keep: set[str]) -> dict[str, float]:
    return _scores(gold, drop_doubtful(restrict_report(report, keep), gold))


def _tfidf_stories(corpus: GoldCorpus, tune_stories: list[str], articles: list[Article]) -> list[dict[str, Any]]:
    """TF-IDF + average-link clusters of ``articles`` at the threshold best on the corpus's tune stories."""
    tune = [a for a in corpus.articles if corpus.story_of(a.id) in set(tune_stories)]
    choice = best_threshold(build_tree([a.id for a in tune], [baseline_text(a) for a in tune]),
                            {a.id: corpus.story_of(a.id) or a.id for a in tune})
    cut = build_tree([a.id for a in articles], [baseline_text(a) for a in articles]).cut(choice.threshold)
    clusters: dict[int, list[str]] = {}
    for aid, c in cut.items():
        clusters.setdefault(c, []).append(aid)
    return [{"id": f"tfidf-{c}", "article_ids": ids} for c, ids in sorted(clusters.items())]


def _baseline_reports(ctx: Context, corpus: GoldCorpus, tune_stories: list[str], report: dict[str, Any],
                      analyses, metrics: tuple[str, ...]) -> list[tuple[str, dict[str, Any], tuple[str, ...]]]:
    """Component swaps on the same run, built once: (baseline name, swapped report, the metrics it is scored on)."""
    by_id = {a.id: a for a in analyses}
    out = []
    conflicts = copy.deepcopy(report)
    for s in conflicts["stories"]:
        s["conflicts"] = number_conflicts([by_id[x] for x in s["article_ids"]])
    out.append(("same-noun numbers", conflicts, ("conflict_precision", "conflict_recall", "conflict_f1")))
    if "clustering_bcubed_f1" in metrics and tune_stories:
        clustered = dict(report, stories=_tfidf_stories(corpus, tune_stories, [a.article for a in analyses]))
        out.append(("TF-IDF clusters", clustered, ("clustering_bcubed_f1",)))
    if "attribution_f1" in metrics:
        docs = say_subject.parse((a.article.text for a in analyses), ctx.progress, len(analyses))
        said = {a.id: [{"article_id": a.id, "source": r.source} for r in say_subject.relations(doc)]
                for a, doc in zip(analyses, docs, strict=True)}
        attributed = copy.deepcopy(report)
        for s in attributed["stories"]:
            s["attributions"] = [x for aid in s["article_ids"] for x in said.get(aid, [])]
        out.append(("say-subject", attributed, ("attribution_precision", "attribution_recall", "attribution_f1")))
    return out


def crosscheck_dev(ctx: Context) -> list[Figure]:
    root = ctx.corpora / "crosscheck_dev"
    corpus = read_gold_corpus("crosscheck_dev", [root / "corpus"], root / "gold.json")
    return _run(ctx, corpus, lambda st: hashed_split("crosscheck_dev", st), FULL_METRICS, "crosscheck")


def ecbplus_conflicts(ctx: Context) -> list[Figure]:
    root = ctx.corpora / "ecbplus_conflicts"
    corpus = read_gold_corpus("ecbplus_conflicts", [root / "ecb_conflicts_dev.jsonl"], root / "gold.json")
    return _run(ctx, corpus, lambda st: split_of_topic(st.split("-", 1)[0]), CONFLICT_METRICS, "conflicts")


def seeds(ctx: Context) -> list[Figure]:
    """The seeds: a smoke test (split `smoke`), scored but never a target and never gated."""
    from accuracy.paths import shared_eval_dir

    corpus = read_gold_corpus("seeds", [ctx.corpora / "seeds"], shared_eval_dir() / "seeds-gold.json")
    analyses = ctx.cache.analyse(corpus.articles, ctx.progress, "seeds analysis")
    ours = _scores(corpus.gold, report_from_analyses(analyses).to_dict())
    return [Figure("crosscheck", "seeds", "smoke", m, ours.get(m), len(corpus.articles)) for m in FULL_METRICS]
