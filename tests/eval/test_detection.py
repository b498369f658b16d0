"""ROC AUC, recall at a fixed false-positive rate and yes/no P/R/F1 on small hand-made scores."""

from __future__ import annotations

import pytest

from accuracy.metrics.detection import (
    accuracy,
    decision_prf,
    false_positive_rate,
    recall_at_fpr,
    roc_auc,
)


def test_auc_perfect_reversed_and_partial():
    labels = [True, True, False, False]
    assert roc_auc([0.9, 0.8, 0.2, 0.1], labels) == 1.0
    assert roc_auc([0.1, 0.2, 0.8, 0.9], labels) == 0.0
    # one of the four positive/negative pairs is out of order
    assert roc_auc([0.9, 0.3, 0.4, 0.1], labels) == pytest.approx(0.75)


def test_auc_ties_count_half():
    assert roc_auc([0, 0, 0, 0], [True, False, True, False]) == 0.5
    # positive 1 beats both negatives, positive 0 ties both: (2 + 0.5 + 0.5) / 4
    assert roc_auc([1, 0, 0, 0], [True, True, False, False]) == pytest.approx(0.75)


def test_auc_undefined_without_both_classes():
    assert roc_auc([0.1, 0.2], [True, True]) is None
    assert roc_auc([], []) is None
    with pytest.raises(ValueError):
        roc_auc([0.1], [True, False])


def test_recall_at_fpr_threshold_comes_from_the_negatives():
    neg = [float(i) for i in range(100)]  # 0..99; 1% of 100 lets one negative (99) through
    pos = [98.5, 99.5, 50.0, 120.0]
    point = recall_at_fpr(pos + neg, [True] * 4 + [False] * 100, 0.01)
    assert point is not None
    assert point.threshold == 98.0
    assert point.fpr == pytest.approx(0.01)
    assert point.recall == pytest.approx(3 / 4)


def test_recall_at_fpr_ties_at_the_threshold_stay_negative():
    point = recall_at_fpr([0, 0, 0, 0], [True, True, False, False], 0.01)
    assert point is not None and point.recall == 0.0 and point.fpr == 0.0
    perfect = recall_at_fpr([5, 4, 1, 0], [True, True, False, False], 0.0)
    assert perfect is not None and perfect.recall == 1.0 and perfect.threshold == 1


def test_recall_at_fpr_edge_cases():
    assert recall_at_fpr([1.0], [True], 0.01) is None
    with pytest.raises(ValueError):
        recall_at_fpr([1.0, 0.0], [True, False], 1.0)


def test_decision_prf_and_accuracy():
    gold = [True, True, False, False]
    assert decision_prf(gold, gold).f1 == 1.0
    assert accuracy(gold, gold) == 1.0
    none = decision_prf(gold, [False] * 4)
    assert none.recall == 0.0 and none.f1 == 0.0
    half = decision_prf(gold, [True, False, True, False])
    assert (half.precision, half.recall, half.f1) == (0.5, 0.5, 0.5)
    assert accuracy(gold, [True, False, True, False]) == 0.5
    always = decision_prf(gold, [True] * 4)
    assert always.precision == 0.5 and always.recall == 1.0 and always.f1 == pytest.approx(2 / 3)
    assert accuracy([], []) is None


def test_false_positive_rate():
    assert false_positive_rate([True, False, False], [True, True, False]) == 0.5
    assert false_positive_rate([True], [True]) is None
