"""Precision, recall and F1 from counts, the convention every matching-based task uses."""

from __future__ import annotations

from dataclasses import dataclass


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
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)


def prf(tp: int, n_pred: int, n_gold: int) -> PRF:
    if tp < 0 or tp > n_pred or tp > n_gold:
        raise ValueError(f"tp={tp} exceeds n_pred={n_pred} or n_gold={n_gold}")
    return PRF(tp, n_pred, n_gold)
