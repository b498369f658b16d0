"""The one rule that divides every corpus into `tune` and `check`.

Thresholds, lexicons and rules are chosen on `tune`; the figures quoted in
the docs are `check` figures. The rule is fixed here and nowhere else, so a
reader can verify that nothing tunes on `check`: every script that learns or
sweeps something asks ``is_tune`` (or ``split_of``) before it reads an item.

- Corpora with upstream splits keep them: PolNeAR train -> tune, dev -> check;
  AllSides (NeuS) train -> tune, val -> check.
- Every other corpus is split by a hash of the unit that must not straddle the
  split (a story, a topic, a document pair), so near-copies of one item never
  land on both sides: BASIL by triplet, ECB+ (and the ECB+ conflicts built on
  it) by topic, crosscheck_dev by story, ContraDoc by source document,
  machine_text by the human text a machine text was paired with, PLOVER by
  record, TimeBank by document.
- The seeds are a smoke test and belong to neither split.
"""

from __future__ import annotations

import hashlib
from typing import Literal

Split = Literal["tune", "check"]
SPLITS: tuple[Split, ...] = ("check", "tune")
# Share of hashed units that go to `check`.
CHECK_SHARE = 0.5

_OFFICIAL: dict[str, dict[str, Split]] = {
    "polnear": {"train": "tune", "dev": "check"},
    "allsides": {"train": "tune", "val": "check"},
}


def hashed_split(family: str, unit: str) -> Split:
    """`check` for about CHECK_SHARE of the units of ``family``, by SHA-256 of ``family/unit``.

    ``family`` names the dataset the unit comes from ("ecbplus" for both the ECB+
    stories and the ECB+ conflicts), so one topic is on one side everywhere.
    """
    digest = hashlib.sha256(f"{family}/{unit}".encode("utf-8")).digest()
    return "check" if int.from_bytes(digest[:8], "big") / 2**64 < CHECK_SHARE else "tune"


def official_split(corpus: str, upstream: str) -> Split:
    """The split of an item whose corpus ships its own (``upstream`` is its train/dev/val name)."""
    try:
        return _OFFICIAL[corpus][upstream]
    except KeyError:
        raise ValueError(f"{corpus}: no split rule for upstream split {upstream!r}") from None


def is_tune(split: str) -> bool:
    return split == "tune"
