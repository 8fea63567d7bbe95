"""Merge two contacts that are the same person, field by field, keeping every link.

Every foreign key to ``person.id`` in the model (found from the table metadata, so a
new link table is included without changing this module) is moved from the other
person to the survivor. Where that would duplicate a row (the same person twice at one
contact moment, overleg or tag) or create a relation of the survivor to itself, the
moved row is soft-deleted instead. The other person is soft-deleted. It all happens in
one journalled operation, "Personen samenvoegen", so one undo brings everything back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.directory import current_positions
from dealmaker.services.history import TABLE_LABELS, field_label
from dealmaker.services.merge_outcome import MergeOutcome, detail_json
from dealmaker.storage.journal import OPERATION
from dealmaker.storage.models import Base, Entity, Operation, Person, Relation
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.workspace import Workspace

MERGE_FIELDS = ("first_name", "tussenvoegsel", "last_name", "email", "phone", "notes",
                "cadence_days")
#: "both" is only meaningful for notes: the two texts joined by a blank line
Choice = Literal["survivor", "other", "both"]
#: rows that say the same thing twice when these columns are equal
_SAME_WHEN = {
    "interaction_participant": ("interaction_id", "person_id"),
    "meeting_participant": ("meeting_id", "person_id"),
    "person_tag": ("tag_id", "person_id"),
    "relation": ("source_person_id", "target_person_id", "target_organisation_id", "kind"),
    "opgave_link": ("opgave_id", "person_id", "role"),
}


class MergeError(ValueError):
    """The merge cannot be done as asked; the message is Dutch."""


@dataclass(frozen=True)
class FieldPair:
    field: str
    label: str
    survivor: str
    other: str
    #: what ``merge_persons`` does for this field when ``choices`` does not say
    default: Choice


@dataclass(frozen=True)
class LinkCount:
    """How many live rows of one kind point at each of the two persons."""

    label: str
    survivor: int
    other: int


@dataclass(frozen=True)
class MergePreview:
    survivor_name: str
    other_name: str
    fields: list[FieldPair]
    links: list[LinkCount]
    #: current functions, "Wethouder, Gemeente Ede", to tell two namesakes apart
    survivor_roles: str = ""
    other_roles: str = ""


def person_links() -> list[tuple[str, str]]:
    """Every (table, column) with a foreign key to ``person.id``."""
    return sorted((t.name, fk.parent.name) for t in Base.metadata.sorted_tables
                  for fk in t.foreign_keys
                  if fk.column.table.name == "person" and fk.parent.table is t)


def _link_label(table: str, col: str) -> str:
    label = TABLE_LABELS.get(table, table).capitalize()
    own = {c for t, c in person_links() if t == table}
    return label if len(own) == 1 else f"{label} ({field_label(table, col).lower()})"


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _default(field: str, survivor: Any, other: Any) -> Choice:
    if field == "notes" and survivor and other and survivor != other:
        return "both"
    return "other" if _text(survivor) == "" and _text(other) != "" else "survivor"


def _live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted_at is not None:
        raise MergeError("Dit contact bestaat niet (meer).")
    return person


def merge_preview(ws: Workspace, a: str, b: str) -> MergePreview:
    """The field pairs (with the default choice) and the links of each kind of a and b."""
    with ws.read() as session:
        pa, pb = _live_person(session, a), _live_person(session, b)
        fields = [FieldPair(f, field_label("person", f), _text(getattr(pa, f)),
                            _text(getattr(pb, f)), _default(f, getattr(pa, f), getattr(pb, f)))
                  for f in MERGE_FIELDS]
        links = []
        for table, col in person_links():
            cls = mapped_class(table)
            counts: dict[str, int] = {row[0]: row[1] for row in session.execute(
                select(getattr(cls, col), func.count()).where(
                    getattr(cls, col).in_([a, b]), cls.deleted_at.is_(None))
                .group_by(getattr(cls, col)))}
            links.append(LinkCount(_link_label(table, col), counts.get(a, 0), counts.get(b, 0)))
        roles = current_positions(session, [a, b])

        def describe(pid: str) -> str:
            return "; ".join(f"{p.title}, {p.organisation}" if p.title else p.organisation
                             for p in roles.get(pid, []))

        return MergePreview(pa.full_name, pb.full_name, fields, links,
                            describe(a), describe(b))


def _apply_fields(survivor: Person, other: Person, choices: Mapping[str, Choice]
                  ) -> tuple[list[str], list[str]]:
    """Set the survivor's fields; (fields taken from the other, fields joined)."""
    taken, joined = [], []
    for field in MERGE_FIELDS:
        mine, theirs = getattr(survivor, field), getattr(other, field)
        choice = choices.get(field, _default(field, mine, theirs))
        if choice == "other":
            if _text(mine) != _text(theirs):
                taken.append(field)
            setattr(survivor, field, theirs)
        elif choice == "both" and field == "notes":
            if mine and theirs and mine != theirs:
                joined.append(field)
            survivor.notes = "\n\n".join(t for t in (mine, theirs) if t)
        elif choice not in ("survivor", "both"):
            raise MergeError(f"Onbekende keuze voor {field_label('person', field)}: {choice}")
    return taken, joined


