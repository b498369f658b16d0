"""Score how much an article reads like machine-written text, and say why.

Not a verdict: a logistic regression over general style features
(newsprism.crosscheck.style_features: word frequency, sentence-length
burstiness, vocabulary variety, punctuation and function-word profiles,
n-grams learnt as machine- or human-leaning) gives a probability, and the
features that set the text furthest apart from the average human news
article, towards machine-written, are shown with the flag in plain words.
The model, its scaling, its vocabulary and its threshold live in
data/style_model.json, built from tune splits only by
eval/build_style_model.py; the threshold lets at most 1% of tune human news
through. Applying it needs plain arithmetic only (scikit-learn is used at
build time).

Without a readable model file the score is not checked: it logs a warning
and returns an unflagged score whose one feature says the detector is
unavailable, never a silent pass.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsprism.crosscheck.style_features import (
    GENERAL,
    PUNCTUATION,
    Vocabulary,
    Words,
    features,
    ngram_matches,
    words_of,
)
from newsprism.model import AnalyzedArticle

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "style_model.json"
# Points are the model's probability times this scale (0-10), so they rank texts as the model does.
STYLE_SCALE = 10.0
# Features shown with a score: the largest positive contributions, at most this many.
SHOWN_FEATURES = 4
# Spans shown per feature.
SHOWN_SPANS = 5


@dataclass(frozen=True)
class StyleModel:
    names: tuple[str, ...]
    weights: tuple[float, ...]
    intercept: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    news_mean: tuple[float, ...]
    threshold: float  # probability
    vocab: Vocabulary


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> StyleModel | None:
    """The stored model, or None (with a warning) when the file is missing or malformed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        v = data["vocabulary"]
        model = StyleModel(tuple(data["features"]), tuple(map(float, data["weights"])), float(data["intercept"]),
                           tuple(map(float, data["mean"])), tuple(map(float, data["scale"])),
                           tuple(map(float, data["news_mean"])), float(data["threshold"]),
                           Vocabulary(tuple(v["function_words"]), tuple(v["machine_ngrams"]),
                                      tuple(v["human_ngrams"])))
        if not (len(model.names) == len(model.weights) == len(model.mean) == len(model.scale)
                == len(model.news_mean)):
            raise ValueError("feature, weight and scaling lists differ in length")
        return model
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("machine-written-style detector unavailable (%s: %s); style is not checked", path, exc)
        return None


_MODEL = load_model()
# The shipped flag's threshold in points; infinite (never flags) when the model is unavailable.
STYLE_THRESHOLD = STYLE_SCALE * _MODEL.threshold if _MODEL else math.inf


@dataclass
class StyleFeature:
    """One reason the article reads as generated, with the spans that show it."""

    name: str
    points: float  # log-odds it adds against the average human news article
    detail: str
    spans: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class StyleScore:
    points: float
    features: list[StyleFeature]
    threshold: float = STYLE_THRESHOLD
    checked: bool = True

    @property
    def score(self) -> float:
        return round(min(1.0, self.points / STYLE_SCALE), 2)

    @property
    def flagged(self) -> bool:
        return self.checked and self.points >= self.threshold


def _body(analyzed: AnalyzedArticle) -> str:
    """The text before the reference list, if the article has one."""
    text = analyzed.article.text
    starts = [r.start for r in analyzed.article.references if r.end > r.start]
    return text[:min(starts)] if starts else text


def _spans(name: str, text: str, words: Words, vocab: Vocabulary) -> list[tuple[int, int]]:
    """Where a feature shows in the text, for the features that sit in particular words or marks."""
    if name == "machine-leaning n-grams":
        return [s for _, s in ngram_matches(words, vocab.machine_ngrams)]
    if name.startswith("word '"):
        word = name.split("'")[1]
        return [s for w, s in zip(words.tokens, words.spans) if w == word]
    for label, chars in PUNCTUATION.items():
        if name == f"{label} rate":
            return [(i, i + 1) for i, c in enumerate(text) if c in chars]
    return []


def _detail(name: str, value: float, news: float, words: Words, vocab: Vocabulary) -> str:
    if name == "machine-leaning n-grams":
        found = sorted({g for g, _ in ngram_matches(words, vocab.machine_ngrams)})
        shown = ", ".join(f"'{g}'" for g in found[:6])
        return (f"word sequences far more common in machine-written than human text: {value:.2g} per 100 words "
                f"(human news {news:.2g})" + (f": {shown}" if shown else ""))
    if name == "human-leaning n-grams":
        return f"few word sequences typical of human text: {value:.2g} per 100 words (human news {news:.2g})"
    if name.startswith("word '"):
        return f"rate of the word {name[5:-5]}: {100 * value:.2g} per 100 words (human news {100 * news:.2g})"
    if name.endswith(" rate"):
        return f"{name[:-5]} marks: {100 * value:.2g} per 100 words (human news {100 * news:.2g})"
    return f"{GENERAL.get(name, name)}: {value:.3g} (human news {news:.3g})"


def score_style(analyzed: AnalyzedArticle, model: StyleModel | None = None) -> StyleScore:
    """The model's probability that the article is machine-written (as points), with the features behind it."""
    model = model or _MODEL
    if model is None:
        return StyleScore(0.0, [StyleFeature("detector unavailable", 0.0,
                                             f"not checked: the style model could not be read from {MODEL_PATH}")],
                          threshold=math.inf, checked=False)
    text = _body(analyzed)
    values = features(text, model.vocab)
    contributions = [w * (values[n] - m) / s for n, w, m, s in zip(model.names, model.weights, model.mean,
                                                                    model.scale)]
    logit = model.intercept + sum(contributions)
    probability = 1 / (1 + math.exp(-logit)) if logit > -700 else 0.0
    words = words_of(text)
    # Shown: what moves this text from the average human news article towards machine-written.
    versus_news = [w * (values[n] - m) / s for n, w, m, s in zip(model.names, model.weights, model.news_mean,
                                                                  model.scale)]
    top = sorted((c, i) for i, c in enumerate(versus_news) if c > 0)[::-1][:SHOWN_FEATURES]
    shown = [StyleFeature(model.names[i], round(c, 2),
                          _detail(model.names[i], values[model.names[i]], model.news_mean[i], words, model.vocab),
                          _spans(model.names[i], text, words, model.vocab)[:SHOWN_SPANS])
             for c, i in top]
    return StyleScore(STYLE_SCALE * probability, shown, threshold=STYLE_SCALE * model.threshold)
