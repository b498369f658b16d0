"""Web-only fixtures (the fixture store and an in-process client); data in webfixtures.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webfixtures import build_fixture_report, write_fixture_store

from newsprism.model import Report
from newsprism.web.launch import running_server


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store file with the hand-built report (read by many tests; never written)."""
    return write_fixture_store(tmp_path_factory.mktemp("web") / "fixture.db")


@pytest.fixture()
def fixture_report() -> Report:
    return build_fixture_report()[0]


@pytest.fixture(scope="session")
def client(fixture_db: Path):
    """An in-process client of the app over the fixture store (read-only: nothing can change it)."""
    from fastapi.testclient import TestClient

    from newsprism.web import create_app

    with TestClient(create_app(str(fixture_db), read_only=True)) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(fixture_db: Path) -> Iterator[str]:
    """``newsprism serve --read-only`` over the fixture store, for tests over real HTTP."""
    with running_server(fixture_db, "--read-only") as served:
        yield served.base
