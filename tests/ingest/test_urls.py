"""URL fetching on canned responses (never the network): redirects re-checked, private addresses refused, caps."""

from __future__ import annotations

import httpx
import pytest

from newsprism.errors import IngestError
from newsprism.ingest import IngestFailure, IngestOptions, ingest_items
from newsprism.ingest import urls

from .ingest_samples import PARAGRAPHS, html_page

PUBLIC = {"herald.example": ["93.184.216.34"], "mirror.example": ["2606:2800:220:1::248"],
          "intranet.example": ["10.1.2.3"], "rebind.example": ["::ffff:127.0.0.1"]}


@pytest.fixture
def web(monkeypatch):
    """A canned web: URL -> (status, headers, body)."""
    pages: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        if str(request.url) not in pages:
            raise httpx.ConnectError("connection refused", request=request)
        status, headers, body = pages[str(request.url)]
        return httpx.Response(status, headers=headers, content=body)

    def resolve(host: str) -> list[str]:
        if host not in PUBLIC:
            raise IngestError(host, "cannot resolve host (Name or service not known)")
        return PUBLIC[host]

    monkeypatch.setattr(urls, "_transport", httpx.MockTransport(handler))
    monkeypatch.setattr(urls, "_resolve", resolve)
    return pages


def _one(url: str, **opts):
    items = list(ingest_items([url], IngestOptions(**opts)))
    assert len(items) == 1
    return items[0]


def test_url_html_page_is_fetched_and_read(web):
    web["https://herald.example/strike"] = (200, {"content-type": "text/html; charset=utf-8"},
                                            html_page("Velden strike", PARAGRAPHS).encode())
    item = _one("https://herald.example/strike")
    assert item.article.source == "https://herald.example/strike"
    assert "Dockworkers at the port" in item.article.text
    assert item.raw.data.startswith(b"<!DOCTYPE html>")


def test_url_redirects_are_followed_and_each_hop_rechecked(web):
    web["https://herald.example/a"] = (301, {"location": "https://mirror.example/b"}, b"")
    web["https://mirror.example/b"] = (302, {"location": "http://intranet.example/secret"}, b"")
    item = _one("https://herald.example/a")
    assert isinstance(item, IngestFailure)
    assert item.source == "https://herald.example/a" and "private or reserved address (10.1.2.3)" in item.reason


def test_url_too_many_redirects(web):
    for i in range(7):
        web[f"https://herald.example/{i}"] = (302, {"location": f"/{i + 1}"}, b"")
    item = _one("https://herald.example/0")
    assert isinstance(item, IngestFailure) and "more than 5 redirects" in item.reason


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/admin", "http://[::1]/", "http://169.254.169.254/latest",
                                 "http://192.168.0.1/", "http://rebind.example/", "http://0.0.0.0/"])
def test_url_private_loopback_link_local_refused(web, url):
    item = _one(url)
    assert isinstance(item, IngestFailure) and "--allow-private" in item.reason


def test_url_private_allowed_when_asked(web):
    web["http://intranet.example/wiki"] = (200, {"content-type": "text/plain"},
                                           ("Intranet note\n\n" + PARAGRAPHS[0]).encode())
    item = _one("http://intranet.example/wiki", allow_private=True)
    assert item.article.title == "Intranet note"


def test_url_unreachable_and_http_errors(web):
    assert "unreachable" in _one("https://herald.example/down").reason
    web["https://herald.example/gone"] = (404, {}, b"not found")
    assert "HTTP 404" in _one("https://herald.example/gone").reason
    assert "cannot resolve host" in _one("https://no-such-host.example/").reason


def test_url_download_over_the_cap(web):
    web["https://herald.example/huge"] = (200, {"content-type": "text/html"}, b"<html>" + b"x" * 5000)
    item = _one("https://herald.example/huge", max_bytes=1000)
    assert isinstance(item, IngestFailure) and "cap" in item.reason


def test_url_only_http_schemes():
    with pytest.raises(IngestError, match="only http and https"):
        urls.check_url("file:///etc/passwd", IngestOptions())


@pytest.fixture
def local_server():
    """A real HTTP server on 127.0.0.1 answering every GET with a short page."""
    import http.server
    import threading

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the stdlib's name
            body = f"<html><body><p>Host header was {self.headers['Host']}.</p></body></html>".encode()
            self.send_response(200)
            self.send_header("content-type", "text/html")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


@pytest.mark.parametrize("second", [["127.0.0.1"], ["93.184.216.34", "127.0.0.1"]], ids=["private", "mixed"])
def test_url_dns_rebinding_to_a_private_address_at_connect_time_is_refused(local_server, monkeypatch, second):
    """The check sees a public address, the connection's own lookup a private one (alone or beside a public
    one, as the first check would refuse): refused, never fetched."""
    answers = iter([["93.184.216.34"], second])
    monkeypatch.setattr(urls, "_resolve", lambda host: next(answers))
    with pytest.raises(IngestError, match=r"private or reserved address \(127\.0\.0\.1\) when connecting"):
        urls.fetch_url(f"http://rebinding.example:{local_server}/page", IngestOptions())


def test_url_connection_goes_to_the_address_that_was_checked(local_server, monkeypatch):
    """A name the system cannot resolve is reached through newsprism's own (checked) lookup, Host header kept."""
    monkeypatch.setattr(urls, "_resolve", lambda host: ["127.0.0.1"])
    got = urls.fetch_url(f"http://pinned.example:{local_server}/page", IngestOptions(allow_private=True))
    assert f"Host header was pinned.example:{local_server}" in got.content.decode()
