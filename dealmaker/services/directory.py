"""The Contacten list: filter, sort and page 50,000 persons in SQL, for a lazy table model.

One query filters and sorts ``person`` on typed values (indexed: ``last_name``,
``last_contact_on``, ``next_follow_up_on``) and returns one page with ``LIMIT/OFFSET``;
a few ``IN`` queries then fetch the details of just those ids: function, organisation,
tags and deals (the "facts" helpers at the end, shared with the cards). Filters are
uncorrelated ``IN`` lists, computed once per query, so the plans stay good even without
``ANALYZE`` statistics. A search is an FTS list subquery; when the index counts so many
matches that walking the sort index is cheaper than sorting them all ("e", "de"), the
query is told so (``broad``), which keeps every keystroke in a few milliseconds.

The facts about the persons of a page live in ``person_facts`` (re-exported here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.cadence import load_policy
from dealmaker.services.person_facts import (
    DealLink,
    Ids,
    PositionInfo,
    current,
    current_positions,
    full_name,
    id_in,
    live_party,
    person_deals,
    person_tags,
    primary_value,
    sort_name,
)
from dealmaker.storage.models import Deal, DealParty, Organisation, Person, PersonTag, Position
from dealmaker.storage.search_query import (
    count_person_matches,
    person_search_condition,
    rowid_bound,
)
from dealmaker.storage.workspace import Workspace

#: the facts helpers, importable from here as before the split
__all__ = ["ContactQuery", "ContactRow", "ContactSort", "DealLink", "Ids", "PositionInfo",
           "conditions", "count_contacts", "current_positions", "full_name", "id_in",
           "person_deals", "person_tags", "query_contacts"]


class ContactSort(StrEnum):
    """Sortable columns of the Contacten list (ties are broken by name, then id)."""

    NAME = "name"
    ORGANISATION = "organisation"
    FUNCTION = "function"
    SIDE = "side"
    EMAIL = "email"
    LAST_CONTACT = "last_contact"
    NEXT_FOLLOW_UP = "next_follow_up"


@dataclass(frozen=True)
class ContactQuery:
    """What the Contacten list shows. ``tag`` is a tag id; ``today`` decides "koud"."""

    search: str = ""
    side: Side | None = None
    org_kind: OrgKind | None = None
    deal_id: str | None = None
    tag: str | None = None
    cold_only: bool = False
    sort: ContactSort = ContactSort.NAME
    descending: bool = False
    today: date | None = None


@dataclass(frozen=True)
class ContactRow:
    person_id: str
    display_name: str
    #: "Berg, Anna van den": last name without tussenvoegsel first (the SQL sort order)
    sort_name: str
    function: str
    organisation: str
    organisation_id: str | None
    side: Side | None
    deals: tuple[str, ...]
    last_contact_on: date | None
    next_follow_up_on: date | None
    tags: tuple[str, ...]
    cold: bool
    #: effective keep-in-touch cadence in days (own, rule or default)
    cadence_days: int
    email: str
    phone: str

    @property
    def deals_text(self) -> str:
        return ", ".join(self.deals)

    @property
    def tags_text(self) -> str:
        return ", ".join(self.tags)


def query_contacts(ws: Workspace, query: ContactQuery, offset: int = 0,
                   limit: int = 100) -> list[ContactRow]:
    """One page of the list, in the query's order."""
    today = query.today or date.today()
    with ws.read() as s:
        policy = load_policy(s)
        offset, limit = max(0, offset), max(0, limit)
        broad = _broad_search(s, query, offset + limit)
        persons = _page(s, query, conditions(query, today, s, broad=broad), offset, limit)
        ids = [p.id for p in persons]
        positions, tags, deals = current_positions(s, ids), person_tags(s, ids), \
            person_deals(s, ids)
    rows = []
    for p in persons:
        pos = positions.get(p.id, [])
        first = pos[0] if pos else None
        tag_list = tags.get(p.id, [])
        days, _ = policy.effective(p.cadence_days, [t for t, _ in tag_list],
                                   [x.title for x in pos])
        rows.append(ContactRow(
            p.id, full_name(p.first_name, p.tussenvoegsel, p.last_name),
            sort_name(p.first_name, p.tussenvoegsel, p.last_name),
            first.title if first else "", first.organisation if first else "",
            first.organisation_id if first else None, first.side if first else None,
            tuple(dict.fromkeys(d.name for d in deals.get(p.id, []))),
            p.last_contact_on, p.next_follow_up_on, tuple(n for _, n in tag_list),
            policy.is_cold(p.last_contact_on, days, today), days, p.email, p.phone))
    return rows


_COLUMNS = (Person.id, Person.first_name, Person.tussenvoegsel, Person.last_name,
            Person.email, Person.phone, Person.cadence_days, Person.last_contact_on,
            Person.next_follow_up_on)


