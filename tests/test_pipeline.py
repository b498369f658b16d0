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
