"""The clustering baseline: TF-IDF vectors, average-link agglomerative clustering, a cosine-distance cut.

Word unigrams with sublinear tf, English stop words and l2-normalised rows
(scikit-learn's TfidfVectorizer, its IDF fitted on the documents being
clustered, which is what an unsupervised clusterer sees). Unigrams, because
adding bigrams scored a little lower at its best threshold on the tune split
of each of BASIL, ECB+ and AllSides. The average-link
tree is built once with scipy on the condensed cosine-distance matrix and
cut at every threshold of a grid with ``fcluster``: a pair of clusters is
merged while their mean pairwise distance is at most the threshold. The
threshold is the one free setting; ``best_threshold`` picks it by B-cubed F1
on the tune split only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from accuracy.metrics.clusters import BCubed, bcubed

#: Cosine-distance thresholds swept on tune.
GRID: tuple[float, ...] = tuple(round(0.05 + 0.025 * i, 3) for i in range(38))  # 0.05 .. 0.975


@dataclass
class Tree:
    """The average-link merge tree of some documents, ready to be cut at any threshold."""

    ids: list[str]
    linkage: np.ndarray | None  # None for fewer than two documents

    def cut(self, threshold: float) -> dict[str, int]:
        """Document id -> cluster number at cosine distance ``threshold``."""
        if self.linkage is None:
            return {d: i for i, d in enumerate(self.ids)}
        labels = fcluster(self.linkage, t=threshold, criterion="distance")
        return {d: int(c) for d, c in zip(self.ids, labels, strict=True)}


def build_tree(ids: Sequence[str], texts: Sequence[str]) -> Tree:
    """The average-link tree of ``texts`` (one per id) on TF-IDF cosine distance."""
    if len(ids) < 2:
        return Tree(list(ids), None)
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    similarity = (vectors @ vectors.T).toarray().astype(np.float64)
    distance = np.clip(1.0 - similarity, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    return Tree(list(ids), linkage(squareform(distance, checks=False), method="average"))


@dataclass(frozen=True)
class Choice:
    threshold: float
    score: BCubed


def best_threshold(tree: Tree, gold: Mapping[str, str], grid: Sequence[float] = GRID) -> Choice:
    """The grid threshold with the best B-cubed F1 on ``tree``'s documents (the lowest one on a tie)."""
    best: Choice | None = None
    for t in grid:
        score = bcubed(tree.cut(t), gold)
        if best is None or score.f1 > best.score.f1:
            best = Choice(t, score)
    assert best is not None, "empty grid"
    return best
