"""Facts about a few persons, one ``IN`` query each: current positions, tags, deals; the
name helpers. Shared by the Contacten list, the cards, quick-find and contact moments.

A person's *deals* are structural, which is cheap and stable: deals in which an
organisation where they hold a current position is a party (and has not left), plus deals
where they are the dealmaker. Contact moments about a deal do not count: that would make
everyone who once sat in a meeting a deal member (the card's timeline shows those).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import OrgKind, PartyRole, Side
from dealmaker.storage.models import Deal, DealParty, Organisation, Person, PersonTag, Position, Tag


@dataclass(frozen=True)
class PositionInfo:
    """A current position; ``organisation`` is the short name when there is one."""

    position_id: str
    person_id: str
    title: str
    start_date: date | None
    organisation_id: str
    organisation: str
    organisation_name: str
    side: Side
    kind: OrgKind


@dataclass(frozen=True)
class DealLink:
    deal_id: str
    name: str
    #: Dutch: the party role of their organisation ("Cofinancier") or "Dealmaker"
    role: str


def full_name(first: str, tussenvoegsel: str, last: str) -> str:
    return " ".join(p for p in (first, tussenvoegsel, last) if p)


def sort_name(first: str, tussenvoegsel: str, last: str) -> str:
    """"Berg, Anna van den" (the Dutch directory order)."""
    rest = " ".join(p for p in (first, tussenvoegsel) if p)
    return f"{last}, {rest}" if rest and last else last or rest


def current() -> tuple[ColumnElement[bool], ...]:
    return Position.deleted_at.is_(None), Position.end_date.is_(None)


def live_party() -> tuple[ColumnElement[bool], ...]:
    return DealParty.deleted_at.is_(None), DealParty.left_on.is_(None)


def primary_value(column: Any) -> Any:
    """Correlated: ``column`` of the person's primary position (latest start first)."""
    return (select(column).select_from(Position)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(Position.person_id == Person.id, *current(),
                   Organisation.deleted_at.is_(None))
            .order_by(Position.start_date.desc(), Position.id).limit(1).scalar_subquery())


#: ids given as a list (a page) or as a query that selects them (a long list)
Ids = Sequence[str] | Select[Any]


def id_in(column: Any, ids: Ids, size: int = 500) -> Iterator[ColumnElement[bool]]:
    """``column IN (...)`` conditions: one subquery, or the list in chunks of ``size``."""
    if isinstance(ids, Select):
        yield column.in_(ids)
        return
    items = list(dict.fromkeys(ids))
    for start in range(0, len(items), size):
        yield column.in_(items[start:start + size])


def current_positions(s: Session, ids: Ids) -> dict[str, list[PositionInfo]]:
    """Current positions per person, primary first (same order as ``primary_value``)."""
    out: dict[str, list[PositionInfo]] = defaultdict(list)
    for chunk in id_in(Position.person_id, ids):
        rows = s.execute(
            select(Position.id, Position.person_id, Position.title, Position.start_date,
                   Organisation.id, Organisation.short_name, Organisation.name,
                   Organisation.side, Organisation.kind)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(chunk, *current(), Organisation.deleted_at.is_(None)))
        for pos_id, pid, title, start, org_id, short, name, side, kind in rows:
            out[pid].append(PositionInfo(pos_id, pid, title, start, org_id, short or name,
                                         name, side, kind))
    for items in out.values():
        items.sort(key=lambda x: x.position_id)
        items.sort(key=lambda x: x.start_date or date.min, reverse=True)
    return out


def person_tags(s: Session, ids: Ids) -> dict[str, list[tuple[str, str]]]:
    """(tag id, tag name) per person, by name."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for chunk in id_in(PersonTag.person_id, ids):
        rows = s.execute(
            select(PersonTag.person_id, Tag.id, Tag.name).join(Tag, Tag.id == PersonTag.tag_id)
            .where(chunk, PersonTag.deleted_at.is_(None),
                   Tag.deleted_at.is_(None)).order_by(Tag.name))
        for pid, tid, name in rows:
            out[pid].append((tid, name))
    return out


def person_deals(s: Session, ids: Ids) -> dict[str, list[DealLink]]:
    """Deals per person: as dealmaker first, then via their organisations; by name."""
    out: dict[str, list[DealLink]] = defaultdict(list)
    for chunk in id_in(Deal.dealmaker_id, ids):
        for pid, did, name in s.execute(
                select(Deal.dealmaker_id, Deal.id, Deal.name)
                .where(chunk, Deal.deleted_at.is_(None)).order_by(Deal.name)):
            if pid is not None:
                out[pid].append(DealLink(did, name, "Dealmaker"))
    for chunk in id_in(Position.person_id, ids):
        for pid, did, name, role in s.execute(
                select(Position.person_id, Deal.id, Deal.name, DealParty.role)
                .join(DealParty, DealParty.organisation_id == Position.organisation_id)
                .join(Deal, Deal.id == DealParty.deal_id)
                .where(chunk, *current(), *live_party(), Deal.deleted_at.is_(None))
                .order_by(Deal.name)):
            out[pid].append(DealLink(did, name, PartyRole(role).label))
    return out
