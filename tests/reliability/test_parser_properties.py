"""Property tests: every ingest parser and normaliser, fed arbitrary input, fails only with a clear error.

A clear error is an ``IngestError`` raised or an ``IngestFailure`` yielded;
anything else escaping a reader is a bug a user would see as a traceback.
Valid generated articles must round-trip through each format with title and
words intact. ``fuzz/fuzz_ingest.py`` drives the same parsers at scale.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import IngestError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.html import read_html
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.ingest.published import date_mentions, parse_date
from newsprism.ingest.records import read_csv, read_json, read_jsonl
from newsprism.ingest.text import read_text
from newsprism.ingest.warc import read_warc
from newsprism.nlp.quantities import parse_quantity
from newsprism.nlp.temporal import resolve_expression

OPTS = IngestOptions()
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_markup = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<title>", "</title>", "<script>",
                           "&amp;", "&#0;", "<!--", "-->", "<![CDATA[", "]]>", "<rss>", "<item>", "<feed>", "\x00",
                           "{", "}", "[", "]", '"', ",", "\n", "\r\n", "WARC/1.0\r\n", "Content-Length: 9\r\n"])
_texty = st.lists(st.one_of(st.text(max_size=40), _markup), max_size=40).map("".join)
_bytesy = st.one_of(st.binary(max_size=600), _texty.map(lambda s: s.encode("utf-8", "surrogatepass")))

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
_name = st.lists(_word, min_size=2, max_size=6).map(lambda ws: " ".join(ws).capitalize())


def _body(words: list[str]) -> str:
    """Sentences of 8 words, two paragraphs: shaped like a short news article."""
    sentences = [" ".join(words[i:i + 8]).capitalize() + "." for i in range(0, len(words), 8)]
    half = len(sentences) // 2 or 1
    return " ".join(sentences[:half]) + "\n\n" + " ".join(sentences[half:])


_body_st = st.lists(_word, min_size=60, max_size=160).map(_body)


def _only_clear(items) -> list[Ingested]:
    got = []
    for item in items:
        assert isinstance(item, (Ingested, IngestFailure)), item
        if isinstance(item, IngestFailure):
            assert item.source and item.reason
        else:
            assert item.article.text.strip() and item.article.id
            got.append(item)
    return got


@FAST
@given(_bytesy)
def test_decode_bytes_returns_text_or_raises_ingest_error(data):
    try:
        text = decode_bytes(data, "x.bin")
    except IngestError as exc:
        assert exc.source == "x.bin"
    else:
        assert isinstance(text, str)


@FAST
@given(_texty)
def test_read_text_raises_nothing_but_ingest_error(text):
    try:
        read_text(text, "x.txt")
    except IngestError:
        pass


@pytest.mark.slow
@SLOW
@given(_texty)
def test_read_html_raises_nothing_but_ingest_error(html):
    try:
        read_html(html, "x.html")
    except IngestError:
        pass


@FAST
@given(_bytesy)
def test_record_readers_yield_only_articles_or_failures(data):
    _only_clear(read_jsonl(io.BytesIO(data), "x.jsonl", OPTS))
    _only_clear(read_csv(io.BytesIO(data), "x.csv", OPTS))
    _only_clear(read_json(data.decode("utf-8", "replace"), "x.json", OPTS))


@pytest.mark.slow
@SLOW
@given(_bytesy)
def test_feed_and_warc_readers_yield_only_articles_or_failures(data):
    _only_clear(read_feed(data, "x.xml"))
    _only_clear(read_warc(io.BytesIO(data), "x.warc", OPTS))


def test_warc_record_without_target_uri_is_a_failure_not_a_crash():
    """Found by fuzz/fuzz_ingest.py: warcio raised AttributeError on a response record with no URI."""
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>x</p></body></html>"
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(body)) + body
    items = list(read_warc(io.BytesIO(warc + b"\r\n\r\n"), "cut.warc", OPTS))
    assert items and all(isinstance(i, IngestFailure) for i in items)
    assert items[0].source == "cut.warc"


def test_feed_with_undecodable_bytes_is_a_failure_not_a_crash():
    """Found by fuzz/fuzz_ingest.py: feedparser let a UnicodeEncodeError escape on a stray byte in a tag."""
    feed = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Dalmere Courier</title><item>'
            b'<title>Bridge</title><pubDate\xdbWed, 04 Mar 2026 10:00:00 GMT<\xb3pubDate><description>'
            b'The bridge over the Aske river reopened on Wednesday\x88t')
    items = list(read_feed(feed, "bad.xml"))
    assert all(isinstance(i, (Ingested, IngestFailure)) for i in items) and items


@FAST
@given(title=_name, outlet=_name, body=_body_st)
def test_text_round_trips_title_outlet_and_words(title, outlet, body):
    art = read_text(f"Title: {title}\nOutlet: {outlet}\n\n{body}", "gen.txt")
    assert art.title == title and art.outlet == outlet
    assert art.text.split() == body.split()


@FAST
@given(title=_name, body=_body_st)
def test_records_round_trip_in_jsonl_json_and_csv(title, body):
    rec = {"title": title, "text": body, "outlet": "Dalmere Courier", "published": "2030-04-02"}
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(rec))
    w.writeheader()
    w.writerow(rec)
    for items in (read_jsonl(io.BytesIO(json.dumps(rec).encode()), "g.jsonl", OPTS),
                  read_json(json.dumps([rec]), "g.json", OPTS),
                  read_csv(io.BytesIO(buf.getvalue().encode()), "g.csv", OPTS)):
        (got,) = _only_clear(items)
        assert got.article.title == title and got.article.text.split() == body.split()
        assert got.article.published == "2030-04-02"


@pytest.mark.slow
@SLOW
@given(title=_name, body=_body_st)
def test_html_round_trips_title_and_words(title, body):
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>"
    art = read_html(html, "g.html")
    assert art.title == title and art.text.split() == body.split()


@pytest.mark.slow
@SLOW
@given(title=_name, body=_body_st)
def test_rss_round_trips_title_and_words(title, body):
    rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Dalmere Courier</title><item><title>{title}'
           f"</title><link>https://courier.example/a</link><description>{body}</description></item></channel></rss>")
    (got,) = _only_clear(read_feed(rss.encode(), "g.xml"))
    assert got.article.title == title and got.article.text.split() == body.split()
    assert got.article.outlet == "Dalmere Courier"


_datey = st.one_of(st.text(max_size=40), st.builds(
    "{} {} {}".format, st.integers(-5, 40), st.sampled_from(["March", "Feb.", "Sept", "december", "Febuary", "13"]),
    st.integers(-1, 10_000)), st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99),
                                        st.integers(0, 99)))


@FAST
@given(_datey)
def test_parse_date_returns_a_real_iso_day_or_none(value):
    out = parse_date(value)
    if out is not None:
        assert dt.date.fromisoformat(out[:10]).isoformat() == out[:10]


@FAST
@given(_datey.map(lambda d: f"The ferry board met on {d} and again later."))
def test_date_mentions_are_real_calendar_days_within_the_text(text):
    for m in date_mentions(text):
        dt.date(m.year or 2000, m.month, m.day)
        assert 0 <= m.start < m.end <= len(text)


@FAST
@given(st.one_of(st.text(max_size=30), st.sampled_from(["last Tuesday", "next month", "two weeks ago", "in 2019"])),
       st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)),
       st.sampled_from(["past", "future", "unknown"]))
def test_resolve_expression_never_crashes(text, base, tense):
    resolve_expression(text, base, tense)


@FAST
@given(st.one_of(st.text(max_size=30), st.builds("{}{} {}".format, st.sampled_from(["", "$", "€", "about "]),
                                                  st.floats(allow_nan=True, allow_infinity=True),
                                                  st.sampled_from(["", "million", "bn", "%", "people"]))))
def test_parse_quantity_returns_a_finite_number_or_none(text):
    out = parse_quantity(text)
    if out is not None:
        value = out[0]
        assert isinstance(value, float) and value == value and value not in (float("inf"), float("-inf"))


def test_json_lone_surrogate_escape_is_replaced_not_a_crash():
    """Found by fuzz/fuzz_ingest.py: a ``\\ud800`` escape reached the UTF-8 id hash and raised UnicodeEncodeError."""
    line = (b'{"title": "Ferry vote\\udc00", "text": "The ferry board in Dalmere met on Friday \\ud800 and postponed '
            b'its vote on the new pier for a second time, a spokeswoman said."}')
    (got,) = _only_clear(read_jsonl(io.BytesIO(line), "s.jsonl", OPTS))
    assert "\ufffd" in got.article.text and got.article.title == "Ferry vote\ufffd"
    got.article.text.encode("utf-8")


def test_unicode_case_folded_month_and_weekday_names_do_not_crash():
    """Found by fuzz/fuzz_ingest.py: re.I let "Auguſt"/"Frıday" match, then the lower-cased lookup raised."""
    base = dt.date(2029, 3, 7)
    for text in ("last Frıday", "next Tueſday", "on 3 Auguſt", "Auguſt 2020", "ſix days ago", "3 Auguſt 2020"):
        resolve_expression(text, base, "past")
        parse_date(text)
        date_mentions(f"The ferry board met {text} in Dalmere.")
    art = read_text("Ferry vote\n\nThe ferry board of Dalmere voted on 3 Auguſt 2020 to sell its last two boats, "
                    "a spokeswoman said on Frıday.", "fold.txt")
    assert art.text.startswith("The ferry board")


def test_warc_huge_content_length_and_feed_bad_link_are_failures_not_crashes():
    """Found by fuzz/fuzz_ingest.py: warcio's OverflowError, and urlparse's ValueError on a broken feed link."""
    warc = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:2>\r\nWARC-Target-URI: https://c.example/\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: 99999999999999999999999\r\n\r\nHTTP/1.1")
    assert all(isinstance(i, IngestFailure) for i in read_warc(io.BytesIO(warc), "big.warc", OPTS))
    rss = ('<?xml version="1.0"?><rss version="2.0"><channel><link>https://dal]]>mere.example/</link><item>'
           "<title>Bridge</title><description>The bridge over the Aske river reopened on Wednesday after repairs "
           "that lasted four months, the county engineer said.</description></item></channel></rss>")
    (got,) = _only_clear(read_feed(rss.encode(), "link.xml"))
    assert got.article.outlet is None and got.article.title == "Bridge"
