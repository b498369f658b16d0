"""The machine-written-style detector: its model file, its features on hand-made text, its runtime contract."""

from __future__ import annotations

import json
import statistics

import pytest

from newsprism.crosscheck import style
from newsprism.crosscheck.style import MODEL_PATH, STYLE_THRESHOLD, load_model, score_style
from newsprism.crosscheck.style_features import Vocabulary, feature_names, features, mattr, sentence_lengths
from newsprism.model import AnalyzedArticle, Article

WIRE = (
    "Valdoria's parliament voted 112 to 87 on Tuesday to extend the state of emergency in the port city of "
    "Menasco by 60 days, the speaker's office said.\n"
    "Interior Minister Carla Rentova told lawmakers that police had detained 41 people since the unrest began on "
    "March 3, and that two officers were injured in clashes near the harbour on Sunday.\n"
    "Opposition leader Tomas Irribe said the extension was unnecessary. \"The streets are calm,\" he told "
    "reporters outside the chamber."
)
VOCAB = Vocabulary(function_words=("the", "of"), machine_ngrams=("the harbour",), human_ngrams=("told reporters",))


def _analyzed(text: str) -> AnalyzedArticle:
    return AnalyzedArticle(article=Article(id="a-test", source="test.txt", text=text))


def test_model_file_has_the_stated_fields():
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    n = len(data["features"])
    assert n and len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(data["news_mean"]) == n
    assert 0 < data["threshold"] < 1 and isinstance(data["intercept"], float)
    assert set(data["vocabulary"]) == {"function_words", "machine_ngrams", "human_ngrams"}
    prov = data["provenance"]
    assert {"corpora", "counts", "settings", "out_of_fold"} <= set(prov)
    assert prov["settings"]["max_fpr"] == 0.01
    vocab = load_model().vocab
    assert data["features"] == feature_names(vocab)  # the runtime computes what the model was fitted on


def test_features_on_hand_made_text():
    text = "The cat sat. The dog of the house ran far away!\nThe harbour was calm, quiet."
    f = features(text, VOCAB)
    assert list(f) == feature_names(VOCAB)
    n = 16  # words: 3, 8 and 5 a sentence
    assert f["word 'the' rate"] == pytest.approx(4 / n)
    assert f["word 'of' rate"] == pytest.approx(1 / n)
    assert f["comma rate"] == pytest.approx(1 / n)
    assert f["exclamation rate"] == pytest.approx(1 / n)
    assert f["mean sentence length"] == pytest.approx(16 / 3)
    assert f["sentence length burstiness"] == pytest.approx(statistics.pstdev([3, 8, 5]) / (16 / 3))
    assert f["machine-leaning n-grams"] == pytest.approx(100 / n)
    assert f["human-leaning n-grams"] == 0
    assert f["capitalised word share"] == pytest.approx(3 / n)
    assert 3 < f["mean word frequency"] < 8  # common English words


def test_sentence_lengths_and_vocabulary_variety():
    assert sentence_lengths("One two three. Four five!\nSix") == [3, 2, 1]
    assert mattr(["a", "b", "a", "b"], window=2) == 1.0
    assert mattr(["a", "a", "a"], window=5) == pytest.approx(1 / 3)


def test_score_ranks_by_probability_and_flags_at_the_threshold():
    s = score_style(_analyzed(WIRE))
    assert s.checked and 0 <= s.points <= 10
    assert s.threshold == STYLE_THRESHOLD
    assert s.flagged == (s.points >= STYLE_THRESHOLD)
    for f in s.features:  # the features shown are those that pushed the score up, in plain words
        assert f.points > 0 and f.detail and "human news" in f.detail
        assert all(0 <= a < b <= len(WIRE) for a, b in f.spans)


def test_wire_copy_is_not_flagged():
    assert not score_style(_analyzed(WIRE)).flagged


def test_missing_model_says_not_checked(tmp_path, monkeypatch):
    assert load_model(tmp_path / "missing.json") is None
    monkeypatch.setattr(style, "_MODEL", None)
    s = score_style(_analyzed(WIRE))
    assert not s.checked and not s.flagged
    assert [f.name for f in s.features] == ["detector unavailable"]
    assert s.features[0].detail.startswith("not checked")
