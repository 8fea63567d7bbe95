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
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, and_, func, literal_column, or_, select, text, update

from dealmaker.storage.migrate import CLEAN_FROM
from dealmaker.storage.models import Change, Operation, Organisation, Person, Position
from dealmaker.storage.namematch import (
    CELL_SEPARATOR,
    REPLACEMENT,
    Identity,
    Mentions,
    fold_name,
)
from dealmaker.storage.search import persons_at_organisations, rebuild_all, reindex_persons

__all__ = ["REPLACEMENT", "compact", "identities", "identity_strings", "mentions_of",
           "merged_into", "replace_everywhere", "scrub_journal", "secure_delete"]

_MIN_LENGTH = 3
_TEXT_TYPES = ("CHAR", "TEXT", "CLOB")
_IDENTITY = ("first_name", "tussenvoegsel", "last_name", "email", "phone")


def _identity(values: dict[str, Any]) -> Identity:
    return Identity(*(str(values.get(k) or "") for k in _IDENTITY))


def identities(conn: Connection, person_id: str) -> list[Identity]:
    """Every state of the person's name, e-mail and phone in this file: the current row
    and each earlier one the journal remembers (a name before a correction too)."""
    state: dict[str, Any] = {}
    found: list[Identity] = []
    rows = conn.execute(
        select(Change.action, Change.field, Change.old_value, Change.new_value)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.entity == "person", Change.entity_id == person_id)
        .order_by(Operation.sequence, Change.seq)).all()
    row = conn.execute(select(*(getattr(Person, k) for k in _IDENTITY))
                       .where(Person.id == person_id)).first()
    current = {} if row is None else dict(zip(_IDENTITY, row, strict=True))
    if rows and not any(action in ("insert", "delete") for action, *_rest in rows):
        # written in bulk (a demo, a baseline): its first state is the current row with
        # the journalled corrections taken back
        state = dict(current)
        for action, field, old, _new in reversed(rows):
            if action == "update" and field in _IDENTITY:
                state[field] = json.loads(old) if old else ""
        found.append(_identity(state))
    for action, field, old, new in rows:
        snapshot = new if action == "insert" else old if action == "delete" else None
        if snapshot:
            state = dict(json.loads(snapshot))
        elif action == "update" and field in _IDENTITY:
            state[field] = json.loads(new) if new else ""
        found.append(_identity(state))
    if current:
        found.append(_identity(current))
    return list(dict.fromkeys(found))


def identity_strings(conn: Connection, person_id: str) -> set[str]:
    """Every full name, e-mail address and phone number the person has had in this file."""
    found: set[str] = set()
    for who in identities(conn, person_id):
        names = (who.first_name, who.tussenvoegsel, who.last_name)
        found |= {" ".join(n.strip() for n in names if n.strip()),
                  " ".join(n.strip() for n in names[::2] if n.strip()),
                  who.email.strip(), who.phone}
    return {s for s in found if len(s) >= _MIN_LENGTH}


def _same_person(a: list[Identity], b: list[Identity]) -> bool:
    def keys(who: list[Identity]) -> set[str]:
        return {k for i in who for k in (fold_name(f"{i.first_name} {i.last_name}"),
                                          i.email.strip().casefold()) if k}
    return bool(keys(a) & keys(b))


#: key of the merge record in ``Operation.detail`` (written by services.merge: the ids of
#: the contact that stayed ("blijft") and the one merged into it ("opgegaan"))
MERGE_DETAIL_KEY = "samengevoegd"


def _recorded_merges(conn: Connection, merge_operation: str) -> dict[str, set[str]]:
    """Survivor id -> ids merged into it, from the merge records in operation details."""
    out: dict[str, set[str]] = {}
    for detail in conn.execute(select(Operation.detail).where(
            Operation.name == merge_operation, Operation.detail.is_not(None))).scalars():
        try:
            record = json.loads(detail or "{}")[MERGE_DETAIL_KEY]
            out.setdefault(str(record["blijft"]), set()).add(str(record["opgegaan"]))
        except (ValueError, TypeError, KeyError):
            continue
    return out


