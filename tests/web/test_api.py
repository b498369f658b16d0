"""The JSON API: stories, the contract report per story, articles, the whole report, errors."""

from __future__ import annotations

import pytest
from webfixtures import HOSTILE_STORY_ID, STRIKE_ID, TEXTS, aid

CONTRACT_STORY_KEYS = {"id", "title", "article_ids", "entities", "events", "conflicts", "framing", "attributions",
                       "flags", "timeline", "summary"}


def test_api_stories_lists_every_story_with_id_sorted_by_coverage(client):
    r = client.get("/api/stories")
    assert r.status_code == 200
    stories = r.json()
    assert [s["id"] for s in stories] == [STRIKE_ID, HOSTILE_STORY_ID]
    assert stories[0]["n_articles"] == 3 and "Coastal Wire" in stories[0]["outlets"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"q": "velmar"}, [STRIKE_ID]),
    ({"outlet": "Coastal Wire"}, [STRIKE_ID]),
    ({"date_from": "2031-06-01"}, [HOSTILE_STORY_ID]),
    ({"date_to": "2031-05-31"}, [STRIKE_ID]),
    ({"q": "no such words anywhere"}, []),
    ({"sort": "recent"}, [HOSTILE_STORY_ID, STRIKE_ID]),
])
def test_api_stories_filters(client, params, expected):
    assert [s["id"] for s in client.get("/api/stories", params=params).json()] == expected


def test_api_stories_rejects_a_bad_date_with_the_error_shape(client):
    r = client.get("/api/stories", params={"date_from": "May 3rd"})
    assert r.status_code == 422
    assert set(r.json()) == {"error"} and r.json()["error"]["status"] == 422
    assert "date_from" in r.json()["error"]["message"]


def test_api_story_is_a_contract_report(client):
    r = client.get(f"/api/stories/{STRIKE_ID}")
    assert r.status_code == 200
    rep = r.json()
    assert rep["schema_version"] == 1 and rep["generator"]
    (story,) = rep["stories"]
    assert CONTRACT_STORY_KEYS <= set(story)
    assert {a["id"] for a in rep["articles"]} == set(story["article_ids"])
    ev = story["events"][0]
    assert ev["independent_sources"] == 3 and len(ev["evidence"]) == 3


@pytest.mark.parametrize("bad", ["s-nothere0000", "..%2F..%2Fetc%2Fpasswd", "s-0' OR '1'='1", "a-0123456789abcdef"])
def test_api_story_unknown_or_malformed_id_is_404_json(client, bad):
    r = client.get(f"/api/stories/{bad}")
    assert r.status_code == 404
    assert r.json()["error"]["status"] == 404


def test_api_article_text_is_what_the_spans_index(client):
    coastal = aid(TEXTS["coastal-wire"])
    art = client.get(f"/api/articles/{coastal}").json()
    assert art["text"] == TEXTS["coastal-wire"] and art["outlet"] == "Coastal Wire"
    assert art["story_ids"] == [STRIKE_ID]
    story = client.get(f"/api/stories/{STRIKE_ID}").json()["stories"][0]
    for ev in story["events"][0]["evidence"]:
        if ev["article_id"] == coastal:
            assert art["text"][ev["start"]:ev["end"]] == ev["sentence"]


def test_api_report_holds_every_story_and_article_once(client):
    rep = client.get("/api/report").json()
    assert [s["id"] for s in rep["stories"]] == [STRIKE_ID, HOSTILE_STORY_ID]
    ids = [a["id"] for a in rep["articles"]]
    assert len(ids) == len(set(ids)) == 4


def test_openapi_schema_lists_the_api_and_docs_need_no_cdn(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/ingest",
            "/api/jobs/{job_id}", "/api/report"} <= set(paths)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/ingest" in docs.text
    assert "https://" not in docs.text and "http://" not in docs.text


def test_api_unknown_route_uses_the_error_shape(client):
    r = client.get("/api/nothing-here")
    assert r.status_code == 404
    assert r.json() == {"error": {"status": 404, "message": "Not Found"}}
