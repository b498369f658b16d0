"""The attribute ruler's look-up finds exactly the matches spaCy's Matcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from newsprism.nlp.attribute_matches import AttributeMatches, UnsupportedPattern
from newsprism.nlp.pipeline import _look_up_attribute_matches

# Contractions, colloquial forms, expletive "there", pronoun objects and runs of
# spaces: the text the ruler's two-token, REGEX and NOT_IN rules exist for.
COLLOQUIAL = ("I ain't gonna sign it, y'all. Let's c'mon and go.  There is no deal, he'd say. "
              "We gotta wait, she gets nothin' and got nothin'.\n\nThey gave it to me and you.")


@pytest.mark.slow
def test_look_up_finds_the_matchers_matches_on_real_text(nlp, seeds_dir):
    ruler = nlp.get_pipe("attribute_ruler")
    assert ruler.match != AttributeRuler.match.__get__(ruler)  # load_pipeline installed the look-up
    texts = [COLLOQUIAL] + [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    docs = list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))
    look_up = AttributeMatches(ruler)
    spans = 0
    for doc in docs:
        stock = AttributeRuler.match(ruler, doc)
        assert look_up.match(doc) == stock
        spans += sum(end - start > 1 for _, _, start, end in stock)
    assert spans >= 3  # the two-token rules ("gonna", "Let's", "ain't") were exercised, not only the tag map


def _ruler_with(patterns: list[dict]) -> AttributeRuler:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp


def test_look_up_refuses_a_pattern_with_a_quantifier_and_the_ruler_keeps_its_matcher():
    nlp = _ruler_with([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"LEMMA": "very"}}])
    ruler = nlp.get_pipe("attribute_ruler")
    with pytest.raises(UnsupportedPattern):
        AttributeMatches(ruler)
    _look_up_attribute_matches(nlp)
    assert "match" not in vars(ruler)
    assert [t.lemma_ for t in nlp("very very good")][:2] == ["very", "very"]


def test_look_up_keeps_one_match_per_rule_and_span_and_the_ruler_order():
    nlp = _ruler_with([
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}], [{"LOWER": {"IN": ["new", "old"]}}, {"LOWER": "york"}]],
         "attrs": {"LEMMA": "NYC"}},
        {"patterns": [[{"LOWER": {"REGEX": "^yo"}}]], "attrs": {"LEMMA": "yo"}, "index": 0},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"LEMMA": "space"}},
    ])
    ruler = nlp.get_pipe("attribute_ruler")
    doc = nlp.make_doc("new york  old york yonder")
    assert AttributeMatches(ruler).match(doc) == AttributeRuler.match(ruler, doc)
    _look_up_attribute_matches(nlp)
    assert "match" in vars(ruler)
    assert [t.lemma_ for t in nlp("new york  yonder")] == ["NYC", "yo", "space", "yo"]  # "york" also starts with "yo"


def _attrs(doc):
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def test_values_set_through_arrays_equal_spacys_with_the_later_rule_winning_and_negative_indices():
    from newsprism.nlp.attribute_matches import AttributeValues

    nlp = _ruler_with([
        {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"LEMMA": "NYC", "POS": "PROPN"}, "index": -1},
        {"patterns": [[{"LOWER": "york"}]], "attrs": {"LEMMA": "York", "MORPH": "Number=Sing", "TAG": "NNP"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE", "DEP": "dep"}},
    ])
    ruler = nlp.get_pipe("attribute_ruler")
    stock, ours = nlp.make_doc("new york  old york"), nlp.make_doc("new york  old york")
    matches = AttributeRuler.match(ruler, stock)
    AttributeRuler.set_annotations(ruler, stock, matches)
    AttributeValues(ruler).set_annotations(ours, matches)
    assert _attrs(ours) == _attrs(stock)
    assert ours[1].lemma_ == "York" and ours[1].pos_ == "PROPN" and ours[2].dep_ == "dep"


def test_values_refuse_a_rule_that_sets_a_lexeme_attribute():
    from newsprism.nlp.attribute_matches import AttributeValues

    nlp = _ruler_with([{"patterns": [[{"LOWER": "nyc"}]], "attrs": {"NORM": "new york"}}])
    with pytest.raises(UnsupportedPattern):
        AttributeValues(nlp.get_pipe("attribute_ruler"))
    _look_up_attribute_matches(nlp)
    assert "set_annotations" not in vars(nlp.get_pipe("attribute_ruler"))
    assert nlp("nyc")[0].norm_ == "new york"
