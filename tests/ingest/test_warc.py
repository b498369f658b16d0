"""WARC archives (CC-News style): HTML response records become articles, other records are skipped."""

from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsprism.ingest import IngestFailure, ingest_items

from .ingest_samples import PARAGRAPHS, html_page


def _write_warc(path, pages):
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        writer.write_record(writer.create_warc_record("https://herald.example/robots.txt", "request",
                                                      payload=io.BytesIO(b"GET /robots.txt HTTP/1.1\r\n\r\n")))


def test_warc_html_responses_become_articles(tmp_path):
    path = tmp_path / "news.warc.gz"
    _write_warc(path, [
        ("https://herald.example/strike", "text/html; charset=utf-8",
         html_page("Velden strike", PARAGRAPHS[:3], url="https://herald.example/strike").encode()),
        ("https://herald.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ("https://herald.example/empty", "text/html", b"<html><body><nav>Home</nav></body></html>"),
    ])
    items = list(ingest_items([str(path)]))
    arts = [i.article for i in items if not isinstance(i, IngestFailure)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert len(arts) == 1
    assert arts[0].url == "https://herald.example/strike" and arts[0].format == "warc"
    assert arts[0].source == f"{path}#0" and "Dockworkers at the port" in arts[0].text
    assert len(fails) == 1 and fails[0].source == f"{path}#2"


def test_a_warc_that_is_not_a_warc_fails_with_its_name(tmp_path):
    path = tmp_path / "broken.warc"
    path.write_text("this is a text file pretending to be an archive\n")
    items = list(ingest_items([str(path)]))
    assert len(items) == 1 and isinstance(items[0], IngestFailure) and items[0].source == str(path)
