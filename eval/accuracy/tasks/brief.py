"""The brief on AllSides: newsprism's story summary against AllSides' neutral roundup of the story.

A story is one AllSides cluster: a left, a centre and a right outlet's
headline and lead (never the full article), undated. newsprism's brief is
the summary of the story's report, its sentences joined, built with
newsprism's own stages as a run builds it (`link_story_entities`,
`crosscheck_story`, `build_report`). It is scored in two settings. Gold
clusters: each gold story's three articles make one story, checked alone.
Mixed run: `cluster_stories` runs over every article of the split, and each
gold story is scored against the brief of the predicted story that holds
most of its articles (the earliest such story on a tie), so clustering
errors cost here too. The reference is the target's `target` field, "Title.
Body", the form the NeuS scripts score against. The scores are ROUGE-1,
ROUGE-2 and ROUGE-L F-measures with Porter stemming (accuracy.metrics.
summaries), on a 0-1 scale, averaged over gold stories. A story whose brief
is empty scores 0 on every measure, and the note counts such stories (and
any whose cross-check crashed). Split: upstream (train -> tune, val ->
check).

Baselines on the same stories (in the mixed run, on the same predicted
story newsprism summarised), both picking whole sentences from the same
sentence split as newsprism (each article's analysis sentences), with the
articles taken in id order (AllSides slot a, b, c, which upstream shuffled,
so the order says nothing about stance). Lead-3: the first three sentences
of that sequence. LexRank: continuous LexRank (cosine threshold 0.1, damping
0.85, IDF fitted on the split's article texts) keeping the most central
sentences up to a length budget, either three sentences or the mean length
in words of the tune targets, whichever has the better mean of the three
ROUGE F-measures on tune gold clusters. Each measure has one row per
baseline (LexRank, Lead-3). The headlines are the articles' titles, not part of their
text, so no system quotes them, while the reference opens with the
roundup's own title.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from accuracy.baselines.extractive import Budget, LexRank, lead
from accuracy.context import Context
from accuracy.corpora.allsides import AllSidesDoc, Target, read_articles, read_targets
from accuracy.metrics.summaries import Rouge, mean_rouge, rouge
from accuracy.results import Figure
from accuracy.splits import SPLITS
from newsprism.crosscheck import crosscheck_story
from newsprism.model import AnalyzedArticle, Story
from newsprism.nlp import link_story_entities
from newsprism.report import build_report
from newsprism.stories import cluster_stories

TASK, CORPUS = "brief", "allsides"
MEASURES = (("ROUGE-1 F", "rouge1"), ("ROUGE-2 F", "rouge2"), ("ROUGE-L F", "rougeL"))


@dataclass
class Briefs:
    """newsprism's brief of each story (by story id); ``crashed`` lists the stories whose run raised."""

    text: dict[str, str]
    crashed: set[str]


def newsprism_briefs(stories: list[tuple[Story, list[AnalyzedArticle]]], ctx: Context, label: str) -> Briefs:
    """Each story's brief, built by newsprism's stages as pipeline.analyze_stored builds them.

    One report per story, so a story whose stages raise spoils no other.
    """
    out = Briefs({}, set())
    for i, (story, members) in enumerate(stories, 1):
        try:
            story.entities = link_story_entities(members)
            check = crosscheck_story(story, members)
            report = build_report(members, [story], {story.id: check})
            out.text[story.id] = " ".join(s.text for s in report.stories[0].summary)
        except Exception:  # noqa: BLE001 - a crash is a miss, counted in the note
            out.crashed.add(story.id)
            out.text[story.id] = ""
        ctx.progress(label, i, len(stories))
    return out


def sentences(members: Iterable[AnalyzedArticle]) -> list[str]:
    """The story's sentences for the baselines: articles in id order, each in text order."""
    out: list[str] = []
    for a in sorted(members, key=lambda a: a.id):
        out += [" ".join(s.text.split()) for s in a.sentences if s.text.strip()]
    return out


@dataclass
class Scores:
    """Per gold story: newsprism's, Lead-3's and LexRank's ROUGE."""

    ours: list[Rouge]
    lead3: list[Rouge]
    lexrank: list[Rouge]
    empty: int
    crashed: int


def score(gold_ids: list[str], briefs: Briefs, inputs: dict[str, list[AnalyzedArticle]], summarised: dict[str, str],
          targets: dict[str, Target], lexrank: LexRank | None, budget: Budget | None) -> Scores:
    """Score every gold story against the brief of the story ``summarised`` maps it to (itself or a predicted one).

    The baselines summarise each summarised story once, however many gold stories it stands for.
    """
    s = Scores([], [], [], 0, 0)
    lead3: dict[str, str] = {}
    central: dict[str, str] = {}
    for gid in gold_ids:
        ref = targets[gid].target
        sid = summarised[gid]
        text = briefs.text.get(sid, "")
        s.ours.append(rouge(text, ref))
        s.empty += not text.strip()
        s.crashed += sid in briefs.crashed
        if lexrank is not None and budget is not None:
            if sid not in lead3:
                sents = sentences(inputs.get(sid, []))
                lead3[sid] = " ".join(lead(sents))
                central[sid] = " ".join(lexrank.summarise(sents, budget))
            s.lead3.append(rouge(lead3[sid], ref))
            s.lexrank.append(rouge(central[sid], ref))
    return s


