"""The store: migrations, idempotent batches, the analysis cache and the story API the web app reads."""

from __future__ import annotations

import sqlite3

import pytest

from newsprism.errors import StoreError
from newsprism.model import Article, Reference, Report, ReportArticle, ReportStory
from newsprism.store import MIGRATIONS, RawSource, Store


def _article(n: int, **kw) -> Article:
    text = (f"Harbour officials in Port Velden said on Tuesday that ferry route {n} would reopen "
            f"after the storm damaged its pier, according to the regional transport agency.")
    return Article(id=f"a-{n:016x}", source=f"ferry-{n}.txt", text=text, outlet=kw.pop("outlet", "velden-post.example"),
                   title=f"Ferry route {n} to reopen", **kw)


def test_store_applies_migrations_in_order_once(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    store = Store(db)
    assert store.schema_version() == [name for name, _ in MIGRATIONS]
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_store_refuses_a_store_from_a_newer_version(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO schema_version VALUES (99, '099_future', 'x')")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="newer newsprism"):
        Store(db)


def test_store_refuses_a_file_that_is_not_sqlite(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("shopping list: bread, eggs\n" * 200)
    with pytest.raises(StoreError, match="notes.db"):
        Store(bad)


def test_store_add_articles_is_idempotent_and_keeps_references_and_raw(tmp_path):
    ref = Reference(index=1, text="[1] Velden Post. (2024, March 3). Pier closed. Retrieved from https://x.example/a",
                    outlet="Velden Post", date="2024-03-03", start=10, end=20)
    arts = [_article(i, references=[ref] if i == 0 else []) for i in range(1200)]
    raw = {arts[0].id: RawSource(source="ferry-0.txt", data=b"raw bytes", content_type="text/plain")}
    with Store(tmp_path / "s.db") as store:
        assert store.add_articles(arts, raw=raw, batch_size=100) == 1200
        assert store.add_articles(arts) == 0
        assert store.count() == 1200
        back = store.get_article(arts[0].id)
        assert back == arts[0]
        assert back.references[0].date == "2024-03-03"
        assert store.raw_source(arts[0].id).data == b"raw bytes"
        assert [a.id for a in store.articles()] == sorted(a.id for a in arts)
        assert [a.id for a in store.articles([arts[5].id, arts[7].id])] == sorted([arts[5].id, arts[7].id])


def test_store_update_articles_changes_only_dates_and_duplicates(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.add_articles([_article(1), _article(2)])
        store.update_articles({_article(2).id: {"duplicate_of": _article(1).id, "published": "2024-05-02",
                                                "published_basis": "inferred"}})
        got = store.get_article(_article(2).id)
        assert (got.duplicate_of, got.published, got.published_basis) == (_article(1).id, "2024-05-02", "inferred")
        with pytest.raises(StoreError, match="text"):
            store.update_articles({_article(1).id: {"text": "rewritten"}})


def test_store_analysis_cache_round_trips(tmp_path):
    with Store(tmp_path / "s.db") as store:
        assert store.get_analysis("a-1", "spacy-1") is None
        store.put_analysis("a-1", "spacy-1", '{"entities": []}')
        store.put_analysis("a-1", "spacy-1", '{"entities": [1]}')
        assert store.get_analysis("a-1", "spacy-1") == '{"entities": [1]}'
        assert store.get_analysis("a-1", "spacy-2") is None


def _report() -> Report:
    arts = [ReportArticle(id=f"a-{i}", source=f"{i}.txt", outlet=o, title=t, published=d, published_basis="header",
                          language="en", words=100, duplicate_of=None)
            for i, (o, t, d) in enumerate([("harbour-daily.example", "Ferry pier collapses", "2024-03-02"),
                                           ("coast-news.example", "Pier collapse halts ferries", "2024-03-04"),
                                           ("coast-news.example", "Mayor of Rondale resigns", "2024-06-10")])]
    rep = Report(generator="newsprism test", articles=arts,
                 texts={a.id: f"text of {a.id}" for a in arts})
    rep.stories = [ReportStory(id="s-pier", title="Ferry pier collapse in Port Velden", article_ids=["a-0", "a-1"]),
                   ReportStory(id="s-mayor", title="Rondale mayor resigns", article_ids=["a-2"])]
    return rep


def test_store_story_summaries_filter_and_sort(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.put_report(_report())
        rows = store.story_summaries()
        assert [r["id"] for r in rows] == ["s-pier", "s-mayor"]
        assert rows[0]["outlets"] == ["coast-news.example", "harbour-daily.example"]
        assert (rows[0]["first_date"], rows[0]["last_date"], rows[0]["n_articles"]) == ("2024-03-02", "2024-03-04", 2)
        assert [r["id"] for r in store.story_summaries(query="MAYOR")] == ["s-mayor"]
        assert [r["id"] for r in store.story_summaries(query="halts")] == ["s-pier"]
        assert [r["id"] for r in store.story_summaries(outlet="harbour-daily.example")] == ["s-pier"]
        assert [r["id"] for r in store.story_summaries(date_from="2024-04-01")] == ["s-mayor"]
        assert [r["id"] for r in store.story_summaries(date_to="2024-03-02")] == ["s-pier"]
        assert [r["id"] for r in store.story_summaries(sort="recent")] == ["s-mayor", "s-pier"]
        with pytest.raises(StoreError, match="sort"):
            store.story_summaries(sort="random")


def test_store_story_report_is_one_story_with_its_articles(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.put_report(_report())
        rep = store.story_report("s-pier")
        assert set(rep) == {"schema_version", "generator", "articles", "stories"}
        assert [a["id"] for a in rep["articles"]] == ["a-0", "a-1"]
        assert rep["stories"][0]["title"] == "Ferry pier collapse in Port Velden"
        assert store.story_report("s-none") is None
        assert store.article_texts(["a-1", "a-9"]) == {"a-1": "text of a-1"}


def test_store_put_report_replaces_a_story_with_the_same_id(tmp_path):
    with Store(tmp_path / "s.db") as store:
        rep = _report()
        store.put_report(rep)
        rep.stories[0].article_ids = ["a-0"]
        rep.stories[0].title = "Pier collapse"
        store.put_report(rep)
        rows = {r["id"]: r for r in store.story_summaries()}
        assert len(rows) == 2 and rows["s-pier"]["n_articles"] == 1 and rows["s-pier"]["title"] == "Pier collapse"
        assert store.story_summaries(outlet="coast-news.example", query="pier") == []


def test_store_shared_between_threads(tmp_path):
    import threading

    store = Store(tmp_path / "s.db")
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(50):
                store.put_analysis(f"a-{k}-{i}", "spacy-1", "{}")
                assert store.get_analysis(f"a-{k}-{i}", "spacy-1") == "{}"
            store.add_articles([_article(1000 + k)])
        except BaseException as exc:  # surfaced below: a thread's assertion would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and store.count() == 4
    store.close()


def test_store_put_report_replaces_a_reclustered_story_and_redirects_its_id(tmp_path):
    """Re-clustering gives the pier story a new id: the old one leaves the list but still answers."""
    with Store(tmp_path / "s.db") as store:
        store.put_report(_report())
        again = _report()
        again.stories[0] = ReportStory(id="s-pier-2", title="Ferry pier collapse in Port Velden",
                                       article_ids=["a-0", "a-1"])
        store.put_report(again)
        assert {s["id"] for s in store.story_summaries()} == {"s-pier-2", "s-mayor"}
        moved = store.story_report("s-pier")
        assert moved is not None and moved["stories"][0]["id"] == "s-pier-2"
        assert store.story_report("s-never") is None
