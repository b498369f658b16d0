"""The text baselines on hand-made inputs: TF-IDF average-link clustering, Lead-3 and LexRank."""

import pytest

from accuracy.baselines.extractive import Budget, LexRank, lead
from accuracy.baselines.tfidf_cluster import best_threshold, build_tree

DOCS = {
    "q1": "Earthquake shakes coastal city, buildings collapse, rescuers search rubble.",
    "q2": "Rescuers search collapsed buildings after earthquake hits coastal city.",
    "f1": "Central bank raises interest rates to fight inflation, markets fall.",
    "f2": "Markets fall as central bank raises interest rates again over inflation.",
    "s1": "Local team wins championship final after penalty shootout.",
}
GOLD = {"q1": "quake", "q2": "quake", "f1": "rates", "f2": "rates", "s1": "sport"}


def test_tree_cut_finds_the_stories_and_the_extremes_split_or_merge_everything():
    tree = build_tree(list(DOCS), list(DOCS.values()))
    choice = best_threshold(tree, GOLD)
    assert choice.score.f1 == 1.0
    assert len(set(tree.cut(0.0).values())) == 5
    assert len(set(tree.cut(1.0).values())) == 1


def test_lowest_threshold_wins_a_tie_and_one_document_is_its_own_cluster():
    tree = build_tree(list(DOCS), list(DOCS.values()))
    grid = [0.7, 0.8, 0.9]
    scores = [best_threshold(tree, GOLD, [t]).score.f1 for t in grid]
    best = best_threshold(tree, GOLD, grid)
    assert best.threshold == grid[scores.index(max(scores))]
    assert build_tree(["only"], ["a text"]).cut(0.5) == {"only": 0}


SENTENCES = [
    "The bridge opened on Monday after five years of work.",
    "The mayor cut the ribbon at the new bridge on Monday.",
    "Traffic on the new bridge was heavy on Monday.",
    "A local bakery sold commemorative cakes.",
]


def test_lead_takes_the_first_sentences():
    assert lead(SENTENCES) == SENTENCES[:3]
    assert lead(SENTENCES[:2]) == SENTENCES[:2]


def test_lexrank_prefers_central_sentences_and_keeps_story_order():
    lr = LexRank(SENTENCES + ["Monday weather was mild.", "Cakes and bread at the bakery."])
    scores = lr.centrality(SENTENCES)
    assert scores.sum() == pytest.approx(1.0)
    assert scores[3] == min(scores)  # the off-topic sentence is the least central
    two = lr.summarise(SENTENCES, Budget(sentences=2))
    assert len(two) == 2 and SENTENCES[3] not in two
    assert two == [s for s in SENTENCES if s in two]


def test_word_budget_stops_once_reached_and_empty_input_gives_nothing():
    lr = LexRank(SENTENCES)
    one = lr.summarise(SENTENCES, Budget(words=5))
    assert len(one) == 1
    assert lr.summarise([], Budget(sentences=3)) == []
    with pytest.raises(ValueError):
        Budget()
    with pytest.raises(ValueError):
        Budget(sentences=3, words=40)
