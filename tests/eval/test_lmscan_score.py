"""The fingerprint-free lmscan probability equals lmscan.scan's, on texts written for the test."""

from __future__ import annotations

import pytest

lmscan = pytest.importorskip("lmscan")

from accuracy.baselines.lmscan_score import ai_probability  # noqa: E402

TEXTS = [
    "The council met on Tuesday and voted to close the old bridge. Repairs start next month.",
    ("In today's rapidly evolving landscape, it is important to note that innovation plays a crucial role. "
     "Furthermore, organisations must navigate the complexities of change. Moreover, collaboration is key. "
     "In conclusion, the future remains bright for those who embrace it.") * 3,
    "short",
]


@pytest.mark.parametrize("text", TEXTS)
def test_same_probability_as_scan(text):
    assert ai_probability(text) == lmscan.scan(text).ai_probability


def test_probability_is_a_probability():
    assert all(0.0 <= ai_probability(t) <= 1.0 for t in TEXTS)
