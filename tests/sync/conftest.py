"""A real PostgreSQL for the sync tests: started once per session, stopped after."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from dealmaker.services.sync.setup import server_init
from tests.sync.pgserver import Server, ServerFailed, running_postgres

_names = itertools.count(1)


@pytest.fixture(scope="session")
def pg() -> Iterator[Server]:
    """The session's PostgreSQL; a start failure fails the tests that need it, loudly."""
    try:
        with running_postgres() as server:
            server_init(server.url())
            yield server
    except ServerFailed as exc:
        pytest.fail(f"PostgreSQL voor de synchronisatietests start niet: {exc}", pytrace=False)


@pytest.fixture
def team(pg: Server) -> tuple[str, tuple[str, str, str]]:
    """A fresh shared workspace with three members: (name, (anna, bob, carl) roles)."""
    n = next(_names)
    name = f"Team {n}"
    roles = (f"anna{n}", f"bob{n}", f"carl{n}")
    server_init(pg.url(), name, roles)
    return name, roles


@pytest.fixture
def copy_of(tmp_path: Path, empty_template: Path):  # type: ignore[no-untyped-def]
    """``copy_of("anna")``: a fresh empty workspace file for one client."""
    def make(who: str) -> Path:
        path = tmp_path / f"{who}.dealmaker"
        shutil.copyfile(empty_template, path)
        return path
    return make
