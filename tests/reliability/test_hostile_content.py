"""Hostile content: script payloads, markup bombs, a 10 MB line, path traversal and SSRF, each refused or neutralised.

The web and report suites already check one hostile article (tests/web,
tests/report/test_markdown.py); here every user-controlled field (title,
text, outlet, URL, story title) carries a payload at once, through every
renderer and page, and the ingest side meets inputs built to exhaust it.
"""

from __future__ import annotations

import dataclasses
import socket
import sys
from pathlib import Path

import httpx
import pytest

from newsprism.errors import IngestError
from newsprism.ingest import IngestFailure, IngestOptions, ingest_items
from newsprism.ingest import urls
from newsprism.ingest.feeds import html_to_text
from newsprism.ingest.html import read_html
from newsprism.ingest.run import ingest_into_store
from newsprism.report import render_html, render_markdown
from newsprism.store import Store
from newsprism.web.jobs import sanitize_filename

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from webfixtures import HOSTILE_STORY_ID, STRIKE_ID, build_fixture_report  # noqa: E402

PAYLOADS = {
    "title": "<script>alert('xss-title')</script>Ferry row",
    "outlet": "\"><img src=x onerror=alert('xss-outlet')>Courier",
    "url": "javascript:alert('xss-url')",
    "story": "</title><svg/onload=alert('xss-story')>Ferry story",
}
# Strings that would execute if they reached the page unescaped.
LIVE = ["<script>alert(", "<img src=x onerror", "<svg/onload", 'href="javascript:', "href='javascript:"]


@pytest.fixture(scope="module")
def hostile():
    """The web fixture report with a payload in every user-controlled field of every article and story."""
    report, articles = build_fixture_report()
    report.articles = [dataclasses.replace(a, title=PAYLOADS["title"], outlet=PAYLOADS["outlet"], url=PAYLOADS["url"])
                       for a in report.articles]
    for s in report.stories:
        s.title = PAYLOADS["story"]
    articles = [dataclasses.replace(a, title=PAYLOADS["title"], outlet=PAYLOADS["outlet"], url=PAYLOADS["url"])
                for a in articles]
    return report, articles


def _assert_inert(page: str) -> None:
    for live in LIVE:
        assert live not in page, live


def test_render_html_escapes_every_field(hostile):
    page = render_html(hostile[0])
    _assert_inert(page)
    assert "alert(&#x27;xss-title&#x27;)" in page or "alert(&#39;xss-title&#39;)" in page  # shown, as text


def test_render_markdown_leaves_no_live_html(hostile):
    _assert_inert(render_markdown(hostile[0]))


@pytest.fixture(scope="module")
def client(hostile, tmp_path_factory):
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    db = tmp_path_factory.mktemp("hostile") / "h.db"
    report, articles = hostile
    with Store(db) as store:
        store.add_articles(articles)
        store.put_report(report)
    with TestClient(create_app(str(db), read_only=True)) as c:
        yield c, articles


def test_web_pages_escape_every_field(client):
    c, articles = client
    paths = ["/", f"/stories/{STRIKE_ID}", f"/stories/{HOSTILE_STORY_ID}", "/?q=%3Cscript%3Ealert(1)%3C/script%3E",
             *[f"/articles/{a.id}" for a in articles]]
    for path in paths:
        r = c.get(path)
        assert r.status_code == 200, path
        _assert_inert(r.text)


@pytest.mark.parametrize("path", [
    "/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/articles/..%2f..%2f..%2fetc%2fpasswd", "/static/..%2fapp.py", "/static/%2e%2e/app.py",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/....//....//etc/passwd", "/static/%252e%252e/app.py",
    "/api/stories/..%5c..%5capp.py", "/assets/..%2fapp.py", "/api/jobs/..%2f..%2fetc%2fpasswd"])
def test_path_traversal_is_refused(client, path):
    r = client[0].get(path)
    assert r.status_code in (400, 403, 404, 405, 422), (path, r.status_code)
    assert "root:" not in r.text and "def create_app" not in r.text


@pytest.mark.parametrize("name", ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/cron.d/x", ".bashrc",
                                  "a/../../b.txt", "\x00evil.txt", "....//....//x", "%2e%2e%2fx", ""])
def test_upload_filenames_stay_inside_the_upload_folder(name, tmp_path):
    safe = sanitize_filename(name)
    assert safe and "/" not in safe and "\\" not in safe and not safe.startswith(".") and "\x00" not in safe
    assert (tmp_path / safe).resolve().parent == tmp_path.resolve()


