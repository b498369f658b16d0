"""The loaded-term detector: stems, the learner, and the shipped lexicon."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsprism.crosscheck.loaded_terms import (
    LEXICON_PATH,
    is_loaded,
    learn_weights,
    loaded_score,
    stem,
    word_weights,
)


@pytest.mark.parametrize("a,b", [("praised", "praise"), ("mocking", "mocks"), ("regimes", "regime"),
                                 ("stopped", "stop"), ("dictators", "dictator")])
def test_stem_joins_inflections(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize("term", ["Moldovan strongman", "the ruling junta", "Qatari regime", "a brutal crackdown"])
def test_is_loaded_marks_political_labels(term):
    assert is_loaded(term)


@pytest.mark.parametrize("term", ["Moldovan President", "the ruling council", "Qatari government",
                                  "a police operation", "full-scale invasion", "Kremlin aide"])
def test_is_loaded_leaves_neutral_wording(term):
    assert not is_loaded(term)


def test_word_weights_point_at_the_loaded_word():
    text = "The senator's phony outrage drew a swift reply."
    hits = [(w, s, e) for w, s, e, weight in word_weights(text) if weight > 0]
    start = text.index("phony")
    assert ("phony", start, start + 5) in hits
    assert not {"senator's", "drew", "reply"} & {w for w, _, _ in hits}


def test_learn_weights_prefers_words_seen_inside_spans():
    # Invented sentences: "ghastly" sits inside the marked spans, "budget" outside.
    docs = []
    for i in range(6):
        text = f"The mayor unveiled a ghastly plan number {i} for the city budget on Tuesday."
        a = text.index("ghastly")
        docs.append((text, [(a, a + len("ghastly plan"))]))
        docs.append((f"Officials discussed the budget and the schedule {i} at length.", []))
    weights, stats = learn_weights(docs, min_span_count=2, min_z=0.0)
    assert stats.spans == 6
    assert weights[stem("ghastly")] > 0
    assert stem("budget") not in weights
    assert loaded_score("a ghastly idea", weights) > 0 and loaded_score("the budget", weights) == 0


def test_learn_weights_needs_min_span_count():
    text = "Critics called the levy outlandish."
    a = text.index("outlandish")
    weights, _ = learn_weights([(text, [(a, a + 10)])], min_span_count=2, min_z=0.0)
    assert weights == {}


def test_shipped_lexicon_holds_single_stems_only():
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert data["weights"], "lexicon is empty: run eval/build_loaded_lexicon.py"
    for key, value in data["weights"].items():
        assert " " not in key and key == key.lower()
        assert isinstance(value, float)


@pytest.mark.slow
def test_shipped_lexicon_is_rebuilt_from_basil(corpora):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
    from basil_lexical import read_years

    years = read_years(corpora / "basil")
    weights, _ = learn_weights([d for ds in years.values() for d in ds])
    shipped = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))["weights"]
    assert weights == shipped
