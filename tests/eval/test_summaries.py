"""ROUGE F-measures on hand-made summaries: identical, empty, unrelated, partial, stemming, averaging."""

import pytest

from rouge_score import rouge_scorer

from accuracy.metrics.summaries import MEASURES, Rouge, mean_rouge, rouge

REFERENCE = "The council approved the new harbour bridge on Tuesday."


def test_identical_summary_scores_one():
    s = rouge(REFERENCE, REFERENCE)
    assert (s.rouge1, s.rouge2, s.rougeL) == (1.0, 1.0, 1.0)
    assert s.mean == 1.0


def test_empty_or_blank_summary_scores_zero():
    assert rouge("", REFERENCE) == Rouge(0.0, 0.0, 0.0)
    assert rouge("  \n", REFERENCE) == Rouge(0.0, 0.0, 0.0)


def test_unrelated_summary_scores_zero():
    assert rouge("Purple elephants dance quietly.", REFERENCE) == Rouge(0.0, 0.0, 0.0)


def test_partial_and_reordered_summaries_are_between():
    part = rouge("The council approved a bridge.", REFERENCE)
    assert 0 < part.rouge2 < part.rouge1 < 1
    shuffled = rouge("Tuesday on bridge harbour new the approved council the.", REFERENCE)
    assert shuffled.rouge1 == 1.0 and shuffled.rougeL < 1.0 and shuffled.rouge2 < 1.0


def test_porter_stemming_matches_inflections():
    assert rouge("councils approving bridges", "council approved bridge").rouge1 == 1.0


def test_mean_is_per_summary_and_needs_one():
    m = mean_rouge([Rouge(1.0, 0.5, 1.0), Rouge(0.0, 0.0, 0.0)])
    assert m == Rouge(0.5, 0.25, 0.5)
    with pytest.raises(ValueError):
        mean_rouge([])


def test_scores_are_rouge_scores_own_with_its_stemmer():
    plain = rouge_scorer.RougeScorer(list(MEASURES), use_stemmer=True)
    summary = "Councillors were approving the bridges, and the harbour's crossing opens in 2027."
    want = plain.score(REFERENCE, summary)
    got = rouge(summary, REFERENCE)
    assert (got.rouge1, got.rouge2, got.rougeL) == tuple(want[m].fmeasure for m in MEASURES)
