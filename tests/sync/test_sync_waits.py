"""A slow or hung server never holds up saving: a sync waits for the server without the
file's write lock, Annuleren stops the wait, and the wait is bounded with one Dutch line.

The server is slowed as a tryout did: an admin session holds the shared log table
locked (``LOCK TABLE ... IN ACCESS EXCLUSIVE MODE``) while the sync runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync import connect
from dealmaker.services.sync.connect import CancelToken, ServerBusy
from dealmaker.services.sync.engine import Cancelled, SyncResult, sync
from dealmaker.services.sync.remote import find_shared
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.sync.status import sync_status
from dealmaker.storage.workspace import open_workspace
from tests.sync.kit import local_rows, server_rows
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


class Background:
    """``fn()`` on its own thread; ``result()`` re-raises what it raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        self._out: list[Any] = []
        self._err: list[BaseException] = []
        self._thread = threading.Thread(target=self._run, args=(fn,), daemon=True)
        self._thread.start()

    def _run(self, fn: Callable[[], Any]) -> None:
        try:
            self._out.append(fn())
        except BaseException as exc:  # handed to the test thread
            self._err.append(exc)

    def result(self, within: float = 60) -> Any:
        self._thread.join(within)
        assert not self._thread.is_alive(), "the sync is still waiting"
        if self._err:
            raise self._err[0]
        return self._out[0]


def _schema(pg: Server, name: str) -> str:
    engine = create_engine(pg.url())
    try:
        with engine.connect() as conn:
            return str(conn.execute(text(
                "SELECT schema_name FROM dealmaker.workspace WHERE name = :n"),
                {"n": name}).scalar())
    finally:
        engine.dispose()


@contextmanager
def held_log(pg: Server, name: str) -> Iterator[Callable[[str], None]]:
    """The server is 'hung' for the shared log: an admin transaction holds it locked.
    Yields ``blocked(role)``: returns once a session of ``role`` waits for that lock."""
    engine = create_engine(pg.url())
    schema = _schema(pg, name)
    conn = engine.connect()
    tx = conn.begin()
    conn.execute(text(f"LOCK TABLE {schema}.sync_log IN ACCESS EXCLUSIVE MODE"))

    def blocked(role: str) -> None:
        with engine.connect() as conn:  # autocommit: a fresh view of the activity each time
            look = conn.execution_options(isolation_level="AUTOCOMMIT")
            for _ in range(3000):
                waiting = look.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE usename = :r "
                    "AND wait_event_type = 'Lock'"), {"r": role}).scalar()
                if waiting:
                    return
                time.sleep(0.01)
        raise AssertionError(f"{role} never waited for the server")

    try:
        yield blocked
    finally:
        tx.rollback()
        conn.close()
        engine.dispose()


def _shared_copy(pg: Server, team, copy_of, tmp_path: Path) -> tuple[Path, str]:  # type: ignore[no-untyped-def]
    name, (anna, bob, _carl) = team
    path = copy_of("anna")
    with open_workspace(path) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Smit", email="joke@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), tmp_path / "bob.dealmaker", name)
    return path, pid


def _server_equals(pg: Server, role: str, ws: Any) -> None:
    engine = create_engine(pg.url(role))
    with engine.connect() as conn:
        shared = find_shared(conn)
    engine.dispose()
    assert local_rows(ws) == server_rows(pg.url(), shared)


def test_a_save_during_a_sync_held_up_by_the_server_does_not_wait_for_it(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, _bob, _carl) = team
    path, pid = _shared_copy(pg, team, copy_of, tmp_path)
    with open_workspace(path) as ws:
        update_person(ws, pid, email="joke@voor.example")
        with held_log(pg, name) as blocked:
            running = Background(lambda: sync(ws))
            blocked(anna)
            # Ctrl+S on the contact card while the sync waits for the server: saved now
            update_person(ws, pid, phone="06 12345678")
            assert sync_status(ws).pending == 2
        result: SyncResult = running.result()
        assert result.pushed == 2  # the save slipped in: the sync started over with it
        assert sync_status(ws).pending == 0
        _server_equals(pg, anna, ws)


def test_annuleren_stops_a_sync_that_waits_for_the_server(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, _bob, _carl) = team
    path, pid = _shared_copy(pg, team, copy_of, tmp_path)
    with open_workspace(path) as ws:
        update_person(ws, pid, email="joke@voor.example")
        cancel = CancelToken()
        with held_log(pg, name) as blocked:
            running = Background(lambda: sync(ws, cancel=cancel))
            blocked(anna)
            cancel.set()
            with pytest.raises(Cancelled) as raised:
                running.result()  # while the server still holds the log
            assert str(raised.value) == "Synchronisatie afgebroken; er is niets gewijzigd."
        assert sync_status(ws).pending == 1
        assert sync(ws).pushed == 1  # the next sync sends it as if nothing happened
        _server_equals(pg, anna, ws)


def test_a_server_that_does_not_answer_in_time_is_said_in_one_line(
        pg: Server, team, copy_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    name, (anna, _bob, _carl) = team
    path, pid = _shared_copy(pg, team, copy_of, tmp_path)
    monkeypatch.setattr(connect, "LOCK_WAIT_MS", 200)  # the real bound is seconds
    with open_workspace(path) as ws:
        update_person(ws, pid, email="joke@voor.example")
        with held_log(pg, name), pytest.raises(ServerBusy) as raised:
            sync(ws)
        assert str(raised.value) == connect.SERVER_BUSY
        assert sync_status(ws).pending == 1
        assert sync(ws).pushed == 1
        _server_equals(pg, anna, ws)
