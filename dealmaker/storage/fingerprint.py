"""What the tables of each schema version look like, to recognise a half-migrated file.

Releases before this one migrated in place, and a kill during a migration could leave
columns of the next version in a file that still records the old one. The fingerprint
is a digest of every ordinary table with its columns and declared types (SQLite's
virtual tables and their shadow tables, and ``alembic_version``, left out). Released
versions are fixed here (the golden files in ``tests/fixtures/db`` prove the digests);
the head version is computed from the models, and a test proves a newly created file
matches it, so a migration that disagrees with the models fails in CI.
"""

from __future__ import annotations

import hashlib
import sqlite3
from functools import cache

#: digest per released schema version (tests/fixtures/db/schema-v<N>.dealmaker)
RELEASED = {
    1: "d6176f115c0e26f10518c9294e036adb",
    2: "ae9653f4f34ce4aeb7046c127e6149ac",
    3: "06815fd0bc69cac0b7109ddd0155df08",
    4: "f50f885d39eef3fce7debf931430d4da",
    5: "7b31b88bb00e8ed73c373cf6cae591ad",
    6: "7b31b88bb00e8ed73c373cf6cae591ad",  # deferrable keys: same tables and columns
    7: "7d5178111d6b6c483de5605212479dd2",
    8: "7d5178111d6b6c483de5605212479dd2",  # secure_delete: same tables and columns
    9: "f562df4e313d31311ddb3f424452fdcc",
    10: "361e3af309f413db204c1bc76801b879",
    11: "6d0a7cc8c5e3512b4d6523793476b9ca",
    12: "fb5f22ce9f9f3960bde4da18a68d722d",
    13: "994f9c958557bce65335b94351c49a90",
    14: "dac821ceb273b06e2f86cc9057df87f3",
}
_SKIP = {"alembic_version"}


def digest(tables: dict[str, set[tuple[str, str]]]) -> str:
    text = "\n".join(
        f"{name}: " + ", ".join(f"{col} {typ}" for col, typ in sorted(cols))
        for name, cols in sorted(tables.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def file_fingerprint(conn: sqlite3.Connection) -> str:
    """The digest of the tables in the database behind ``conn`` (read only)."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    tables: dict[str, set[tuple[str, str]]] = {}
    for name, _sql in rows:
        if name in _SKIP or name in virtual or any(name.startswith(f"{v}_") for v in virtual):
            continue
        info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
        tables[name] = {(str(r[1]), str(r[2]).upper()) for r in info}
    return digest(tables)


@cache
def head_fingerprint() -> str:
    """The digest the models describe (the schema this build writes)."""
    from sqlalchemy.dialects import sqlite

    from dealmaker.storage.models import Base

    dialect = sqlite.dialect()
    return digest({
        table.name: {(col.name, col.type.compile(dialect=dialect).upper())
                     for col in table.columns}
        for table in Base.metadata.tables.values()})


def expected_fingerprint(version: int, head: int) -> str | None:
    """The digest a file recording ``version`` must have; None when unknown (no check)."""
    if version == head:
        return head_fingerprint()
    return RELEASED.get(version) or None
