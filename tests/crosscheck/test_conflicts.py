"""Contradictions between articles on invented stories: dates, places, figures, status."""

from __future__ import annotations

from story_builder import article, attribution, entity, frame, story

from newsprism.crosscheck.align import align_events
from newsprism.crosscheck.conflicts import find_conflicts


def _check(arts, links=None):
    st = story(arts, links)
    return find_conflicts(st, align_events(st, arts), arts)


def _summit(aid, text, place, *, date="2031-06-04", published="2031-05-28", extra=None):
    a = article(aid, text, published=published, outlet=aid)
    h, v = entity(a, "e1", "Piet Harmsen"), entity(a, "e2", "Lena Varga")
    frame(a, "summit", "summit", "summit", actors=[h], targets=[v], date=date, place=place, status="planned")
    return a, h, v


def _summit_check(*specs):
    arts, links = [], {"Piet Harmsen": [], "Lena Varga": []}
    for aid, text, place in specs:
        a, h, v = _summit(aid, text, place)
        arts.append(a)
        links["Piet Harmsen"].append(h)
        links["Lena Varga"].append(v)
    return _check(arts, links)


def test_conflicts_place_of_summit_disagrees():
    found = _summit_check(
        ("a-one", "Piet Harmsen and Lena Varga will hold a summit in Brenholt on June 4.", "Brenholt"),
        ("a-two", "Piet Harmsen will meet Lena Varga at a summit in Sarvik on June 4.", "Sarvik"))
    assert len(found) == 1
    c = found[0]
    assert c.kind == "place" and not c.within_article and c.resolution == "conflict"
    assert sorted(v.value for v in c.values) == ["Brenholt", "Sarvik"]
    assert c.subject == "location of the Harmsen–Varga summit"
    assert c.id.startswith("c-") and len(c.id) == 14
    assert all(v.evidence and v.evidence[0].sentence for v in c.values)


def test_conflicts_place_inside_another_is_compatible():
    found = _summit_check(
        ("a-one", "Piet Harmsen and Lena Varga will hold a summit in Brenholt, Eastmark on June 4.",
         "Brenholt, Eastmark"),
        ("a-two", "Piet Harmsen will meet Lena Varga at a summit in Eastmark on June 4.", "Eastmark"),
        ("a-three", "Piet Harmsen hosts Lena Varga at a summit in Brenholt on June 4.", "Brenholt"))
    assert found == []


def test_conflicts_place_mentioned_by_both_sides_is_not_a_contradiction():
    """An article that names the other place too is most likely describing the same trip."""
    found = _summit_check(
        ("a-one", "Piet Harmsen and Lena Varga will hold a summit in Brenholt on June 4, near Sarvik.", "Brenholt"),
        ("a-two", "Piet Harmsen will meet Lena Varga at a summit in Sarvik on June 4.", "Sarvik"))
    assert found == []


def _meeting(aid, text, date, date_text, *, window_end=None, published="2031-06-06", attributed_to=None):
    a = article(aid, text, published=published, outlet=aid)
    h, v = entity(a, "e1", "Harmsen"), entity(a, "e2", "Varga")
    frame(a, "met", "meeting", "met", actors=[h], targets=[v], date=date, date_text=date_text,
          window_end=window_end, attributed_to=attributed_to)
    return a, h, v


def test_conflicts_date_of_meeting_disagrees_at_day_precision():
    a, ah, av = _meeting("a-one", "Harmsen met Varga in Brenholt on June 3.", "2031-06-03", "June 3")
    b, bh, bv = _meeting("a-two", "Harmsen met Varga in Brenholt on June 4.", "2031-06-04", "June 4")
    found = _check([a, b], {"Harmsen": [ah, bh], "Varga": [av, bv]})
    assert [c.kind for c in found] == ["date"]
    assert sorted(v.value for v in found[0].values) == ["2031-06-03 (June 3)", "2031-06-04 (June 4)"]
    assert found[0].subject == "date of the Harmsen–Varga meeting"


