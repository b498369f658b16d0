"""Precision/recall/F1 from counts: the edge cases every matching scorer relies on."""

import pytest

from accuracy.metrics.prf import PRF, prf


def test_perfect_scores_one_and_empty_prediction_scores_zero_recall():
    assert prf(3, 3, 3).f1 == 1.0
    empty = prf(0, 0, 4)
    assert empty.recall == 0.0 and empty.f1 == 0.0


def test_partial_match_is_between():
    s = prf(1, 2, 4)
    assert s.precision == 0.5 and s.recall == 0.25 and 0 < s.f1 < 0.5


def test_nothing_due_nothing_predicted_is_perfect_and_counts_add():
    assert prf(0, 0, 0).f1 == 1.0
    assert (PRF(1, 2, 3) + PRF(2, 2, 2)) == PRF(3, 4, 5)


def test_tp_above_counts_is_refused():
    with pytest.raises(ValueError):
        prf(3, 2, 5)