def _move_links(session: Session, survivor_id: str, other_id: str,
                moved_live: dict[str, int] | None = None) -> set[str]:
    """Point every link at the survivor; soft-delete rows that would become duplicates.
    ``moved_live`` gets, per link label, how many live rows now point at the survivor."""
    now, tables = utcnow(), set()
    moved: dict[str, list[Entity]] = {}
    for table, col in person_links():
        cls = mapped_class(table)
        for row in session.scalars(select(cls).where(getattr(cls, col) == other_id)):
            setattr(row, col, survivor_id)
            moved.setdefault(table, []).append(row)
            tables.add(table)
    session.flush()
    for table, rows in moved.items():
        cls = mapped_class(table)
        keys = _SAME_WHEN.get(table)
        for row in rows:
            if row.deleted_at is not None:
                continue
            selfish = isinstance(row, Relation) and row.source_person_id == row.target_person_id
            if selfish or (keys is not None and _has_twin(session, cls, row, keys)):
                row.deleted_at = now
            elif moved_live is not None:
                label = TABLE_LABELS.get(table, table)
                moved_live[label] = moved_live.get(label, 0) + 1
    return tables


def _has_twin(session: Session, cls: type[Entity], row: Entity, keys: tuple[str, ...]) -> bool:
    """Another live row with the same values in ``keys``."""
    query = select(func.count()).select_from(cls).where(
        cls.id != row.id, cls.deleted_at.is_(None),
        *(getattr(cls, c) == getattr(row, c) for c in keys))
    return bool(session.scalar(query))


def merge_persons(ws: Workspace, survivor_id: str, other_id: str,
                  choices: Mapping[str, Choice] | None = None) -> Changes:
    """Merge ``other`` into ``survivor`` (fields by ``choices``, links moved) as one operation."""
    return merge_contacts(ws, survivor_id, other_id, choices).changes


def merge_contacts(ws: Workspace, survivor_id: str, other_id: str,
                   choices: Mapping[str, Choice] | None = None) -> MergeOutcome:
    """Like :func:`merge_persons`, and say what happened: the operation's ``detail``
    records the survivor (ids and field names only) and the outcome tells the user."""
    if survivor_id == other_id:
        raise MergeError("Kies twee verschillende contacten om samen te voegen.")
    unknown = set(choices or {}) - set(MERGE_FIELDS)
    if unknown:
        raise MergeError(f"Onbekend veld om samen te voegen: {', '.join(sorted(unknown))}")
    with ws.uow("Personen samenvoegen") as uow:
        session = uow.session
        survivor, other = _live_person(session, survivor_id), _live_person(session, other_id)
        names = survivor.full_name, other.full_name
        taken, joined = _apply_fields(survivor, other, choices or {})
        moved: dict[str, int] = {}
        tables = _move_links(session, survivor_id, other_id, moved)
        other.deleted_at = utcnow()
        session.flush()
        op_id = session.info.get(OPERATION)
        if op_id is not None:
            operation = session.get(Operation, op_id)
            if operation is not None:
                operation.detail = detail_json(survivor_id, other_id, taken + joined, moved)
        op = uow.commit()
    return MergeOutcome(
        Changes(frozenset({"person", *tables}), op), survivor_id, other_id, *names,
        taken=tuple(field_label("person", f) for f in taken),
        joined=tuple(field_label("person", f) for f in joined),
        moved=tuple(sorted(moved.items())))
