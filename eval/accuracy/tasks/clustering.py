"""Story clustering: which documents report the same story, on BASIL, ECB+ and AllSides.

All the documents of a split go into one run of newsprism's clusterer
(`cluster_stories` over the per-article analyses), never one gold topic at a
time, so a story has to be told apart from every other story of the split.
The unit is the document and the gold is its story: the triplet on BASIL
(three outlets, one event; the articles are dated), the (topic, sub-topic)
pair on ECB+ (each topic holds two look-alike events, undated), the cluster
on AllSides (a left, a centre and a right outlet's headline and lead,
undated). The score is B-cubed precision, recall and F1 over the split's
documents (accuracy.metrics.clusters). Splits: BASIL by a hash of the
triplet, ECB+ by a hash of the topic (both sub-topics together), AllSides
by its upstream split (train -> tune, val -> check).

The baseline clusters the same documents in the same run: TF-IDF of the
title and text (word unigrams, sublinear tf, English stop words) and
average-link agglomerative clustering on cosine distance, cut at the
threshold (grid 0.05-0.975, step 0.025) with the best B-cubed F1 on the same
corpus's tune split; that threshold is then applied to check, so the tune
row's baseline is fitted to its own documents and the check row is the fair
comparison. newsprism's own clustering constants were set on halves of
BASIL and ECB+ drawn by another rule (docs/stories.md), so its tune and check
rows on those two corpora both hold documents they were set on; the
undated-evidence constants (IDF_FLOOR, EVIDENCE_UNDATED,
WORD_EVIDENCE_UNDATED) were chosen on the tune splits of all three corpora
(eval/sweep_clustering.py). The regression gate scores the first N check
stories in sorted order with all their documents, without the baseline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from accuracy.baselines.tfidf_cluster import Choice, Tree, best_threshold, build_tree
from accuracy.context import Context
from accuracy.corpora import allsides as allsides_corpus
from accuracy.corpora import basil as basil_corpus
from accuracy.corpora import ecbplus as ecbplus_corpus
from accuracy.metrics.clusters import bcubed
from accuracy.results import Figure
from accuracy.splits import SPLITS
from newsprism.model import Article
from newsprism.stories import cluster_stories

TASK = "clustering"
BASELINE = "TF-IDF + average link"


@dataclass
class Doc:
    article: Article
    story: str  # the gold story
    split: str


def baseline_text(article: Article) -> str:
    """What the baseline reads: the title and the text, as newsprism's clusterer reads both."""
    parts = [article.title, article.text] if article.title and article.title != article.text else [article.text]
    return "\n".join(p for p in parts if p)


def _tree(docs: list[Doc]) -> Tree:
    return build_tree([d.article.id for d in docs], [baseline_text(d.article) for d in docs])


def score_corpus(ctx: Context, corpus: str, docs: list[Doc], story_key: Callable[[str], object] = str) -> list[Figure]:
    """B-cubed of newsprism and of the baseline on each wanted split of ``docs``."""
    by_split = {s: [d for d in docs if d.split == s] for s in SPLITS}
    baseline = ctx.sample is None
    tune_tree: Tree | None = None
    choice: Choice | None = None
    if baseline:
        tune_tree = _tree(by_split["tune"])
        choice = best_threshold(tune_tree, {d.article.id: d.story for d in by_split["tune"]})
    figures: list[Figure] = []
    for split in ctx.wanted(s for s, ds in by_split.items() if ds):
        stories = ctx.units(split, sorted({d.story for d in by_split[split]}, key=story_key))
        keep = set(stories)
        chosen = [d for d in by_split[split] if d.story in keep]
        gold = {d.article.id: d.story for d in chosen}
        analysed = ctx.cache.analyse([d.article for d in chosen], ctx.progress, f"{corpus} {split} analysis")
        predicted = cluster_stories(analysed)
        ours = bcubed({aid: s.id for s in predicted for aid in s.article_ids}, gold)
        note = f"{len(stories)} gold stories; newsprism {len(predicted)} stories"
        theirs = None
        if baseline:
            assert choice is not None and tune_tree is not None
            tree = tune_tree if split == "tune" else _tree(chosen)
            cut = tree.cut(choice.threshold)
            theirs = bcubed(cut, gold)
            note += (f", baseline {len(set(cut.values()))} clusters at cosine distance {choice.threshold:g}"
                     + (" (chosen on this split)" if split == "tune" else " (chosen on tune)"))
        name = f"{BASELINE} (t={choice.threshold:g})" if choice is not None else None
        for metric, attr in (("B-cubed precision", "precision"), ("B-cubed recall", "recall"), ("B-cubed F1", "f1")):
            figures.append(Figure(TASK, corpus, split, metric, getattr(ours, attr), len(chosen),
                                  baseline=name,
                                  baseline_value=getattr(theirs, attr) if theirs is not None else None, note=note))
    return figures


def basil(ctx: Context) -> list[Figure]:
    docs = [Doc(d.article, d.triplet, d.split) for d in basil_corpus.read_corpus(ctx.corpora)]
    return score_corpus(ctx, "basil", docs)


def _ecb_story_key(story: str) -> tuple[int, str]:
    topic, sub = story.split("/")
    return int(topic), sub


def ecbplus(ctx: Context) -> list[Figure]:
    docs = [Doc(d.article, d.story, d.split) for d in ecbplus_corpus.read_corpus(ctx.corpora)]
    return score_corpus(ctx, "ecbplus", docs, _ecb_story_key)


def allsides(ctx: Context) -> list[Figure]:
    docs = [Doc(d.article, d.cluster, d.split) for d in allsides_corpus.read_articles(ctx.corpora)]
    return score_corpus(ctx, "allsides", docs)
