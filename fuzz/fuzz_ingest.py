"""Mutation fuzzer for the ingest parsers and the date/number normalisers.

Why a home-made driver rather than atheris: it needs no new dependency and
runs anywhere the package is installed. Each iteration picks a target, takes
one of the seed documents below (all invented), applies 1-4 random byte or
text mutations (flip, insert, delete, duplicate a slice, splice two seeds,
inject a hostile token) and feeds the result to the target. An
``IngestError`` raised, or an ``IngestFailure`` yielded, is a *clear error*;
any other exception is a *crash* and is printed with its traceback once per
(target, type, message head).

Usage: python fuzz/fuzz_ingest.py [--n 1000000] [--seed 1] [--report-every 50000]
Prints one line of counts per target at the end; exit status 1 if any crash.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable

from newsprism.errors import IngestError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.feeds import read_feed
from newsprism.ingest.html import read_html
from newsprism.ingest.items import IngestFailure, IngestOptions
from newsprism.ingest.published import date_mentions, parse_date
from newsprism.ingest.records import read_csv, read_json, read_jsonl
from newsprism.ingest.text import read_text
from newsprism.ingest.warc import read_warc
from newsprism.nlp.quantities import parse_quantity
from newsprism.nlp.temporal import resolve_expression

_OPTS = IngestOptions()
_BODY = ("The harbour council in Velmora voted 7-2 on Tuesday to close the old ferry pier, "
         "according to a statement from the port authority. About 1,200 commuters use it daily.\n\n"
         "Mayor Ilse Tranberg said repairs would cost $4.5 million, a figure the opposition disputed.")

SEEDS: dict[str, list[str]] = {
    "text": [
        "Title: Pier closure vote\nOutlet: Velmora Post\nPublished: 2026-03-04\n\n" + _BODY,
        "VELMORA, March 4 (Coastline Wire) - " + _BODY,
        "Pier to close\n\n" + _BODY,
    ],
    "html": [
        "<!doctype html><html><head><title>Pier closure</title><meta property='og:site_name' content='Velmora Post'>"
        "<meta property='article:published_time' content='2026-03-04T10:00:00Z'></head><body><article><h1>Pier closure"
        "</h1><p>" + _BODY.replace("\n\n", "</p><p>") + "</p></article><script>var x=1;</script></body></html>",
        "<html><body><div><div><p>" + _BODY + "</p></div></div><table><tr><td>cell</td></tr></table></body></html>",
    ],
    "jsonl": [
        '{"title": "Pier closure", "text": "%s", "outlet": "Velmora Post", "published": "2026-03-04", '
        '"url": "https://velmora.example/pier"}\n{"title": "Second", "text": "The ferry board met again on Friday '
        'and postponed a decision."}\n' % _BODY.replace("\n", "\\n"),
    ],
    "json": [
        '[{"title": "Pier closure", "text": "%s", "outlet": "Velmora Post"}]' % _BODY.replace("\n", "\\n"),
        '{"articles": [{"headline": "Pier", "body": "%s"}]}' % _BODY.replace("\n", "\\n"),
    ],
    "csv": [
        'title,text,outlet,published,url\n"Pier closure","%s",Velmora Post,2026-03-04,https://velmora.example/p\n'
        % _BODY.replace('"', '""'),
    ],
    "feed": [
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Velmora Post</title><link>https://velmora.example/'
        '</link><item><title>Pier closure</title><link>https://velmora.example/pier</link><pubDate>Wed, 04 Mar 2026 '
        '10:00:00 GMT</pubDate><description>&lt;p&gt;' + _BODY + '&lt;/p&gt;</description></item></channel></rss>',
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coastline Wire'
        '</title><entry><title>Pier</title><link href="https://wire.example/a"/><updated>2026-03-04T10:00:00Z'
        '</updated><content type="html">' + _BODY + '</content></entry></feed>',
    ],
    "date": ["2026-03-04", "4 March 2026", "March 4, 2026", "Wed, 04 Mar 2026 10:00:00 GMT", "2026-03-04T10:00:00+02:00",
             "on Tuesday, March 3", "04/03/2026", "last week", "Sept. 31, 2025", "12 Febuary 1999"],
    "quantity": ["1,200", "$4.5 million", "about 300", "7-2", "two dozen", "12.5%", "€3bn", "at least 40 people",
                 "1.2 billion", "3/4", "nine hundred"],
    "temporal": ["last Tuesday", "next month", "yesterday", "on March 4", "two weeks ago", "earlier this year",
                 "in 2019", "Friday", "tomorrow morning"],
}
_WARC_BODY = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + SEEDS["html"][0]).encode()
SEEDS["warc"] = [(
    "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
    "WARC-Date: 2026-03-04T10:00:00Z\r\nWARC-Target-URI: https://velmora.example/pier\r\n"
    "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(_WARC_BODY)
).encode().decode("latin-1") + _WARC_BODY.decode("latin-1") + "\r\n\r\n"]
SEEDS["decode"] = [s for k in ("text", "html", "csv") for s in SEEDS[k]]

_HOSTILE = ["<script>alert(1)</script>", "\x00", "\ufeff", "\u202e", "\ud7ff", "\U0010ffff", "]]>", "<![CDATA[",
            "&#0;", "&#xD800;", "&amp;&lt;", '"', "'", "\\u0000", "\r\n", "\r", "\t", "{", "[", "}", "]", ",", ":",
            "<!--", "-->", "<", ">", "é", "\xa0", "\u2028", "9" * 40, "-", "1e999", "NaN", "null", "%",
            "February 30", "0000-00-00", "9999-99-99", "\u0301", "<p>" * 50, "</div>" * 30]


def _mutate_text(s: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(7)
        i = rng.randint(0, len(s))
        if op == 0 and s:  # delete a slice
            j = min(len(s), i + rng.randint(1, 40))
            s = s[:i] + s[j:]
        elif op == 1:  # insert random code points
            s = s[:i] + "".join(chr(rng.choice((rng.randint(0, 0x7f), rng.randint(0, 0x2fff), rng.randint(0, 0x10ffff))))
                                for _ in range(rng.randint(1, 8))) + s[i:]
        elif op == 2:  # hostile token
            s = s[:i] + rng.choice(_HOSTILE) + s[i:]
        elif op == 3 and s:  # duplicate a slice
            j = min(len(s), i + rng.randint(1, 200))
            s = s[:i] + s[i:j] * rng.randint(2, 5) + s[i:]
        elif op == 4:  # splice with another seed of any kind
            other = rng.choice(rng.choice(list(SEEDS.values())))
            s = s[:i] + other[rng.randint(0, len(other)):]
        elif op == 5:  # truncate
            s = s[:i]
        else:  # replace one char
            if s:
                i = min(i, len(s) - 1)
                s = s[:i] + chr(rng.randint(0, 0x24f)) + s[i + 1:]
    return s


def _mutate_bytes(s: str, rng: random.Random) -> bytes:
    data = bytearray(_mutate_text(s, rng).encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(0, 3)):  # raw byte flips: invalid UTF-8, stray NULs
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _drain(items) -> None:
    for item in items:
        if not isinstance(item, IngestFailure):
            assert item.article.text, "article with empty text yielded"


_BASE = dt.date(2026, 3, 4)
TARGETS: dict[str, tuple[str, bool, Callable[[object], object]]] = {
    # name: (seed kind, wants bytes, call)
    "read_text": ("text", False, lambda x: read_text(x, "fuzz.txt")),
    "read_html": ("html", False, lambda x: read_html(x, "fuzz.html")),
    "read_jsonl": ("jsonl", True, lambda x: _drain(read_jsonl(io.BytesIO(x), "fuzz.jsonl", _OPTS))),
    "read_json": ("json", False, lambda x: _drain(read_json(x, "fuzz.json", _OPTS))),
    "read_csv": ("csv", True, lambda x: _drain(read_csv(io.BytesIO(x), "fuzz.csv", _OPTS))),
    "read_feed": ("feed", True, lambda x: _drain(read_feed(x, "fuzz.xml"))),
    "read_warc": ("warc", True, lambda x: _drain(read_warc(io.BytesIO(x), "fuzz.warc", _OPTS))),
    "decode_bytes": ("decode", True, lambda x: decode_bytes(x, "fuzz.bin")),
    "parse_date": ("date", False, lambda x: _check_iso(parse_date(x))),
    "date_mentions": ("date", False, lambda x: [_check_mention(m) for m in date_mentions(x)]),
    "resolve_expression": ("temporal", False, lambda x: resolve_expression(x, _BASE, "past")),
    "parse_quantity": ("quantity", False, lambda x: _check_quantity(parse_quantity(x))),
}
# Slow targets (feedparser, WARC, HTML tree) get fewer draws so the whole run keeps a useful rate.
WEIGHTS = {"read_feed": 1, "read_warc": 1, "read_html": 2, "read_csv": 3, "read_jsonl": 3, "read_json": 3,
           "read_text": 4, "decode_bytes": 4, "parse_date": 6, "date_mentions": 6, "resolve_expression": 6,
           "parse_quantity": 6}


def _check_iso(value: str | None) -> None:
    if value is not None:
        dt.date.fromisoformat(value[:10])


def _check_mention(m) -> None:
    dt.date(m.year or 2000, m.month, m.day)  # a real calendar day (29 Feb allowed via a leap year)
    assert 0 <= m.start < m.end, m


def _check_quantity(value) -> None:
    if value is not None:
        number = value[0]
        assert isinstance(number, float) and number == number and abs(number) != float("inf"), value


def run(n: int, seed: int, report_every: int) -> tuple[Counter, Counter, Counter]:
    rng = random.Random(seed)
    names = list(TARGETS)
    weights = [WEIGHTS[k] for k in names]
    runs, clear, crashes = Counter(), Counter(), Counter()
    shown: set[tuple[str, str, str]] = set()
    start = time.monotonic()
    for i in range(1, n + 1):
        name = rng.choices(names, weights)[0]
        kind, wants_bytes, call = TARGETS[name]
        base = rng.choice(SEEDS[kind])
        arg = _mutate_bytes(base, rng) if wants_bytes else _mutate_text(base, rng)
        runs[name] += 1
        try:
            call(arg)
        except IngestError:
            clear[name] += 1
        except Exception as exc:  # noqa: BLE001 - a crash is what we count
            crashes[name] += 1
            key = (name, type(exc).__name__, str(exc)[:60])
            if key not in shown:
                shown.add(key)
                print(f"CRASH in {name}: {exc!r}\ninput={arg[:300]!r}", file=sys.stderr)
                traceback.print_exc()
        if report_every and i % report_every == 0:
            rate = i / (time.monotonic() - start)
            print(f"[{i}] crashes={sum(crashes.values())} clear={sum(clear.values())} rate={rate:.0f}/s", flush=True)
    return runs, clear, crashes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--report-every", type=int, default=50_000)
    args = ap.parse_args()
    t0 = time.monotonic()
    runs, clear, crashes = run(args.n, args.seed, args.report_every)
    took = time.monotonic() - t0
    for name in TARGETS:
        print(f"{name:20s} inputs={runs[name]:8d} clear_errors={clear[name]:7d} crashes={crashes[name]}")
    print(f"TOTAL inputs={sum(runs.values())} clear_errors={sum(clear.values())} crashes={sum(crashes.values())} "
          f"seconds={took:.0f} rate={sum(runs.values()) / took:.0f}/s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
