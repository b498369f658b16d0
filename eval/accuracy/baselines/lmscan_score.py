"""The machine-text baseline: lmscan's AI probability (PyPI lmscan 0.6.1, offline, no model download).

lmscan scores a text with an ensemble of hand-weighted stylometric signals, a
small logistic regression over the same features and a character-trigram
language model trained on human prose; ``lmscan.scan(text).ai_probability`` is
its verdict. ``scan`` also fingerprints which LLM wrote the text, which does not
enter the probability and doubles the time (about 12 texts a second instead of
28 on one core), so ``ai_probability`` here combines the three parts as
``scan`` does, without the fingerprint; tests/eval/test_lmscan_score.py checks
that the two agree.
"""

from __future__ import annotations

from lmscan.classifier import classify
from lmscan.detector import detect
from lmscan.perplexity import compute_perplexity
from lmscan.scanner import _ensemble_probability

# lmscan's own operating point: its verdict says "Likely AI" from here up (ThresholdConfig's default).
LMSCAN_THRESHOLD = 0.65


def ai_probability(text: str) -> float:
    """``lmscan.scan(text).ai_probability``, computed without the model fingerprint."""
    found = detect(text)
    probability = _ensemble_probability(detector_prob=found.ai_probability,
                                        classifier_prob=classify(found.features).ai_probability,
                                        perplexity_signal=compute_perplexity(text).ai_signal,
                                        word_count=found.features.word_count)
    return round(probability, 4)
