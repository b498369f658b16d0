"""Coreference scores over mention clusters: cross-document mention pairs, MUC, B-cubed, CEAF-e and CoNLL F1.

A clustering is a mapping mention -> cluster id (any hashable); the key is
the gold clustering, the response the predicted one. The definitions are
those of the CoNLL-2012 reference scorer (Pradhan et al., 2014): a mention
of the key that the response lacks counts as a singleton of its own in MUC
and contributes no overlap in B-cubed and CEAF-e; singletons are kept, as
in the ECB+ literature. CoNLL F1 is the unweighted mean of the three F1s.

Convention where a score has nothing to count (as ``prf.PRF``): nothing due
and nothing predicted is 1.0, something due and nothing predicted 0.0. This
differs from the reference scorer only for MUC on a key with no links at all,
where it reports 0.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from accuracy.metrics.prf import PRF, Rates, prf

Clustering = Mapping[Hashable, Hashable]


Score = Rates


@dataclass(frozen=True)
class Conll:
    muc: Score
    b_cubed: Score
    ceaf_e: Score

    @property
    def f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def _recall(num: float, due: float) -> float:
    return num / due if due else 1.0


def _precision(num: float, predicted: float, due: float) -> float:
    return num / predicted if predicted else (1.0 if not due else 0.0)


def _clusters(clustering: Clustering) -> dict[Hashable, set[Hashable]]:
    out: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, cluster in clustering.items():
        out[cluster].add(mention)
    return dict(out)


def _pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def cross_document_pairs(key: Clustering, response: Clustering, document: Mapping[Hashable, Hashable]) -> PRF:
    """Mention pairs in different documents put in one cluster: tp, predicted and gold counts.

    Pairs are counted, not listed: the pairs of a cluster, less those within
    one document. A pair counts as predicted only when the response holds
    both mentions.
    """
    def cross(clustering: Clustering) -> int:
        return (_pairs(Counter(clustering.values()))
                - _pairs(Counter((c, document[m]) for m, c in clustering.items())))

    both = {m: (key[m], response[m]) for m in key.keys() & response.keys()}
    return prf(cross(both), cross(response), cross(key))


def muc(key: Clustering, response: Clustering) -> Score:
    """Links kept (Vilain et al., 1995): |K| minus the parts the other side cuts K into, over |K| - 1."""
    def side(a: Clustering, b: Clustering) -> tuple[int, int]:
        num = den = 0
        for members in _clusters(a).values():
            parts = {b[m] for m in members if m in b}
            parts_count = len(parts) + sum(1 for m in members if m not in b)
            num += len(members) - parts_count
            den += len(members) - 1
        return num, den

    r_num, r_den = side(key, response)
    p_num, p_den = side(response, key)
    return Score(_precision(p_num, p_den, r_den), _recall(r_num, r_den))


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """Per-mention overlap of the two clusters holding it (Bagga & Baldwin, 1998), averaged over mentions."""
    overlap = Counter((key[m], response[m]) for m in key.keys() & response.keys())
    k_size = Counter(key.values())
    r_size = Counter(response.values())
    recall = sum(n * n / k_size[k] for (k, _), n in overlap.items())
    precision = sum(n * n / r_size[r] for (_, r), n in overlap.items())
    return Score(_precision(precision, len(response), len(key)), _recall(recall, len(key)))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """Entity-based CEAF (Luo, 2005): the best one-to-one cluster alignment under phi4 = 2|K∩R| / (|K| + |R|)."""
    k_clusters = list(_clusters(key).values())
    r_clusters = list(_clusters(response).values())
    total = 0.0
    if k_clusters and r_clusters:
        r_of = {m: j for j, members in enumerate(r_clusters) for m in members}
        sim = np.zeros((len(k_clusters), len(r_clusters)))
        for i, members in enumerate(k_clusters):
            for j, n in Counter(r_of[m] for m in members if m in r_of).items():
                sim[i, j] = 2 * n / (len(members) + len(r_clusters[j]))
        rows, cols = linear_sum_assignment(sim, maximize=True)
        total = float(sim[rows, cols].sum())
    return Score(_precision(total, len(r_clusters), len(k_clusters)), _recall(total, len(k_clusters)))


def conll(key: Clustering, response: Clustering) -> Conll:
    return Conll(muc(key, response), b_cubed(key, response), ceaf_e(key, response))
