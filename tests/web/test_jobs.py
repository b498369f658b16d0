"""Ingest jobs through the web: uploads join stories, errors are one line per input, readers never fail."""

from __future__ import annotations

import threading
import time

import pytest
from fastapi.testclient import TestClient
from webfixtures import WILDFIRE_FILES, WILDFIRE_LATE

from newsprism.web import create_app
from newsprism.web.jobs import sanitize_filename

JOB_TIMEOUT_S = 300


@pytest.mark.parametrize(("given", "safe"), [
    ("report.txt", "report.txt"),
    ("../../etc/passwd", "passwd"),
    ("..\\..\\windows\\win.ini", "win.ini"),
    (".hidden", "hidden"),
    ("my article (final).html", "my_article_final_.html"),
    ("", "upload"),
    ("../", "upload"),
])
def test_sanitize_filename(given, safe):
    assert sanitize_filename(given) == safe


def _wait(client: TestClient, status_url: str) -> dict:
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while time.monotonic() < deadline:
        job = client.get(status_url).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {status_url} did not finish in {JOB_TIMEOUT_S}s")


def _upload(client: TestClient, files: dict[str, str], urls: str = "") -> dict:
    r = client.post("/api/ingest", files=[("files", (n, t.encode(), "text/plain")) for n, t in files.items()],
                    data={"urls": urls} if urls else None)
    assert r.status_code == 202, r.text
    return _wait(client, r.json()["status_url"])


def test_refused_url_is_one_error_line_naming_it(tmp_path):
    url = "http://127.0.0.1:9/harbour/strike.html"
    with TestClient(create_app(str(tmp_path / "urls.db"))) as client:
        r = client.post("/api/ingest", data={"urls": f"{url}\n"})
        job = _wait(client, r.json()["status_url"])
        assert job["status"] == "done" and job["added"] == 0 and job["joined"] == []
        (error,) = job["errors"]
        assert error.startswith(url + ":") and "private" in error
        assert client.get("/api/stories").json() == []


@pytest.mark.slow
def test_uploaded_article_joins_the_story_of_its_event(tmp_path):
    with TestClient(create_app(str(tmp_path / "fire.db"))) as client:
        first = _upload(client, WILDFIRE_FILES)
        assert first["status"] == "done" and first["errors"] == []
        assert first["added"] == 3
        stories = client.get("/api/stories").json()
        assert stories, "the three reports should form a story"
        biggest = stories[0]
        late = _upload(client, dict([WILDFIRE_LATE]))
        assert late["status"] == "done" and late["added"] == 1
        (joined,) = late["joined"]
        story = client.get(f"/api/stories/{joined['story_id']}").json()["stories"][0]
        assert joined["article_id"] in story["article_ids"]
        assert len(story["article_ids"]) == biggest["n_articles"] + 1
        page = client.get(f"/articles/{joined['article_id']}").text
        assert "Evacuees from Brenholt waited" in page


@pytest.mark.slow
def test_failed_inputs_are_one_line_each_and_the_rest_is_ingested(tmp_path):
    with TestClient(create_app(str(tmp_path / "mixed.db"))) as client:
        r = client.post("/api/ingest", files=[
            ("files", ("garbage.txt", b"\x00\x01\x02\xff\xfe binary", "application/octet-stream")),
            ("files", ("valley-post.txt", WILDFIRE_FILES["valley-post.txt"].encode(), "text/plain"))])
        job = _wait(client, r.json()["status_url"])
        assert job["status"] == "done" and job["added"] == 1
        assert len(job["errors"]) == 1
        assert job["errors"][0].startswith("garbage.txt:") and "\n" not in job["errors"][0]
        page = client.get(f"/jobs/{job['id']}").text
        assert "garbage.txt:" in page


@pytest.mark.slow
def test_readers_get_no_errors_while_an_ingest_job_writes(tmp_path):
    with TestClient(create_app(str(tmp_path / "busy.db"))) as client:
        _upload(client, {"valley-post.txt": WILDFIRE_FILES["valley-post.txt"]})
        r = client.post("/api/ingest", files=[("files", (n, t.encode(), "text/plain"))
                                              for n, t in [*WILDFIRE_FILES.items(), WILDFIRE_LATE]])
        status_url = r.json()["status_url"]
        statuses: list[tuple[str, int]] = []
        errors: list[BaseException] = []
        stop = threading.Event()

        def read() -> None:
            # At least two rounds each, however quickly the job ends, so the count below is not a race.
            rounds = 0
            try:
                while rounds < 2 or not stop.is_set():
                    for url in ["/", "/api/stories", "/api/report"]:
                        statuses.append((url, client.get(url).status_code))
                    for s in client.get("/api/stories").json():
                        statuses.append((s["id"], client.get(f"/stories/{s['id']}").status_code))
                    rounds += 1
            except BaseException as exc:  # a reader's failure would otherwise vanish with its thread
                errors.append(exc)

        readers = [threading.Thread(target=read) for _ in range(3)]
        for t in readers:
            t.start()
        job = _wait(client, status_url)
        stop.set()
        for t in readers:
            t.join()
        assert errors == [] and job["status"] == "done"
        assert len(statuses) > 10
        assert [s for s in statuses if s[1] != 200] == []
