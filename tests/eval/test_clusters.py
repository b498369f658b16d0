"""B-cubed on hand-made clusterings: perfect, all-apart, all-together, a partial merge, and left-out items."""

import pytest

from accuracy.metrics.clusters import bcubed

GOLD = {"a1": "A", "a2": "A", "a3": "A", "b1": "B", "b2": "B", "c1": "C"}


def test_perfect_clustering_scores_one_whatever_the_labels():
    pred = {"a1": 7, "a2": 7, "a3": 7, "b1": "x", "b2": "x", "c1": None}
    s = bcubed(pred, GOLD)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_every_item_apart_has_full_precision_and_recall_of_mean_inverse_size():
    s = bcubed({i: i for i in GOLD}, GOLD)
    assert s.precision == 1.0
    assert s.recall == pytest.approx((3 * (1 / 3) + 2 * (1 / 2) + 1) / 6)


def test_everything_together_has_full_recall_and_low_precision():
    s = bcubed({i: 0 for i in GOLD}, GOLD)
    assert s.recall == 1.0
    assert s.precision == pytest.approx((3 * 3 / 6 + 2 * 2 / 6 + 1 / 6) / 6)
    assert 0 < s.f1 < 1


def test_a_wrong_merge_costs_precision_only():
    pred = {"a1": 1, "a2": 1, "a3": 1, "b1": 2, "b2": 2, "c1": 2}
    s = bcubed(pred, GOLD)
    assert s.recall == 1.0
    assert s.precision == pytest.approx((3 + 2 * (2 / 3) + 1 / 3) / 6)


def test_a_left_out_item_is_its_own_cluster_and_extra_items_are_ignored():
    pred = {"a1": 1, "a2": 1, "b1": 2, "b2": 2, "c1": 3, "zz": 1}
    s = bcubed(pred, GOLD)  # a3 missing: alone; zz unknown to gold: ignored
    assert s.precision == 1.0
    assert s.recall == pytest.approx((2 * (2 / 3) + 1 / 3 + 2 + 1) / 6)


def test_a_left_out_item_never_joins_a_cluster_labelled_like_it():
    s = bcubed({"a1": "a2"}, {"a1": "A", "a2": "A"})  # a2 left out; a1's label happens to be "a2"
    assert s.precision == 1.0 and s.recall == 0.5


def test_no_gold_items_is_refused():
    with pytest.raises(ValueError):
        bcubed({"x": 1}, {})
