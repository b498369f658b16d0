"""Attributions read from the parse, on invented news sentences."""

from __future__ import annotations

import pytest

from newsprism.nlp.attributions import extract_attributions, outermost
from newsprism.nlp.entities import extract_entities

pytestmark = pytest.mark.slow


def _attrs(nlp, text):
    doc = nlp(text)
    return extract_attributions(doc, extract_entities(doc, "a-test"))


def _sources(nlp, text):
    return [a.source for a in _attrs(nlp, text)]


def test_attributions_according_to_outlet(nlp):
    attrs = _attrs(nlp, "Prime Minister Ana Ruiz met the Chilean delegation on Monday, according to Reuters.")
    assert [a.source for a in attrs] == ["Reuters"]
    assert attrs[0].cue == "according to"
    assert attrs[0].source_kind == "outlet"


def test_attributions_trailing_outlet_reported(nlp):
    text = "Chancellor Maria Olsen spoke by phone with the Turkish president on Tuesday, Danish state media reported."
    attrs = _attrs(nlp, text)
    assert [a.source for a in attrs] == ["Danish state media"]
    assert attrs[0].cue_start == text.index("reported")


def test_attributions_citing_builds_chain(nlp):
    attrs = _attrs(nlp, "The agreement is nearly complete, Reuters said, citing people familiar with the matter.")
    top = outermost(attrs, 0, 200)
    assert top is not None and top.source == "Reuters"
    assert top.chain == ["Reuters", "people familiar with the matter"]


def test_attributions_possessive_office(nlp):
    assert "Mayor Lee’s office" in _sources(nlp, "Mayor Lee’s office said the bridge would reopen in May.")


def test_attributions_country_warned(nlp):
    assert _sources(nlp, "Canada has warned that further delays could trigger new duties on steel.") == ["Canada"]


def test_attributions_person_said_not_the_clause_subject(nlp):
    assert _sources(nlp, "Okafor said Lagos values the partnership with Accra.") == ["Okafor"]


def test_attributions_passive_quoted_as_saying(nlp):
    attrs = _attrs(nlp, "Lindqvist was quoted as saying the talks had been useful.")
    assert [a.source for a in attrs] == ["Lindqvist"]
    assert attrs[0].source_kind == "person"


def test_attributions_pronoun_resolves_to_last_person(nlp):
    text = "Governor Tomas Brandt visited the flooded district. He said the repairs would take a year."
    attrs = _attrs(nlp, text)
    assert any(a.source == "Tomas Brandt" for a in attrs)


def test_attributions_stance_of_analysts(nlp):
    assert _sources(nlp, "Analysts are skeptical that the new tariffs will last.") == ["Analysts"]


def test_attributions_nested_said_is_chained(nlp):
    attrs = _attrs(nlp, "The ministry said on Friday that Alvarez told reporters the plant would close.")
    top = outermost(attrs, 0, 200)
    assert top is not None and top.source == "ministry"
    assert top.chain[:2] == ["ministry", "Alvarez"]


def test_attributions_ignore_reporting_as_an_act(nlp):
    assert _sources(nlp, "The envoy left for Paris after he reported to the cabinet about the visit.") == []


def test_attributions_ignore_verbs_inside_quotes(nlp):
    sources = _sources(nlp, "“We will say no to any deal,” Kemal Arslan said.")
    assert sources == ["Kemal Arslan"]


def test_attributions_expletive_it_was_reported_names_nobody(nlp):
    assert _sources(nlp, "It was reported that the factory had closed.") == []


def test_attributions_the_report_is_the_outlet_that_reported_earlier(nlp):
    text = ("The two ports will reopen next month, the Harbor Times reported on Monday. "
            "The report said, citing two shipping officials, that tolls would double.")
    attrs = _attrs(nlp, text)
    later = [a for a in attrs if a.start >= text.index("The report")]
    assert [a.source for a in later] == ["Harbor Times"]
    assert later[0].source_kind == "outlet"
    assert later[0].chain[1:] == ["two shipping officials"]


def test_attributions_the_report_with_no_outlet_before_it_stays_as_written(nlp):
    assert _sources(nlp, "The report said that tolls would double next year.") == ["report"]


def test_attributions_trailing_suggesting_is_the_writers_inference_not_a_source(nlp):
    text = "The ministry has presented itself as a neutral broker, suggesting that it wants a seat at the talks."
    assert _sources(nlp, text) == []
    # a speech participle still inherits the subject of its clause
    assert _sources(nlp, "The mayor declined to give details, saying the inquiry was still open.") == ["mayor"]


def test_attributions_expressed_hope_is_a_view_expressed_support_is_not(nlp):
    assert _sources(nlp, "Local farmers expressed little hope that prices would recover this year.") \
        == ["Local farmers"]
    assert _sources(nlp, "The prime minister expressed support for the new trade corridor.") == []