def test_html_bomb_of_100k_nested_divs_fails_cleanly_or_reads():
    bomb = "<html><body>" + "<div>" * 100_000 + "Deep inside the council chamber the vote was taken." + \
           "</div>" * 100_000 + "</body></html>"
    try:
        art = read_html(bomb, "bomb.html")
    except IngestError as exc:
        assert exc.source == "bomb.html"
    else:
        assert "council chamber" in art.text
    # Feed fragments: libxml2 stops at its depth limit, so the text past it is dropped (an empty entry then
    # fails as "neither content nor summary"), never a RecursionError.
    assert html_to_text("<div>" * 100_000 + "council chamber" + "</div>" * 100_000) in ("", "council chamber")


def test_unclosed_nested_tags_and_a_quarter_million_paragraphs(tmp_path):
    unclosed = "<html><body>" + "<b><i><span>" * 30_000 + "The ferry board met on Friday." * 20
    page = "<html><head><title>Long minutes</title></head><body><article>" + "".join(
        f"<p>Item {i}: the ferry board noted a request from the harbour users' group.</p>"
        for i in range(250_000)) + "</article></body></html>"  # ~20 MB
    (tmp_path / "unclosed.html").write_text(unclosed)
    (tmp_path / "huge.html").write_text(page)
    items = list(ingest_items([str(tmp_path)], IngestOptions(max_bytes=10_000_000)))
    by_name = {(i.source if isinstance(i, IngestFailure) else i.article.source).rsplit("/", 1)[-1]: i for i in items}
    assert isinstance(by_name["huge.html"], IngestFailure) and "MB" in by_name["huge.html"].reason
    assert set(by_name) == {"huge.html", "unclosed.html"}


@pytest.mark.slow
def test_ten_megabyte_single_line_text_is_stored_whole(tmp_path):
    sentence = "The ferry board of Dalmere met on 3 March 2029 and 1,200 residents attended. "
    line = (sentence * (10_000_000 // len(sentence) + 1))[:10_000_000].strip()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "line.txt").write_text(line)
    res = ingest_into_store([str(tmp_path / "in")], db=tmp_path / "s.db")
    assert (res.added, res.failures) == (1, [])
    with Store(tmp_path / "s.db") as store:
        (art,) = list(store.articles())
    assert art.text == line


# --- SSRF: never the network; a canned transport and a resolver that parses numeric forms as getaddrinfo does.

_NAMES = {"news.example": ["93.184.216.34"], "sneaky.example": ["93.184.216.34", "10.0.0.7"],
          "v6.example": ["fd12:3456::1"]}


@pytest.fixture
def web(monkeypatch):
    pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
    fetched: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        status, headers, body = pages.get(str(request.url), (404, {}, b""))
        return httpx.Response(status, headers=headers, content=body)

    def resolve(host: str) -> list[str]:
        if host in _NAMES:
            return _NAMES[host]
        try:  # inet_aton accepts 2130706433, 0x7f000001, 017700000001, 127.1: as getaddrinfo does
            return [socket.inet_ntoa(socket.inet_aton(host))]
        except OSError:
            raise IngestError(host, "cannot resolve host") from None

    monkeypatch.setattr(urls, "_transport", httpx.MockTransport(handler))
    monkeypatch.setattr(urls, "_resolve", resolve)
    return pages, fetched


PRIVATE = ["http://[::1]/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/", "http://[fc00::1]/", "http://[fd00::5]/",
           "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:10.0.0.1]/", "http://[::]/",
           "http://2130706433/", "http://0x7f000001/", "http://017700000001/", "http://127.1/", "http://0/",
           "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data/", "http://172.16.5.4/",
           "http://224.0.0.1/", "http://sneaky.example/", "http://v6.example/", "http://[64:ff9b::7f00:1]/"]


@pytest.mark.parametrize("url", PRIVATE)
def test_ssrf_private_targets_are_refused_without_a_request(web, url):
    items = list(ingest_items([url], IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], IngestFailure), url
    assert "private or reserved" in items[0].reason or "--allow-private" in items[0].reason
    assert web[1] == []


@pytest.mark.parametrize("target", ["http://[::1]:8080/admin", "http://2130706433/", "http://[fe80::1]/",
                                    "http://[::ffff:127.0.0.1]/", "http://0x7f000001/", "//[::1]/scheme-relative"])
def test_ssrf_redirects_to_private_targets_are_refused(web, target):
    pages, fetched = web
    pages["https://news.example/story"] = (302, {"location": target}, b"")
    items = list(ingest_items(["https://news.example/story"], IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert fetched == ["https://news.example/story"]  # the private hop was never requested
