"""Pick the tokens an extractor must look at from whole-Doc attribute arrays.

The extractors scan every token of every sentence for the few that can
fire a rule (a verb, "according", a phone word). In Python each step of such
a scan builds a Token and looks a string up (``tok.pos_``, ``tok.lower_``),
and over an article those scans cost more than the rules themselves.
``Doc.to_array`` reads the same attributes as integer ids in one call, so
the test runs once per Doc on arrays, with the same exact string equality
(ids are the StringStore's), and the rules see only the tokens that pass.
A test on a lower-cased string (``tok.lemma_.lower()``) cannot compare ids;
``lower_in`` runs it on ids read in one call, over the tokens an ``attr_in``
test leaves, without building a Token for each.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Container, Iterable

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


# Lower-cased strings by id, kept across Docs: an id names the same string in every StringStore (it is
# the string's hash), and looking a string up by id costs more than the test it serves. Emptied when it
# reaches _MAX_REMEMBERED, so memory stays bounded on any stream.
_lowered: dict[int, str] = {}
_MAX_REMEMBERED = 200_000


def lower_in(doc: Doc, attr: int, words: Container[str], among: list[int]) -> list[int]:
    """The token indices of ``among`` (ascending, from ``positions``) whose ``attr`` string, lower-cased,
    is one of ``words``: for LEMMA, the tokens where ``tok.lemma_.lower() in words``, in that order."""
    ids = doc.to_array(attr).tolist()
    out: list[int] = []
    for i in among:
        low = _lowered.get(ids[i])
        if low is None:
            low = _lower(doc, ids[i])
        if low in words:
            out.append(i)
    return out


def _lower(doc: Doc, string_id: int) -> str:
    """The string ``string_id`` names, lower-cased, remembered."""
    if len(_lowered) >= _MAX_REMEMBERED:
        _lowered.clear()
    low = _lowered[string_id] = doc.vocab.strings[string_id].lower()
    return low


def positions(mask: np.ndarray) -> list[int]:
    """The token indices where ``mask`` holds, ascending."""
    return np.flatnonzero(mask).tolist()


def within(indices: list[int], span: Span) -> list[int]:
    """The ``indices`` (ascending, from ``positions``) that fall inside ``span``."""
    return indices[bisect_left(indices, span.start):bisect_left(indices, span.end)]
