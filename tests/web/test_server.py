"""``newsprism serve`` as a real process on a loopback port."""

from __future__ import annotations

import httpx
from webfixtures import STRIKE_ID


def test_serve_answers_the_api_and_pages_over_http(live_server):
    stories = httpx.get(f"{live_server}/api/stories").json()
    assert STRIKE_ID in [s["id"] for s in stories]
    page = httpx.get(f"{live_server}/stories/{STRIKE_ID}")
    assert page.status_code == 200 and "Velmar" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert "server" not in page.headers


def test_serve_read_only_refuses_ingest_over_http(live_server):
    r = httpx.post(f"{live_server}/api/ingest", files={"files": ("a.txt", b"Rain closed the Tamsk road.")})
    assert r.status_code == 403
    assert r.json()["error"]["status"] == 403
