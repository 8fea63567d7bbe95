"""kill -9 during a migration (schema 1 to head on a 5,000-person file): afterwards the
file is the old one byte for byte, or the migrated one complete; check calls it healthy;
it opens; and a retry leaves one backup, not one per attempt."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from dealmaker.services.health import check_workspace
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.workspace import open_workspace
from tests.faults.kit import Outcome, complete_run, count, killed_run, moments, report

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"
PERSONS, INTERACTIONS = 5000, 10000
MIGRATE = """
import sys
from pathlib import Path
from dealmaker.storage.workspace import open_workspace
print("start", flush=True)
open_workspace(Path(sys.argv[1])).close()
print("done", flush=True)
"""
NOW = "'2026-01-01T00:00:00+00:00'"


@pytest.fixture(scope="module")
def v1_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The released v1 golden file grown to 5,000 persons with 20,000 participations."""
    import sqlite3

    path = tmp_path_factory.mktemp("v1") / "groot-v1.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v1.dealmaker", path)
    conn = sqlite3.connect(path)
    seq = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {})"
    conn.executescript(f"""
        {seq.format(PERSONS)}
        INSERT INTO person SELECT 'Voornaam' || i, '', 'Achternaam' || i,
            'p' || i || '@voorbeeld.nl', '', 'notitie ' || i, NULL, 0,
            printf('00000000-0000-4000-8000-%012d', i), {NOW}, {NOW}, NULL FROM n;
        {seq.format(INTERACTIONS)}
        INSERT INTO interaction SELECT date('2025-01-01', '+' || (i % 365) || ' days'),
            'overleg', 'uitgaand', NULL, 'gesprek ' || i,
            CASE WHEN i % 3 = 0 THEN date('2026-03-01', '+' || (i % 90) || ' days') END,
            '', NULL, printf('00000000-0000-4000-9000-%012d', i), {NOW}, {NOW}, NULL FROM n;
        {seq.format(INTERACTIONS * 2)}
        INSERT INTO interaction_participant SELECT
            printf('00000000-0000-4000-9000-%012d', (i + 1) / 2),
            printf('00000000-0000-4000-8000-%012d', (i * 7919) % {PERSONS} + 1),
            printf('00000000-0000-4000-a000-%012d', i), {NOW}, {NOW}, NULL FROM n;
    """)
    conn.commit()
    conn.close()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_kill_during_migration_leaves_old_or_new(v1_file: Path, tmp_path: Path) -> None:
    reference = tmp_path / "ref" / "w.dealmaker"
    reference.parent.mkdir()
    shutil.copyfile(v1_file, reference)
    duration = complete_run(MIGRATE, str(reference))
    persons = count(reference, "person")
    migrated = check_workspace(reference)
    assert persons == PERSONS + 1 and migrated.schema_version == SCHEMA_VERSION
    old = digest(v1_file)
    outcomes: list[Outcome] = []
    for run, after in enumerate(moments("migratie", duration)):
        path = tmp_path / f"run{run}" / "w.dealmaker"
        path.parent.mkdir()
        shutil.copyfile(v1_file, path)
        outcomes.append(killed_run(MIGRATE, str(path), after=after))
        health = check_workspace(path)  # raises for a damaged or half-migrated file
        if health.schema_version == SCHEMA_VERSION:
            assert health.row_counts == migrated.row_counts, f"run {run}"
            outcomes[-1].left = "nieuw"
        else:
            assert health.schema_version == 1 and digest(path) == old, f"run {run}"
            outcomes[-1].left = "oud"
        with open_workspace(path) as ws, ws.engine.connect() as conn:  # (re)tries
            assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == persons
        left = sorted(p.name for p in path.parent.iterdir())
        assert [n for n in left if n.endswith(".tmp")] == [], left
        assert len([n for n in left if n.endswith(".bak")]) == 1, left
    report("migratie", outcomes)
