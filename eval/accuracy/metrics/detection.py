"""Scores of a detector: ROC AUC, recall at a fixed false-positive rate, and P/R/F1 of a yes/no decision.

A detector gives each item a score (higher means "positive": machine-written,
contradictory); the gold says which items are positive. AUC and the
operating point are computed from the scores, so a score that ties many
items (newsprism's style points are mostly 0) is judged as it is: ties count
half in the AUC and fall on the negative side of a threshold.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from accuracy.metrics.prf import PRF, prf


def roc_auc(scores: Sequence[float], positive: Sequence[bool]) -> float | None:
    """The chance that a random positive outscores a random negative (a tie counts one half).

    None when either class is empty: the AUC is undefined there, not 0.5.
    """
    if len(scores) != len(positive):
        raise ValueError(f"{len(scores)} scores for {len(positive)} labels")
    n_pos = sum(1 for p in positive if p)
    n_neg = len(positive) - n_pos
    if not n_pos or not n_neg:
        return None
    # Mann-Whitney U from mid-ranks: each run of tied scores shares the mean of its ranks.
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    rank_sum = 0.0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        mid = (i + j) / 2 + 1  # ranks are 1-based
        rank_sum += mid * sum(1 for k in order[i:j + 1] if positive[k])
        i = j + 1
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


@dataclass(frozen=True)
class OperatingPoint:
    """A threshold set on the negatives: items scoring strictly above it are called positive."""

    threshold: float
    recall: float  # share of positives above the threshold
    fpr: float  # share of negatives above it (at most the rate asked for)


def recall_at_fpr(scores: Sequence[float], positive: Sequence[bool], max_fpr: float) -> OperatingPoint | None:
    """Recall at the lowest threshold that lets at most ``max_fpr`` of the negatives through.

    The threshold is one of the negatives' scores and an item must score
    strictly above it, so a block of negatives tied at the threshold never
    passes: a score that gives everything 0 has recall 0 at any rate below 1.
    None when either class is empty.
    """
    if len(scores) != len(positive):
        raise ValueError(f"{len(scores)} scores for {len(positive)} labels")
    if not 0 <= max_fpr < 1:
        raise ValueError(f"max_fpr must be in [0, 1), not {max_fpr}")
    neg = sorted((s for s, p in zip(scores, positive) if not p), reverse=True)
    pos = [s for s, p in zip(scores, positive) if p]
    if not neg or not pos:
        return None
    allowed = math.floor(max_fpr * len(neg) + 1e-9)  # how many negatives may score above the threshold
    threshold = neg[allowed]
    return OperatingPoint(threshold=threshold,
                          recall=sum(1 for s in pos if s > threshold) / len(pos),
                          fpr=sum(1 for s in neg if s > threshold) / len(neg))


def decision_prf(gold: Sequence[bool], predicted: Sequence[bool]) -> PRF:
    """Precision, recall and F1 of the positive class of a yes/no decision (see PRF for the empty cases)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold labels")
    tp = sum(1 for g, p in zip(gold, predicted) if g and p)
    return prf(tp, sum(1 for p in predicted if p), sum(1 for g in gold if g))


def accuracy(gold: Sequence[bool], predicted: Sequence[bool]) -> float | None:
    """Share of items decided as the gold says; None for no items."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold labels")
    return sum(1 for g, p in zip(gold, predicted) if g == p) / len(gold) if gold else None


def false_positive_rate(gold: Sequence[bool], predicted: Sequence[bool]) -> float | None:
    """Share of the negatives called positive; None when there is no negative."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(predicted)} predictions for {len(gold)} gold labels")
    neg = [p for g, p in zip(gold, predicted) if not g]
    return sum(1 for p in neg if p) / len(neg) if neg else None
