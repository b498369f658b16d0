"""Near-duplicates: edited copies found, distinct reports of one event kept apart, groups kept across ingests."""

from __future__ import annotations


from newsprism.ingest.decode import article_id
from newsprism.ingest.dedup import DUPLICATE_JACCARD, DuplicateIndex, _Hasher, _jaccard, mark_duplicates
from newsprism.model import Article
from newsprism.store import Store

from .ingest_samples import PARAGRAPHS

OTHER_REPORT = [
    "Container traffic in Velden ground to a halt as harbour staff downed tools in a dispute over overtime rates, "
    "according to shipping agents contacted by the Gazette.",
    "Government officials offered to bring in a mediator, while importers of fresh produce warned of shortages "
    "in supermarkets if the stoppage lasted beyond the weekend.",
    "The union has not said how long the action will last; its last strike, in the autumn, ended after nine days.",
]


def _art(paragraphs: list[str], source: str, published: str | None = None, title: str | None = None) -> Article:
    text = "\n".join(paragraphs)
    return Article(id=article_id(text), source=source, text=text, published=published, title=title)


def test_copy_with_new_headline_and_one_paragraph_dropped_is_a_duplicate():
    original = _art(PARAGRAPHS, "courier.txt", "2024-03-12", "Velden dockworkers strike")
    copy = _art(PARAGRAPHS[:2] + PARAGRAPHS[3:], "aggregator.txt", "2024-03-13", "Port chaos as workers walk out")
    other = _art(OTHER_REPORT, "gazette.txt", "2024-03-12")
    arts = [copy, other, original]
    mark_duplicates(arts)
    assert copy.duplicate_of == original.id
    assert original.duplicate_of is None and other.duplicate_of is None


def test_original_is_earliest_then_longest():
    longer = _art(PARAGRAPHS, "a.txt", "2024-03-12")
    shorter = _art(PARAGRAPHS[:-1], "b.txt", "2024-03-12")
    earlier_short = _art(PARAGRAPHS[1:], "c.txt", "2024-03-11")
    mark_duplicates([longer, shorter])
    assert shorter.duplicate_of == longer.id and longer.duplicate_of is None
    mark_duplicates([longer, shorter, earlier_short])
    assert longer.duplicate_of == earlier_short.id and shorter.duplicate_of == earlier_short.id


def test_threshold_separates_edited_copies_from_distinct_reports():
    h = _Hasher()
    full = h.signature("\n".join(PARAGRAPHS))
    dropped = [h.signature("\n".join(PARAGRAPHS[:i] + PARAGRAPHS[i + 1:])) for i in range(len(PARAGRAPHS))]
    assert min(_jaccard(full, d) for d in dropped) >= DUPLICATE_JACCARD
    distinct = [h.signature("\n".join(p)) for p in (PARAGRAPHS[:3], OTHER_REPORT)]
    assert _jaccard(*distinct) < 0.2


def test_index_rebuilt_from_store_marks_copies_against_stored_articles(tmp_path):
    original = _art(PARAGRAPHS, "courier.txt", "2024-03-12")
    with Store(tmp_path / "s.db") as store:
        index = DuplicateIndex()
        index.add([original])
        store.add_batch([original], signatures=index.signatures([original.id]),
                        bands=index.band_rows([original.id]))
    later_copy = _art(PARAGRAPHS[:-1], "copy.txt", "2024-03-14")
    earlier_copy = _art(PARAGRAPHS[1:], "wire.txt", "2024-03-11")
    with Store(tmp_path / "s.db") as store:
        index = DuplicateIndex.from_store(store)
        assert original.id in index
        changes = index.add([later_copy, earlier_copy])
    assert later_copy.duplicate_of == earlier_copy.id and earlier_copy.duplicate_of is None
    assert changes == {original.id: earlier_copy.id}


def test_in_memory_index_reports_earlier_articles_it_repoints():
    index = DuplicateIndex()
    later = _art(PARAGRAPHS, "a.txt", "2024-03-14")
    assert index.add([later]) == {}
    earlier = _art(PARAGRAPHS[:-1], "b.txt", "2024-03-12")
    assert index.add([earlier]) == {later.id: earlier.id}
    assert earlier.duplicate_of is None
