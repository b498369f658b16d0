"""B-cubed precision, recall and F1 of a clustering against gold clusters (Bagga & Baldwin 1998).

For each gold item, precision is the share of its predicted cluster that
shares its gold cluster, recall the share of its gold cluster that shares
its predicted cluster; both are averaged over the gold items, and F1 is the
harmonic mean of the two averages. Every item counts once, whatever the
size of its cluster, so a large story weighs in proportion to its articles.
An item the prediction leaves out (a crashed or dropped article) is scored
as a cluster of its own: it costs recall, never precision. Items only the
prediction has are ignored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

from accuracy.metrics.prf import Rates


BCubed = Rates


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> BCubed:
    """B-cubed of ``pred`` (item -> predicted cluster) against ``gold`` (item -> gold cluster)."""
    if not gold:
        raise ValueError("B-cubed needs at least one gold item")
    # A left-out item is its own cluster: a key no real cluster label can equal.
    labels = {i: (("predicted", pred[i]) if i in pred else ("missing", i)) for i in gold}
    pred_size = Counter(labels.values())
    gold_size = Counter(gold.values())
    both = Counter((labels[i], gold[i]) for i in gold)
    p = sum(both[(labels[i], gold[i])] / pred_size[labels[i]] for i in gold) / len(gold)
    r = sum(both[(labels[i], gold[i])] / gold_size[gold[i]] for i in gold) / len(gold)
    return BCubed(p, r)
