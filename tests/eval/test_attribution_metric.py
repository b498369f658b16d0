"""The attribution metric: cue placement plus source head, one-to-one, on relations written for the test."""

from accuracy.metrics.attribution import (
    OTHER_CUE,
    SAY_TELL_ACCORDING,
    GoldAttribution,
    PredictedAttribution,
    cue_type,
    head_word,
    score_article,
    score_corpus,
)

# "The mayor said the bridge would reopen. Engineers told reporters it was safe. Critics doubted it."
MAYOR = GoldAttribution(cue=((10, 14),), cue_text="said", source="The mayor", source_spans=((0, 9),))
ENGINEERS = GoldAttribution(cue=((50, 54),), cue_text="told", source="Engineers", source_spans=((40, 49),))
CRITICS = GoldAttribution(cue=((85, 92),), cue_text="doubted", source="Critics", source_spans=((77, 84),))
GOLD = [MAYOR, ENGINEERS, CRITICS]


def pred(cue, head, sentence=(0, 200), spans=()):
    return PredictedAttribution(cue=cue, sentence=sentence, head=head, source_spans=spans)


PERFECT = [pred((10, 14), "mayor"), pred((50, 54), "engineers"), pred((85, 92), "critics")]


def test_perfect_prediction_scores_one_and_empty_scores_zero():
    s = score_article(GOLD, PERFECT)
    assert s.source.f1 == 1.0 and s.cue.f1 == 1.0
    empty = score_article(GOLD, [])
    assert empty.source.recall == 0.0 and empty.source.f1 == 0.0 and empty.cue.f1 == 0.0


def test_wrong_source_counts_for_the_cue_but_not_the_source():
    s = score_article(GOLD, [pred((10, 14), "mayor"), pred((50, 54), "bridge")])
    assert (s.source.tp, s.source.n_pred, s.source.n_gold) == (1, 2, 3)
    assert (s.cue.tp, s.cue.n_pred, s.cue.n_gold) == (2, 2, 3)
    assert 0 < s.source.f1 < s.cue.f1 < 1


def test_shuffled_sources_match_no_source():
    shuffled = [pred((10, 14), "engineers"), pred((50, 54), "critics"), pred((85, 92), "mayor")]
    s = score_article(GOLD, shuffled)
    assert s.source.tp == 0 and s.cue.tp == 3


def test_cue_overlap_is_enough_for_placement():
    gold = [GoldAttribution(cue=((10, 30),), cue_text="said in a statement", source="The mayor",
                            source_spans=((0, 9),))]
    assert score_article(gold, [pred((10, 14), "mayor")]).source.tp == 1
    assert score_article(gold, [pred((30, 34), "mayor")]).source.tp == 0  # [10, 30) and [30, 34) only touch


def test_one_gold_relation_credits_one_prediction():
    s = score_article([MAYOR], [pred((10, 14), "mayor"), pred((10, 14), "mayor")])
    assert (s.source.tp, s.source.n_pred) == (1, 2)


def test_matching_is_maximal_not_greedy():
    # two gold cues in one span region: the first prediction overlaps both, the second only the first;
    # a greedy pass would give the first gold to the first prediction and leave the second unmatched
    g1 = GoldAttribution(cue=((10, 14),), cue_text="said", source="The mayor", source_spans=((0, 9),))
    g2 = GoldAttribution(cue=((15, 19),), cue_text="said", source="The mayor", source_spans=((0, 9),))
    s = score_article([g1, g2], [pred((10, 19), "mayor"), pred((10, 14), "mayor")])
    assert s.source.tp == 2


def test_prediction_without_cue_span_is_placed_by_its_sentence():
    s = score_article(GOLD, [pred(None, "mayor", sentence=(0, 39))])
    assert s.source.tp == 1
    s = score_article(GOLD, [pred(None, "mayor", sentence=(40, 76))])  # holds the engineers' cue, not the mayor's
    assert s.source.tp == 0 and s.cue.tp == 1


def test_source_named_elsewhere_matches_by_mention_place():
    gold = [GoldAttribution(cue=((20, 24),), cue_text="said", source="The former governor", source_spans=((0, 19),))]
    assert score_article(gold, [pred((20, 24), "ortiz")]).source.tp == 0
    assert score_article(gold, [pred((20, 24), "ortiz", spans=((4, 19),))]).source.tp == 1
    assert score_article(gold, [pred((20, 24), "ortiz", spans=((40, 45),))]).source.tp == 0


def test_bare_gold_pronoun_takes_any_source_and_is_counted():
    gold = [GoldAttribution(cue=((3, 7),), cue_text="said", source="He", source_spans=((0, 2),))]
    resolved = score_article(gold, [pred((3, 7), "ortiz")])
    assert resolved.source.tp == 1 and resolved.pronoun_credit == 1
    same = score_article(gold, [pred((3, 7), "he")])
    assert same.source.tp == 1 and same.pronoun_credit == 0
    phrase = [GoldAttribution(cue=((12, 16),), cue_text="said", source="he and Ortiz", source_spans=((0, 11),))]
    assert score_article(phrase, [pred((12, 16), "lee")]).source.tp == 0


def test_unsourced_gold_is_not_due_and_a_prediction_there_is_neutral():
    passive = GoldAttribution(cue=((100, 108),), cue_text="reported", source=None)
    s = score_article([MAYOR, passive], [pred((10, 14), "mayor"), pred((100, 108), "officials")])
    assert (s.source.tp, s.source.n_pred, s.source.n_gold) == (1, 1, 1)
    assert s.source.f1 == 1.0


def test_gold_without_cue_is_due_but_never_matched():
    gold = [GoldAttribution(cue=(), cue_text="", source="The mayor", source_spans=((0, 9),))]
    s = score_article(gold, [pred(None, "mayor")])
    assert (s.source.tp, s.source.n_gold) == (0, 1)


def test_recall_by_cue_type():
    s = score_article(GOLD, [pred((10, 14), "mayor"), pred((85, 92), "critics")])
    assert s.recall_of(SAY_TELL_ACCORDING) == 0.5 and s.due_of(SAY_TELL_ACCORDING) == 2
    assert s.recall_of(OTHER_CUE) == 1.0 and s.due_of(OTHER_CUE) == 1
    assert score_article([], []).recall_of(OTHER_CUE) is None


def test_cue_type_and_head_rules():
    assert cue_type("according to") == cue_type("has told") == cue_type("said:") == SAY_TELL_ACCORDING
    assert cue_type("called for") == cue_type(":") == cue_type("statement") == OTHER_CUE
    assert head_word("the mayor's office") == "office"
    assert head_word("Ortiz's") == "ortiz" and head_word("") == ""


def test_articles_are_scored_apart_and_summed():
    # the same offsets in another article do not match
    total = score_corpus([(GOLD, PERFECT), ([MAYOR], [])])
    assert (total.source.tp, total.source.n_pred, total.source.n_gold) == (3, 3, 4)
    assert total.due_of(SAY_TELL_ACCORDING) == 3 and total.recall_of(SAY_TELL_ACCORDING) == 2 / 3