def test_conflicts_window_containing_the_day_is_compatible():
    a, ah, av = _meeting("a-one", "Harmsen met Varga in Brenholt on June 3.", "2031-06-03", "June 3")
    b, bh, bv = _meeting("a-two", "Harmsen met Varga in Brenholt this week.", "2031-06-02", "this week",
                         window_end="2031-06-08")
    assert _check([a, b], {"Harmsen": [ah, bh], "Varga": [av, bv]}) == []


def _quake(aid, text, figure, *, published, qualifier="exact", value=None, attributed_to=None):
    a = article(aid, text, published=published, outlet=aid)
    frame(a, "killed", "disaster", "killed", date="2031-05-01", attributed_to=attributed_to,
          quantities=[(figure, value, "person", qualifier)])
    return a


def test_conflicts_death_toll_at_least_is_compatible_with_higher_figure():
    a = _quake("a-one", "The earthquake killed at least 34 people in the hill towns.", "at least 34",
               value=34, qualifier="at least", published="2031-05-02")
    b = _quake("a-two", "The earthquake killed 40 people across the province.", "40", value=40,
               published="2031-05-02")
    assert _check([a, b]) == []


def test_conflicts_death_toll_same_day_disagreement_is_a_conflict():
    a = _quake("a-one", "The earthquake killed 12 people in the hill towns.", "12", value=12, published="2031-05-02")
    b = _quake("a-two", "The earthquake killed 50 people in the hill towns.", "50", value=50, published="2031-05-02")
    found = _check([a, b])
    assert len(found) == 1
    assert found[0].kind == "number" and found[0].resolution == "conflict"
    assert found[0].subject == "death toll of the disaster"


def test_conflicts_later_report_updates_the_figure():
    a = _quake("a-one", "The earthquake killed 12 people in the hill towns.", "12", value=12, published="2031-05-01")
    b = _quake("a-two", "The earthquake has killed 61 people, rescuers said.", "61", value=61,
               published="2031-05-03")
    found = _check([a, b])
    assert [c.resolution for c in found] == ["update"]


def test_conflicts_attributed_disagreement_keeps_each_source():
    a = article("a-one", "Organisers said 50,000 dockworkers marched through Keldhaven on Monday.",
                 published="2031-04-08", outlet="one")
    frame(a, "marched", "protest", "marched", date="2031-04-07", attributed_to="Organisers",
          quantities=[("50,000", 50000, "person", "exact")])
    attribution(a, "marched", "Organisers", "said")
    b = article("b-two", "Police said 12,000 dockworkers marched through Keldhaven on Monday.",
                published="2031-04-08", outlet="two")
    frame(b, "marched", "protest", "marched", date="2031-04-07", attributed_to="Police",
          quantities=[("12,000", 12000, "person", "exact")])
    found = _check([a, b])
    assert len(found) == 1
    c = found[0]
    assert c.kind == "number" and c.resolution == "attributed"
    assert {v.value: v.attributed_to for v in c.values} == {"50,000": "Organisers", "12,000": "Police"}
    assert c.subject == "number of dockworkers of the protest"


def test_conflicts_signed_against_denied_is_a_status_conflict():
    a = article("a-one", "Westmark and Norland signed the fisheries agreement on Tuesday.", outlet="one")
    w, n = entity(a, "e1", "Westmark", "GPE"), entity(a, "e2", "Norland", "GPE")
    frame(a, "signed", "agreement", "signed", actors=[w, n], date="2031-02-04")
    b = article("a-two", "Westmark and Norland did not sign the fisheries agreement on Tuesday.", outlet="two")
    bw, bn = entity(b, "e1", "Westmark", "GPE"), entity(b, "e2", "Norland", "GPE")
    frame(b, "sign", "agreement", "sign", actors=[bw, bn], date="2031-02-04", status="denied")
    found = _check([a, b], {"Westmark": [w, bw], "Norland": [n, bn]})
    assert [c.kind for c in found] == ["status"]
    assert sorted(v.value for v in found[0].values) == ["not sign (denied)", "signed"]


