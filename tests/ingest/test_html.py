"""HTML pages through trafilatura: main text and metadata kept, navigation, comments and footers dropped."""

from __future__ import annotations

import pytest

from newsprism.errors import IngestError
from newsprism.ingest.html import read_html

from .ingest_samples import PARAGRAPHS, html_page


def test_html_main_text_and_metadata():
    art = read_html(html_page("Velden dockworkers strike", PARAGRAPHS), "strike.html")
    assert art.title == "Velden dockworkers strike"
    assert art.outlet == "Norland Herald"
    assert art.url == "https://herald.example/2024/03/12/velden-strike"
    assert (art.published, art.published_basis) == ("2024-03-12", "metadata")
    assert art.format == "html"
    assert "Dockworkers at the port of Velden walked off the job" in art.text
    assert "perishable cargo" in art.text
    for boilerplate in ("Subscribe to my channel", "All rights reserved", "Business"):
        assert boilerplate not in art.text


def test_html_without_date_metadata_falls_back_to_the_dateline():
    page = html_page("Tram line approved", ["RONDALE, April 2, 2023 (Norpress) - The city council approved a new "
                                            "tram line on Tuesday after a four-hour debate."] + PARAGRAPHS[:2],
                     date="", url="https://herald.example/tram-line-approved")
    page = page.replace('<meta property="article:published_time" content="T09:30:00Z">', "")
    art = read_html(page, "tram.html")
    assert (art.published, art.published_basis) == ("2023-04-02", "dateline")


def test_html_truncated_page_without_body_is_refused():
    page = html_page("Velden dockworkers strike", PARAGRAPHS)
    cut = page[:page.index("<article>")]
    with pytest.raises(IngestError, match="truncated"):
        read_html(cut, "cut.html")


def test_html_truncated_mid_article_keeps_what_was_written():
    page = html_page("Velden dockworkers strike", PARAGRAPHS)
    art = read_html(page[:page.index("Transport Minister")], "cut.html")
    assert "Dockworkers at the port of Velden" in art.text and "Transport Minister" not in art.text
