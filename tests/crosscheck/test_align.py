"""Event alignment on invented stories: same happening joins, distinct happenings stay apart."""

from __future__ import annotations

from story_builder import article, entity, frame, story

from newsprism.crosscheck.align import align_events


def _leaders_story():
    """Two leaders: a phone call on 11 March reported three ways, and a meeting on 9 March."""
    a = article("a-harbor", "President Marta Lindqvist spoke by phone with Prime Minister Rafael Okonkwo on "
                "March 11, the presidential office said. Lindqvist met Okonkwo in Valmora on March 9 to discuss "
                "the grain corridor.", outlet="Harbor Times", published="2031-03-12")
    al, ao = entity(a, "e1", "Marta Lindqvist"), entity(a, "e2", "Rafael Okonkwo")
    frame(a, "spoke by phone", "phone_call", "spoke by phone", actors=[al], targets=[ao], date="2031-03-11",
          attributed_to="the presidential office")
    frame(a, "met Okonkwo", "meeting", "met", actors=[al], targets=[ao], date="2031-03-09", place="Valmora")
    b = article("a-lorv", "Lindqvist and Okonkwo held a telephone conversation on Tuesday, the first since the "
                "border incident.", outlet="Lorvenia Daily", published="2031-03-12")
    bl, bo = entity(b, "e1", "Lindqvist"), entity(b, "e2", "Okonkwo")
    frame(b, "telephone conversation", "phone_call", "held a telephone conversation", actors=[bl, bo],
          date="2031-03-11", date_text="Tuesday")
    c = article("a-coast", "Lindqvist also called Okonkwo and the Sarvian premier Ida Horn this week.",
                outlet="Coastal Wire", published="2031-03-13")
    cl, co, ch = entity(c, "e1", "Lindqvist"), entity(c, "e2", "Okonkwo"), entity(c, "e3", "Ida Horn")
    frame(c, "called Okonkwo", "phone_call", "called", actors=[cl], targets=[co, ch], date="2031-03-10",
          date_text="this week", window_end="2031-03-16")
    st = story([a, b, c], {"Marta Lindqvist": [al, bl, cl], "Rafael Okonkwo": [ao, bo, co]})
    return st, [a, b, c]


def test_align_events_joins_one_call_reported_by_three_articles():
    st, arts = _leaders_story()
    events = align_events(st, arts)
    calls = [e.event for e in events if e.event.type == "phone_call" and len(e.event.article_ids) > 1]
    assert len(calls) == 1
    call = calls[0]
    assert call.article_ids == ["a-harbor", "a-lorv", "a-coast"]
    assert call.date == "2031-03-11"  # the day beats the week window that contains it
    assert len(call.evidence) == 3
    assert {ev.attributed_to for ev in call.evidence} == {"the presidential office", None}
    assert call.id.startswith("v-") and len(call.id) == 14


def test_align_events_keeps_meeting_on_another_day_apart():
    st, arts = _leaders_story()
    events = [e.event for e in align_events(st, arts)]
    meetings = [e for e in events if e.type == "meeting"]
    assert len(meetings) == 1
    assert meetings[0].date == "2031-03-09" and meetings[0].place == "Valmora"
    assert meetings[0].article_ids == ["a-harbor"]


def test_align_events_splits_a_call_with_two_counterparts():
    st, arts = _leaders_story()
    events = [e.event for e in align_events(st, arts) if e.event.type == "phone_call"]
    horn = [e for e in events if any("Ida Horn" in n.name for n in st.entities if n.id in e.targets + e.actors)]
    assert len(horn) == 1 and horn[0].article_ids == ["a-coast"]
    assert len(events) == 2


def test_align_events_stable_ids_for_the_same_input():
    st, arts = _leaders_story()
    first = [e.event.id for e in align_events(st, arts)]
    st2, arts2 = _leaders_story()
    assert first == [e.event.id for e in align_events(st2, arts2)]


def test_align_events_underspecified_frame_joins_the_only_summit():
    a = article("a-one", "Chancellor Piet Harmsen will host President Lena Varga at a summit in Brenholt on "
                "June 4.", published="2031-05-28")
    h, v = entity(a, "e1", "Piet Harmsen"), entity(a, "e2", "Lena Varga")
    frame(a, "host", "summit", "summit", actors=[h], targets=[v], date="2031-06-04", place="Brenholt",
          status="planned")
    b = article("a-two", "The summit is expected to focus on energy prices.", published="2031-05-29")
    frame(b, "expected", "summit", "summit", status="planned")
    events = align_events(story([a, b]), [a, b])
    assert len(events) == 1
    assert events[0].event.article_ids == ["a-one", "a-two"]
    assert events[0].event.status == "planned"


