"""The whole pipeline on real articles (the seeds) and the demo corpus, rendered and checked."""

import json

import pytest
from facts import html_link_targets, unbacked_facts

from newsprism.report import render_html, render_markdown
from newsprism.report.brief import MAX_SENTENCES
from newsprism.report.validate import validate_report

pytestmark = pytest.mark.slow


def _analyze(path):
    from newsprism.pipeline import run

    return run([str(path)], db=":memory:").report


@pytest.fixture(scope="module")
def seeds_report(seeds_dir, nlp):
    return _analyze(seeds_dir)


@pytest.fixture(scope="module")
def demo_report(demo_dir, nlp):
    if not demo_dir.is_dir() or not any(demo_dir.iterdir()):
        pytest.skip(f"demo corpus not found at {demo_dir}")
    return _analyze(demo_dir)


@pytest.fixture(params=["seeds", "demo"])
def report(request):
    return request.getfixturevalue(f"{request.param}_report")


def test_corpus_report_follows_the_contract(report):
    validate_report(json.loads(report.to_json()))
    assert report.stories


def test_corpus_brief_is_backed_by_its_cited_articles(report):
    for story in report.stories:
        assert len(story.summary) <= MAX_SENTENCES
        if any(e.evidence for e in story.events):
            assert story.summary, story.title
        for sent in story.summary:
            assert sent.article_ids and set(sent.article_ids) <= set(story.article_ids)
            assert unbacked_facts(report, sent) == [], sent.text


def test_corpus_html_links_resolve_and_every_evidence_span_is_marked(report):
    html = render_html(report)
    targets, ids = html_link_targets(html)
    assert targets <= ids
    for story in report.stories:
        for ev in story.events:
            for e in ev.evidence:
                assert f'id="m-{e.article_id}-{e.start}-{e.end}"' in html


def test_corpus_markdown_renders_every_story(report):
    md = render_markdown(report)
    for story in report.stories:
        assert story.title.replace("*", "\\*") in md or story.title[:20] in md
