"""WARC archives (Common Crawl's CC-News style): every HTML response record is one page.

The archive is streamed record by record (warcio), so a multi-gigabyte
WARC never sits in memory; each record is capped at ``max_bytes``. A
record's source is ``file.warc.gz#N`` with N counting the archive's records
from 0, and its URL is the record's ``WARC-Target-URI``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsprism.errors import IngestError
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import read_html
from newsprism.ingest.items import IngestFailure, Ingested, IngestOptions
from newsprism.store import RawSource


def read_warc(fh: IO[bytes], name: str, options: IngestOptions) -> Iterator[Ingested | IngestFailure]:
    """Yield one article (or failure) per HTML response record of the archive."""
    pages = 0
    try:
        for n, record in enumerate(ArchiveIterator(fh)):
            if record.rec_type != "response":
                continue
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in ctype.lower():
                continue
            pages += 1
            source = f"{name}#{n}"
            payload = record.content_stream().read(options.max_bytes + 1)
            if len(payload) > options.max_bytes:
                yield IngestFailure(source, f"record over the {options.max_bytes / 1e6:.0f} MB cap")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                html = decode_bytes(payload, source)
                art = read_html(html, source, url=url, fmt="warc")
            except IngestError as exc:
                yield IngestFailure(exc.source, exc.reason)
                continue
            yield Ingested(art, RawSource(source=url or source, data=payload, content_type=ctype))
    except ArchiveLoadFailed as exc:
        yield IngestFailure(name, f"not a readable WARC archive ({str(exc).strip().splitlines()[0]})")
        return
    except (AttributeError, ValueError, OverflowError) as exc:  # warcio on a malformed record header (found by fuzz/fuzz_ingest.py)
        yield IngestFailure(name, f"malformed WARC record ({type(exc).__name__}: {exc})")
        return
    if pages == 0:
        yield IngestFailure(name, "the archive holds no HTML response records")
