"""How loaded a piece of wording is, for choosing neutral sentences and titles.

The brief and the story title prefer wording free of loaded terms. Two
signals are combined: the general loaded-language detector of the framing
stage (``newsprism.crosscheck.loaded_terms.loaded_score``, used when it is
installed) and the terms the cross-check marked as loaded in this very story's
framing (so "dictator" counts against a sentence even if the detector misses
it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from newsprism.model import Framing


@lru_cache(maxsize=1)
def _detector() -> Callable[[str], float] | None:
    """The framing stage's loaded-language scorer, or None when it is not there (yet)."""
    try:
        from newsprism.crosscheck.loaded_terms import loaded_score
    except ImportError:
        return None
    return loaded_score


def loaded_terms_of(framing: Iterable[Framing]) -> list[str]:
    """The variant terms the cross-check marked as loaded in a story."""
    return sorted({v.term for f in framing for v in f.variants if v.loaded and v.term.strip()})


def loadedness(text: str, story_loaded_terms: Iterable[str] = ()) -> float:
    """Score how loaded ``text`` is: 0.0 is neutral, higher is more loaded.

    Each loaded term of the story found in the text adds 1; the detector's
    score (whatever its scale) is added as is.
    """
    score = 0.0
    low = text.lower()
    for term in story_loaded_terms:
        if re.search(r"(?<!\w)" + re.escape(term.lower()) + r"(?!\w)", low):
            score += 1.0
    detect = _detector()
    if detect is not None:
        try:
            score += float(detect(text))
        except (TypeError, ValueError):
            pass
    return score
