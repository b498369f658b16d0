"""Independent corroboration: relays of one upstream source and syndicated copies count once."""

from __future__ import annotations

from story_builder import article, attribution, entity, frame, story

from newsprism.crosscheck.align import align_events
from newsprism.crosscheck.corroborate import corroborate

_WIRE = "Karsten Vale arrived in Odrava on Monday for talks with Premier Sonja Mirek."


def _visit_story(extra=()):
    """A visit reported by a wire, two relays of state TV, a syndicated copy and a second own report."""
    arts, links = [], {"Karsten Vale": [], "Sonja Mirek": []}

    def add(aid, text, outlet, *, dup=None, source=None, chain=(), cue=None):
        a = article(aid, text, outlet=outlet, published="2031-09-02", duplicate_of=dup)
        v, m = entity(a, "e1", "Karsten Vale"), entity(a, "e2", "Sonja Mirek")
        frame(a, "Vale", "visit", "arrived" if "arrived" in text else "visited", actors=[v], targets=[m],
              date="2031-09-01", attributed_to=source)
        if source:
            attribution(a, "Vale", source, cue, chain=list(chain))
        links["Karsten Vale"].append(v)
        links["Sonja Mirek"].append(m)
        arts.append(a)

    add("a-wire", _WIRE, "Meridian Wire")
    add("a-copy", _WIRE, "Daily Courier", dup="a-wire")
    add("a-tv1", "State broadcaster ODT reported that Karsten Vale visited Premier Sonja Mirek on Monday.",
        "Northern Post", source="ODT", cue="reported")
    add("a-tv2", "Karsten Vale visited Sonja Mirek on Monday, according to ODT, citing the premier's office.",
        "Valley Herald", source="ODT", chain=["ODT", "the premier's office"], cue="according to")
    add("a-office", "The premier's office said Karsten Vale visited Sonja Mirek on Monday.", "Lakeside News",
        source="the premier's office", cue="said")
    for aid, outlet in extra:
        add(aid, "Karsten Vale visited Sonja Mirek in Odrava on Monday.", outlet)
    st = story(arts, links)
    aligned = align_events(st, arts)
    corroborate(aligned, arts)
    return aligned


def test_corroborate_counts_upstream_sources_once():
    aligned = _visit_story()
    assert len(aligned) == 1
    ev = aligned[0].event
    assert len(ev.article_ids) == 5
    # the wire (with its syndicated copy) + the premier's office (relayed by ODT twice, and said directly)
    # + ODT quoted without a chain
    assert ev.independent_sources == 3


def test_corroborate_lists_relays_with_chains():
    ev = _visit_story()[0].event
    relays = {r["source"]: r for r in ev.relays}
    assert set(relays) == {"the premier's office", "ODT"}
    assert relays["the premier's office"]["article_ids"] == ["a-tv2", "a-office"]
    assert relays["the premier's office"]["chains"] == [["ODT", "the premier's office"]]
    assert relays["ODT"]["article_ids"] == ["a-tv1"]


def test_corroborate_one_count_per_outlet_not_per_article():
    ev = _visit_story(extra=[("a-wire2", "Meridian Wire"), ("a-new", "Eastern Ledger")])[0].event
    assert len(ev.article_ids) == 7
    assert ev.independent_sources == 4  # only Eastern Ledger is new; a second Meridian Wire piece is not


def test_corroborate_article_without_outlet_counts_on_its_own():
    ev = _visit_story(extra=[("a-anon1", None), ("a-anon2", None)])[0].event
    assert ev.independent_sources == 5


def test_corroborate_outlet_cited_by_others_counts_once():
    """Meridian Wire's own report and 'according to Meridian Wire' elsewhere are one source."""
    a = article("a-wire", "Premier Sonja Mirek resigned on Friday.", outlet="meridianwire.com")
    m = entity(a, "e1", "Sonja Mirek")
    frame(a, "resigned", "resignation", "resigned", actors=[m], date="2031-09-05")
    b = article("a-relay", "Sonja Mirek resigned on Friday, according to Meridian Wire.", outlet="Valley Herald")
    bm = entity(b, "e1", "Sonja Mirek")
    frame(b, "resigned", "resignation", "resigned", actors=[bm], date="2031-09-05", attributed_to="Meridian Wire")
    attribution(b, "resigned", "Meridian Wire", "according to")
    arts = [a, b]
    aligned = align_events(story(arts, {"Sonja Mirek": [m, bm]}), arts)
    corroborate(aligned, arts)
    assert aligned[0].event.independent_sources == 1
    assert aligned[0].event.relays[0]["article_ids"] == ["a-relay"]


