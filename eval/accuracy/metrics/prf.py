"""Precision, recall and F1 from counts, the convention every matching-based task uses."""

from __future__ import annotations

from dataclasses import dataclass


def f1_of(precision: float, recall: float) -> float:
    """The harmonic mean, 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Rates:
    """Precision and recall that need not come from integer counts (B-cubed, CEAF-e)."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)


@dataclass(frozen=True)
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def precision(self) -> float:
        """Of what was predicted, the share that matched; 1.0 when nothing was predicted and nothing was due."""
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        return f1_of(self.precision, self.recall)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    if tp < 0 or tp > n_pred or tp > n_gold:
        raise ValueError(f"tp={tp} exceeds n_pred={n_pred} or n_gold={n_gold}")
    return PRF(tp, n_pred, n_gold)
