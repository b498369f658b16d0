"""The ContraDoc task's wiring: a one-article story through newsprism's real stages finds a planted contradiction.

A figure of 0 on the corpus must mean the mechanism found nothing, not that
the harness never reached it; this runs an invented article through the
analysis and the cross-check exactly as the task does.
"""

from __future__ import annotations

import pytest

from accuracy.tasks.contradictions import _overlaps, newsprism_finding

SCHEDULED = ("The summit between Piet Harmsen and Lena Varga, scheduled for June 4, 2031, in Brenholt, Eastmark, "
             "will focus on energy prices.")


def test_overlaps_needs_one_shared_character():
    assert _overlaps([(0, 10), (20, 30)], (29, 40))
    assert not _overlaps([(0, 10)], (10, 20))
    assert not _overlaps([], (0, 5))


@pytest.mark.slow
def test_planted_contradiction_is_found_with_its_sentence():
    from newsprism.ingest.text import read_text
    from newsprism.nlp import analyze_articles

    unknown = "The venue for the summit has not been announced yet."
    article = read_text(f"{SCHEDULED} Analysts expect little progress. {unknown}", "test")
    found = newsprism_finding(next(analyze_articles([article])))
    start = article.text.index(unknown)
    assert found.contradictory and _overlaps(found.evidence, (start, start + len(unknown)))

    plain = read_text(f"{SCHEDULED} Analysts expect little progress.", "test")
    assert not newsprism_finding(next(analyze_articles([plain]))).contradictory
