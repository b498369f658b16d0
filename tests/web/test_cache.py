"""Pages cached until the store changes, whoever writes it."""

from __future__ import annotations

from newsprism.model import Article
from newsprism.store import Store
from newsprism.web.cache import PageCache, StoreStamp


def _article(text: str) -> Article:
    return Article(id="a-" + format(abs(hash(text)), "016x")[:16], source="x.txt", text=text)


def test_store_stamp_moves_when_another_connection_writes(tmp_path):
    db = str(tmp_path / "s.db")
    reader = Store(db)
    stamp = StoreStamp(db)
    before = stamp()
    assert stamp() == before
    with Store(db) as writer:
        writer.add_articles([_article("Ferry services to Lindholm resumed on Sunday after the storm.")])
    assert stamp() != before
    reader.close()


def test_page_cache_recomputes_after_a_write(tmp_path):
    db = str(tmp_path / "s.db")
    Store(db).close()
    cache = PageCache(StoreStamp(db))
    calls = []

    def count() -> int:
        calls.append(1)
        with Store(db) as s:
            return s.count()

    assert cache.compute("n", count) == 0
    assert cache.compute("n", count) == 0
    assert len(calls) == 1
    with Store(db) as s:
        s.add_articles([_article("The Kessel dam reached record levels, engineers said on Tuesday.")])
    assert cache.compute("n", count) == 1
    assert len(calls) == 2


def test_page_cache_memory_store_follows_bump_and_evicts_oldest():
    stamp = StoreStamp(":memory:")
    cache = PageCache(stamp, max_entries=2)
    cache.put("a", 1, stamp())
    cache.put("b", 2, stamp())
    cache.put("c", 3, stamp())
    assert cache.get("a") is None and cache.get("c") == 3
    stamp.bump()
    assert cache.get("c") is None


def test_cached_responses_follow_a_write_by_another_process(tmp_path):
    from fastapi.testclient import TestClient
    from webfixtures import build_fixture_report, write_fixture_store

    from newsprism.model import ReportStory
    from newsprism.web import create_app

    db = write_fixture_store(tmp_path / "live.db")
    with TestClient(create_app(str(db), read_only=True)) as client:
        first = client.get("/api/stories").json()
        assert client.get("/api/stories").json() == first  # second answer comes from the cache
        assert len(first) == 2
        report, _ = build_fixture_report()
        report.stories = [ReportStory(id="s-0000000000ee", title="Tram line to Osterby reopens",
                                      article_ids=[report.articles[0].id])]
        with Store(db) as writer:
            writer.put_report(report)
        assert "s-0000000000ee" in [s["id"] for s in client.get("/api/stories").json()]
        assert "Tram line to Osterby reopens" in client.get("/").text
