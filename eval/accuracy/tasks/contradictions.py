"""Self-contradiction on ContraDoc: does the cross-check find that a document contradicts itself, and where?

Each document is analysed, made a one-article story (``cluster_stories``,
``link_story_entities``) and cross-checked (``crosscheck_story``), as a run
treats an article that no other outlet reports. The unit is one document; it
is predicted contradictory when the cross-check holds a conflict within the
article or an internal_contradiction flag. Precision, recall and F1 of
'contradictory', and accuracy, are scored on the contradictory documents
whose evidence sentence survived the corpus's 2,000-character cut
(evidence_status "ok") plus every unedited one; the documents whose evidence
was cut away, wholly or partly, are scored apart (the share called
contradictory), since their text may no longer contradict itself. Evidence
recall, over the "ok" positives, counts a document when one of the
evidence sentences of a found conflict (or flag) overlaps the gold evidence
sentence by at least one character.

Baselines on the same documents and text: always 'contradictory' (the F1
floor) and the tune split's majority class (the accuracy floor), both given
in the notes, and a lexical rule written for this evaluation
(accuracy.baselines.lexical_contradiction): two sentences sharing most
content words (Jaccard >= t) that differ by a negation word or a number.
Its t is the value of a fixed grid with the best accuracy on the tune
split's scored documents (tuned for F1, it would fire on nearly every
document and become the always-yes floor).

Caveats: ContraDoc's edits are of many kinds (facts, negations, numbers
and more), while newsprism looks for slots of news events (a
place or date both stated and declared unknown, two figures for one toll);
the corpus ships no contradiction type to score it by kind. The sentence
the evidence contradicts may lie beyond the cut even when the evidence is
kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from accuracy.baselines.lexical_contradiction import Candidate, best_pair, choose_threshold, predicts
from accuracy.context import Context
from accuracy.corpora.contradoc import ContraDoc, read_corpus
from accuracy.metrics.detection import accuracy, decision_prf
from accuracy.logged_errors import logged_errors
from accuracy.results import Figure
from accuracy.splits import SPLITS
from newsprism.crosscheck import crosscheck_story
from newsprism.model import AnalyzedArticle
from newsprism.nlp import link_story_entities
from newsprism.stories import cluster_stories

TASK, CORPUS = "self_contradiction", "contradoc"
BASELINE = "lexical pair"
Span = tuple[int, int]


@dataclass
class Finding:
    contradictory: bool
    evidence: list[Span] = field(default_factory=list)


def newsprism_finding(analysed: AnalyzedArticle) -> Finding:
    """What the cross-check of a one-article story says about the article contradicting itself."""
    story = cluster_stories([analysed])[0]
    story.entities = link_story_entities([analysed])
    check = crosscheck_story(story, [analysed])
    within = [c for c in check.conflicts if c.within_article]
    flags = [f for f in check.flags if f.kind == "internal_contradiction"]
    spans = [(e.start, e.end) for c in within for v in c.values for e in v.evidence]
    spans += [(e.start, e.end) for f in flags for e in f.evidence]
    return Finding(bool(within or flags), spans)


def baseline_finding(candidate: Candidate | None, threshold: float) -> Finding:
    if not predicts(candidate, threshold):
        return Finding(False)
    assert candidate is not None
    return Finding(True, [candidate.first, candidate.second])


def _overlaps(spans: list[Span], gold: Span) -> bool:
    return any(a < gold[1] and gold[0] < b for a, b in spans)


def _scored(doc: ContraDoc) -> bool:
    """In the detection set: unedited, or contradictory with the evidence sentence kept whole."""
    return not doc.contradictory or doc.evidence_status == "ok"


@dataclass(frozen=True)
class _Scores:
    precision: float | None
    recall: float | None
    f1: float | None
    accuracy: float | None
    evidence_recall: float | None
    cut_recall: float | None
    n_called: int  # scored documents called contradictory


def _score(docs: list[ContraDoc], found: list[Finding]) -> _Scores:
    scored = [(d, f) for d, f in zip(docs, found) if _scored(d)]
    gold = [d.contradictory for d, _ in scored]
    pred = [f.contradictory for _, f in scored]
    counts = decision_prf(gold, pred)
    located = [(d, f) for d, f in scored if d.contradictory and d.evidence is not None]
    cut = [f.contradictory for d, f in zip(docs, found) if d.contradictory and d.evidence_status != "ok"]
    # With no contradictory document to find, precision, recall and F1 say nothing: 'not checked', not 1.0.
    due = counts.n_gold > 0
    return _Scores(counts.precision if due else None, counts.recall if due else None, counts.f1 if due else None,
                   accuracy(gold, pred),
                   sum(f.contradictory and _overlaps(f.evidence, d.evidence) for d, f in located) / len(located)
                   if located else None,
                   sum(cut) / len(cut) if cut else None, counts.n_pred)


def _run_newsprism(ctx: Context, split: str, docs: list[ContraDoc]) -> tuple[list[Finding], int]:
    """Findings per document and how many documents crashed or had a cross-check mechanism fail."""
    analysed = ctx.cache.analyse([d.article for d in docs], ctx.progress, f"{split}: ContraDoc analysis")
    found: list[Finding] = []
    failed = 0
    with logged_errors("newsprism.crosscheck.story") as failures:
        for i, an in enumerate(analysed, 1):
            before = len(failures.records)
            try:
                found.append(newsprism_finding(an))
            except Exception:  # noqa: BLE001 - a crash is a miss, counted in the note
                found.append(Finding(False))
                failed += 1
            else:
                failed += len(failures.records) > before
            ctx.progress(f"{split}: cross-check", i, len(analysed))
    return found, failed


@dataclass(frozen=True)
class _Baselines:
    threshold: float  # the lexical rule's t, chosen on tune
    majority: bool  # the tune split's majority class among the scored documents


def _tune_baselines(tune: list[ContraDoc]) -> _Baselines:
    scored = [d for d in tune if _scored(d)]
    gold = [d.contradictory for d in scored]
    return _Baselines(threshold=choose_threshold([best_pair(d.article.text) for d in scored], gold),
                      majority=2 * sum(gold) > len(gold))


def contradoc(ctx: Context) -> list[Figure]:
    docs = read_corpus(ctx.corpora)
    by_split = {s: [d for d in docs if d.split == s] for s in SPLITS}
    tuned = _tune_baselines(by_split["tune"]) if ctx.sample is None else None
    figures: list[Figure] = []
    for split in ctx.wanted(by_split):
        units = ctx.units(split, by_split[split])
        found, failed = _run_newsprism(ctx, split, units)
        ours = _score(units, found)
        base = always = majority = None
        if tuned is not None:
            base = _score(units, [baseline_finding(best_pair(d.article.text), tuned.threshold) for d in units])
            always = _score(units, [Finding(True) for _ in units])
            majority = _score(units, [Finding(tuned.majority) for _ in units])
        n_scored = sum(1 for d in units if _scored(d))
        n_ok = sum(1 for d in units if d.contradictory and d.evidence is not None)
        n_cut = sum(1 for d in units if d.contradictory and d.evidence_status != "ok")
        failed_note = f"{failed} documents failed in newsprism (counted as found nothing)" if failed else ""

        def fig(metric: str, n: int, attr: str, note: str = "", base_note: str = "") -> Figure:
            value = getattr(ours, attr)
            note = "; ".join(x for x in (note, base_note if base else "", failed_note) if x)
            if value is None:
                note = "not checked: no such document in this split" + (f"; {note}" if note else "")
            return Figure(TASK, CORPUS, split, metric, value, n, baseline=BASELINE if base else None,
                          baseline_value=getattr(base, attr) if base else None, note=note)

        called = f"called contradictory: newsprism {ours.n_called}" + (f", lexical {base.n_called}" if base else "")
        f1_note = acc_note = ""
        if tuned is not None and always is not None and majority is not None:
            f1_note = f"always-yes F1 {always.f1:.3f}; lexical t = {tuned.threshold:g} (tune)"
            label = "yes" if tuned.majority else "no"
            acc_note = f"tune majority (always-{label}) accuracy {majority.accuracy:.3f}"
        figures += [
            fig("precision (yes)", n_scored, "precision", called),
            fig("recall (yes)", n_scored, "recall"),
            fig("F1 (yes)", n_scored, "f1", base_note=f1_note),
            fig("accuracy", n_scored, "accuracy", base_note=acc_note),
            fig("evidence recall", n_ok, "evidence_recall"),
            fig("recall (yes), evidence cut", n_cut, "cut_recall", "the cut text may no longer contradict itself"),
        ]
    return figures
