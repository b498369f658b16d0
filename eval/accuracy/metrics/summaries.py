"""ROUGE-1, ROUGE-2 and ROUGE-L F-measures of summaries against references, on a 0-1 scale.

Google's rouge-score package (the reimplementation most summarisation papers
quote) with Porter stemming and its default tokenizer (lower-cased, runs of
letters and digits). ROUGE-L is the `rougeL` variant: one longest common
subsequence over the whole text, not the per-line `rougeLsum`. Scores are
averaged over summaries (macro), so each story weighs the same. An empty
summary scores 0 on every measure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rouge_score import rouge_scorer, tokenize, tokenizers
from rouge_score.tokenizers import porter

MEASURES = ("rouge1", "rouge2", "rougeL")


@dataclass(frozen=True)
class Rouge:
    rouge1: float
    rouge2: float
    rougeL: float  # noqa: N815 - rouge-score's own name for the measure

    @property
    def mean(self) -> float:
        """The mean of the three F-measures: one number to choose a setting by."""
        return (self.rouge1 + self.rouge2 + self.rougeL) / 3


class _StemmingTokenizer(tokenizers.Tokenizer):
    """rouge-score's own tokenizer and Porter stemmer (what ``use_stemmer=True`` builds), each word's stem
    remembered: stemming every word of every summary and reference again was most of the scoring time."""

    def __init__(self) -> None:
        self._porter = porter.PorterStemmer()
        self.stem = lru_cache(maxsize=None)(self._porter.stem)

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self)


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(MEASURES), tokenizer=_StemmingTokenizer())


def rouge(summary: str, reference: str) -> Rouge:
    """The F-measures of one summary against its reference."""
    if not summary.strip():
        return Rouge(0.0, 0.0, 0.0)
    scores = _scorer().score(reference, summary)
    return Rouge(*(scores[m].fmeasure for m in MEASURES))


def mean_rouge(scores: Iterable[Rouge]) -> Rouge:
    """The macro average of per-summary scores."""
    items = list(scores)
    if not items:
        raise ValueError("no summaries to average")
    return Rouge(*(sum(getattr(s, m) for s in items) / len(items) for m in MEASURES))
