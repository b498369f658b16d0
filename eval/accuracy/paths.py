"""Where the shared corpora, the shared scorer and the harness's caches live (one place for each)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# Results, caches and baseline outputs; $NEWSPRISM_EVAL_OUT moves them (a cold run in a fresh folder).
OUT = Path(os.environ["NEWSPRISM_EVAL_OUT"]) if os.environ.get("NEWSPRISM_EVAL_OUT") else REPO / "out" / "eval"


def corpora_dir() -> Path:
    """../shared/corpora beside the repository, or $NEWSPRISM_CORPORA."""
    env = os.environ.get("NEWSPRISM_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "corpora"


def shared_eval_dir() -> Path:
    """../shared/eval (score.py, seeds-gold.json): the folder beside the corpora."""
    return corpora_dir().parent / "eval"