def count_contacts(ws: Workspace, query: ContactQuery) -> int:
    """Number of rows the query has (the table model's ``rowCount``)."""
    with ws.read() as s:
        if query == ContactQuery(search=query.search, sort=query.sort,
                                 descending=query.descending, today=query.today):
            found = count_person_matches(s, query.search)  # only a search: the index counts
            if found is not None:
                return found
        stmt = select(func.count()).select_from(Person).where(
            *conditions(query, query.today or date.today(), s))
        return int(s.scalar(stmt) or 0)


#: sort orders SQLite can walk along an index (name, organisation, function, dates)
_INDEXED = {ContactSort.NAME, ContactSort.ORGANISATION, ContactSort.FUNCTION,
            ContactSort.LAST_CONTACT, ContactSort.NEXT_FOLLOW_UP}
#: sorts on a derived key column (storage.sort_keys); persons without one come last
_KEYED = {ContactSort.ORGANISATION: Person.sort_organisation,
          ContactSort.FUNCTION: Person.sort_function}


def _page(s: Session, query: ContactQuery, conds: list[ColumnElement[bool]], offset: int,
          limit: int) -> list[Any]:
    """One page of persons. A keyed sort reads the persons with a key along its index,
    then, past their end, those without one by name (empty last in both directions,
    and every part an index walk: ``NULLS LAST`` would sort them all)."""
    # Only the shown columns: SQLite carries them through a sort (notes can be long).
    def rows(where: list[ColumnElement[bool]], order: list[Any], skip: int, n: int
             ) -> list[Any]:
        return list(s.execute(select(*_COLUMNS).where(*where).order_by(*order)
                              .offset(skip).limit(n)).all())

    key = _KEYED.get(query.sort)
    if key is None:
        return rows(conds, _order(query), offset, limit)
    desc = query.descending
    filled = rows([*conds, key.is_not(None)], _by(key, desc), offset, limit)
    if len(filled) == limit:
        return filled
    before = offset + len(filled) if filled or not offset else int(s.scalar(
        select(func.count()).select_from(Person).where(*conds, key.is_not(None))) or 0)
    return filled + rows([*conds, key.is_(None)], _by(None, desc),
                         max(0, offset - before), limit - len(filled))


def _by(key: Any, descending: bool) -> list[Any]:
    """``key`` (if any), then the Dutch name, then the id: all reversed when descending."""
    columns = [c for c in (key, Person.sort_name, Person.id) if c is not None]
    return [c.desc() for c in columns] if descending else columns


def _broad_search(s: Session, query: ContactQuery, rows: int) -> bool:
    """Does walking the sort index beat sorting all matches? Walking reads about
    ``rows * persons / matches`` index entries, sorting reads every match."""
    if query.sort not in _INDEXED:
        return False
    matches = count_person_matches(s, query.search)
    if not matches:
        return False
    return matches * matches > rows * rowid_bound(s, "person")


def conditions(query: ContactQuery, today: date, s: Session, *,
               broad: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE terms of a query on ``person`` (unaliased); ``broad``: see search_query."""
    conds: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
    if (found := person_search_condition(query.search, broad=broad)) is not None:
        conds.append(found)
    if query.side is not None or query.org_kind is not None:
        at = (select(Position.person_id)
              .join(Organisation, Organisation.id == Position.organisation_id)
              .where(*current(), Organisation.deleted_at.is_(None)))
        if query.side is not None:
            at = at.where(Organisation.side == query.side)
        if query.org_kind is not None:
            at = at.where(Organisation.kind == query.org_kind)
        conds.append(Person.id.in_(at))
    if query.deal_id is not None:
        via_party = (select(Position.person_id)
                     .join(DealParty, DealParty.organisation_id == Position.organisation_id)
                     .where(*current(), *live_party(), DealParty.deal_id == query.deal_id))
        dealmaker = select(Deal.dealmaker_id).where(
            Deal.id == query.deal_id, Deal.deleted_at.is_(None))
        conds.append(Person.id.in_(via_party.union(dealmaker)))
    if query.tag is not None:
        conds.append(Person.id.in_(select(PersonTag.person_id).where(
            PersonTag.tag_id == query.tag, PersonTag.deleted_at.is_(None))))
    if query.cold_only:
        conds.append(load_policy(s).cold_condition(today))
    return conds


def _order(query: ContactQuery) -> list[Any]:
    """The order of the sorts without a key column (``_KEYED`` goes through ``_page``)."""
    if query.sort is ContactSort.NAME:
        return _by(None, query.descending)
    name = _by(None, False)
    key: Any
    if query.sort is ContactSort.LAST_CONTACT:
        # never contacted sorts as the oldest contact (first ascending, last descending)
        key = Person.last_contact_on
        return [key.desc() if query.descending else key, *name]
    if query.sort is ContactSort.NEXT_FOLLOW_UP:
        key = Person.next_follow_up_on
    elif query.sort is ContactSort.EMAIL:
        key = func.nullif(func.lower(Person.email), "")
    else:
        key = func.lower(primary_value(Organisation.side))
    # empty values last in both directions (NULLS LAST: the subquery runs once per row)
    return [(key.desc() if query.descending else key.asc()).nulls_last(), *name]
