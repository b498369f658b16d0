import json

from invented_story import A1, A2, A3, A4, ARTICLES, build_inputs

from newsprism.model import CrossCheck, Story
from newsprism.report import build_report
from newsprism.report.validate import validate_report


def test_build_report_orders_events_by_independent_sources_then_date():
    story = build_report(*build_inputs()).stories[0]
    assert [e.id for e in story.events] == ["v-meet", "v-vote", "v-strike", "v-divert"]
    keys = [(-e.independent_sources, e.date or "9999") for e in story.events]
    assert keys == sorted(keys)


def test_build_report_json_follows_contract_and_leaves_texts_out():
    report = build_report(*build_inputs())
    data = json.loads(report.to_json())
    validate_report(data)
    assert "texts" not in data
    assert {a["id"] for a in data["articles"]} == {A1, A2, A3, A4}
    assert report.texts[A1].startswith("MERROWGATE")


def test_build_report_entities_have_the_contract_shape():
    entity = build_report(*build_inputs()).stories[0].entities[0]
    assert set(entity) == {"id", "name", "type", "aliases", "article_ids"}
    assert entity["name"] == "Priya Castell"


def test_build_report_timeline_is_dated_ascending_and_marks_planned():
    story = build_report(*build_inputs()).stories[0]
    assert [t.date for t in story.timeline] == ["2026-03-03", "2026-03-10"]
    assert [t.planned for t in story.timeline] == [False, True]
    assert "v-divert" not in {v for t in story.timeline for v in t.event_ids}  # undated


def test_build_report_prefers_a_headline_without_loaded_terms():
    # the story stage picked Coastal Wire's headline, which calls the union leader a "Union boss"
    analyzed, stories, checks = build_inputs()
    assert "Union boss" in stories[0].title
    title = build_report(analyzed, stories, checks).stories[0].title
    assert "boss" not in title.lower()
    assert title in {a.title for a in ARTICLES}


def test_build_report_story_without_crosscheck_still_follows_contract():
    analyzed, _, _ = build_inputs()
    story = Story(id="s-empty", title="Port strike", article_ids=[A1])
    report = build_report(analyzed, [story], {"s-empty": CrossCheck()})
    validate_report(json.loads(report.to_json()))
    assert report.stories[0].summary == [] and report.stories[0].timeline == []
