"""The orchestrator: every mechanism's findings gathered; one failing mechanism does not sink the story."""

from __future__ import annotations

import logging

from story_builder import article, attribution, entity, frame, story

import newsprism.crosscheck.story as orchestrator
from newsprism.crosscheck import crosscheck_story


def _articles():
    a = article("a-one", "Piet Harmsen will meet Lena Varga in Brenholt on June 4, the chancellery said. "
                "The venue has not been announced.", outlet="one", published="2031-05-28")
    h, v = entity(a, "e1", "Piet Harmsen"), entity(a, "e2", "Lena Varga")
    frame(a, "meet", "meeting", "meet", actors=[h], targets=[v], date="2031-06-04", place="Brenholt",
          status="planned", attributed_to="the chancellery")
    attribution(a, "meet", "the chancellery", "said")
    b = article("a-two", "Piet Harmsen will meet Lena Varga in Sarvik on June 4.", outlet="two",
                published="2031-05-28")
    bh, bv = entity(b, "e1", "Piet Harmsen"), entity(b, "e2", "Lena Varga")
    frame(b, "meet", "meeting", "meet", actors=[bh], targets=[bv], date="2031-06-04", place="Sarvik",
          status="planned")
    return story([a, b], {"Piet Harmsen": [h, bh], "Lena Varga": [v, bv]}), [a, b]


def test_crosscheck_story_gathers_events_conflicts_and_attributions():
    st, arts = _articles()
    check = crosscheck_story(st, arts)
    assert len(check.events) == 1 and check.events[0].independent_sources == 2
    kinds = sorted((c.kind, c.within_article) for c in check.conflicts)
    assert kinds == [("place", False), ("place", True)]
    assert [(x.article_id, x.source) for x in check.attributions] == [("a-one", "the chancellery")]


def test_crosscheck_story_survives_a_failing_mechanism(monkeypatch, caplog):
    def broken(*args):
        raise ValueError("boom")

    monkeypatch.setattr(orchestrator, "find_conflicts", broken)
    st, arts = _articles()
    with caplog.at_level(logging.ERROR, logger="newsprism.crosscheck.story"):
        check = crosscheck_story(st, arts)
    assert check.events and check.attributions
    assert [c.within_article for c in check.conflicts] == [True]
    assert "conflicts between articles failed on story s-test" in caplog.text
