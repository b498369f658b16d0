"""Walking inputs: formats by extension and by content, and every bad input failing alone with a clear reason."""

from __future__ import annotations

import json

from newsprism.ingest import IngestFailure, IngestOptions, ingest_inputs

from .ingest_samples import PARAGRAPHS, TEXT_WIRE, TEXT_WITH_HEADER, html_page


def _split(inputs, **opts):
    items = list(ingest_inputs([str(i) for i in inputs], IngestOptions(**opts)))
    return ([i for i in items if not isinstance(i, IngestFailure)], {i.source: i.reason for i in items
                                                                      if isinstance(i, IngestFailure)})


def test_directory_walk_is_recursive_sorted_and_sniffs_mislabelled_files(tmp_path):
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(TEXT_WITH_HEADER)
    (tmp_path / "b" / "deep" / "page.txt").write_text(html_page("Velden strike", PARAGRAPHS[2:]))  # HTML in .txt
    (tmp_path / "b" / "records").write_text(json.dumps({"text": PARAGRAPHS[5]}) + "\n" +
                                            json.dumps({"text": PARAGRAPHS[4]}) + "\n")  # JSONL, no extension
    (tmp_path / ".hidden.txt").write_text(TEXT_WIRE)
    (tmp_path / "c-notes").write_text("[Updated] Velden strike\n\n" + PARAGRAPHS[0] + "\n")  # text, not JSON
    arts, fails = _split([tmp_path])
    assert not fails
    # a folder's files, then its subfolders
    assert [a.format for a in arts] == ["text", "text", "jsonl", "jsonl", "html"]
    assert arts[0].source == str(tmp_path / "a.txt")
    assert arts[1].title == "[Updated] Velden strike"
    assert arts[2].source == f"{tmp_path / 'b' / 'records'}#0"


def test_exact_copies_are_dropped_at_ingest(tmp_path):
    (tmp_path / "one.txt").write_text(TEXT_WITH_HEADER)
    (tmp_path / "two.txt").write_text(TEXT_WITH_HEADER.replace("News ID: 88121", "News ID: 99000"))
    arts, _ = _split([tmp_path])
    assert len(arts) == 1  # same body, same id: the header is not the article


def test_bad_inputs_each_fail_alone_with_a_reason(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(TEXT_WITH_HEADER)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    empty = tmp_path / "empty.txt"
    empty.write_text("\n  \n")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(60_000_000)
        fh.seek(0)
        fh.write(b"A big file of news\n")
    truncated = tmp_path / "cut.html"
    truncated.write_text(html_page("Velden strike", PARAGRAPHS).split("<article>")[0])
    not_json = tmp_path / "lines.jsonl"
    not_json.write_text(json.dumps({"text": PARAGRAPHS[0]}) + "\n{oops\n" + json.dumps({"text": PARAGRAPHS[1]}) + "\n")
    not_feed = tmp_path / "feed.atom"
    not_feed.write_text("<html><body><p>Our feed has moved.</p></body></html>")
    arts, fails = _split([good, binary, empty, big, truncated, not_json, not_feed, tmp_path / "missing.txt"])
    assert [a.source for a in arts] == [str(good), f"{not_json}#0", f"{not_json}#2"]
    assert "binary" in fails[str(binary)]
    assert fails[str(empty)] == "empty file"
    assert "over the 50 MB size cap" in fails[str(big)]
    assert "truncated" in fails[str(truncated)]
    assert "not valid JSON" in fails[f"{not_json}#1"]
    assert "no article text" in fails[str(not_feed)]  # an .atom holding HTML is read as the HTML it is
    assert fails[str(tmp_path / "missing.txt")] == "no such file or directory"


def test_invalid_utf8_is_decoded_by_detection(tmp_path):
    path = tmp_path / "legacy.txt"
    text = ("Rondale café reopens after flood\n\nThe café on the main square of Rondale reopened on Monday, "
            "three weeks after the river burst its banks. Its owner, Zoë Martens, said déjà vu was the word.\n")
    path.write_bytes(text.encode("cp1252"))
    arts, fails = _split([path])
    assert not fails
    assert arts[0].title == "Rondale café reopens after flood" and "Zoë Martens" in arts[0].text


def test_windows_line_endings_and_bom_are_normalised(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXT_WITH_HEADER.replace("\n", "\r\n").encode())
    unix = tmp_path / "unix.txt"
    unix.write_text(TEXT_WITH_HEADER)
    (a,), _ = _split([path])
    (b,), _ = _split([unix])
    assert "\r" not in a.text and a.id == b.id and a.outlet == "velden-courier.example"
