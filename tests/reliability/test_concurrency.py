"""Ingest and serve at once for ~20 s (fuzz/soak_web.py runs the same for minutes): 0 errors, 0 lost articles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "fuzz"))
from soak_web import run_soak  # noqa: E402

SOAK_SECONDS = 20


@pytest.mark.slow
def test_readers_see_no_error_and_no_committed_article_is_lost_while_ingesting(tmp_path):
    res = run_soak(tmp_path, seconds=SOAK_SECONDS, readers=6, batch=100)
    assert res.batches >= 2 and res.requests > 0, res.line()
    assert res.errors == [], res.errors[:5]
    assert res.lost == [] and res.stored == res.written, res.line()