def test_align_events_ambiguous_actor_only_frame_stays_apart():
    """'Varga held a call' on a day she called two leaders cannot be given to either call."""
    a = article("a-one", "Varga spoke by phone with Harmsen on Friday. Varga also spoke by phone with Kessler "
                "on Friday.", published="2031-05-10")
    v, h, k = entity(a, "e1", "Varga"), entity(a, "e2", "Harmsen"), entity(a, "e3", "Kessler")
    frame(a, "with Harmsen", "phone_call", "spoke by phone", actors=[v], targets=[h], date="2031-05-09")
    frame(a, "with Kessler", "phone_call", "spoke by phone", actors=[v], targets=[k], date="2031-05-09")
    b = article("a-two", "Varga held a phone call on Friday, her office said.", published="2031-05-10")
    bv = entity(b, "e1", "Varga")
    frame(b, "phone call", "phone_call", "held a phone call", actors=[bv], date="2031-05-09")
    events = align_events(story([a, b], {"Varga": [v, bv]}), [a, b])
    assert sorted(len(e.event.article_ids) for e in events) == [1, 1, 1]


def test_align_events_nearby_dates_without_overlap_become_one_disputed_event():
    a = article("a-one", "Harmsen met Varga in Brenholt on June 3.", published="2031-06-05")
    ah, av = entity(a, "e1", "Harmsen"), entity(a, "e2", "Varga")
    frame(a, "met", "meeting", "met", actors=[ah], targets=[av], date="2031-06-03")
    b = article("a-two", "Harmsen met Varga in Brenholt on June 4.", published="2031-06-05")
    bh, bv = entity(b, "e1", "Harmsen"), entity(b, "e2", "Varga")
    frame(b, "met", "meeting", "met", actors=[bh], targets=[bv], date="2031-06-04")
    st = story([a, b], {"Harmsen": [ah, bh], "Varga": [av, bv]})
    events = align_events(st, [a, b])
    assert len(events) == 1 and events[0].event.article_ids == ["a-one", "a-two"]


def test_align_events_one_article_with_two_dates_means_two_meetings():
    a = article("a-one", "Harmsen met Varga on June 3. They met again on June 5.", published="2031-06-06")
    ah, av = entity(a, "e1", "Harmsen"), entity(a, "e2", "Varga")
    frame(a, "June 3", "meeting", "met", actors=[ah], targets=[av], date="2031-06-03")
    frame(a, "June 5", "meeting", "met", actors=[ah], targets=[av], date="2031-06-05")
    events = align_events(story([a]), [a])
    assert sorted(e.event.date for e in events) == ["2031-06-03", "2031-06-05"]


def test_align_events_keeps_an_anonymous_past_meeting_out_of_a_planned_one():
    """"The two ministers met" names nobody and already happened: it is not the leaders' planned meeting."""
    a = article("a-plan", "President Marta Lindqvist will meet Prime Minister Rafael Okonkwo in Valmora next month.",
                outlet="Harbor Times", published="2031-03-12")
    al, ao = entity(a, "e1", "Marta Lindqvist"), entity(a, "e2", "Rafael Okonkwo")
    frame(a, "will meet", "meeting", "meet", actors=[al], targets=[ao], status="planned")
    b = article("a-done", "The two ministers met for three hours at the foreign ministry.", outlet="Lorvenia Daily",
                published="2031-03-12")
    frame(b, "met for three hours", "meeting", "met")
    c = article("a-sched", "The meeting, scheduled for April 20, will focus on grain.", outlet="Coastal Wire",
                published="2031-03-12")
    frame(c, "meeting, scheduled", "meeting", "meeting", status="planned")
    cl = entity(c, "e1", "Lindqvist")
    st = story([a, b, c], {"Marta Lindqvist": [al, cl]})
    events = align_events(st, [a, b, c])
    planned = [e.event for e in events if "a-plan" in e.event.article_ids][0]
    assert "a-done" not in planned.article_ids
    assert "a-sched" in planned.article_ids
