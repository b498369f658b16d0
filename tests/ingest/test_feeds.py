"""RSS and Atom feeds: one article per entry with content or summary, HTML cleaned; non-feeds refused."""

from __future__ import annotations

from newsprism.ingest import IngestFailure, ingest_items

from .ingest_samples import PARAGRAPHS

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Norland Herald - Business</title><link>https://herald.example/business</link>
<item><title>Velden port strike</title><link>https://herald.example/1</link>
<pubDate>Tue, 12 Mar 2024 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[<p>{PARAGRAPHS[0]}</p><script>track()</script><p>{PARAGRAPHS[1]}</p>]]></content:encoded>
</item>
<item><title>Minister offers mediation</title><link>https://herald.example/2</link>
<description>&lt;p&gt;{PARAGRAPHS[3]}&lt;/p&gt;</description></item>
<item><title>Photo gallery</title><link>https://herald.example/3</link></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Velden Courier</title>
<entry><title>Grain carriers diverted</title><link href="https://courier.example/grain"/>
<updated>2024-03-14T07:00:00Z</updated><summary>{PARAGRAPHS[4]}</summary></entry></feed>"""


def test_rss_entries_with_content_or_summary(tmp_path):
    path = tmp_path / "business.xml"
    path.write_text(RSS)
    items = list(ingest_items([str(path)]))
    arts = [i.article for i in items if not isinstance(i, IngestFailure)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert [a.title for a in arts] == ["Velden port strike", "Minister offers mediation"]
    first = arts[0]
    assert first.text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    assert "track()" not in first.text and "<p>" not in arts[1].text
    assert (first.outlet, first.published, first.published_basis, first.url) == (
        "Norland Herald - Business", "2024-03-12", "metadata", "https://herald.example/1")
    assert [f.source for f in fails] == [f"{path}#2"] and "neither content nor summary" in fails[0].reason


def test_atom_feed_sniffed_without_extension(tmp_path):
    path = tmp_path / "courier-feed"
    path.write_text(ATOM)
    arts = [i.article for i in ingest_items([str(path)])]
    assert len(arts) == 1 and arts[0].format == "feed" and arts[0].published == "2024-03-14"


def test_a_feed_that_is_not_a_feed_is_refused(tmp_path):
    path = tmp_path / "feed.rss"
    path.write_text("Velden port news: the strike continues, see our website for details.\n")
    items = list(ingest_items([str(path)]))
    assert len(items) == 1 and isinstance(items[0], IngestFailure)
    assert "not an RSS or Atom feed" in items[0].reason and items[0].source == str(path)
