"""The brief's baselines: Lead-3 and LexRank, both picking whole sentences of the story's articles.

Both take the story's sentences as a list in a fixed order (the articles one
after another, each article's sentences in text order), so they see the same
sentences as newsprism's brief.

LexRank (Erkan & Radev 2004) is written here rather than taken from sumy:
sumy's LexRank needs NLTK's punkt data, which cannot be fetched offline, and
the algorithm is a few lines. This is continuous LexRank: sentences are TF-IDF
vectors (an IDF fitted on a background of documents the caller gives, since
a story's handful of sentences is too few to weigh words), an edge joins two
sentences whose cosine is at least ``THRESHOLD`` and carries that cosine, the
rows are normalised into a Markov chain, and power iteration with damping
``DAMPING`` gives each sentence its centrality. The graph has no self-loops
(with them, a sentence unlike every other keeps its own share and ranks as
an average one), and a sentence with no neighbour passes its weight to all
sentences alike, as PageRank treats a page without links. The most central sentences
are kept up to a length budget (a number of sentences or of words) and
returned in story order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

#: Erkan & Radev's cosine threshold for an edge of the sentence graph.
THRESHOLD = 0.1
#: The PageRank damping factor: the chance of following an edge rather than jumping to any sentence.
DAMPING = 0.85
_TOLERANCE = 1e-8
_MAX_STEPS = 200


def lead(sentences: Sequence[str], k: int = 3) -> list[str]:
    """The first ``k`` sentences."""
    return list(sentences[:k])


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: ``sentences`` sentences, or sentences until ``words`` words are reached."""

    sentences: int | None = None
    words: int | None = None

    def __post_init__(self) -> None:
        if (self.sentences is None) == (self.words is None):
            raise ValueError("a budget is either a number of sentences or a number of words")

    def full(self, kept: Sequence[str]) -> bool:
        if self.sentences is not None:
            return len(kept) >= self.sentences
        assert self.words is not None
        return sum(len(s.split()) for s in kept) >= self.words

    def __str__(self) -> str:
        return f"{self.sentences} sentences" if self.sentences is not None else f"{self.words} words"


class LexRank:
    def __init__(self, background: Iterable[str]) -> None:
        """Fit the IDF on ``background`` (documents, e.g. every article of the split)."""
        self._vectorizer = TfidfVectorizer(stop_words="english").fit(list(background))

    def centrality(self, sentences: Sequence[str]) -> np.ndarray:
        """The stationary probability of each sentence in the thresholded cosine graph."""
        n = len(sentences)
        if n == 0:
            return np.zeros(0)
        vectors = self._vectorizer.transform(sentences)
        weights = (vectors @ vectors.T).toarray()
        weights[weights < THRESHOLD] = 0.0
        np.fill_diagonal(weights, 0.0)
        degree = weights.sum(axis=1, keepdims=True)
        chain = np.divide(weights, degree, out=np.full((n, n), 1.0 / n), where=degree > 0)
        p = np.full(n, 1.0 / n)
        for _ in range(_MAX_STEPS):
            nxt = (1.0 - DAMPING) / n + DAMPING * chain.T @ p
            if np.abs(nxt - p).sum() < _TOLERANCE:
                return nxt
            p = nxt
        return p

    def summarise(self, sentences: Sequence[str], budget: Budget) -> list[str]:
        """The most central sentences (earlier first on a tie) up to ``budget``, in story order."""
        scores = self.centrality(sentences)
        kept: list[int] = []
        for i in sorted(range(len(sentences)), key=lambda i: (-scores[i], i)):
            if budget.full([sentences[j] for j in kept]):
                break
            kept.append(i)
        return [sentences[i] for i in sorted(kept)]
