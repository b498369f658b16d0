"""Attributions per article and the story's graph of who cites whom."""

from __future__ import annotations

from story_builder import article, attribution, entity

from newsprism.crosscheck.attribution_graph import attribution_graph, collect_attributions
from newsprism.model import CrossCheck, Reference


def _articles():
    a = article("a-one", "The ministry said the border crossing at Velm would reopen. Trade groups welcomed "
                "the decision, according to Radio Kessel, citing the ministry.", outlet="Velm Courier")
    attribution(a, "border crossing", "The ministry", "said")
    attribution(a, "border crossing", "The ministry", "said")  # found twice by two cues: listed once
    attribution(a, "Trade groups", "Radio Kessel", "according to", chain=["Radio Kessel", "the ministry"])
    b = article("a-two", "He said the crossing would reopen on Monday. Radio Kessel reported long queues.",
                outlet="Eastern Ledger")
    minister = entity(b, "e1", "Anton Marek")
    he = attribution(b, "He said", "He", "said")
    he.source_entity = minister
    attribution(b, "queues", "Radio Kessel", "reported")
    c = article("a-three", "She said nothing had been decided.", outlet="Lake Post")
    attribution(c, "She said", "She", "said")
    return [a, b, c]


def test_collect_attributions_one_per_article_source_and_span():
    found = collect_attributions(_articles())
    pairs = [(x.article_id, x.source) for x in found]
    # Radio Kessel's relay of the ministry lists the ministry too, as an upstream source of that sentence
    assert pairs == [("a-one", "The ministry"), ("a-one", "Radio Kessel"), ("a-one", "the ministry"),
                     ("a-two", "Anton Marek"), ("a-two", "Radio Kessel")]
    relay = found[1]
    assert relay.chain == ["the ministry"]
    assert (found[2].start, found[2].end, found[2].chain) == (relay.start, relay.end, [])
    assert relay.sentence.startswith("Trade groups") and relay.end > relay.start


def test_collect_attributions_drops_unresolved_pronoun_sources():
    assert all(x.article_id != "a-three" for x in collect_attributions(_articles()))


def test_attribution_graph_links_articles_sources_and_upstream():
    arts = _articles()
    graph = attribution_graph(CrossCheck(attributions=collect_attributions(arts)), arts)
    nodes = {n["id"]: n for n in graph["nodes"]}
    assert nodes["a-one"]["kind"] == "article" and nodes["a-one"]["label"] == "Velm Courier"
    assert nodes["src:radiokessel"]["article_ids"] == ["a-one", "a-two"]
    edges = {(e["from"], e["to"], e["kind"]) for e in graph["edges"]}
    assert ("a-one", "src:ministry", "cites") in edges
    assert ("a-two", "src:radiokessel", "cites") in edges
    # "the ministry" and "The ministry" are one node that Radio Kessel relays
    assert ("src:radiokessel", "src:ministry", "relays") in edges
    assert sum(1 for n in graph["nodes"] if n["kind"] == "source") == 3


def test_attribution_graph_of_an_empty_check_is_empty():
    assert attribution_graph(CrossCheck()) == {"nodes": [], "edges": []}


def test_collect_attributions_lists_reference_entries_as_citations():
    a = article("a-ref", "Officials expect a deal within weeks [1].\n\n[1] Harbour Gazette. (2031, May 2). Deal "
                "near. https://harbourgazette.example/deal\n[2] Untitled note without an outlet.")
    text = a.article.text
    r1 = text.index("[1] Harbour")
    r2 = text.index("[2]")
    a.article.references = [Reference(index=1, text=text[r1:r2].strip(), outlet="Harbour Gazette",
                                      date="2031-05-02", start=r1, end=r2 - 1),
                            Reference(index=2, text=text[r2:], start=r2, end=len(text))]
    found = collect_attributions([a])
    assert [(x.source, x.start) for x in found] == [("Harbour Gazette", r1)]
    assert found[0].sentence.startswith("[1] Harbour Gazette")
