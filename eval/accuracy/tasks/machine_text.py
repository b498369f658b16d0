"""The machine-written-style score on machine_text: how well its points tell machine from human text.

Each text of the corpus is ingested as newsprism ingests plain text (a short
first line is read as a headline and leaves the body) and scored by the
cross-check's ``score_style``; the unit is one text, machine-written is the
positive class. ROC AUC ranks the texts by their points (ties count one
half). Recall at 1% false positives takes the threshold that lets at most 1%
of the same split's human texts through (an item must score strictly above
it), the usual way to state a detector's operating point; it is a property
of the score, not a setting either detector learns. Flag recall and flag
false-positive rate are those of the shipped flag (points >= STYLE_THRESHOLD)
over the machine and the human texts. AUC per domain (pubmed, writing,
squad) compares each domain's machine texts with its own human texts; the
news domain (NGEC) has no human text, so it gets the flag's recall only.

Baseline: lmscan 0.6.1's AI probability (an offline ensemble of stylometric
signals, a logistic regression and a character-trigram model), run on the
raw corpus text of the same units; its flag is its own "Likely AI" verdict
(probability >= 0.65). Nothing is tuned: both detectors run as shipped.

Caveats: newsprism's features target generated news filler (stock phrases,
essay closers, bullet recaps, reference lists); most texts here are fiction,
medical answers and encyclopedia prose from older generators, and about 50
to 220 words long. A machine text opens with the human prompt it continues
and is scored whole. The pooled AUC and recall rank the news texts against
the other domains' human texts; the per-domain AUCs do not mix genres.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from accuracy.baselines.lmscan_score import LMSCAN_THRESHOLD, ai_probability
from accuracy.context import Context
from accuracy.corpora.machine_text import DOMAINS, MachineText, read_corpus
from accuracy.metrics.detection import false_positive_rate, recall_at_fpr, roc_auc
from accuracy.results import Figure
from accuracy.splits import SPLITS
from newsprism.crosscheck.style import STYLE_THRESHOLD, score_style
from newsprism.ingest.text import read_text
from newsprism.model import AnalyzedArticle

TASK, CORPUS = "machine_text", "machine_text"
BASELINE = "lmscan 0.6.1"
MAX_FPR = 0.01
T = TypeVar("T")


def style_points(item: MachineText) -> float | None:
    """newsprism's style points for one text; None when ingest or scoring fails."""
    try:
        article = read_text(item.text, f"machine_text/{item.id}")
        return score_style(AnalyzedArticle(article=article)).points
    except Exception:  # noqa: BLE001 - a failing item is a miss, counted in the note
        return None


def _scores(ctx: Context, what: str, units: Sequence[MachineText], score: Callable[[MachineText], T]) -> list[T]:
    out: list[T] = []
    for i, item in enumerate(units, 1):
        out.append(score(item))
        ctx.progress(what, i, len(units))
    return out


def _rate(values: Sequence[bool]) -> float | None:
    return sum(values) / len(values) if values else None


def _split_figures(split: str, units: list[MachineText], points: list[float], lm: list[float] | None,
                   crashed: int) -> list[Figure]:
    labels = [u.machine for u in units]
    machine = [i for i, u in enumerate(units) if u.machine]
    human = [i for i, u in enumerate(units) if not u.machine]
    base = BASELINE if lm is not None else None
    crash_note = f"{crashed} texts failed in newsprism (scored 0)" if crashed else ""

    def fig(metric: str, value: float | None, n: int, base_value: float | None, note: str = "") -> Figure:
        note = "; ".join(x for x in (note, crash_note) if x)
        if value is None:
            note = "not checked: " + (note or "no item of one class")
        return Figure(TASK, CORPUS, split, metric, value, n, baseline=base, baseline_value=base_value, note=note)

    op = recall_at_fpr(points, labels, MAX_FPR)
    op_lm = recall_at_fpr(lm, labels, MAX_FPR) if lm is not None else None
    at = f"newsprism > {op.threshold:g} points" if op else ""
    if op_lm:
        at += f", lmscan > {op_lm.threshold:.4f}"
    flags = [p >= STYLE_THRESHOLD for p in points]
    lm_flags = [p >= LMSCAN_THRESHOLD for p in lm] if lm is not None else None
    out = [
        fig("ROC AUC", roc_auc(points, labels), len(units), roc_auc(lm, labels) if lm is not None else None),
        fig("recall at 1% FPR", op.recall if op else None, len(units), op_lm.recall if op_lm else None,
            f"threshold from this split's human texts: {at}" if at else ""),
        fig("flag recall", _rate([flags[i] for i in machine]), len(machine),
            _rate([lm_flags[i] for i in machine]) if lm_flags else None,
            f"newsprism >= {STYLE_THRESHOLD:g} points" + (f", lmscan >= {LMSCAN_THRESHOLD}" if lm_flags else "")),
        fig("flag false-positive rate", false_positive_rate(labels, flags), len(human),
            false_positive_rate(labels, lm_flags) if lm_flags else None, "lower is better"),
    ]
    for domain in DOMAINS:
        idx = [i for i, u in enumerate(units) if u.domain == domain]
        if domain == "news":
            news = [i for i in idx if units[i].machine]
            out.append(fig("flag recall news", _rate([flags[i] for i in news]), len(news),
                           _rate([lm_flags[i] for i in news]) if lm_flags else None,
                           "NGEC synthetic wire news; the corpus has no human news, so no AUC"))
            continue
        sub = [labels[i] for i in idx]
        out.append(fig(f"ROC AUC {domain}", roc_auc([points[i] for i in idx], sub), len(idx),
                       roc_auc([lm[i] for i in idx], sub) if lm is not None else None))
    return out


def machine_text(ctx: Context) -> list[Figure]:
    items = read_corpus(ctx.corpora)
    by_split = {s: [t for t in items if t.split == s] for s in SPLITS}
    figures: list[Figure] = []
    for split in ctx.wanted(by_split):
        units = ctx.units(split, by_split[split])
        got = _scores(ctx, f"{split}: newsprism style score", units, style_points)
        points = [p if p is not None else 0.0 for p in got]
        lm = None
        if ctx.sample is None:
            lm = ctx.cache.scores(BASELINE, [u.text for u in units], ai_probability, ctx.progress)
        figures += _split_figures(split, units, points, lm, crashed=sum(p is None for p in got))
    return figures
