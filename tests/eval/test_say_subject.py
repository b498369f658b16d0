"""The 'say'-subject baseline rule on sentences written for the test."""

import pytest
from spacy.tokens import Doc
import spacy

from accuracy.baselines.say_subject import relations

# "The mayor said the bridge would reopen. According to the council, it will cost more. Officials were told nothing."
WORDS = ["The", "mayor", "said", "the", "bridge", "would", "reopen", ".",
         "According", "to", "the", "council", ",", "it", "will", "cost", "more", ".",
         "Officials", "were", "told", "nothing", "."]
SPACES = [True, True, True, True, True, True, False, True,
          True, True, True, False, True, True, True, True, False, True,
          True, True, True, False, False]
HEADS = [1, 2, 2, 4, 6, 6, 2, 2,
         15, 8, 11, 9, 15, 15, 15, 15, 15, 15,
         20, 20, 20, 20, 20]
DEPS = ["det", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "punct",
        "prep", "prep", "det", "pobj", "punct", "nsubj", "aux", "ROOT", "dobj", "punct",
        "nsubjpass", "auxpass", "ROOT", "dobj", "punct"]
LEMMAS = ["the", "mayor", "say", "the", "bridge", "would", "reopen", ".",
          "accord", "to", "the", "council", ",", "it", "will", "cost", "more", ".",
          "official", "be", "tell", "nothing", "."]
POS = ["DET", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT",
       "VERB", "ADP", "DET", "NOUN", "PUNCT", "PRON", "AUX", "VERB", "ADJ", "PUNCT",
       "NOUN", "AUX", "VERB", "PRON", "PUNCT"]


def test_rule_takes_say_subjects_and_according_to_objects_only():
    doc = Doc(spacy.blank("en").vocab, words=WORDS, spaces=SPACES, heads=HEADS, deps=DEPS, lemmas=LEMMAS, pos=POS)
    found = relations(doc)
    assert [(r.source, r.head, r.cue) for r in found] == [("The mayor", "mayor", "said"),
                                                          ("the council", "council", "According to")]
    text = doc.text
    mayor, council = found
    assert text[mayor.cue_start:mayor.cue_end] == "said" and text[mayor.head_start:mayor.head_end] == "mayor"
    assert text[council.cue_start:council.cue_end] == "According to"
    assert text[council.sentence_start:council.sentence_end].startswith("According to the council")


@pytest.mark.slow
def test_rule_on_newsprism_parse():
    from newsprism.nlp.pipeline import load_pipeline

    doc = load_pipeline()("The senator told reporters that the vote would wait. It will pass, according to aides.")
    assert {(r.head, r.cue) for r in relations(doc)} == {("senator", "told"), ("aides", "according to")}
