"""A workspace opened with its page check in the background shows at once, and is
still never written to when the check finds damage: the write waits and is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from dealmaker.services.people import PersonData, add_person
from dealmaker.storage.errors import DamagedWorkspace, NewerWorkspace
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.workspace import open_workspace


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage_pages(path: Path) -> None:
    """Damage the person table, not page 1 (the header and the table list)."""
    with open_workspace(path) as ws:
        add_person(ws, PersonData(last_name="Visser", first_name="Eva"))
        with ws.engine.begin() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    import sqlite3

    con = sqlite3.connect(path)
    size = con.execute("PRAGMA page_size").fetchone()[0]
    pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = 'person'")]
    con.close()
    data = bytearray(path.read_bytes())
    for page in pages:  # the person table's pages: opening reads none of them
        data[(page - 1) * size:(page - 1) * size + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))


def test_a_healthy_file_opens_and_takes_writes_after_its_check(workspace_path: Path) -> None:
    with open_workspace(workspace_path, background=True) as ws:
        assert ws.check is not None
        add_person(ws, PersonData(last_name="de Vries", first_name="Anna"))
        assert ws.check.done and ws.check.failure is None


def test_damage_found_in_the_background_refuses_every_write(workspace_path: Path) -> None:
    _damage_pages(workspace_path)
    before = _digest(workspace_path)
    ws = open_workspace(workspace_path, background=True)  # opens: only page 1 read
    try:
        assert ws.check is not None
        with pytest.raises(DamagedWorkspace, match="beschadigd"):
            add_person(ws, PersonData(last_name="Jansen", first_name="Piet"))
        with pytest.raises(DamagedWorkspace):
            ws.check.wait()
    finally:
        ws.close()
    assert _digest(workspace_path) == before


def test_a_newer_file_is_still_refused_before_opening(workspace_path: Path) -> None:
    import sqlite3

    con = sqlite3.connect(workspace_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.commit()
    con.close()
    with pytest.raises(NewerWorkspace):
        open_workspace(workspace_path, background=True)
