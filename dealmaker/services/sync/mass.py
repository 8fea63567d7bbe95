"""The mass-deletion check of a pull (no Qt): what a pull would really delete here.

Only NET deletions count: a record a colleague deleted and brought back (Ctrl+Z) within
the same pulled batch is not deleted, and neither is one this copy no longer has live.
A pull stops and asks when it would delete at least ``MASS_DELETE_MIN`` records of one
kind and at least ``MASS_DELETE_SHARE`` of that kind's live records here (293 of 360
contacts asks; 50 of them does not). The question says what and by whom: "293
contacten (met 674 functies en relaties)", "anna".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, func, select

from dealmaker.domain.numbers import format_count
from dealmaker.services.sync.connect import SyncError
from dealmaker.services.sync.payload import LogEntry
from dealmaker.storage.revert import mapped_class

#: a pull that would delete at least this many records of one kind ...
MASS_DELETE_MIN = 50
#: ... and at least this share of that kind's live records stops and asks
MASS_DELETE_SHARE = 0.2

#: the kinds named first, in this order (plural, Dutch); the rest go "(met ...)"
_MAIN = {"person": "contacten", "organisation": "organisaties", "deal": "deals",
         "commitment": "toezeggingen", "interaction": "contactmomenten",
         "meeting": "overleggen"}
_OTHER = {"position": "functies", "relation": "relaties", "person_tag": "tags bij contacten",
          "interaction_participant": "deelnemers", "meeting_participant": "deelnemers",
          "organisation_relation": "relaties", "pledge": "bijdragen", "tag": "tags",
          "opgave": "opgaven", "mandate": "mandaten", "project": "projecten"}


@dataclass(frozen=True)
class Deletions:
    """What a pull would delete here: live records per kind, and who deleted them."""

    counts: dict[str, int]
    authors: tuple[str, ...]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def what(self) -> str:
        """'293 contacten (met 674 functies en relaties)'."""
        main = [f"{format_count(n)} {_MAIN[k]}" for k in _MAIN if (n := self.counts.get(k))]
        rest = {k: n for k, n in self.counts.items() if k not in _MAIN}
        names = list(dict.fromkeys(_OTHER.get(k, "andere records") for k in sorted(
            rest, key=lambda k: (-rest[k], k))))
        extra = f"{format_count(sum(rest.values()))} {_and(names)}" if rest else ""
        if not main:
            return extra
        return _and(main) + (f" (met {extra})" if extra else "")

    def who(self) -> str:
        return _and(list(self.authors)) or "een collega"


class MassDeletion(SyncError):
    """The pull would delete a large part of the workspace; confirm to go on. ``what``
    and ``who`` let the window say it in its own words; the text is the command line's."""

    short = "Synchroniseren wacht op uw bevestiging."

    def __init__(self, deletions: Deletions) -> None:
        self.deletions = deletions
        super().__init__(
            f"Deze synchronisatie zou {deletions.what()} verwijderen (verwijderd door "
            f"{deletions.who()}). Er is niets gewijzigd; bevestig met --bevestig-verwijderen.")


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1] \
        if items else ""


def net_deletions(conn: Connection, entries: Iterable[LogEntry], own: set[str]) -> Deletions:
    """The records live here that the pulled ``entries`` leave deleted (conflict losers
    and this copy's own operations, applied already, delete nothing here)."""
    final: dict[tuple[str, str], str | None] = {}  # deleted by (author), or None: not
    for e in entries:
        skip = e.lost_seqs()
        author = None if e.op_id in own else e.author
        for c in e.changes:
            if int(c["seq"]) in skip:
                continue
            key = (c["entity"], c["entity_id"])
            if c["action"] == "delete" or (c["action"] == "update"
                                           and c.get("field") == "deleted_at"):
                final[key] = author if c["action"] == "delete" or c.get("new") else None
            elif c["action"] == "insert":
                final[key] = None
    by_kind: dict[str, list[str]] = {}
    for (entity, row_id), author in final.items():
        if author is not None:
            by_kind.setdefault(entity, []).append(row_id)
    counts: dict[str, int] = {}
    live: set[str] = set()
    for entity, ids in by_kind.items():
        found = _live(conn, entity, ids)
        if found:
            counts[entity] = len(found)
            live.update(f"{entity}:{i}" for i in found)
    authors = sorted({a for (entity, row_id), a in final.items()
                      if a is not None and f"{entity}:{row_id}" in live})
    return Deletions(counts, tuple(authors))


def too_many(conn: Connection, gone: Deletions) -> bool:
    """Whether ``gone`` is a large part of some kind of record here."""
    for entity, n in gone.counts.items():
        if n >= MASS_DELETE_MIN and n >= MASS_DELETE_SHARE * _live_count(conn, entity):
            return True
    return False


def _table(entity: str) -> Table:
    table = mapped_class(entity).__table__
    assert isinstance(table, Table)
    return table


def _live(conn: Connection, entity: str, ids: list[str]) -> set[str]:
    table = _table(entity)
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(str(i) for i in conn.execute(select(table.c.id).where(
            table.c.id.in_(ids[start:start + 500]), table.c.deleted_at.is_(None))).scalars())
    return found


def _live_count(conn: Connection, entity: str) -> int:
    table = _table(entity)
    return int(conn.execute(select(func.count()).select_from(table)
                            .where(table.c.deleted_at.is_(None))).scalar() or 0)
