"""The harness's caches: an analysis is made once per analyser, text and date; a baseline score once per text."""

from __future__ import annotations

import newsprism.nlp as nlp_stage
from accuracy.cache import AnalysisCache
from newsprism.model import AnalyzedArticle, Article, Sentence


def _counting_analyser(monkeypatch) -> list[str]:
    seen: list[str] = []

    def fake(articles):
        for a in articles:
            seen.append(a.id)
            yield AnalyzedArticle(article=a, sentences=[Sentence(0, len(a.text), a.text)])

    monkeypatch.setattr(nlp_stage, "analyze_articles", fake)
    return seen


def test_analysis_is_reused_and_redone_when_text_or_date_changes(tmp_path, monkeypatch):
    seen = _counting_analyser(monkeypatch)
    cache = AnalysisCache(tmp_path / "c.sqlite")
    a = Article(id="a-1", source="s", text="Rain fell.", published="2020-01-02")
    b = Article(id="a-2", source="s", text="Snow fell.")
    first = cache.analyse([a, b])
    assert [x.id for x in first] == ["a-1", "a-2"] and seen == ["a-1", "a-2"]
    again = cache.analyse([b, a])
    assert [x.id for x in again] == ["a-2", "a-1"] and seen == ["a-1", "a-2"]
    assert again[1].sentences[0].text == "Rain fell."
    moved = Article(id="a-1", source="s", text="Rain fell.", published="2020-01-03")
    edited = Article(id="a-2", source="s", text="Snow fell hard.")
    cache.analyse([moved, edited])
    assert seen == ["a-1", "a-2", "a-1", "a-2"]
    cache.close()


def test_the_loaders_article_replaces_the_stored_one(tmp_path, monkeypatch):
    _counting_analyser(monkeypatch)
    cache = AnalysisCache(tmp_path / "c.sqlite")
    cache.analyse([Article(id="a-1", source="s", text="Rain.", outlet="Old")])
    (got,) = cache.analyse([Article(id="a-1", source="s", text="Rain.", outlet="New")])
    assert got.article.outlet == "New"


def test_scores_are_computed_once_per_scorer_and_text(tmp_path):
    calls: list[str] = []

    def score(text: str) -> float:
        calls.append(text)
        return len(text) / 10

    cache = AnalysisCache(tmp_path / "c.sqlite")
    assert cache.scores("len-1", ["ab", "abcd"], score) == [0.2, 0.4]
    assert cache.scores("len-1", ["abcd", "ab"], score) == [0.4, 0.2]
    assert calls == ["ab", "abcd"]
    cache.scores("len-2", ["ab"], score)
    assert calls == ["ab", "abcd", "ab"]
