"""Evidence spans read back per article and the article text cut at them."""

from __future__ import annotations

from newsprism.model import to_plain
from newsprism.web.evidence import Finding, article_findings, segment_text


def _story(fixture_report):
    return to_plain(fixture_report.stories[0])


def test_article_findings_only_cite_spans_in_that_article(fixture_report):
    story = _story(fixture_report)
    coastal = story["article_ids"][1]
    text = fixture_report.texts[coastal]
    found = article_findings(story, coastal)
    kinds = {f.kind for f in found}
    assert {"event", "conflict", "framing", "attribution"} <= kinds
    assert "flag" not in kinds  # the flag is on another article
    for f in found:
        for s, e in f.spans:
            assert text[s:e].strip(), f"{f.id} points at nothing"
    framing = next(f for f in found if f.kind == "framing")
    assert [text[s:e] for s, e in framing.spans] == ["Firebrand union boss Dana Orlov"]


def test_article_findings_flag_evidence_defaults_to_flagged_article(fixture_report):
    story = _story(fixture_report)
    meridian = story["article_ids"][2]
    flags = [f for f in article_findings(story, meridian) if f.kind == "flag"]
    assert len(flags) == 1 and flags[0].id == "fl-0"
    s, e = flags[0].spans[0]
    assert fixture_report.texts[meridian][s:e].startswith("[1] Port statement")


def test_segment_text_rebuilds_text_and_marks_overlaps():
    text = "The mayor of Dunmore resigned on Friday. Council members said the vote was close."
    a = Finding("v-1", "event", "resigned", "s-1", [(0, 40)])
    b = Finding("fr-0", "framing", "mayor", "s-1", [(4, 9)])
    segs = segment_text(text, [a, b])
    assert "".join(s.text for s in segs) == text
    mayor = next(s for s in segs if s.text == "mayor")
    assert mayor.findings == ["v-1", "fr-0"]
    assert next(s for s in segs if "Council" in s.text).findings == []
    assert segs[0].anchors == ["v-1"] and mayor.anchors == ["fr-0"]


def test_segment_text_clips_spans_outside_the_text():
    text = "Flooding closed the Harlow bridge."
    stale = Finding("v-2", "event", "closed", "s-1", [(20, 500), (900, 950)])
    segs = segment_text(text, [stale])
    assert "".join(s.text for s in segs) == text
    assert [s.text for s in segs if s.findings] == ["Harlow bridge."]


def test_segment_text_marks_the_clicked_span_active_even_without_a_finding():
    text = "Rail staff in Ostrava voted to strike. The vote passed narrowly."
    segs = segment_text(text, [], active_span=(39, 64))
    active = [s.text for s in segs if s.active]
    assert active == ["The vote passed narrowly."]
    assert next(s for s in segs if s.active).anchors == ["39"]


def test_segment_text_marks_the_active_finding():
    text = "Rail staff in Ostrava voted to strike. The vote passed narrowly."
    f = Finding("c-9", "conflict", "vote", "s-1", [(0, 38)])
    segs = segment_text(text, [f], active_finding="c-9")
    assert [s.text for s in segs if s.active] == ["Rail staff in Ostrava voted to strike."]
