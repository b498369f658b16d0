import dataclasses
import re

import pytest
from facts import html_link_targets
from invented_story import A1, ARTICLES, build_inputs, ev

from newsprism.report import build_report, render_html
from newsprism.report.html import REPORT_CSS, REPORT_JS, render_story_section

HOSTILE = "<script>alert(1)</script>"


def _report(articles=None):
    return build_report(*build_inputs(articles))


def test_render_html_every_in_page_link_has_a_target():
    html = render_html(_report())
    targets, ids = html_link_targets(html)
    assert targets and targets <= ids


def test_render_html_highlights_each_evidence_span_and_links_it():
    report = _report()
    html = render_html(report)
    for e in report.stories[0].events[0].evidence:
        anchor = f"m-{e.article_id}-{e.start}-{e.end}"
        assert f'id="{anchor}"' in html
        assert f"href='#{anchor}'" in html


def test_render_html_is_self_contained():
    html = render_html(_report())
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert REPORT_CSS in html and REPORT_JS in html


def test_render_html_shows_hostile_article_content_as_text():
    evil = [dataclasses.replace(a, title=HOSTILE, outlet=HOSTILE) for a in ARTICLES]
    evil[0] = dataclasses.replace(evil[0], text=evil[0].text + f"Protesters chanted {HOSTILE} at the gates.\n")
    html = render_html(_report(evil))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<script>") == 1  # ours


def test_render_html_coverage_matrix_marks_relays_with_their_source():
    html = render_html(_report())
    assert "title='[3] relays Coastal Wire'" in html
    assert "title='[1] relays Merrowgate Port Authority'" in html


def test_render_html_marks_planned_days_and_loaded_terms():
    html = render_html(_report())
    assert "np-day np-planned'><time datetime='2026-03-10'>" in html
    assert "class='np-loaded'" in html and ">Union boss</a>" in html


def test_render_story_section_uses_the_given_article_link():
    report = _report()
    frag = render_story_section(report, report.stories[0].id, include_texts=False,
                                article_link=lambda aid, s, e: f"/articles/{aid}#{s}-{e}")
    e = ev(A1, "for four hours")
    assert f"href='/articles/{A1}#{e.start}-{e.end}'" in frag
    assert "href='#" not in frag
    assert "np-text" not in frag


def test_render_story_section_unknown_story_names_it():
    with pytest.raises(KeyError, match="s-nope"):
        render_story_section(_report(), "s-nope")
