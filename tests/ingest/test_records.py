"""JSON Lines, JSON and CSV records: field mapping, default aliases, one bad record failing alone."""

from __future__ import annotations

import json

from newsprism.ingest import IngestFailure, IngestOptions, ingest_items

from .ingest_samples import PARAGRAPHS


def _run(path, **opts):
    items = list(ingest_items([str(path)], IngestOptions(**opts)))
    return ([i.article for i in items if not isinstance(i, IngestFailure)],
            [i for i in items if isinstance(i, IngestFailure)])


def test_jsonl_bad_line_fails_alone_and_sources_count_from_zero(tmp_path):
    path = tmp_path / "wire.jsonl"
    lines = [json.dumps({"headline": "Port strike", "body": PARAGRAPHS[0], "source": "Norpress",
                         "date": "2024-03-12", "link": "https://norpress.example/1"}),
             '{"headline": "Broken", "body": "unterminated',
             json.dumps({"title": "Minister offers mediation", "content": PARAGRAPHS[3], "published": "2024-03-13"})]
    path.write_text("\n".join(lines) + "\n")
    arts, fails = _run(path)
    assert [a.source for a in arts] == [f"{path}#0", f"{path}#2"]
    assert [f.source for f in fails] == [f"{path}#1"] and "not valid JSON" in fails[0].reason
    first = arts[0]
    assert (first.title, first.outlet, first.url, first.published, first.published_basis) == (
        "Port strike", "Norpress", "https://norpress.example/1", "2024-03-12", "metadata")
    assert first.format == "jsonl"


def test_json_field_map_overrides_aliases(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"articles": [
        {"summary": "short teaser", "story_text": PARAGRAPHS[1], "paper": "Velden Courier"},
        {"summary": "another teaser", "story_text": PARAGRAPHS[2], "paper": "Velden Courier"}]}))
    arts, fails = _run(path, field_map={"text": "story_text", "outlet": "paper"})
    assert not fails
    assert [a.text for a in arts] == [PARAGRAPHS[1], PARAGRAPHS[2]]
    assert {a.outlet for a in arts} == {"Velden Courier"}
    assert arts[1].source == f"{path}#1"


def test_json_record_without_text_names_the_record(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"title": "No body here"}, {"text": PARAGRAPHS[0]}]))
    arts, fails = _run(path)
    assert len(arts) == 1 and fails[0].source == f"{path}#0" and "--map text=" in fails[0].reason


def test_json_paragraph_lists_become_paragraphs(tmp_path):
    path = tmp_path / "doc.json"
    path.write_text(json.dumps({"title": "Strike", "body-paragraphs": [[PARAGRAPHS[0]], [PARAGRAPHS[1]]]}))
    arts, _ = _run(path)
    assert arts[0].text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]


def test_csv_with_quoted_multiline_text_and_latin1_encoding(tmp_path):
    path = tmp_path / "clips.csv"
    rows = ('url,outlet,title,published,article\n'
            f'https://a.example/1,Courier,Strike,2024-03-12,"{PARAGRAPHS[0]}\n\n{PARAGRAPHS[1]}"\n'
            'https://a.example/2,Gazette,Café owners join protest,13/03/2024,"Café owners in Velden closed '
            'their terraces on Wednesday in support of the strike."\n')
    path.write_bytes(rows.encode("latin-1"))
    arts, fails = _run(path)
    assert not fails and len(arts) == 2
    assert arts[0].text == PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1]
    assert arts[1].title == "Café owners join protest" and arts[1].text.startswith("Café owners")
    assert arts[1].source == f"{path}#1" and arts[1].format == "csv"


def test_records_html_field_with_control_characters_is_cleaned_not_crashed():
    """Found by fuzz/fuzz_ingest.py: lxml refused a control character while dropping a <script>."""
    import io

    from newsprism.ingest.items import Ingested, IngestOptions
    from newsprism.ingest.records import read_csv

    data = (b'title,text\n"Pier closure","<p>The council voted 7-2 to close the pier.</p>x\x01'
            b'<script>alert(1)</script>\x02 Repairs would cost $4.5 million, the mayor said.</p>"\n')
    (item,) = list(read_csv(io.BytesIO(data), "pier.csv", IngestOptions()))
    assert isinstance(item, Ingested)
    assert "alert" not in item.article.text and "\x01" not in item.article.text
    assert "Repairs would cost $4.5 million" in item.article.text
