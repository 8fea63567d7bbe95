"""Find and wipe a person's identifying text everywhere in one SQLite workspace file.

SQLite-specific (sqlite_master, table_info, rowid, VACUUM, FTS5 commands), so it lives in
storage; ``services.privacy`` decides what to forget and calls these.

Schema-agnostic on purpose: the free-text scan reads the column list from SQLite
itself (every text column of every table, the journal included, ids excepted), so a
table added later is scrubbed without changing this module. The FTS5 shadow tables are
not touched directly; the index is rebuilt from the scrubbed rows instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, select, text

from dealmaker.storage.models import Change, Operation, Person
from dealmaker.storage.search import rebuild_all

#: What a name or e-mail address in free text is replaced by.
REPLACEMENT = "[vergeten persoon]"
_MIN_LENGTH = 3
_TEXT_TYPES = ("CHAR", "TEXT", "CLOB")
_IDENTITY = ("first_name", "tussenvoegsel", "last_name", "email", "phone")


def _full_name(values: dict[str, Any]) -> list[str]:
    parts = [str(values.get(k) or "").strip() for k in ("first_name", "tussenvoegsel",
                                                         "last_name")]
    names = [" ".join(p for p in parts if p), " ".join(p for p in (parts[0], parts[2]) if p)]
    return [*names, str(values.get("email") or "").strip(), str(values.get("phone") or "")]


def identity_strings(conn: Connection, person_id: str) -> set[str]:
    """Every full name, e-mail address and phone number the person has had in this file.

    The journal is replayed, so a name before a correction is found as well.
    """
    state: dict[str, Any] = {}
    found: set[str] = set()
    rows = conn.execute(
        select(Change.action, Change.field, Change.old_value, Change.new_value)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.entity == "person", Change.entity_id == person_id)
        .order_by(Operation.at, Change.seq))
    for action, field, old, new in rows:
        snapshot = new if action == "insert" else old if action == "delete" else None
        if snapshot:
            state = dict(json.loads(snapshot))
        elif action == "update" and field in _IDENTITY:
            state[field] = json.loads(new) if new else ""
        found.update(_full_name(state))
    current = conn.execute(select(*(getattr(Person, k) for k in _IDENTITY))
                           .where(Person.id == person_id)).first()
    if current is not None:
        found.update(_full_name(dict(zip(_IDENTITY, current, strict=True))))
    return {s for s in found if len(s) >= _MIN_LENGTH}


def _pattern(needles: Iterable[str]) -> re.Pattern[str] | None:
    variants = {v for n in needles for v in (n, json.dumps(n, ensure_ascii=False)[1:-1])}
    if not variants:
        return None
    alternatives = "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _text_columns(conn: Connection) -> list[tuple[str, str]]:
    tables = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'person_search%' AND name != 'alembic_version'")]
    columns = []
    for table in tables:
        for _cid, name, kind, _nn, _default, pk in conn.exec_driver_sql(
                f'PRAGMA table_info("{table}")'):
            is_id = pk or name == "id" or name.endswith("_id")
            if not is_id and any(t in str(kind).upper() for t in _TEXT_TYPES):
                columns.append((table, str(name)))
    return columns


def _like(needle: str) -> str:
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def replace_everywhere(conn: Connection, needles: Iterable[str]) -> int:
    """Replace the needles in every text cell of every table; return the cells changed."""
    needles = sorted(set(needles))
    pattern = _pattern(needles)
    if pattern is None:
        return 0
    likes = {f"n{i}": _like(v) for i, v in enumerate(
        {v for n in needles for v in (n, json.dumps(n, ensure_ascii=False)[1:-1])})}
    changed = 0
    for table, col in _text_columns(conn):
        where = " OR ".join(f'"{col}" LIKE :{k} ESCAPE \'\\\'' for k in likes)
        rows = conn.execute(text(f'SELECT rowid, "{col}" FROM "{table}" WHERE {where}'),
                            likes).all()
        for rowid, value in rows:
            new = pattern.sub(REPLACEMENT, str(value))
            if new != value:
                conn.execute(text(f'UPDATE "{table}" SET "{col}" = :v WHERE rowid = :r'),
                             {"v": new, "r": rowid})
                changed += 1
    return changed


def scrub_journal(conn: Connection, person_id: str, action: str) -> int:
    """Wipe the recorded values of every journal row about the person."""
    result = conn.execute(
        text("UPDATE change SET action = :a, field = NULL, old_value = NULL, "
             "new_value = NULL WHERE entity = 'person' AND entity_id = :p"),
        {"a": action, "p": person_id})
    return int(result.rowcount or 0)


def compact(conn: Connection) -> bool:
    """Leave no old bytes behind: merge the search index, VACUUM, rebuild, checkpoint.

    ``conn`` must be outside a transaction; ``PRAGMA secure_delete`` must already be on.
    VACUUM may renumber person rowids, so the search index is rebuilt after it. Returns
    False when another connection kept the WAL file from being emptied.
    """
    auto = conn.execution_options(isolation_level="AUTOCOMMIT")
    auto.exec_driver_sql("INSERT INTO person_search(person_search) VALUES('optimize')")
    auto.exec_driver_sql("VACUUM")
    auto.exec_driver_sql("BEGIN")
    rebuild_all(auto)
    auto.exec_driver_sql("INSERT INTO person_search(person_search) VALUES('optimize')")
    auto.exec_driver_sql("COMMIT")
    busy = auto.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
    return not busy


@contextmanager
def secure_delete(conn: Connection) -> Iterator[None]:
    """``PRAGMA secure_delete`` on for the block: freed pages are overwritten with zeros."""
    previous = int(conn.exec_driver_sql("PRAGMA secure_delete").scalar() or 0)
    conn.exec_driver_sql("PRAGMA secure_delete = ON")
    conn.commit()
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA secure_delete = {previous}")
