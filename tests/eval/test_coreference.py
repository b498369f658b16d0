"""Coreference scores on hand-made clusterings: perfect, empty, partial, and the conventions at the edges."""

import pytest

from accuracy.metrics.coreference import b_cubed, ceaf_e, conll, cross_document_pairs, muc


def clustering(*clusters: str) -> dict[str, int]:
    """"abc", "de" -> {a: 0, b: 0, c: 0, d: 1, e: 1}: one letter a mention."""
    return {m: i for i, c in enumerate(clusters) for m in c}


KEY = clustering("abc", "de")


def test_perfect_response_scores_one():
    score = conll(KEY, dict(KEY))
    assert (score.muc.f1, score.b_cubed.f1, score.ceaf_e.f1, score.f1) == (1.0, 1.0, 1.0, 1.0)


def test_empty_response_scores_zero():
    score = conll(KEY, {})
    assert (score.muc.f1, score.b_cubed.f1, score.ceaf_e.f1, score.f1) == (0.0, 0.0, 0.0, 0.0)


def test_partial_response_by_hand():
    response = clustering("ab", "cde")
    m, b, c = muc(KEY, response), b_cubed(KEY, response), ceaf_e(KEY, response)
    assert (m.precision, m.recall) == pytest.approx((2 / 3, 2 / 3))
    assert (b.precision, b.recall) == pytest.approx((11 / 15, 11 / 15))
    assert (c.precision, c.recall) == pytest.approx((0.8, 0.8))
    assert 0 < conll(KEY, response).f1 < 1


def test_reference_implementation_example_with_twinless_mentions():
    """The worked example of Pradhan et al. (2014): the response lacks e and adds h and i."""
    key = clustering("abc", "defg")
    response = clustering("ab", "cd", "fghi")
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    assert (m.precision, m.recall) == pytest.approx((0.4, 0.4))
    assert (b.precision, b.recall) == pytest.approx((0.5, 5 / 12))
    assert (c.precision, c.recall) == pytest.approx((1.3 / 3, 0.65))


def test_all_singletons_keep_b_cubed_precision_and_lose_every_link():
    singletons = {m: m for m in KEY}
    m, b = muc(KEY, singletons), b_cubed(KEY, singletons)
    assert (m.precision, m.recall) == (0.0, 0.0)
    assert b.precision == 1.0 and b.recall == pytest.approx((3 * 1 / 3 + 2 * 1 / 2) / 5)


def test_key_of_singletons_answered_with_singletons_is_perfect():
    key = {m: m for m in "xyz"}
    assert conll(key, dict(key)).f1 == 1.0
    merged = muc(key, clustering("xyz"))
    assert (merged.precision, merged.recall) == (0.0, 1.0)


def test_ceaf_e_takes_the_best_one_to_one_alignment_not_the_greedy_one():
    key = clustering("d", "a", "bcef")
    response = clustering("ac", "bde", "f")
    # greedy pairs the most similar clusters first ("bcef" with "bde") and reaches only 1.24 of 3
    assert ceaf_e(key, response).recall == pytest.approx((2 / 4 + 2 / 3 + 2 / 5) / 3)


def test_cross_document_pairs_skip_pairs_within_one_document():
    document = {"a": 1, "c": 1, "d": 1, "b": 2, "e": 2}
    score = cross_document_pairs(KEY, clustering("ab", "cde"), document)
    assert (score.tp, score.n_pred, score.n_gold) == (2, 3, 3)
    assert cross_document_pairs(KEY, dict(KEY), document).f1 == 1.0
    assert cross_document_pairs(KEY, {m: m for m in KEY}, document).f1 == 0.0


def test_cross_document_pairs_need_both_mentions_in_the_response():
    document = {"a": 1, "b": 2, "c": 3}
    key = clustering("abc")
    score = cross_document_pairs(key, clustering("ab"), document)
    assert (score.tp, score.n_pred, score.n_gold) == (1, 1, 3)


def test_same_lemma_baseline_groups_by_story_and_head_lemma():
    from accuracy.baselines.same_lemma import Token, head_lemma, same_lemma_clusters

    tokens = [Token(0, 3, "the", "DET"), Token(4, 9, "storm", "NOUN"), Token(10, 14, "hit", "VERB")]
    assert head_lemma(tokens, 0, 9) == "storm"  # the last token of the span is its head
    assert head_lemma(tokens, 11, 12) == "hit" and head_lemma(tokens, 15, 20) is None
    clusters = same_lemma_clusters([("m1", "s1", "hit"), ("m2", "s1", "hit"), ("m3", "s2", "hit"),
                                    ("m4", "s1", None), ("m5", "s1", None)])
    assert clusters["m1"] == clusters["m2"] != clusters["m3"]
    assert len({clusters["m4"], clusters["m5"], clusters["m1"]}) == 3
