"""Write access (token, read-only, origin), body size limits and id checks."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsprism.web import create_app

ARTICLE = ("Inspectors closed the Norrby chemical plant on Thursday after a leak, the regional "
           "environment agency said.").encode()


@pytest.fixture()
def guarded(tmp_path):
    """A writable app with a token and a small body limit, over an empty store."""
    with TestClient(create_app(str(tmp_path / "w.db"), token="s3cret-token", max_body=64 * 1024)) as c:
        yield c


def _files():
    return {"files": ("plant.txt", ARTICLE, "text/plain")}


# Accepted writes below queue a URL the ingester refuses at once (a private address), so the job
# ends without loading the NLP pipeline; uploads that are analysed are in test_jobs.py.
REFUSED_URL = {"urls": "http://127.0.0.1:9/article.html"}


def test_ingest_without_token_is_401(guarded):
    r = guarded.post("/api/ingest", files=_files())
    assert r.status_code == 401
    assert r.json()["error"]["status"] == 401 and r.headers["www-authenticate"] == "Bearer"


def test_ingest_with_wrong_token_is_401(guarded):
    r = guarded.post("/api/ingest", files=_files(), headers={"Authorization": "Bearer guess"})
    assert r.status_code == 401


def test_ingest_with_bearer_token_is_accepted(guarded):
    r = guarded.post("/api/ingest", data=REFUSED_URL, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 202
    job = r.json()["job"]
    assert job["id"].startswith("j-") and job["inputs"] == [REFUSED_URL["urls"]]
    assert guarded.get(r.json()["status_url"]).json()["id"] == job["id"]


def test_ingest_form_from_another_origin_is_refused(guarded):
    r = guarded.post("/ingest", files=_files(), data={"token": "s3cret-token"},
                     headers={"Origin": "http://evil.example"})
    assert r.status_code == 403 and "cross-origin" in r.text


def test_ingest_form_with_token_field_redirects_to_job(guarded):
    r = guarded.post("/ingest", data={"token": "s3cret-token", **REFUSED_URL}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/jobs/j-")


def test_read_only_server_refuses_writes_with_403(tmp_path):
    with TestClient(create_app(str(tmp_path / "r.db"), read_only=True)) as c:
        r = c.post("/api/ingest", files=_files())
        assert r.status_code == 403 and "read-only" in r.json()["error"]["message"]


def test_body_over_the_limit_is_413_before_reading(guarded):
    big = b"x" * (65 * 1024)
    r = guarded.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")},
                     headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 413
    assert r.json()["error"]["status"] == 413


def test_chunked_body_over_the_limit_is_413(guarded):
    boundary = "npboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode()

    def chunks():  # no Content-Length: the limit must be enforced while the body streams
        yield head
        for _ in range(20):
            yield b"y" * 8192
        yield f"\r\n--{boundary}--\r\n".encode()

    r = guarded.post("/api/ingest", content=chunks(),
                     headers={"Authorization": "Bearer s3cret-token",
                              "Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert r.status_code == 413


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/x"])
def test_ingest_refuses_non_http_urls(guarded, url):
    r = guarded.post("/api/ingest", data={"urls": url}, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 400 and "not an http(s) URL" in r.json()["error"]["message"]


def test_ingest_with_nothing_is_400(guarded):
    r = guarded.post("/api/ingest", data={"urls": "  "}, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 400 and "nothing to ingest" in r.json()["error"]["message"]


@pytest.mark.parametrize("job_id", ["j-..%2F..%2Fetc", "j-0000", "x"])
def test_malformed_job_ids_are_404(guarded, job_id):
    assert guarded.get(f"/api/jobs/{job_id}").status_code == 404
