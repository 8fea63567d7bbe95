"""The Toezeggingen register: all commitments, filtered, sorted and paged in SQL.

Filters are uncorrelated ``IN`` lists or plain column conditions; the page is one
``LIMIT/OFFSET`` query over ``commitment`` joined to its deal, parties and owner.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.enums import CommitmentKind, CommitmentState, Side
from dealmaker.domain.mandates import mandate_breach
from dealmaker.services.mandates.terms import terms_in
from dealmaker.storage.models import Commitment, Deal, Organisation, Person
from dealmaker.storage.text_match import contains_ci
from dealmaker.storage.workspace import Workspace

OPEN_STATES = tuple(s for s in CommitmentState if s.is_open)


class CommitmentView(StrEnum):
    ALL = "alle"
    OPEN = "open"
    OVERDUE = "verlopen"
    THIS_MONTH = "deze_maand"


class CommitmentSort(StrEnum):
    DUE = "due"
    TITLE = "title"
    DEAL = "deal"
    STATE = "state"
    FROM = "from"
    TO = "to"
    AMOUNT = "amount"
    OWNER = "owner"


@dataclass(frozen=True)
class CommitmentQuery:
    search: str = ""
    view: CommitmentView = CommitmentView.ALL
    owner_id: str | None = None
    deal_id: str | None = None
    #: from or to this organisation
    party_id: str | None = None
    #: only commitments from this side to the other (RIJK: Rijk to regio)
    from_side: Side | None = None
    state: CommitmentState | None = None
    sort: CommitmentSort = CommitmentSort.DUE
    descending: bool = False
    today: date | None = None


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    title: str
    kind: CommitmentKind
    state: CommitmentState
    deal_id: str | None
    deal: str
    from_org: str
    to_org: str
    from_side: Side
    owner: str
    amount_cents: int | None
    due_on: date | None
    within_mandate: bool
    owner_id: str | None = None
    #: why the commitment is beyond its owner's mandate (``domain.mandates``), or ""
    mandate: str = ""

    def overdue(self, today: date) -> bool:
        return self.state.is_open and self.due_on is not None and self.due_on < today


#: the page query (more columns than the typed overloads of select() name)
Row = Select[*tuple[Any, ...]]

_FROM = aliased(Organisation, name="org_from")
_TO = aliased(Organisation, name="org_to")
_OWNER = aliased(Person, name="owner")

_SORT = {
    CommitmentSort.DUE: Commitment.due_on,
    CommitmentSort.TITLE: func.lower(Commitment.title),
    CommitmentSort.DEAL: func.lower(Deal.name),
    CommitmentSort.STATE: Commitment.state,
    CommitmentSort.FROM: func.lower(_FROM.name),
    CommitmentSort.TO: func.lower(_TO.name),
    CommitmentSort.AMOUNT: Commitment.amount_cents,
    CommitmentSort.OWNER: func.lower(_OWNER.last_name),
}


def _month(today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    nxt = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, nxt


def conditions(q: CommitmentQuery, today: date, s: Session) -> list[ColumnElement[bool]]:
    """The WHERE of ``q``. A search matches the title or toelichting, or the name of a
    party or the deal: those names are looked up first and passed as id lists (an OR of
    IN-subqueries made SQLite probe each one per row, five times slower)."""
    where: list[ColumnElement[bool]] = [Commitment.deleted_at.is_(None)]
    if q.view is CommitmentView.OPEN:
        where.append(Commitment.state.in_(OPEN_STATES))
    elif q.view is CommitmentView.OVERDUE:
        where += [Commitment.state.in_(OPEN_STATES), Commitment.due_on < today]
    elif q.view is CommitmentView.THIS_MONTH:
        first, nxt = _month(today)
        where += [Commitment.state.in_(OPEN_STATES), Commitment.due_on >= first,
                  Commitment.due_on < nxt]
    if q.state is not None:
        where.append(Commitment.state == q.state)
    if q.owner_id is not None:
        where.append(Commitment.owner_id == q.owner_id)
    if q.deal_id is not None:
        where.append(Commitment.deal_id == q.deal_id)
    if q.party_id is not None:
        where.append(or_(Commitment.from_organisation_id == q.party_id,
                         Commitment.to_organisation_id == q.party_id))
    if q.from_side is not None:
        other = Side.REGIO if q.from_side is Side.RIJK else Side.RIJK
        where += [Commitment.from_organisation_id.in_(_side_ids(q.from_side)),
                  Commitment.to_organisation_id.in_(_side_ids(other))]
    text = q.search.strip()
    if text:
        orgs = list(s.scalars(select(Organisation.id).where(
            contains_ci(s, Organisation.name, text))))
        deals = list(s.scalars(select(Deal.id).where(contains_ci(s, Deal.name, text))))
        matches: list[ColumnElement[bool]] = [contains_ci(s, Commitment.title, text),
                                              contains_ci(s, Commitment.description, text)]
        if orgs:
            matches += [Commitment.from_organisation_id.in_(orgs),
                        Commitment.to_organisation_id.in_(orgs)]
        if deals:
            matches.append(Commitment.deal_id.in_(deals))
        where.append(or_(*matches))
    return where


def _side_ids(side: Side) -> Select[Any]:
    return select(Organisation.id).where(Organisation.side == side)


def _page(q: CommitmentQuery, today: date, s: Session) -> Row:
    key = _SORT[q.sort]
    order = [key.desc() if q.descending else key.asc()]
    stmt: Row = (
        select(Commitment.id, Commitment.title, Commitment.kind, Commitment.state,
               Commitment.deal_id, Deal.name, _FROM.name, _TO.name, _FROM.side,
               _OWNER.first_name, _OWNER.tussenvoegsel, _OWNER.last_name,
               Commitment.amount_cents, Commitment.due_on, Commitment.within_mandate,
               Commitment.owner_id)
        .join(_FROM, _FROM.id == Commitment.from_organisation_id)
        .join(_TO, _TO.id == Commitment.to_organisation_id)
        .outerjoin(Deal, Deal.id == Commitment.deal_id)
        .outerjoin(_OWNER, _OWNER.id == Commitment.owner_id)
        .where(*conditions(q, today, s))
        .order_by(*order, Commitment.due_on, Commitment.id))
    return stmt


def _name(first: str | None, tv: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, tv, last) if p)


def rows_in(s: Session, q: CommitmentQuery, today: date, offset: int,
            limit: int, *, mandates: bool = True) -> list[CommitmentRow]:
    """One page of ``q`` inside the caller's session (``mandates``: with the owner's
    mandate checked, else ``with_mandates`` later)."""
    rows = s.execute(_page(q, today, s).offset(max(0, offset)).limit(max(0, limit))).all()
    out = [CommitmentRow(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6], r[7], r[8],
                         _name(r[9], r[10], r[11]), r[12], r[13], r[14], r[15])
           for r in rows]
    return with_mandates(s, out, today) if mandates else out


def with_mandates(s: Session, rows: list[CommitmentRow], today: date) -> list[CommitmentRow]:
    """``rows`` with ``mandate`` filled in: one query for the mandates of their owners."""
    terms = terms_in(s, (r.owner_id for r in rows if r.amount_cents is not None))
    if not terms:
        return rows
    return [replace(r, mandate=why) if (why := mandate_breach(
        terms, r.owner_id, r.amount_cents, r.due_on or today, r.deal_id)) else r
        for r in rows]


def query_commitments(ws: Workspace, q: CommitmentQuery, offset: int = 0,
                      limit: int = 100) -> list[CommitmentRow]:
    today = q.today or date.today()
    with ws.read() as s:
        return rows_in(s, q, today, offset, limit)


def count_commitments(ws: Workspace, q: CommitmentQuery) -> int:
    today = q.today or date.today()
    with ws.read() as s:
        return count_in(s, q, today)


def count_by_state(s: Session, q: CommitmentQuery, today: date) -> dict[CommitmentState, int]:
    """How many commitments of ``q`` (its state filter left out) are in each state."""
    where = conditions(replace(q, state=None), today, s)
    rows = s.execute(select(Commitment.state, func.count()).where(*where)
                     .group_by(Commitment.state)).all()
    return {CommitmentState(st): int(n) for st, n in rows}


def count_in(s: Session, q: CommitmentQuery, today: date) -> int:
    stmt = select(func.count()).select_from(Commitment).where(*conditions(q, today, s))
    return int(s.scalar(stmt) or 0)


@dataclass(frozen=True)
class Choice:
    id: str
    name: str


@dataclass(frozen=True)
class RegisterOptions:
    deals: tuple[Choice, ...]
    #: organisations that promised or were promised something
    parties: tuple[Choice, ...]
    #: the deals' dealmakers ("mijn toezeggingen" picks one of them)
    owners: tuple[Choice, ...]
    total: int


def register_options(ws: Workspace) -> RegisterOptions:
    with ws.read() as s:
        deals = s.execute(select(Deal.id, Deal.name).where(Deal.deleted_at.is_(None))
                          .order_by(func.lower(Deal.name))).all()
        used = set(s.scalars(select(Commitment.from_organisation_id).distinct())) | set(
            s.scalars(select(Commitment.to_organisation_id).distinct()))
        parties = s.execute(select(Organisation.id, Organisation.name)
                            .where(Organisation.id.in_(used), Organisation.deleted_at.is_(None))
                            .order_by(func.lower(Organisation.name))).all() if used else []
        makers = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                                  Person.last_name)
                           .where(Person.id.in_(select(Deal.dealmaker_id).where(
                               Deal.deleted_at.is_(None))), Person.deleted_at.is_(None))
                           .order_by(Person.last_name, Person.first_name)).all()
        total = count_in(s, CommitmentQuery(), date.today())
    return RegisterOptions(tuple(Choice(i, n) for i, n in deals),
                           tuple(Choice(i, n) for i, n in parties),
                           tuple(Choice(r[0], _name(r[1], r[2], r[3])) for r in makers), total)
