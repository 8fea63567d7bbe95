"""Opening, creating, migrating and refusing workspace files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from dealmaker.storage.errors import (
    DamagedWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    WorkspaceLocked,
    WorkspaceMissing,
)
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Base
from dealmaker.storage.workspace import create_workspace, open_workspace

FIXTURES = Path(__file__).parent / "fixtures" / "db"
#: migration files are numbered; the head revision id is the schema version, zero-padded
HEAD = f"{SCHEMA_VERSION:04d}"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_runs_migrations_from_empty_to_head(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.dealmaker"
    with create_workspace(path) as ws, ws.engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type='table'"))}
        assert set(Base.metadata.tables) <= tables
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert conn.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_create_refuses_existing_file(workspace_path: Path) -> None:
    before = digest(workspace_path)
    with pytest.raises(FileExistsError):
        create_workspace(workspace_path)
    assert digest(workspace_path) == before


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.dealmaker")),
                         ids=lambda p: p.name)
def test_every_released_schema_upgrades_to_head(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        assert conn.execute(text("PRAGMA user_version")).scalar() == SCHEMA_VERSION


def test_older_file_is_backed_up_then_migrated(workspace_path: Path) -> None:
    con = sqlite3.connect(workspace_path)
    con.execute("PRAGMA user_version = 0")
    con.close()
    open_workspace(workspace_path).close()
    backups = list(workspace_path.parent.glob("test.v0-*.dealmaker.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("PRAGMA user_version").fetchone()[0] == 0
    con.close()
    con = sqlite3.connect(workspace_path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()


def test_newer_file_is_refused_untouched(workspace_path: Path) -> None:
    con = sqlite3.connect(workspace_path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    before = digest(workspace_path)
    with pytest.raises(NewerWorkspace, match="nieuwere versie"):
        open_workspace(workspace_path)
    assert digest(workspace_path) == before
    assert not list(workspace_path.parent.glob("*.bak"))


@pytest.mark.parametrize("content", [b"", b"hallo wereld\n" * 20, b"PK\x03\x04" + b"\0" * 200])
def test_foreign_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vreemd.dealmaker"
    path.write_bytes(content)
    with pytest.raises(NotAWorkspace, match="geen dealmaker-werkruimte"):
        open_workspace(path)
    assert path.read_bytes() == content


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ander.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (x TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(NotAWorkspace):
        open_workspace(path)
    assert digest(path) == before


def test_damaged_file_is_refused_untouched(workspace_path: Path) -> None:
    with open_workspace(workspace_path) as ws, ws.engine.begin() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    data = bytearray(workspace_path.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data) - page, page * 3):
        data[offset:offset + 200] = b"\xff" * 200
    workspace_path.write_bytes(bytes(data))
    before = digest(workspace_path)
    with pytest.raises(DamagedWorkspace, match="beschadigd"):
        open_workspace(workspace_path)
    assert digest(workspace_path) == before


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceMissing, match="bestaat niet"):
        open_workspace(tmp_path / "weg.dealmaker")


def test_second_instance_is_refused(workspace_path: Path) -> None:
    first = open_workspace(workspace_path)
    try:
        with pytest.raises(WorkspaceLocked, match="al geopend"):
            open_workspace(workspace_path)
    finally:
        first.close()
    open_workspace(workspace_path).close()  # released on close


def test_lock_of_a_crashed_process_does_not_stick(workspace_path: Path) -> None:
    script = (
        "import os, sys; from pathlib import Path\n"
        "from dealmaker.storage.workspace import open_workspace\n"
        f"open_workspace(Path({str(workspace_path)!r}))\n"
        "print('open', flush=True); os.kill(os.getpid(), 9)\n")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert "open" in proc.stdout and proc.returncode != 0
    open_workspace(workspace_path).close()


def test_v1_upgrade_fills_search_index_and_contact_dates(tmp_path: Path) -> None:
    path = tmp_path / "oud.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v1.dealmaker", path)
    with open_workspace(path) as ws, ws.engine.connect() as conn:
        hits = conn.execute(text(
            "SELECT count(*) FROM person_search WHERE person_search MATCH 'jans*'")).scalar()
        assert hits == 1
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    assert len(list(tmp_path.glob("oud.v1-*.dealmaker.bak"))) == 1
