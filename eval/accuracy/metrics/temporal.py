"""TempEval-3 temporal expression scores (UzZaman et al., 2013): strict and relaxed span F1, value F1.

- Strict span: a predicted expression matches a gold one with exactly the
  same character offsets.
- Relaxed span: a predicted and a gold expression match when their spans
  overlap; the matching is one-to-one (a gold expression is credited once),
  chosen to match as many as possible and, among those, to maximise the
  characters shared.
- Value: an attribute F1 over the relaxed matches: a match counts when both
  normalised values are equal (a missing value never equals anything);
  precision divides by every predicted expression, recall by every gold one,
  so a missed expression costs value recall too.
Counts are summed over documents before P, R and F1 are taken (micro
average), as the TempEval-3 scorer does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from accuracy.metrics.prf import PRF, prf


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str | None  # a TimeML value (1998-01-08, 1998-W05, PRESENT_REF ...), None when not normalised


@dataclass(frozen=True)
class TimexScores:
    strict: PRF
    relaxed: PRF
    value: PRF

    def __add__(self, other: TimexScores) -> TimexScores:
        return TimexScores(self.strict + other.strict, self.relaxed + other.relaxed, self.value + other.value)


EMPTY = TimexScores(PRF(0, 0, 0), PRF(0, 0, 0), PRF(0, 0, 0))


def normalise_value(value: str | None) -> str | None:
    """TimeML values compare case-blind and without surrounding blanks."""
    if value is None or not value.strip():
        return None
    return value.strip().upper()


def _overlap(a: Timex, b: Timex) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def relaxed_matches(pred: Sequence[Timex], gold: Sequence[Timex]) -> list[tuple[int, int]]:
    """One-to-one (pred index, gold index) pairs of overlapping spans: most pairs, then most shared characters."""
    if not pred or not gold:
        return []
    overlap = np.array([[max(_overlap(p, g), 0) for g in gold] for p in pred], dtype=float)
    # A pair's weight: a large constant (so cardinality comes first) plus the characters shared.
    weight = np.where(overlap > 0, overlap + 1 + overlap.sum(), 0.0)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(int(r), int(c)) for r, c in zip(rows, cols) if overlap[r, c] > 0]


def score_document(pred: Sequence[Timex], gold: Sequence[Timex]) -> TimexScores:
    """Strict, relaxed and value counts of one document's predictions against its gold expressions."""
    exact_pred = Counter((p.start, p.end) for p in pred)
    exact_gold = Counter((g.start, g.end) for g in gold)
    strict = sum(min(n, exact_gold[span]) for span, n in exact_pred.items())
    pairs = relaxed_matches(pred, gold)
    right = sum(1 for i, j in pairs if (v := normalise_value(pred[i].value)) is not None
                and v == normalise_value(gold[j].value))
    n_pred, n_gold = len(pred), len(gold)
    return TimexScores(prf(strict, n_pred, n_gold), prf(len(pairs), n_pred, n_gold), prf(right, n_pred, n_gold))


def score_corpus(docs: Sequence[tuple[Sequence[Timex], Sequence[Timex]]]) -> TimexScores:
    """Micro-averaged scores over (predictions, gold) per document."""
    total = EMPTY
    for pred, gold in docs:
        total = total + score_document(pred, gold)
    return total
