"""Fixtures shared by the whole suite (the only conftest, as in spaCy)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def corpora_dir() -> Path:
    """Where ../shared/corpora lives (or $NEWSPRISM_CORPORA)."""
    env = os.environ.get("NEWSPRISM_CORPORA")
    return Path(env) if env else REPO.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def corpora() -> Path:
    path = corpora_dir()
    if not path.is_dir():
        pytest.skip(f"shared corpora not found at {path} (set NEWSPRISM_CORPORA)")
    return path


@pytest.fixture(scope="session")
def seeds_dir(corpora: Path) -> Path:
    path = corpora / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed corpus not found at {path}")
    return path


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    return REPO / "examples" / "demo"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    from newsprism.nlp.pipeline import load_pipeline

    return load_pipeline()
