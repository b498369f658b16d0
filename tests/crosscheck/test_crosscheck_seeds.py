"""The cross-check on the seed articles, end to end: the findings the design note lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.pipeline import analyze


@pytest.fixture(scope="module")
def seeds_report(seeds_dir):
    report = analyze(str(seeds_dir))
    keys = {a.id: Path(a.source).name[:3] for a in report.articles}
    return report, keys


@pytest.mark.slow
def test_crosscheck_seeds_machine_written_article_contradicts_itself_on_the_place(seeds_report):
    report, keys = seeds_report
    within = [(c, keys[c.values[0].article_ids[0]]) for s in report.stories for c in s.conflicts if c.within_article]
    assert [(c.kind, key) for c, key in within] == [("place", "003")]
    values = [v.value for v in within[0][0].values]
    assert any("Anchorage" in v for v in values)
    assert any("not" in v and "announced" in v for v in values)


@pytest.mark.slow
def test_crosscheck_seeds_attributions_include_relayed_outlets_and_references(seeds_report):
    report, keys = seeds_report
    by_article: dict[str, set[str]] = {}
    for s in report.stories:
        for a in s.attributions:
            by_article.setdefault(keys[a.article_id], set()).add(a.source)
    assert "Al Jazeera" in by_article["004"]
    assert {"BBC News", "CNN", "The Guardian"} <= by_article["003"]
    assert any("TASS" in x for x in by_article["001"])
