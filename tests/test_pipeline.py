"""End to end: the pipeline turns the seeds into a report with every contract key."""

from newsprism.pipeline import run

CONTRACT_ARTICLE_KEYS = {"id", "source", "outlet", "title", "published", "published_basis", "language", "words",
                         "duplicate_of"}
CONTRACT_STORY_KEYS = {"id", "title", "article_ids", "entities", "events", "conflicts", "framing", "attributions",
                       "flags", "timeline", "summary"}


def test_pipeline_seeds_report_has_contract_keys(seeds_dir, tmp_path):
    result = run([str(seeds_dir)], db=tmp_path / "t.db")
    data = result.report.to_dict()
    assert data["schema_version"] == 1
    assert len(data["articles"]) == 5
    for a in data["articles"]:
        assert CONTRACT_ARTICLE_KEYS <= set(a)
    assert data["stories"]
    for s in data["stories"]:
        assert CONTRACT_STORY_KEYS <= set(s)


def test_pipeline_reuses_stored_analyses_and_saves_stories(demo_dir, tmp_path, monkeypatch):
    import newsprism.pipeline as pipeline
    from newsprism.store import Store

    db = tmp_path / "t.db"
    first = run([str(demo_dir / "strike")], db=db).report
    store = Store(db)
    summaries = store.story_summaries()
    store.close()
    assert {s["id"] for s in summaries} == {s.id for s in first.stories}

    seen: list[str] = []
    real = pipeline.analyze_articles

    def counting(articles):
        articles = list(articles)
        seen.extend(a.id for a in articles)
        return real(articles)

    monkeypatch.setattr(pipeline, "analyze_articles", counting)
    again = run([str(demo_dir / "strike")], db=db).report
    assert seen == []  # every analysis came from the store
    assert again.to_dict()["stories"] == first.to_dict()["stories"]
