"""The lexical contradiction baseline on short documents written for the test."""

from __future__ import annotations

from accuracy.baselines.lexical_contradiction import GRID, best_pair, choose_threshold, predicts

NEGATED = ("The old mill on the river was rebuilt by the town council in spring. "
           "Tourists visit the valley every summer. "
           "The old mill on the river wasn't rebuilt by the town council in spring.")
NUMBERS = ("The bridge across the northern harbour opened in 1931 after long delays. "
           "Fishing boats still dock below it. "
           "The bridge across the northern harbour opened in 1934 after long delays.")
PLAIN = ("The festival draws musicians from across the region. "
         "Local bakers sell bread and cakes near the square. "
         "Rain rarely spoils the weekend.")


def test_negation_and_number_pairs_are_found():
    for text in (NEGATED, NUMBERS):
        pair = best_pair(text)
        assert pair is not None and pair.score == 1.0
        assert text[pair.first[0]:pair.first[1]].startswith("The ")
        assert pair.second[0] > pair.first[1]


def test_no_pair_without_a_difference():
    assert best_pair(PLAIN) is None
    assert best_pair(NEGATED.replace("wasn't", "was")) is None
    assert not predicts(None, GRID[0])


def test_decimals_do_not_split_sentences():
    pair = best_pair("Growth in the coastal region reached 3.5 percent last year. "
                     "Growth in the coastal region reached 2.5 percent last year.")
    assert pair is not None and pair.score == 1.0 and pair.first == (0, 59)


def test_threshold_is_chosen_for_accuracy_with_ties_to_the_higher():
    pos, neg = best_pair(NEGATED), best_pair(PLAIN)
    assert choose_threshold([pos, neg], [True, False]) == GRID[-1]
    weak = best_pair("Storm damage closed the coastal road near the harbour for days. "
                     "The coastal road was not closed by the storm, officials said at the harbour office.")
    assert weak is not None and 0 < weak.score < 1
    chosen = choose_threshold([pos, weak, neg], [True, True, False])
    assert chosen <= weak.score and predicts(weak, chosen)
    # a weak pair in a document that does not contradict itself pushes the threshold above it
    assert choose_threshold([pos, weak], [True, False]) > weak.score
