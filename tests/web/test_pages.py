"""The HTML pages: story list, story, article with highlighted evidence, ingest, docs."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from webfixtures import HOSTILE_STORY_ID, HOSTILE_TEXT, STRIKE_ID, TEXTS, aid, build_fixture_report

from newsprism.model import ReportStory
from newsprism.store import Store
from newsprism.web.app import create_app


def _active_marks(page: str) -> list[str]:
    return [html.unescape(m) for m in re.findall(r'<mark class="[^"]*\bactive\b[^"]*"[^>]*>([^<]*)</mark>', page)]


def test_story_list_links_every_story_and_filters_by_outlet(client):
    page = client.get("/").text
    assert f"/stories/{STRIKE_ID}" in page and f"/stories/{HOSTILE_STORY_ID}" in page
    assert '<option value="Coastal Wire"' in page
    filtered = client.get("/", params={"outlet": "Coastal Wire"}).text
    assert f"/stories/{STRIKE_ID}" in filtered and f"/stories/{HOSTILE_STORY_ID}" not in filtered


def test_story_list_accepts_the_form_as_a_browser_submits_it(client):
    blank = client.get("/", params={"q": "", "outlet": "", "date_from": "", "date_to": "", "sort": "coverage"})
    assert blank.status_code == 200 and f"/stories/{HOSTILE_STORY_ID}" in blank.text
    dated = client.get("/", params={"q": "", "outlet": "", "date_from": "2031-06-01", "date_to": "", "sort": "recent"})
    assert f"/stories/{HOSTILE_STORY_ID}" in dated.text and f"/stories/{STRIKE_ID}" not in dated.text


def test_story_page_shows_the_report_sections_and_cites_article_pages(client):
    r = client.get(f"/stories/{STRIKE_ID}")
    assert r.status_code == 200
    page = r.text
    assert "Dock strike at the port of Velmar" in page
    assert "Firebrand union boss" in page and "workers on strike" in page
    links = {html.unescape(u) for u in re.findall(r'href="(/articles/[^"]+)"', page)
             + re.findall(r"href='(/articles/[^']+)'", page)}
    assert any("span=" in u for u in links), "citations should point at a span of the article page"


def test_following_an_event_citation_highlights_its_evidence(client):
    page = client.get(f"/stories/{STRIKE_ID}").text
    coastal = aid(TEXTS["coastal-wire"])
    link = next(html.unescape(u) for u in re.findall(r"href=['\"](/articles/[^'\"]+)['\"]", page)
                if coastal in u and "span=" in u)
    article = client.get(link.split("#")[0]).text
    assert _active_marks(article) == ["Port workers in Velmar began a strike on Tuesday, according to the "
                                      "regional broadcaster RTV Sud."]


def test_article_page_highlights_every_finding_and_links_back(client):
    meridian = aid(TEXTS["meridian-daily"])
    page = client.get(f"/articles/{meridian}").text
    assert f'href="/stories/{STRIKE_ID}#v-abcdefabcdef"' in page
    assert 'data-findings="fl-0"' in page  # the anachronistic reference is highlighted
    assert _active_marks(page) == []
    focused = client.get(f"/articles/{meridian}", params={"story": STRIKE_ID, "finding": "v-abcdefabcdef"}).text
    assert _active_marks(focused) == ["Ships were diverted to Castra, officials said."]


def test_hostile_article_strings_are_shown_as_text(client):
    hostile = aid(HOSTILE_TEXT)
    for url in ["/", f"/stories/{HOSTILE_STORY_ID}", f"/articles/{hostile}"]:
        page = client.get(url).text
        assert "<script>window" not in page and "<img src=x" not in page and "<b>Evil</b>" not in page, url
    article = client.get(f"/articles/{hostile}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in article


def test_every_page_sends_a_strict_content_security_policy(client):
    for url in ["/", f"/stories/{STRIKE_ID}", "/ingest", "/docs", "/api/stories"]:
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_report_assets_are_served_as_files(client):
    assert client.get("/assets/report.css").headers["content-type"].startswith("text/css")
    assert client.get("/assets/report.js").headers["content-type"].startswith("text/javascript")


def test_unknown_story_page_is_an_html_404(client):
    r = client.get("/stories/s-0000000000ff")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no story" in r.text or "not found" in r.text


def test_ingest_page_in_read_only_mode_says_so(client):
    page = client.get("/ingest").text
    assert "read-only" in page and "<form class=\"ingest\"" not in page


def test_a_story_id_that_reclustering_retired_redirects_to_the_story_that_took_it_over(tmp_path):
    """A link copied from the list just before an ingest merged the story must not break (it used to answer 500)."""
    report, articles = build_fixture_report()
    db = tmp_path / "moved.db"
    with Store(db) as store:
        store.add_articles(articles)
        store.put_report(report)
        strike = next(s for s in report.stories if s.id == STRIKE_ID)
        report.stories = [ReportStory(**{**strike.__dict__, "id": "s-0000000beef0"}),
                          *[s for s in report.stories if s.id != STRIKE_ID]]
        store.put_report(report)
    with TestClient(create_app(str(db), read_only=True)) as client:
        moved = client.get(f"/stories/{STRIKE_ID}", follow_redirects=False)
        assert moved.status_code == 307 and moved.headers["location"] == "/stories/s-0000000beef0"
        landed = client.get(f"/stories/{STRIKE_ID}")
        assert landed.status_code == 200 and "Dock strike at the port of Velmar" in landed.text
        assert "?story=s-0000000beef0" in landed.text
        assert client.get("/stories/s-00000000dead").status_code == 404
