"""The seeds, end to end through the harness's reader and the shared scorer: a smoke test, never a target.

It checks that the five articles are ingested, keyed to the gold, run through
every stage and scored with every figure computed; what the figures are is
reported by `make eval` (docs/accuracy.md, split `smoke`) and gated nowhere.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_seeds_run_through_every_stage_and_every_scorer_figure_is_computed(corpora, tmp_path):
    from accuracy.cache import AnalysisCache
    from accuracy.context import Context, Progress
    from accuracy.paths import shared_eval_dir
    from accuracy.tasks.crosscheck_gold import FULL_METRICS, seeds

    if not (shared_eval_dir() / "seeds-gold.json").is_file():
        pytest.skip(f"seeds gold not found under {shared_eval_dir()}")
    ctx = Context(corpora=corpora, cache=AnalysisCache(tmp_path / "cache.sqlite"), progress=Progress(enabled=False))
    figures = {f.metric: f for f in seeds(ctx)}
    assert set(figures) == set(FULL_METRICS)
    assert all(f.split == "smoke" and f.n == 5 for f in figures.values())
    for metric, f in figures.items():
        assert f.value is not None, metric
        assert f.value >= 0 and (metric == "event_count_ratio" or f.value <= 1), (metric, f.value)