def merged_into(conn: Connection, person_id: str, merge_operation: str) -> set[str]:
    """The person and everyone merged into it (and into those), still soft-deleted.

    A merge operation sets the other person's ``deleted_at``. It names the survivor when
    it also changed the survivor's fields or pointed links at it; a merge that did
    neither (a bare duplicate) holds that one change only, and then the other person
    counts when it shares a full name or an e-mail address with the survivor. An undone
    merge left the other person live again, so it no longer counts.
    """
    found, todo = {person_id}, [person_id]
    recorded = _recorded_merges(conn, merge_operation)
    deletions = (select(Change.operation_id, Change.entity_id)
                 .join(Operation, Operation.id == Change.operation_id)
                 .join(Person, Person.id == Change.entity_id)
                 .where(Operation.name == merge_operation, Change.entity == "person",
                        Change.field == "deleted_at", Change.old_value.is_(None),
                        Person.deleted_at.is_not(None)))
    merges = conn.execute(deletions).all()
    sizes = dict(conn.execute(
        select(Change.operation_id, func.count()).where(
            Change.operation_id.in_({op for op, _ in merges}))
        .group_by(Change.operation_id)).all()) if merges else {}
    while todo:
        survivor = todo.pop()
        touching = set(conn.execute(select(Change.operation_id).where(or_(
            and_(Change.entity == "person", Change.entity_id == survivor),
            Change.new_value == json.dumps(survivor)))).scalars())
        mine = identities(conn, survivor)
        for op, other in merges:
            if other in found:
                continue
            if other in recorded.get(survivor, ()):  # the merge record names the survivor
                found.add(other)
                todo.append(other)
                continue
            bare = sizes.get(op) == 1 and _same_person(identities(conn, other), mine)
            if op in touching or bare:
                found.add(other)
                todo.append(other)
    return found


def mentions_of(conn: Connection, person_ids: Iterable[str]) -> Mentions:
    """The matcher for these persons; names other contacts share are not matched alone."""
    ids = set(person_ids)
    people = [who for pid in sorted(ids) for who in identities(conn, pid)]
    # only which names others bear matters: each distinct one once, read without ids
    rest = Person.id.not_in(list(ids))
    names = conn.execute(select(Person.first_name).where(rest).distinct().union(
        select(Person.last_name).where(rest).distinct())).scalars()
    return Mentions(people, [Identity(name, "", name) for name in names])


def _enum_columns() -> set[tuple[str, str]]:
    """Columns the models declare as enums: they hold codes, never a person's name."""
    from sqlalchemy import Enum

    from dealmaker.storage.models import Base

    return {(table.name, col.name) for table in Base.metadata.tables.values()
            for col in table.columns if isinstance(col.type, Enum)}


