"""Opening, creating, migrating and refusing workspace files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from dealmaker.storage.errors import (
    DamagedWorkspace,
    HalfMigratedWorkspace,
    NewerWorkspace,
    NotAWorkspace,
    WorkspaceLocked,
    WorkspaceMissing,
)
from dealmaker.storage.fingerprint import (
    RELEASED,
    expected_fingerprint,
    file_fingerprint,
    head_fingerprint,
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


def _fail_after_migrating(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every migration runs to the end, then something fails (as a kill or full disk)."""
    import dealmaker.storage.migrate as migrate_module
    import dealmaker.storage.workspace as workspace_module

    real = migrate_module.upgrade_to_head

    def failing(connection: Any) -> None:
        real(connection)
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(migrate_module, "upgrade_to_head", failing)
    monkeypatch.setattr(workspace_module, "upgrade_to_head", failing, raising=False)


def test_failed_migration_leaves_the_file_untouched_and_retries_pile_up_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "oud.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v1.dealmaker", path)
    before = digest(path)
    with monkeypatch.context() as patch:
        _fail_after_migrating(patch)
        for _attempt in range(3):
            with pytest.raises(Exception):  # noqa: B017 - whatever the failure, nothing changed
                open_workspace(path)
            assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "userdata") == [
        "oud.dealmaker"]
    open_workspace(path).close()
    backups = list(tmp_path.glob("oud.v1-*.dealmaker.bak"))
    assert len(backups) == 1 and digest(backups[0]) == before


def test_half_migrated_file_is_refused_and_check_tells_the_truth(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What a kill during an in-place migration of an older release left behind."""
    from dealmaker.__main__ import main

    path = tmp_path / "half.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v1.dealmaker", path)
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE person ADD COLUMN last_contact_on DATE")
    con.close()
    before = digest(path)
    assert main(["check", "--db", str(path)]) == 1
    assert "half gemigreerd" in capsys.readouterr().err
    with pytest.raises(HalfMigratedWorkspace, match="schema wijkt af"):
        open_workspace(path)
    assert digest(path) == before


def test_leftover_scratch_files_are_discarded_at_open(workspace_path: Path) -> None:
    leftover = workspace_path.with_name(workspace_path.name + ".migreren.tmp")
    leftover.write_bytes(b"half" * 1000)
    open_workspace(workspace_path).close()
    assert not leftover.exists()


def test_migration_keeps_the_untouched_original_as_a_private_backup(tmp_path: Path) -> None:
    path = tmp_path / "oud.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v2.dealmaker", path)
    os.chmod(path, 0o644)
    before = digest(path)
    open_workspace(path).close()
    (backup,) = tmp_path.glob("oud.v2-*.dealmaker.bak")
    assert digest(backup) == before
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600


def test_a_migration_leaves_no_scratch_files_behind(tmp_path: Path) -> None:
    path = tmp_path / "oud.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v1.dealmaker", path)
    open_workspace(path).close()
    assert not [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]


@pytest.mark.parametrize("fixture", sorted(FIXTURES.glob("schema-v*.dealmaker")),
                         ids=lambda p: p.name)
def test_released_schema_fingerprints_match_the_golden_files(fixture: Path,
                                                             tmp_path: Path) -> None:
    version = int(fixture.stem.removeprefix("schema-v"))
    copy = tmp_path / fixture.name  # a read-only connection may leave -shm beside the file
    shutil.copyfile(fixture, copy)
    con = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    try:
        found = file_fingerprint(con)
    finally:
        con.close()
    assert version in RELEASED or version == SCHEMA_VERSION, f"add {version}: {found!r}"
    assert found == expected_fingerprint(version, SCHEMA_VERSION), found


def test_a_new_workspace_matches_the_head_fingerprint(workspace_path: Path) -> None:
    """The models and the migrations describe the same tables (else every file fails)."""
    con = sqlite3.connect(workspace_path)
    try:
        assert file_fingerprint(con) == head_fingerprint()
    finally:
        con.close()


def test_migration_through_a_symbolic_link_migrates_the_file_it_names(tmp_path: Path) -> None:
    real = tmp_path / "echt" / "oud.dealmaker"
    real.parent.mkdir()
    shutil.copyfile(FIXTURES / "schema-v2.dealmaker", real)
    link = tmp_path / "snelkoppeling.dealmaker"
    link.symlink_to(real)
    open_workspace(link).close()
    assert link.is_symlink() and link.resolve() == real.resolve()
    con = sqlite3.connect(f"{real.as_uri()}?mode=ro", uri=True)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()
    assert len(list(real.parent.glob("oud.v2-*.dealmaker.bak"))) == 1