def test_conflicts_duplicate_copy_cannot_contradict_its_original():
    a, ah, av = _meeting("a-one", "Harmsen met Varga in Brenholt on June 3.", "2031-06-03", "June 3")
    b = article("a-copy", "Harmsen met Varga in Brenholt on June 4.", outlet="copy")
    b.article.duplicate_of = "a-one"
    bh, bv = entity(b, "e1", "Harmsen"), entity(b, "e2", "Varga")
    frame(b, "met", "meeting", "met", actors=[bh], targets=[bv], date="2031-06-04")
    assert _check([a, b], {"Harmsen": [ah, bh], "Varga": [av, bv]}) == []


def _duty(aid, text, figure, value):
    a = article(aid, text, outlet=aid)
    w, n = entity(a, "e1", "Westmark", "GPE"), entity(a, "e2", "Norland", "GPE")
    frame(a, "Westmark", "tariff", "imposed", actors=[w], targets=[n], date="2031-02-07",
          quantities=[(figure, value, "percent", "exact")])
    return a, w, n


def test_conflicts_additional_and_total_figures_are_different_slots():
    a, w, n = _duty("a-one", "Westmark imposed an additional 20 per cent duty on Norland steel on Friday.",
                    "20 per cent", 20)
    b, bw, bn = _duty("a-two", "Westmark imposed duties on Norland steel on Friday, bringing the total to 45 per "
                      "cent.", "45 per cent", 45)
    assert _check([a, b], {"Westmark": [w, bw], "Norland": [n, bn]}) == []


def test_conflicts_same_unqualified_figure_slot_disagrees():
    a, w, n = _duty("a-one", "Westmark imposed a 20 per cent duty on Norland steel on Friday.", "20 per cent", 20)
    b, bw, bn = _duty("a-two", "Westmark imposed a 45 per cent duty on Norland steel on Friday.", "45 per cent", 45)
    found = _check([a, b], {"Westmark": [w, bw], "Norland": [n, bn]})
    assert [(c.kind, c.subject) for c in found] == [("number", "percentage of the Westmark–Norland tariff")]


def test_conflicts_relative_dates_resolved_differently_are_not_a_conflict():
    """'on Friday' read against two publication dates may land on two days; nobody disagreed."""
    a, ah, av = _meeting("a-one", "Harmsen met Varga in Brenholt on Friday.", "2031-06-06", "Friday")
    b, bh, bv = _meeting("a-two", "Harmsen met Varga in Brenholt on Friday.", "2031-06-05", "Friday")
    assert _check([a, b], {"Harmsen": [ah, bh], "Varga": [av, bv]}) == []


def test_conflicts_negated_statement_is_not_a_status_conflict():
    a = article("a-one", "Harmsen endorsed Varga on Monday.", outlet="one")
    h, v = entity(a, "e1", "Harmsen"), entity(a, "e2", "Varga")
    frame(a, "endorsed", "support", "endorsed", actors=[h], targets=[v], date="2031-06-02")
    b = article("a-two", "Harmsen did not endorse Varga on Monday.", outlet="two")
    bh, bv = entity(b, "e1", "Harmsen"), entity(b, "e2", "Varga")
    frame(b, "endorse", "support", "endorse", actors=[bh], targets=[bv], date="2031-06-02", status="denied")
    assert _check([a, b], {"Harmsen": [h, bh], "Varga": [v, bv]}) == []


def test_conflicts_death_toll_read_from_the_verb_before_the_figure():
    """"struck the coast, killing nine people" counts deaths like "12 people were killed"."""
    a = article("a-one", "A strong quake struck the coast on Monday, killing nine people.", published="2031-05-02",
                outlet="a-one")
    frame(a, "struck", "disaster", "struck", date="2031-05-01", quantities=[("nine", 9, "person", "exact")])
    b = article("a-two", "A strong quake struck the coast on Monday and 14 people died.", published="2031-05-02",
                outlet="a-two")
    frame(b, "struck", "disaster", "struck", date="2031-05-01", quantities=[("14", 14, "person", "exact")])
    found = _check([a, b])
    assert [c.subject for c in found] == ["death toll of the disaster"]