def _text_columns(conn: Connection) -> list[tuple[str, str]]:
    tables = [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'person_search%' AND name != 'alembic_version'")]
    codes = _enum_columns()
    columns = []
    for table in tables:
        for _cid, name, kind, _nn, _default, pk in conn.exec_driver_sql(
                f'PRAGMA table_info("{table}")'):
            is_id = pk or name == "id" or name.endswith("_id")
            if not is_id and (table, name) not in codes \
                    and any(t in str(kind).upper() for t in _TEXT_TYPES):
                columns.append((table, str(name)))
    return columns


#: columns that hold a name themselves (an organisation's, a deal's, an opgave's): a first
#: or last name alone there is part of another name, only a full name is the person
NAME_COLUMNS = frozenset({"name", "short_name", "aliases"})


#: rows tested together: SQLite joins their text cells into one string (\x01 between
#: cells: a non-word, non-space character, so no pattern matches across two cells) and
#: one search tells whether any of them might mention the person
_CHUNK = 20_000


def _chunks(conn: Connection, table: str, cols: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first rowid, last rowid, the chunk's text cells joined by \\x01) of ``table``.

    The joining happens in SQLite: one Python string per chunk rather than one per cell
    (fetching 1.1 million cells one by one was most of the cost of forgetting)."""
    assert CELL_SEPARATOR == "\x01"  # char(1) below
    cells = " || char(1) || ".join(  # text only: a stray blob could be no valid UTF-8
        f"CASE WHEN typeof(\"{c}\") = 'text' THEN \"{c}\" ELSE '' END" for c in cols)
    sql = (f"SELECT min(r), max(r), group_concat(t, char(1)) FROM (SELECT rowid AS r, "
           f'{cells} AS t FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT {_CHUNK})')
    last = None
    while True:
        first, end, joined = conn.exec_driver_sql(
            sql, (-(2 ** 63) if last is None else last,)).one()
        if end is None:
            return
        yield first, end, joined or ""
        last = end


def _candidates(conn: Connection, table: str, cols: list[str],
                mentions: Mentions) -> Iterator[tuple[int, str, str]]:
    """(rowid, column, text) of the cells of ``table`` that might mention the person.

    All its text columns are read in one pass, in chunks joined by SQLite; a chunk that
    cannot mention the person is skipped whole with one C-speed search, the rare other
    one is read again cell by cell."""
    listed = ", ".join(f'"{c}"' for c in cols)
    for first, end, joined in _chunks(conn, table, cols):
        if not mentions.might_mention(joined):
            continue
        rows = conn.exec_driver_sql(
            f'SELECT rowid, {listed} FROM "{table}" WHERE rowid BETWEEN ? AND ?',
            (first, end)).all()
        for rowid, *values in rows:
            for col, value in zip(cols, values, strict=True):
                if isinstance(value, str) and mentions.might_mention(value):
                    yield rowid, col, value


def replace_everywhere(conn: Connection, needles: Iterable[str] | Mentions) -> int:
    """Replace every mention in every text cell of every table; return the cells changed.

    ``needles`` is a ``Mentions`` matcher, or plain full names, addresses and numbers.
    Cells are read in chunks; a chunk is tested as one joined text first, so only the
    few chunks that might mention the person are tested cell by cell.
    """
    mentions = needles if isinstance(needles, Mentions) else Mentions((), phrases=needles)
    if mentions.empty:
        return 0
    tables: dict[str, list[str]] = {}
    for table, col in _text_columns(conn):
        tables.setdefault(table, []).append(col)
    changed = 0
    touched: dict[str, set[int]] = {}
    for table, cols in tables.items():
        for rowid, col, value in list(_candidates(conn, table, cols, mentions)):
            new = mentions.replace(value, alone=col not in NAME_COLUMNS)
            if new != value:
                conn.execute(text(f'UPDATE "{table}" SET "{col}" = :v WHERE rowid = :r'),
                             {"v": new, "r": rowid})
                changed += 1
                touched.setdefault(table, set()).add(rowid)
    _reindex_touched(conn, touched)
    return changed


def _reindex_touched(conn: Connection, touched: dict[str, set[int]]) -> None:
    """Index anew the persons whose search rows hold text just replaced: their own
    rows, their functions' titles, their organisations' names (and parents')."""
    def ids(column: Any, table: str) -> list[str]:
        rowids = sorted(touched.get(table, ()))
        return [] if not rowids else list(conn.execute(
            select(column).where(literal_column("rowid").in_(rowids))).scalars())

    persons = {*ids(Person.id, "person"), *ids(Position.person_id, "position")}
    persons.update(persons_at_organisations(conn, ids(Organisation.id, "organisation")))
    if persons:
        reindex_persons(conn, sorted(persons))


def scrub_journal(conn: Connection, person_id: str, action: str) -> int:
    """Wipe the recorded values of every journal row about the person."""
    result = conn.execute(
        update(Change)
        .where(Change.entity == "person", Change.entity_id == person_id)
        .values(action=action, field=None, old_value=None, new_value=None))
    return int(getattr(result, "rowcount", 0) or 0)


def compact(conn: Connection, *, vacuum: bool = False) -> bool:
    """Leave no old bytes behind: merge the search index, checkpoint.

    ``conn`` must be outside a transaction; ``PRAGMA secure_delete`` must already be on.
    Since schema 8 every write to the file zeroed what it freed, so merging the search
    index into one new segment (the old ones, which still list a forgotten word, are
    freed and zeroed) and emptying the -wal file are enough. An older file is VACUUMed
    and its index rebuilt as before, and so is every backup (``vacuum``): a copy whose
    forgetting a kill may have cut off halfway gets no benefit of the doubt.
    Returns False when another connection kept the WAL file from being emptied.
    """
    auto = conn.execution_options(isolation_level="AUTOCOMMIT")
    auto.exec_driver_sql("INSERT INTO person_search(person_search) VALUES('optimize')")
    # an index page keeps bytes of an entry moved while the page was rebalanced in its
    # unused space (secure_delete zeroes deleted cells, not those): the person's indexes
    # (sort name, e-mail) are rebuilt on fresh pages, the old ones freed and zeroed
    auto.exec_driver_sql("REINDEX person")
    if vacuum or int(auto.exec_driver_sql("PRAGMA user_version").scalar() or 0) < CLEAN_FROM:
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
