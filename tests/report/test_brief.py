import dataclasses

import pytest

from facts import unbacked_facts
from invented_story import A1, A2, A3, A4, TEXTS, build_inputs, ev

from newsprism.model import Conflict, ConflictValue, Flag, StoryEvent
from newsprism.report import build_report
from newsprism.report.brief import MAX_SENTENCES, _clean, build_brief
from newsprism.report.build import report_article, sort_events


def _brief(events=None, conflicts=None, framing=None, flags=None):
    analyzed, stories, checks = build_inputs()
    check = checks[stories[0].id]
    return build_brief(sort_events(events if events is not None else check.events),
                       conflicts if conflicts is not None else check.conflicts,
                       framing if framing is not None else check.framing,
                       texts=TEXTS, articles=[report_article(a) for a in analyzed],
                       flags=flags if flags is not None else check.flags)


def test_brief_every_sentence_is_backed_by_its_cited_articles():
    report = build_report(*build_inputs())
    summary = report.stories[0].summary
    assert 5 <= len(summary) <= MAX_SENTENCES
    for sent in summary:
        assert sent.article_ids, sent.text
        assert unbacked_facts(report, sent) == [], sent.text
        for e in sent.evidence:
            assert e.article_id in sent.article_ids
            assert report.texts[e.article_id][e.start:e.end] == e.sentence


def test_brief_event_sentences_are_extracted_from_a_cited_article():
    report = build_report(*build_inputs())
    for sent in report.stories[0].summary:
        if not sent.text.startswith(("Outlets", "Sources", "Harbourline contradicts")):
            assert any(sent.text.rstrip(".") in report.texts[a] for a in sent.article_ids), sent.text


def test_brief_leads_with_the_best_corroborated_event():
    first = _brief()[0]
    assert "met union leader Tomas Reyna" in first.text
    assert set(first.article_ids) == {A1, A2, A3, A4}


def test_brief_avoids_sentences_of_flagged_articles_and_loaded_wording():
    texts = [s.text for s in build_report(*build_inputs()).stories[0].summary]
    assert not any("to discuss the dispute" in t for t in texts)  # machine-written article
    assert not any("Union boss" in t or "militant" in t for t in texts)  # loaded terms


def test_brief_names_each_side_of_a_disagreement_with_its_outlets():
    texts = [s.text for s in _brief()]
    assert ("Outlets disagree on the number of strikers: Harbourline says “4,000”; "
            "Coastal Wire and State News Agency say “2,500”.") in texts
    assert any(t.startswith("Harbourline contradicts itself on the venue of the vote") for t in texts)


def test_brief_drops_a_disagreement_whose_value_no_evidence_states():
    invented = Conflict(id="c-x", kind="number", subject="number of ships", within_article=False, values=[
        ConflictValue(value="14", article_ids=[A1], evidence=[ev(A1, "diverted")]),
        ConflictValue(value="12", article_ids=[A2], evidence=[ev(A2, "12 ships")]),
    ])
    assert not any("disagree" in s.text for s in _brief(conflicts=[invented]))


def test_brief_replaces_a_subject_naming_unsupported_facts_with_a_generic_one():
    analyzed, stories, checks = build_inputs()
    c = dataclasses.replace(checks[stories[0].id].conflicts[1], subject="number of strikers in Valparaiso")
    texts = [s.text for s in _brief(conflicts=[c])]
    assert any(t.startswith("Outlets disagree on a figure: Harbourline says “4,000”") for t in texts)
    assert not any("Valparaiso" in t for t in texts)


def test_brief_one_sentence_for_two_events_told_by_the_same_sentence():
    base = _brief(conflicts=[])[0]
    twin = StoryEvent(id="v-twin", type="talks", plover=None, summary="talks", actors=[], targets=[],
                      date="2026-03-03", place=None, status="happened", article_ids=[A1], independent_sources=3,
                      evidence=[ev(A1, "for four hours")])
    _, stories, checks = build_inputs()
    brief = _brief(events=checks[stories[0].id].events + [twin], conflicts=[])
    assert sum("for four hours" in s.text for s in brief) == 1
    assert brief[0].text == base.text


def test_brief_never_cites_an_event_without_valid_evidence():
    broken = StoryEvent(id="v-broken", type="meeting", plover=None, summary="x", actors=[], targets=[], date=None,
                        place=None, status="happened", article_ids=[A1], independent_sources=9,
                        evidence=[dataclasses.replace(ev(A1, "walked off"), start=10_000, end=10_050)])
    assert _brief(events=[broken], conflicts=[], flags=[Flag(article_id=A4, kind="other", detail="x")]) == []


def test_brief_leaves_out_an_event_told_only_by_a_flagged_article():
    only_flagged = StoryEvent(id="v-pivot", type="statement", plover=None, summary="x", actors=[], targets=[],
                              date=None, place=None, status="happened", article_ids=[A4], independent_sources=5,
                              evidence=[ev(A4, "pivotal moment")])
    _, stories, checks = build_inputs()
    brief = _brief(events=checks[stories[0].id].events + [only_flagged], conflicts=[])
    assert brief and not any("pivotal" in s.text for s in brief)


def test_brief_drops_the_dateline_and_prefers_a_reported_sentence_to_a_quote():
    quoted = dataclasses.replace(ev(A2, "strikers kept"), sentence="“We will not move,” Reyna told 2,500 strikers.")
    strike = StoryEvent(id="v-s", type="strike", plover=None, summary="x", actors=[], targets=[], date=None,
                        place=None, status="happened", article_ids=[A1, A2], independent_sources=2,
                        evidence=[quoted, ev(A1, "walked off")])
    (sent,) = _brief(events=[strike], conflicts=[])
    assert sent.text.startswith("About 4,000 dockworkers walked off")


@pytest.mark.parametrize("line, clean", [
    ("OSLO, Norway, May 19 (NTB) - Ferries stopped running on Monday.", "Ferries stopped running on Monday."),
    ("Bergen [Norway], May 19 : Ferries stopped running on Monday.", "Ferries stopped running on Monday."),
    ("Officials said: ferries stopped running on Monday", "Officials said: ferries stopped running on Monday."),
])
def test_brief_clean_strips_datelines_only(line, clean):
    assert _clean(line) == clean


def test_brief_calls_an_article_without_outlet_one_article():
    analyzed, stories, checks = build_inputs()
    arts = [dataclasses.replace(report_article(a), outlet=None) for a in analyzed]
    brief = build_brief(sort_events(checks[stories[0].id].events), checks[stories[0].id].conflicts, [],
                        texts=TEXTS, articles=arts)
    texts = [s.text for s in brief]
    assert any(t.startswith("One article contradicts itself on the venue of the vote") for t in texts)
    assert any(t.startswith("Outlets disagree on the number of strikers: one article says “4,000”; "
                            "two articles say “2,500”") for t in texts)


def test_brief_prefers_the_evidence_sentence_naming_the_participants():
    vague = dataclasses.replace(ev(A3, "return to the table"))
    meeting = StoryEvent(id="v-m", type="meeting", plover=None, summary="x", actors=["e-castell"],
                         targets=["e-reyna"], date=None, place=None, status="happened", article_ids=[A1, A3],
                         independent_sources=2, evidence=[vague, ev(A1, "for four hours")])
    analyzed, stories, _ = build_inputs()
    ents = [{"id": e.id, "name": e.name, "aliases": e.aliases} for e in stories[0].entities]
    (sent,) = build_brief([meeting], [], [], texts=TEXTS, articles=[report_article(a) for a in analyzed],
                          entities=ents)
    assert "Tomas Reyna" in sent.text
