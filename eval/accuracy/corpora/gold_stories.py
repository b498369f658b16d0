"""Corpora with gold in the seeds' format (../shared/eval/score.py): crosscheck_dev, ecbplus_conflicts, seeds.

The articles are ingested exactly as `newsprism analyze FOLDER` ingests them
(every input of the corpus at once, yearless datelines dated from the batch,
near-duplicates marked); each article is then keyed to its gold entry the
way the shared scorer maps report articles (by file name, `file#N`, or URL).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from accuracy.paths import shared_eval_dir
from newsprism.ingest import IngestFailure, infer_missing_years, ingest_inputs, mark_duplicates
from newsprism.model import Article


@cache
def scorer() -> ModuleType:
    """The shared scorer, ../shared/eval/score.py, loaded as a module (it is standard-library only)."""
    path = shared_eval_dir() / "score.py"
    if not path.is_file():
        raise FileNotFoundError(f"the shared scorer is not at {path}")
    spec = importlib.util.spec_from_file_location("newsprism_shared_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class GoldCorpus:
    name: str
    gold: dict[str, Any]
    articles: list[Article]
    key_of: dict[str, str]  # article id -> gold article key

    def story_of(self, article_id: str) -> str | None:
        key = self.key_of.get(article_id)
        return (self.gold["articles"].get(key) or {}).get("story") if key else None


def read_gold_corpus(name: str, inputs: list[Path], gold_path: Path) -> GoldCorpus:
    for p in [*inputs, gold_path]:
        if not p.exists():
            raise FileNotFoundError(f"{name}: {p} not found")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    articles: list[Article] = []
    for item in ingest_inputs([str(p) for p in inputs]):
        if isinstance(item, IngestFailure):
            raise ValueError(f"{name}: newsprism could not ingest {item}")
        articles.append(item)
    infer_missing_years(articles, [])
    mark_duplicates(articles)
    mapping = scorer().Mapping(gold, {"articles": [{"id": a.id, "source": a.source} for a in articles]})
    return GoldCorpus(name=name, gold=gold, articles=articles, key_of=dict(mapping.aid2key))


def gold_subset(gold: dict[str, Any], stories: set[str]) -> dict[str, Any]:
    """The gold restricted to ``stories`` and their articles."""
    out = {k: v for k, v in gold.items() if k not in ("articles", "stories")}
    out["articles"] = {k: a for k, a in gold["articles"].items() if a.get("story") in stories}
    out["stories"] = {k: s for k, s in gold["stories"].items() if k in stories}
    return out
