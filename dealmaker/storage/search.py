"""Full-text search over persons (SQLite FTS5), kept in step with every flush.

One FTS row per live person, keyed by ``person.search_key`` (an explicit integer column,
given here to persons that lack one, so no VACUUM or copy can renumber it). It holds the
name, the organisations of current positions (with short names, aliases and parent units, so that
"ezk" finds a directie under EZK), function titles, e-mail, phone (also digits only) and
notes. ``unicode61 remove_diacritics 2`` makes "Fryslan" find "Fryslân"; the prefix
indexes make search-as-you-type cheap. SQLite-specific, so it lives in storage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import Connection, column, text

from dealmaker.storage.types import UUIDKey, id_list, uuid_bytes

CREATE_SQLITE = """
CREATE VIRTUAL TABLE IF NOT EXISTS person_search USING fts5(
    name, organisation, function, email, phone, notes,
    tokenize = "unicode61 remove_diacritics 2", prefix = '1 2 3'
)
"""

_ORGS = """
coalesce((SELECT group_concat(
    o.name || ' ' || coalesce(o.short_name, '') || ' ' || o.aliases || ' ' ||
    coalesce(p1.name, '') || ' ' || coalesce(p1.short_name, '') || ' ' ||
    coalesce(p2.name, '') || ' ' || coalesce(p2.short_name, '') || ' ' ||
    coalesce(p3.short_name, ''), ' ')
  FROM position po JOIN organisation o ON o.id = po.organisation_id
  LEFT JOIN organisation p1 ON p1.id = o.parent_id
  LEFT JOIN organisation p2 ON p2.id = p1.parent_id
  LEFT JOIN organisation p3 ON p3.id = p2.parent_id
  WHERE po.person_id = p.id AND po.deleted_at IS NULL AND po.end_date IS NULL), '')
"""
_TITLES = """
coalesce((SELECT group_concat(po.title, ' ') FROM position po
  WHERE po.person_id = p.id AND po.deleted_at IS NULL AND po.end_date IS NULL), '')
"""
_PHONE = ("p.phone || ' ' || replace(replace(replace(replace(replace(p.phone, ' ', ''),"
          " '-', ''), '+', ''), '(', ''), ')', '')")

_INSERT = f"""
INSERT INTO person_search(rowid, name, organisation, function, email, phone, notes)
SELECT p.search_key, trim(p.first_name || ' ' || p.tussenvoegsel || ' ' || p.last_name),
       {_ORGS}, {_TITLES}, p.email, {_PHONE}, p.notes
FROM person p WHERE p.deleted_at IS NULL
"""


def _insert(chosen: str = "") -> str:
    """``_INSERT`` for the persons ``chosen`` (an ``AND ...`` clause), in rowid order:
    FTS5 appends ascending rowids to its doclists; the same rows in uuid order (as an
    ``IN`` list yields them) took three times as long."""
    return f"{_INSERT} {chosen} ORDER BY p.search_key"


# New persons get keys above every key given so far; rowids differ per row, so the keys
# of one statement differ too (the max is read once, before the update).
_GIVE_KEYS = """
UPDATE person SET search_key = rowid + (SELECT coalesce(max(search_key), 0) FROM person)
WHERE search_key IS NULL
"""


def rebuild_all(conn: Connection) -> None:
    """Rebuild the whole index (after bulk writes)."""
    conn.execute(text(_GIVE_KEYS))
    conn.execute(text("DELETE FROM person_search"))
    conn.execute(text(_insert()))


def reindex_persons(conn: Connection, person_ids: Iterable[str]) -> None:
    """Refresh the rows of these persons (removing deleted or forgotten ones)."""
    ids = list(dict.fromkeys(person_ids))
    if len(ids) > 500:  # one pass over a temporary list (a pulled sync: thousands)
        _reindex_many(conn, ids)
        return
    for start in range(0, len(ids), 500):
        params = {"ids": ids[start:start + 500]}
        conn.execute(text(f"{_GIVE_KEYS} AND id IN :ids").bindparams(id_list("ids")), params)
        conn.execute(text(
            "DELETE FROM person_search WHERE rowid IN "
            "(SELECT search_key FROM person WHERE id IN :ids)").bindparams(id_list("ids")),
            params)
        conn.execute(text(_insert("AND p.id IN :ids")).bindparams(id_list("ids")), params)


def _reindex_many(conn: Connection, ids: list[str]) -> None:
    conn.execute(text("CREATE TEMP TABLE IF NOT EXISTS reindex_ids (id BLOB PRIMARY KEY)"))
    conn.execute(text("DELETE FROM temp.reindex_ids"))
    conn.exec_driver_sql("INSERT INTO temp.reindex_ids VALUES (?)",
                         [(uuid_bytes(i),) for i in ids])
    chosen = "id IN (SELECT id FROM temp.reindex_ids)"
    conn.execute(text(f"{_GIVE_KEYS} AND {chosen}"))
    conn.execute(text(f"DELETE FROM person_search WHERE rowid IN "
                      f"(SELECT search_key FROM person WHERE {chosen})"))
    conn.execute(text(_insert(f"AND p.{chosen}")))
    conn.execute(text("DELETE FROM temp.reindex_ids"))


def persons_at_organisations(conn: Connection, org_ids: Iterable[str]) -> list[str]:
    """Persons with a current position at these organisations or units below them."""
    ids = list(org_ids)
    if not ids:
        return []
    rows = conn.execute(text("""
        WITH RECURSIVE tree(id) AS (
            SELECT id FROM organisation WHERE id IN :ids
            UNION SELECT o.id FROM organisation o JOIN tree t ON o.parent_id = t.id)
        SELECT DISTINCT person_id FROM position
        WHERE organisation_id IN (SELECT id FROM tree) AND deleted_at IS NULL""")
        .bindparams(id_list("ids")).columns(column("person_id", UUIDKey())), {"ids": ids})
    return [r[0] for r in rows]


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(query: str) -> str | None:
    """User text to an FTS5 query: every word must match as a prefix ("ezk beleid")."""
    tokens = _TOKEN.findall(query.lower())
    if not tokens:
        return None
    return " ".join(f'"{t}"*' for t in tokens)
