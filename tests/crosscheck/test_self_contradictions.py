"""Contradictions inside one article: a slot both filled and declared unknown, or filled twice."""

from __future__ import annotations

import pytest
from story_builder import article, attribution, entity, frame, story

from newsprism.crosscheck.align import align_events
from newsprism.crosscheck.self_contradictions import find_self_contradictions

_SCHEDULED = "The summit between Piet Harmsen and Lena Varga, scheduled for June 4, 2031, in Brenholt, Eastmark, "
_SCHEDULED += "will focus on energy prices."


def _check(arts, links=None):
    st = story(arts, links)
    return find_self_contradictions(st, align_events(st, arts), arts)


def _summit_article(later: str):
    a = article("a-gen", f"{_SCHEDULED} Analysts expect little progress. {later}", published="2031-05-30")
    h, v = entity(a, "e1", "Piet Harmsen"), entity(a, "e2", "Lena Varga")
    frame(a, "scheduled", "summit", "summit", actors=[h], targets=[v], date="2031-06-04",
          place="Brenholt, Eastmark", status="planned")
    return a


@pytest.mark.parametrize("later,kind,negative", [
    ("The venue for the summit has not been announced yet.", "place", "has not been announced yet"),
    ("The location of the summit remains undisclosed.", "place", "remains undisclosed"),
    ("No date has been set for the summit.", "date", "No date has been set"),
    ("The date of the meeting hasn't been decided.", "date", "hasn't been decided"),
])
def test_self_contradictions_filled_slot_later_declared_unknown(later, kind, negative):
    found = _check([_summit_article(later)])
    assert len(found) == 1
    c = found[0]
    assert c.within_article and c.kind == kind and c.resolution == "conflict"
    values = [v.value for v in c.values]
    assert negative in values
    assert ("Brenholt, Eastmark" if kind == "place" else "2031-06-04") in values
    neg = next(v for v in c.values if v.value == negative)
    assert neg.evidence[0].sentence == later
    assert c.subject.endswith("of the Harmsen–Varga summit")


@pytest.mark.parametrize("later", [
    "Details of the talks have not been disclosed.",  # details are not a slot the article filled
    "The venue for the trade fair has not been announced.",  # another event, not the summit
    "Officials said the agenda was agreed last week.",
])
def test_self_contradictions_other_unknowns_are_not_contradictions(later):
    a = _summit_article(later)
    fair = article("a-other", "The trade fair will open in Sarvik next spring.")
    frame(fair, "fair", "exhibition", "trade fair", place="Sarvik", status="planned")
    assert _check([a, fair]) == []


def test_self_contradictions_unknown_slot_the_article_never_filled():
    a = article("a-one", "Piet Harmsen will meet Lena Varga next month. The venue has not been announced.")
    h, v = entity(a, "e1", "Piet Harmsen"), entity(a, "e2", "Lena Varga")
    frame(a, "meet", "meeting", "meet", actors=[h], targets=[v], date="2031-07", status="planned")
    assert _check([a]) == []


def test_self_contradictions_two_tolls_in_one_article():
    a = article("a-one", "The landslide killed 14 people in Oster Vale on Sunday. Rescuers searched the valley "
                "overnight. In all, 31 people were killed by the landslide, the mayor's office said.")
    frame(a, "14 people", "disaster", "killed", date="2031-10-05", quantities=[("14", 14, "person", "exact")])
    frame(a, "31 people", "disaster", "killed", date="2031-10-05", quantities=[("31", 31, "person", "exact")])
    found = _check([a])
    assert len(found) == 1 and found[0].within_article and found[0].kind == "number"
    assert sorted(v.value for v in found[0].values) == ["14", "31"]


def test_self_contradictions_toll_that_rose_is_not_a_contradiction():
    a = article("a-one", "The landslide killed 14 people in Oster Vale on Sunday. By Monday the toll from the "
                "landslide had risen to 31 people.")
    frame(a, "14 people", "disaster", "killed", date="2031-10-05", quantities=[("14", 14, "person", "exact")])
    frame(a, "risen", "disaster", "landslide", date="2031-10-05", quantities=[("31", 31, "person", "exact")])
    assert _check([a]) == []


def test_self_contradictions_attributed_figures_in_one_sentence():
    a = article("a-one", "Organisers said 50,000 dockworkers marched in Keldhaven, but police said 12,000 "
                "took part.")
    frame(a, "marched", "protest", "marched", date="2031-04-07",
          quantities=[("50,000", 50000, "person", "exact"), ("12,000", 12000, "person", "exact")])
    attribution(a, "marched", "Organisers", "said")
    attribution(a, "marched", "police", "police said")
    found = _check([a])
    assert len(found) == 1
    c = found[0]
    assert c.resolution == "attributed" and not c.within_article
    assert {v.value: v.attributed_to for v in c.values} == {"50,000": "Organisers", "12,000": "police"}


def test_self_contradictions_figures_of_unnamed_things_are_not_compared():
    """'a 20 per cent duty' and later '45 per cent' may count different things (a rise, a total)."""
    a = article("a-one", "Westmark imposed a 20 per cent duty on Norland steel on Friday. Duties on Norland "
                "steel now reach 45 per cent.")
    frame(a, "20 per cent", "tariff", "imposed", date="2031-02-07", quantities=[("20 per cent", 20, "percent",
                                                                                  "exact")])
    frame(a, "45 per cent", "tariff", "Duties", date="2031-02-07", quantities=[("45 per cent", 45, "percent",
                                                                                 "exact")])
    assert _check([a]) == []


def test_self_contradictions_place_stated_in_text_when_no_frame_carries_it():
    """A nominal event reaches the frames without its place; the article's own words still state it."""
    a = article("a-nom", "The summit, scheduled for June 4, 2031, in Brenholt, Eastmark, will focus on energy. "
                "Ministers prepared the agenda. The venue for the summit has not been announced yet.")
    entity(a, "e1", "Brenholt", "GPE")
    entity(a, "e2", "Eastmark", "GPE")
    found = _check([a])
    assert len(found) == 1 and found[0].within_article and found[0].kind == "place"
    assert [v.value for v in found[0].values] == ["Brenholt, Eastmark", "has not been announced yet"]
    assert found[0].subject == "location of the summit"


def test_self_contradictions_place_far_from_the_noun_is_not_its_place():
    a = article("a-far", "The summit will focus on the long dispute over fishing rights off the coast in Eastmark. "
                "The venue for the summit has not been announced yet.")
    entity(a, "e1", "Eastmark", "GPE")
    assert _check([a]) == []
