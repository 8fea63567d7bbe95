"""Read-only health facts of a workspace file for ``dealmaker check``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dealmaker.storage.fileguard import inspect_file, readonly_connect
from dealmaker.storage.models import Base


@dataclass(frozen=True)
class Health:
    """Schema version, integrity verdict, foreign-key violations and rows per table."""

    schema_version: int
    integrity: str
    foreign_key_violations: int
    row_counts: dict[str, int]


def workspace_health(path: Path, *, full: bool = False) -> Health:
    """Inspect without writing: refuses foreign/newer/damaged files like opening does.

    By default SQLite's ``quick_check`` (every page, record and constraint, in linear
    time: about 1 s per GB); ``full`` adds the index-versus-table comparison of
    ``integrity_check``, which is several times slower on large workspaces.
    """
    facts = inspect_file(path, full_check=full)
    conn = readonly_connect(path)
    try:
        present = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        # An older schema lacks newer tables until it is opened (and migrated).
        counts = {
            name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in sorted(Base.metadata.tables) if name in present
        }
        violations = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()
    verdict = f"{facts.integrity} ({'integrity_check' if full else 'quick_check'})"
    return Health(facts.schema_version, verdict, violations, counts)
