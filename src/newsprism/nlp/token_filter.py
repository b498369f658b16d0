"""Pick the tokens an extractor must look at from whole-Doc attribute arrays.

The extractors scan every token of every sentence for the few that can
fire a rule (a verb, "according", a phone word). In Python each step of such
a scan builds a Token and looks a string up (``tok.pos_``, ``tok.lower_``),
and over an article those scans cost more than the rules themselves.
``Doc.to_array`` reads the same attributes as integer ids in one call, so
the test runs once per Doc on arrays, with the same exact string equality
(ids are the StringStore's), and the rules see only the tokens that pass.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy as np
from spacy.tokens import Doc, Span


def attr_in(doc: Doc, attr: int, values: Iterable[str]) -> np.ndarray:
    """Per token of ``doc``: whether its ``attr`` (``spacy.attrs.POS``, ``LOWER``, ...) is one of ``values``."""
    strings = doc.vocab.strings
    ids = doc.to_array(attr)
    mask = np.zeros(len(ids), dtype=bool)
    for value in values:  # a few values: one comparison each is cheaper than np.isin's sorting
        mask |= ids == np.uint64(strings[value])  # uint64 like to_array's ids, so compared exactly
    return mask


def positions(mask: np.ndarray) -> list[int]:
    """The token indices where ``mask`` holds, ascending."""
    return np.flatnonzero(mask).tolist()


def within(indices: list[int], span: Span) -> list[int]:
    """The ``indices`` (ascending, from ``positions``) that fall inside ``span``."""
    return indices[bisect_left(indices, span.start):bisect_left(indices, span.end)]
