"""The Contacten list's sort columns, kept in step like the search index.

``person.sort_name`` (Dutch directory order, ``domain.name_sort``), ``sort_organisation``
and ``sort_function`` (of the primary current position: latest start first, the same rule
as the list shows) are derived, never journalled, and indexed with the name as tie-break,
so sorting 50,000 persons on any of them walks an index like sorting on name does.
Refreshed by ``storage.derived`` for the persons a flush touched (a person, a position,
an organisation renamed) and for all persons after bulk writes and migrations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, column, text

from dealmaker.domain.name_sort import name_key, text_key
from dealmaker.storage.types import UUIDKey, id_list, uuid_bytes

_PERSONS = """SELECT id, first_name, tussenvoegsel, last_name, deleted_at, sort_name,
       sort_organisation, sort_function FROM person WHERE 1 = 1"""
_POSITIONS = """SELECT po.person_id, po.id, po.title, po.start_date,
       coalesce(o.short_name, o.name) AS org
FROM position po JOIN organisation o ON o.id = po.organisation_id
WHERE po.deleted_at IS NULL AND po.end_date IS NULL AND o.deleted_at IS NULL"""
_UPDATE = text("UPDATE person SET sort_name = :n, sort_organisation = :o, "
               "sort_function = :f WHERE id = :pid").bindparams(bindparam("pid", type_=UUIDKey()))
_UPDATE_SQLITE = ("UPDATE person SET sort_name = ?, sort_organisation = ?, sort_function = ? "
                  "WHERE id = ?")
_CHUNK = 500


def _rows(conn: Connection, sql: str, where: str, ids: list[str] | None, *names: str
          ) -> list[tuple[object, ...]]:
    cols = (column(names[0], UUIDKey()), *(column(n) for n in names[1:]))
    if ids is None:
        return [tuple(r) for r in conn.execute(text(sql).columns(*cols))]
    out: list[tuple[object, ...]] = []
    for start in range(0, len(ids), _CHUNK):
        stmt = text(f"{sql} AND {where} IN :ids").bindparams(id_list("ids")).columns(*cols)
        out += [tuple(r) for r in conn.execute(stmt, {"ids": ids[start:start + _CHUNK]})]
    return out


def refresh_sort_keys(conn: Connection, person_ids: Iterable[str] | None) -> None:
    """Recompute the sort columns of these persons (all persons when ``None``); a deleted
    person's are emptied."""
    ids = None if person_ids is None else list(dict.fromkeys(person_ids))
    if ids == []:
        return
    persons = _rows(conn, _PERSONS, "id", ids, "id", "first_name", "tussenvoegsel",
                    "last_name", "deleted_at", "sort_name", "sort_organisation",
                    "sort_function")
    found: dict[object, list[tuple[str, str, str, str]]] = defaultdict(list)
    for pid, pos_id, title, start, org in _rows(conn, _POSITIONS, "po.person_id", ids,
                                                "person_id", "id", "title", "start_date",
                                                "org"):
        found[pid].append((str(start or ""), str(pos_id), str(title or ""), str(org or "")))
    primary: dict[object, tuple[str, str]] = {}
    for pid, items in found.items():  # latest start first, then the smallest id
        items.sort(key=lambda x: x[1])
        items.sort(key=lambda x: x[0], reverse=True)
        primary[pid] = items[0][2:]
    changed: list[tuple[object, tuple[str | None, ...]]] = []
    for pid, first, tv, last, deleted, *now in persons:
        keys: tuple[str | None, ...] = (None, None, None)
        if deleted is None:  # no key: a deleted or forgotten name is kept nowhere
            title, org = primary.get(pid, ("", ""))
            keys = (name_key(str(first), str(tv), str(last)), text_key(org), text_key(title))
        if list(keys) != now:  # only what changed (a pull refreshes thousands)
            changed.append((pid, keys))
    if changed and conn.dialect.name == "sqlite":  # at driver level: no statement per row
        conn.exec_driver_sql(_UPDATE_SQLITE, [(*k, uuid_bytes(str(pid))) for pid, k in changed])
        return
    params = [{"pid": pid, "n": k[0], "o": k[1], "f": k[2]} for pid, k in changed]
    for start in range(0, len(params), _CHUNK):
        conn.execute(_UPDATE, params[start:start + _CHUNK])