def test_corroborate_sentence_with_two_sources_counts_the_outer_relay():
    """'ODT reported, citing the premier's office, that ...': the office is the origin, ODT relays it."""
    a = article("a-one", "ODT reported, citing the premier's office, that Vale visited Mirek on Monday.",
                outlet="Northern Post")
    v, m = entity(a, "e1", "Vale"), entity(a, "e2", "Mirek")
    frame(a, "visited", "visit", "visited", actors=[v], targets=[m], date="2031-09-01")
    attribution(a, "visited", "the premier's office", "citing")
    attribution(a, "visited", "ODT", "reported", chain=["ODT", "the premier's office"])
    b = article("a-two", "The premier's office said Vale visited Mirek on Monday.", outlet="Lakeside News")
    bv, bm = entity(b, "e1", "Vale"), entity(b, "e2", "Mirek")
    frame(b, "visited", "visit", "visited", actors=[bv], targets=[bm], date="2031-09-01",
          attributed_to="The premier's office")
    attribution(b, "visited", "The premier's office", "said")
    arts = [a, b]
    aligned = align_events(story(arts, {"Vale": [v, bv], "Mirek": [m, bm]}), arts)
    corroborate(aligned, arts)
    ev = aligned[0].event
    assert ev.independent_sources == 1
    assert ev.relays[0]["article_ids"] == ["a-one", "a-two"]
    assert ev.relays[0]["chains"] == [["ODT", "the premier's office"]]


def test_corroborate_one_person_under_several_names_is_one_source():
    arts, links = [], {"Karsten Vale": [], "Sonja Mirek": [], "Anton Marek": []}
    for aid, source in [("a-1", "Anton Marek"), ("a-2", "Marek"), ("a-3", "presidential envoy Anton Marek")]:
        a = article(aid, f"Karsten Vale visited Sonja Mirek on Monday, {source} said.", outlet=aid)
        v, m = entity(a, "e1", "Karsten Vale"), entity(a, "e2", "Sonja Mirek")
        k = entity(a, "e3", "Marek" if source == "Marek" else "Anton Marek")
        frame(a, "visited", "visit", "visited", actors=[v], targets=[m], date="2031-09-01", attributed_to=source)
        attribution(a, "visited", source, "said", source_kind="person")
        links["Karsten Vale"].append(v)
        links["Sonja Mirek"].append(m)
        links["Anton Marek"].append(k)
        arts.append(a)
    st = story(arts, links)
    aligned = align_events(st, arts)
    corroborate(aligned, arts, entities=st.entities)
    assert aligned[0].event.independent_sources == 1


def test_corroborate_counts_an_article_citing_two_sources_once():
    """One report is one report: an article that credits two sources still counts at most once."""
    arts, links = [], {"Karsten Vale": [], "Sonja Mirek": []}
    texts = [
        ("a-1", "Karsten Vale visited Sonja Mirek on Monday, ODT reported. "
                "Karsten Vale met Sonja Mirek in Odrava on Monday, the premier's office said.", "Northern Post"),
        ("a-2", "Karsten Vale visited Sonja Mirek on Monday, according to Meridian Wire.", "Valley Herald"),
    ]
    for aid, text, outlet in texts:
        a = article(aid, text, outlet=outlet, published="2031-09-02")
        v, m = entity(a, "e1", "Karsten Vale"), entity(a, "e2", "Sonja Mirek")
        for sent, src, cue in (("ODT reported", "ODT", "reported"), ("office said", "the premier's office", "said"),
                               ("according to Meridian", "Meridian Wire", "according to")):
            if sent in text:
                start = text.index(sent)
                stop = text.rfind(".", 0, start) + 1
                frame(a, text[stop:start].strip().split()[0], "visit", "visited" if "visited" in text[stop:start]
                      else "met", actors=[v], targets=[m], date="2031-09-01", attributed_to=src)
                attribution(a, text[stop:start].strip().split()[0], src, cue)
        links["Karsten Vale"].append(v)
        links["Sonja Mirek"].append(m)
        arts.append(a)
    st = story(arts, links)
    aligned = align_events(st, arts)
    corroborate(aligned, arts)
    for ev in aligned:
        assert ev.event.independent_sources <= len(ev.event.article_ids)