def choose_budget(tune: dict[str, list[AnalyzedArticle]], targets: dict[str, Target], lexrank: LexRank) -> Budget:
    """LexRank's length budget: three sentences or the tune targets' mean length, by mean ROUGE on tune."""
    ids = sorted(tune)
    words = round(sum(len(targets[g].target.split()) for g in ids) / len(ids))
    options = [Budget(sentences=3), Budget(words=words)]

    def quality(budget: Budget) -> float:
        return mean_rouge(rouge(" ".join(lexrank.summarise(sentences(tune[g]), budget)), targets[g].target)
                          for g in ids).mean

    return max(options, key=quality)


def majority_story(gold_ids: list[str], members: dict[str, list[str]], predicted: list[Story]) -> dict[str, str]:
    """Gold story -> the predicted story holding most of its articles (the earliest on a tie)."""
    where = {aid: (i, s.id) for i, s in enumerate(predicted) for aid in s.article_ids}
    out: dict[str, str] = {}
    for gid in gold_ids:
        counts = Counter(where[a] for a in members[gid] if a in where)
        if counts:
            out[gid] = min(counts, key=lambda k: (-counts[k], k[0]))[1]
        else:
            out[gid] = ""  # no article clustered: no brief
    return out


def _figures(split: str, setting: str, s: Scores, n: int, budget: Budget | None) -> list[Figure]:
    """One row per measure and baseline (LexRank, Lead-3); in gate mode one row per measure, without baseline."""
    ours = mean_rouge(s.ours)
    note = f"{s.empty} stories with an empty brief" + (f" ({s.crashed} crashed)" if s.crashed else "")
    baselines = [(f"LexRank ({budget})", mean_rouge(s.lexrank)) if s.lexrank else None,
                 ("Lead-3", mean_rouge(s.lead3)) if s.lead3 else None]
    figures = []
    for metric, attr in MEASURES:
        rows = [b for b in baselines if b is not None] or [(None, None)]
        for name, base in rows:
            figures.append(Figure(TASK, CORPUS, split, f"{metric} ({setting})", getattr(ours, attr), n,
                                  baseline=name, baseline_value=getattr(base, attr) if base is not None else None,
                                  note=note))
    return figures


def allsides(ctx: Context) -> list[Figure]:
    docs = read_articles(ctx.corpora)
    targets = read_targets(ctx.corpora)
    by_split: dict[str, list[AllSidesDoc]] = {s: [d for d in docs if d.split == s] for s in SPLITS}
    baseline = ctx.sample is None
    budget: Budget | None = None
    lexrank: dict[str, LexRank] = {}
    analysed: dict[str, dict[str, AnalyzedArticle]] = {}

    def analyse(split: str, chosen: list[AllSidesDoc]) -> dict[str, AnalyzedArticle]:
        done = ctx.cache.analyse([d.article for d in chosen], ctx.progress, f"allsides {split} analysis")
        return {a.id: a for a in done}

    def gold_inputs(split: str, chosen: list[AllSidesDoc]) -> dict[str, list[AnalyzedArticle]]:
        """Gold story -> its analysed articles, in id order."""
        out: dict[str, list[AnalyzedArticle]] = {}
        for d in sorted(chosen, key=lambda d: d.article.id):
            out.setdefault(d.cluster, []).append(analysed[split][d.article.id])
        return out

    if baseline:
        analysed["tune"] = analyse("tune", by_split["tune"])
        lexrank["tune"] = LexRank(a.article.text for a in analysed["tune"].values())
        budget = choose_budget(gold_inputs("tune", by_split["tune"]), targets, lexrank["tune"])
    figures: list[Figure] = []
    for split in ctx.wanted(s for s, ds in by_split.items() if ds):
        gold_ids = ctx.units(split, sorted({d.cluster for d in by_split[split]}))
        keep = set(gold_ids)
        chosen = [d for d in by_split[split] if d.cluster in keep]
        if split not in analysed:  # tune is already analysed in full when the baselines run
            analysed[split] = analyse(split, chosen)
        if baseline and split not in lexrank:
            lexrank[split] = LexRank(a.article.text for a in analysed[split].values())
        lr = lexrank.get(split)
        gold = gold_inputs(split, chosen)
        # Gold clusters: one story per gold cluster.
        stories = [(Story(id=g, title="", article_ids=[a.id for a in gold[g]]), gold[g]) for g in gold_ids]
        briefs = newsprism_briefs(stories, ctx, f"allsides {split} briefs (gold clusters)")
        figures += _figures(split, "gold clusters", score(gold_ids, briefs, gold, {g: g for g in gold_ids},
                                                          targets, lr, budget), len(gold_ids), budget)
        # Mixed run: newsprism's own stories over the whole split.
        predicted = cluster_stories(list(analysed[split].values()))
        picked = majority_story(gold_ids, {g: [a.id for a in gold[g]] for g in gold_ids}, predicted)
        wanted = set(picked.values())
        by_id = analysed[split]
        runs = [(s, [by_id[x] for x in s.article_ids]) for s in predicted if s.id in wanted]
        briefs = newsprism_briefs(runs, ctx, f"allsides {split} briefs (mixed run)")
        inputs = {s.id: members for s, members in runs}
        figures += _figures(split, "mixed run", score(gold_ids, briefs, inputs, picked, targets, lr, budget),
                            len(gold_ids), budget)
    return figures
