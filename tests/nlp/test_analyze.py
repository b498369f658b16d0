"""analyze_articles end to end on invented articles, and on the seeds when present."""

from __future__ import annotations

import logging

import pytest

from newsprism.model import Article, Reference
from newsprism.nlp import analyze as analyze_mod
from newsprism.nlp.analyze import analyze_articles, body_end

BODY = ("Chilean President Rosa Ferrer met Peruvian Foreign Minister Luis Aramayo in Lima on Friday. "
        "Ferrer said the two countries would sign a $1.2 billion water agreement next week.\n\n")
REFS = "[1] Andes Daily. (2025, August 1). Ferrer to visit Lima.\n"


def _article(aid="a-1", published="2025-08-08", refs=True) -> Article:
    text = BODY + (REFS if refs else "")
    references = [Reference(index=1, text=REFS.strip(), start=len(BODY), end=len(text))] if refs else []
    return Article(id=aid, source=f"{aid}.txt", text=text, published=published, references=references)


def test_body_end_is_first_reference_span():
    assert body_end(_article()) == len(BODY)
    assert body_end(_article(refs=False)) == len(BODY)


@pytest.mark.slow
def test_analyze_articles_fills_every_field_with_valid_spans():
    [a] = list(analyze_articles([_article()]))
    text = a.article.text
    assert a.analyzer and "newsprism" in a.analyzer
    assert len(a.sentences) == 2 and all(text[s.start:s.end] == s.text for s in a.sentences)
    names = {e.name: e for e in a.entities}
    assert "Rosa Ferrer" in names and "Ferrer" in names["Rosa Ferrer"].aliases
    assert all(m.end <= len(BODY) for e in a.entities for m in e.mentions)  # nothing from the reference
    assert {d.text: d.value for d in a.dates} == {"Friday": "2025-08-08", "next week": "2025-08-11"}
    assert [(q.value, q.unit) for q in a.quantities] == [(2, "country"), (1.2e9, "USD")]


@pytest.mark.slow
def test_analyze_articles_survives_a_failing_extractor(monkeypatch, caplog):
    def broken(doc, entities):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(analyze_mod, "extract_quotes", broken)
    with caplog.at_level(logging.ERROR, logger="newsprism.nlp.analyze"):
        out = list(analyze_articles([_article("a-1"), _article("a-2")]))
    assert [a.id for a in out] == ["a-1", "a-2"]
    assert all(a.quotes == [] and a.entities for a in out)
    assert "quotes failed on article a-1" in caplog.text


@pytest.mark.slow
def test_analysis_is_the_same_whatever_the_process_string_hash(demo_dir, tmp_path):
    """Python salts str hashes per process: no output may follow a set's order (a lone surname once went
    to whichever of two same-surname people a set listed first)."""
    import os
    import subprocess
    import sys

    script = ("import json, sys\n"
              "from newsprism.ingest import ingest_inputs\n"
              "from newsprism.model import Article\n"
              "from newsprism.nlp import analyze_articles\n"
              "arts = [a for a in ingest_inputs([sys.argv[1]]) if isinstance(a, Article)]\n"
              "print(json.dumps([a.to_dict() for a in analyze_articles(arts)], sort_keys=True))\n")
    runs = [subprocess.run([sys.executable, "-c", script, str(demo_dir)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "6")]
    assert runs[0] and runs[0] == runs[1]
