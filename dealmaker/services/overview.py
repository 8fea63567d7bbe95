"""Per sidebar page: live counts and the most recent records, as display-ready plain data.

Qt-free. Every query is a ``count(*)`` or an indexed ``ORDER BY ... LIMIT`` (``updated_at``
on every entity, ``occurred_on`` and ``held_on`` for dated records); related names for
the few rows shown are fetched with one ``IN`` query, never by loading a whole table.
Labels are Dutch source strings; the window passes them through Qt's translator.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import CommitmentState, DealPhase, Labeled, Side, TrafficLight
from dealmaker.domain.money import Cents, format_eur
from dealmaker.domain.rules import cofinancing_breaches
from dealmaker.storage.models import (
    Adjustment,
    Commitment,
    Deal,
    Entity,
    Indicator,
    Interaction,
    InteractionParticipant,
    Measurement,
    Meeting,
    Organisation,
    Person,
    Pledge,
    Position,
    Project,
    Relation,
)
from dealmaker.storage.workspace import Workspace

#: How many recent records a page table shows.
RECENT_LIMIT = 50

SortValue = str | int | date | datetime | Decimal | None

OPEN_STATES = tuple(s for s in CommitmentState if s.is_open)


@dataclass(frozen=True)
class Count:
    """One figure on a page: a label, its value and how to show it."""

    label: str
    value: int
    text: str
    #: draws attention (overdue, rule broken) when the value is not zero
    warning: bool = False


@dataclass(frozen=True)
class Column:
    """A table column: stable key, Dutch header, numeric (right-aligned), widest column."""

    key: str
    label: str
    numeric: bool = False
    stretch: bool = False


@dataclass(frozen=True)
class RecentRow:
    """One record: its id, the texts to show and typed values to sort on."""

    id: str
    values: tuple[str, ...]
    sort_values: tuple[SortValue, ...]
    #: indexes of the columns that need attention (overdue, rule broken)
    attention: frozenset[int] = frozenset()


@dataclass(frozen=True)
class RecentTable:
    """A titled list of recent records of one kind."""

    key: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[RecentRow, ...]
    #: shown when there are no rows
    empty_text: str = "Nog niets vastgelegd."


@dataclass(frozen=True)
class PageSummary:
    """What a sidebar page shows: counts and one or more recent-record tables."""

    key: str
    counts: tuple[Count, ...]
    tables: tuple[RecentTable, ...] = field(default_factory=tuple)

    @property
    def columns(self) -> list[str]:
        """Headers of the first table."""
        return [c.label for c in self.tables[0].columns] if self.tables else []

    @property
    def rows(self) -> tuple[RecentRow, ...]:
        """Rows of the first table."""
        return self.tables[0].rows if self.tables else ()

    def count(self, label: str) -> int:
        """The value of the count called ``label`` (KeyError if absent)."""
        for c in self.counts:
            if c.label == label:
                return c.value
        raise KeyError(label)


# --------------------------------------------------------------------------- formatting


def format_number(value: int) -> str:
    """``50000`` -> ``50.000`` (Dutch thousands separator)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: Decimal | None) -> str:
    """``Decimal('1234.5')`` -> ``1.234,5``; ``None`` -> empty."""
    if value is None:
        return ""
    return f"{value:,}".replace(",", "_").replace(".", ",").replace("_", ".")


def format_moment(value: datetime | None) -> str:
    """A stored UTC moment in local time: ``dd-mm-jjjj hh:mm``."""
    if value is None:
        return ""
    local = value.astimezone()
    return f"{format_date(local)} {local:%H:%M}"


def person_name(first: str | None, tussen: str | None, last: str | None) -> str:
    return " ".join(p for p in (first, tussen, last) if p)


def _label(value: Labeled | None) -> str:
    return value.label if value is not None else ""


def _fold(text: str) -> str:
    return text.casefold()


def _num(label: str, value: int | None, *, warning: bool = False) -> Count:
    v = int(value or 0)
    return Count(label, v, format_number(v), warning=warning and v > 0)


def _money(label: str, cents: Cents | None) -> Count:
    v = int(cents or 0)
    return Count(label, v, format_eur(v))


def _shorten(text: str, width: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


# --------------------------------------------------------------------------- queries


def _live(model: type[Entity]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def _count(model: type[Entity], *where: ColumnElement[bool]) -> Select[Any]:
    return select(func.count()).select_from(model).where(_live(model), *where)


def _counts(session: Session, queries: Sequence[Select[Any]]) -> list[int]:
    """Run several ``count(*)`` queries in one round trip."""
    stmt = select(*(q.scalar_subquery() for q in queries))
    row = session.execute(stmt).one()
    return [int(v or 0) for v in row]


def _recent(model: type[Entity], *cols: Any, order: Any = None,
            limit: int = RECENT_LIMIT) -> Select[Any]:
    """Newest live rows of ``model`` by an indexed column (``updated_at`` by default)."""
    key = model.updated_at if order is None else order
    return (select(model.id, *cols).where(_live(model))
            .order_by(key.desc(), model.id.desc()).limit(limit))


def _names_by_id(session: Session, model: type[Organisation] | type[Deal],
                 ids: Iterable[str | None]) -> dict[str, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
    return {r[0]: r[1] for r in rows}


def _regional_pledged(session: Session) -> dict[str, int]:
    """Per deal: regional (Regio-side) cofinancing pledged, in cents."""
    stmt = (select(Pledge.deal_id, func.sum(Pledge.pledged_cents))
            .join(Organisation, Organisation.id == Pledge.organisation_id)
            .where(_live(Pledge), Organisation.side == Side.REGIO)
            .group_by(Pledge.deal_id))
    return {r[0]: int(r[1] or 0) for r in session.execute(stmt)}


def _rijk_amount(granted: Cents | None, requested: Cents | None) -> Cents | None:
    """The Rijksbijdrage checked: what was granted, else what was requested."""
    return granted if granted is not None else requested


@dataclass(frozen=True)
class _Breach:
    deal_id: str
    name: str
    rijk: Cents | None
    regional: Cents
    message: str
    updated_at: datetime


def _breaches(session: Session) -> list[_Breach]:
    """Deals that break the cofinancing rule (one small GROUP BY plus the deal list)."""
    regional = _regional_pledged(session)
    deals = session.execute(
        select(Deal.id, Deal.name, Deal.granted_cents, Deal.requested_cents, Deal.updated_at)
        .where(_live(Deal)))
    found = []
    for deal_id, name, granted, requested, updated in deals:
        rijk = _rijk_amount(granted, requested)
        regio = regional.get(deal_id, 0)
        broken = cofinancing_breaches(rijk, [regio])
        if broken:
            found.append(_Breach(deal_id, name, rijk, regio,
                                 "; ".join(b.message for b in broken), updated))
    found.sort(key=lambda b: _fold(b.name))
    return found


def _open_commitments(today: date) -> tuple[Select[Any], Select[Any]]:
    open_q = _count(Commitment, Commitment.state.in_(OPEN_STATES))
    overdue_q = _count(Commitment, Commitment.state.in_(OPEN_STATES), Commitment.due_on < today)
    return open_q, overdue_q


# --------------------------------------------------------------------------- tables

UPDATED = Column("updated_at", "Gewijzigd")


def _contacts_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Person, Person.first_name, Person.tussenvoegsel, Person.last_name, Person.email,
        Person.phone, Person.updated_at, limit=limit)).all()
    ids = [r[0] for r in rows]
    current: dict[str, tuple[str, str]] = {}
    if ids:
        pos = session.execute(
            select(Position.person_id, Position.title, Organisation.name)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(Position.person_id.in_(ids), _live(Position), Position.end_date.is_(None))
            .order_by(Position.start_date))
        for person_id, title, org in pos:  # the latest start wins
            current[person_id] = (title, org)
    out = []
    for pid, first, tussen, last, email, phone, updated in rows:
        name = person_name(first, tussen, last)
        title, org = current.get(pid, ("", ""))
        out.append(RecentRow(
            pid, (name, title, org, email, phone, format_moment(updated)),
            (_fold(f"{last} {first} {tussen}"), _fold(title), _fold(org), _fold(email),
             phone, updated)))
    cols = (Column("name", "Naam"), Column("title", "Functie"),
            Column("organisation", "Organisatie", stretch=True), Column("email", "E-mail"),
            Column("phone", "Telefoon"), UPDATED)
    return RecentTable("contacts", "Recent gewijzigde contacten", cols, tuple(out),
                       "Nog geen contacten in deze werkruimte.")


def _interactions_table(session: Session, limit: int, today: date) -> RecentTable:
    rows = session.execute(_recent(
        Interaction, Interaction.occurred_on, Interaction.kind, Interaction.summary,
        Interaction.follow_up_on, Interaction.follow_up_done_on,
        order=Interaction.occurred_on, limit=limit)).all()
    ids = [r[0] for r in rows]
    names: dict[str, list[str]] = defaultdict(list)
    if ids:
        parts = session.execute(
            select(InteractionParticipant.interaction_id, Person.first_name,
                   Person.tussenvoegsel, Person.last_name)
            .join(Person, Person.id == InteractionParticipant.person_id)
            .where(InteractionParticipant.interaction_id.in_(ids),
                   _live(InteractionParticipant))
            .order_by(Person.last_name))
        for iid, first, tussen, last in parts:
            names[iid].append(person_name(first, tussen, last))
    out = []
    for iid, occurred, kind, summary, follow, done in rows:
        who = names.get(iid, [])
        who_text = ", ".join(who[:3]) + (f" +{len(who) - 3}" if len(who) > 3 else "")
        follow_text = format_date(follow) + (" (gedaan)" if follow and done else "")
        late = follow is not None and done is None and follow < today
        out.append(RecentRow(
            iid, (format_date(occurred), _label(kind), who_text, _shorten(summary),
                  follow_text),
            (occurred, _label(kind), _fold(who_text), _fold(summary), follow),
            frozenset({4}) if late else frozenset()))
    cols = (Column("occurred_on", "Datum"), Column("kind", "Soort"),
            Column("participants", "Deelnemers"),
            Column("summary", "Samenvatting", stretch=True), Column("follow_up_on", "Opvolging"))
    return RecentTable("interactions", "Recente contactmomenten", cols, tuple(out),
                       "Nog geen contactmomenten vastgelegd.")


def _organisations_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Organisation, Organisation.name, Organisation.short_name, Organisation.kind,
        Organisation.side, Organisation.helix, Organisation.updated_at, limit=limit)).all()
    out = [RecentRow(
        oid, (name, short or "", _label(kind), _label(side), _label(helix),
              format_moment(updated)),
        (_fold(name), _fold(short or ""), _label(kind), _label(side), _label(helix), updated))
        for oid, name, short, kind, side, helix, updated in rows]
    cols = (Column("name", "Naam", stretch=True), Column("short_name", "Afkorting"),
            Column("kind", "Soort"), Column("side", "Kant"), Column("helix", "Helix"), UPDATED)
    return RecentTable("organisations", "Recent gewijzigde organisaties", cols, tuple(out),
                       "Nog geen organisaties in deze werkruimte.")


def _deals_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Deal, Deal.name, Deal.tranche, Deal.phase, Deal.granted_cents, Deal.requested_cents,
        Deal.signed_on, Deal.ends_on, Deal.updated_at, limit=limit)).all()
    regional = _regional_pledged(session)
    out = []
    for did, name, tranche, phase, granted, requested, signed, ends, updated in rows:
        rijk = _rijk_amount(granted, requested)
        regio = regional.get(did, 0)
        broken = bool(cofinancing_breaches(rijk, [regio]))
        rule = "" if rijk is None else "buiten regel" if broken else "in orde"
        out.append(RecentRow(
            did, (name, tranche or "", _label(phase), format_eur(rijk), format_eur(regio), rule,
                  format_date(signed), format_date(ends), format_moment(updated)),
            (_fold(name), tranche or "", list(DealPhase).index(phase), rijk, regio, rule,
             signed, ends, updated),
            frozenset({5}) if broken else frozenset()))
    cols = (Column("name", "Deal", stretch=True), Column("tranche", "Tranche"),
            Column("phase", "Fase"), Column("rijk", "Rijksbijdrage", numeric=True),
            Column("regional", "Regionaal toegezegd", numeric=True),
            Column("rule", "Cofinanciering"), Column("signed_on", "Getekend"),
            Column("ends_on", "Looptijd tot"), UPDATED)
    return RecentTable("deals", "Recent gewijzigde deals", cols, tuple(out),
                       "Nog geen deals in deze werkruimte.")


def _commitments_table(session: Session, limit: int, today: date) -> RecentTable:
    rows = session.execute(_recent(
        Commitment, Commitment.title, Commitment.deal_id, Commitment.state,
        Commitment.from_organisation_id, Commitment.to_organisation_id,
        Commitment.amount_cents, Commitment.due_on, Commitment.updated_at,
        limit=limit)).all()
    orgs = _names_by_id(session, Organisation, [r[4] for r in rows] + [r[5] for r in rows])
    deals = _names_by_id(session, Deal, [r[2] for r in rows])
    out = []
    for cid, title, deal_id, state, frm, to, amount, due, updated in rows:
        late = due is not None and due < today and state.is_open
        deal = deals.get(deal_id or "", "")
        out.append(RecentRow(
            cid, (title, deal, _label(state), orgs.get(frm, ""), orgs.get(to, ""),
                  format_eur(amount), format_date(due), format_moment(updated)),
            (_fold(title), _fold(deal), list(CommitmentState).index(state),
             _fold(orgs.get(frm, "")), _fold(orgs.get(to, "")), amount, due, updated),
            frozenset({6}) if late else frozenset()))
    cols = (Column("title", "Toezegging", stretch=True), Column("deal", "Deal"),
            Column("state", "Status"), Column("from", "Van"), Column("to", "Aan"),
            Column("amount", "Bedrag", numeric=True), Column("due_on", "Uiterlijk"), UPDATED)
    return RecentTable("commitments", "Recent gewijzigde toezeggingen", cols, tuple(out),
                       "Nog geen toezeggingen vastgelegd.")


def _pledges_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Pledge, Pledge.deal_id, Pledge.organisation_id, Pledge.sector, Pledge.form,
        Pledge.year, Pledge.pledged_cents, Pledge.realised_cents, Pledge.updated_at,
        limit=limit)).all()
    orgs = _names_by_id(session, Organisation, [r[2] for r in rows])
    deals = _names_by_id(session, Deal, [r[1] for r in rows])
    out = []
    for pid, deal_id, org_id, sector, form, year, pledged, realised, updated in rows:
        deal, org = deals.get(deal_id, ""), orgs.get(org_id, "")
        out.append(RecentRow(
            pid, (deal, org, _label(sector), _label(form), str(year), format_eur(pledged),
                  format_eur(realised), format_moment(updated)),
            (_fold(deal), _fold(org), _label(sector), _label(form), year, pledged, realised,
             updated)))
    cols = (Column("deal", "Deal"), Column("organisation", "Cofinancier", stretch=True),
            Column("sector", "Sector"), Column("form", "Vorm"),
            Column("year", "Jaar", numeric=True),
            Column("pledged", "Toegezegd", numeric=True),
            Column("realised", "Gerealiseerd", numeric=True), UPDATED)
    return RecentTable("pledges", "Recent gewijzigde bijdragen", cols, tuple(out),
                       "Nog geen cofinanciering vastgelegd.")


def _breaches_table(breaches: list[_Breach]) -> RecentTable:
    out = tuple(RecentRow(
        b.deal_id, (b.name, format_eur(b.rijk), format_eur(b.regional), b.message),
        (_fold(b.name), b.rijk, b.regional, b.message)) for b in breaches)
    cols = (Column("deal", "Deal"), Column("rijk", "Rijksbijdrage", numeric=True),
            Column("regional", "Regionaal toegezegd", numeric=True),
            Column("rule", "Wat er niet klopt", stretch=True))
    return RecentTable("breaches", "Deals buiten de cofinancieringsregel", cols, out,
                       "Alle deals voldoen aan de cofinancieringsregel.")


def _relations_table(session: Session, limit: int) -> RecentTable:
    src, tgt = aliased(Person), aliased(Person)
    stmt = (select(Relation.id, src.first_name, src.tussenvoegsel, src.last_name,
                   tgt.first_name, tgt.tussenvoegsel, tgt.last_name, Organisation.name,
                   Relation.kind, Relation.strength, Relation.since, Relation.updated_at)
            .outerjoin(src, src.id == Relation.source_person_id)
            .outerjoin(tgt, tgt.id == Relation.target_person_id)
            .outerjoin(Organisation, Organisation.id == Relation.target_organisation_id)
            .where(_live(Relation))
            .order_by(Relation.updated_at.desc(), Relation.id.desc()).limit(limit))
    out = []
    for rid, f1, t1, l1, f2, t2, l2, org, kind, strength, since, updated in session.execute(stmt):
        source = person_name(f1, t1, l1)
        target = org if org else person_name(f2, t2, l2)
        out.append(RecentRow(
            rid, (source, target, _label(kind), "●" * strength + "○" * (5 - strength),
                  format_date(since), format_moment(updated)),
            (_fold(source), _fold(target), _label(kind), strength, since, updated)))
    cols = (Column("source", "Van"), Column("target", "Naar", stretch=True),
            Column("kind", "Soort"), Column("strength", "Sterkte"), Column("since", "Sinds"),
            UPDATED)
    return RecentTable("relations", "Recent gewijzigde relaties", cols, tuple(out),
                       "Nog geen relaties in het connectieplan.")


def _indicators_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Indicator, Indicator.name, Indicator.deal_id, Indicator.level, Indicator.unit,
        Indicator.baseline_value, Indicator.target_value, Indicator.updated_at,
        limit=limit)).all()
    deals = _names_by_id(session, Deal, [r[2] for r in rows])
    out = []
    for iid, name, deal_id, level, unit, base, target, updated in rows:
        deal = deals.get(deal_id, "")
        suffix = f" {unit}" if unit else ""
        out.append(RecentRow(
            iid, (name, deal, _label(level), format_decimal(base) + (suffix if base else ""),
                  format_decimal(target) + (suffix if target else ""), format_moment(updated)),
            (_fold(name), _fold(deal), _label(level), base, target, updated)))
    cols = (Column("name", "Indicator", stretch=True), Column("deal", "Deal"),
            Column("level", "Niveau"), Column("baseline", "Nulmeting", numeric=True),
            Column("target", "Streefwaarde", numeric=True), UPDATED)
    return RecentTable("indicators", "Recent gewijzigde indicatoren", cols, tuple(out),
                       "Nog geen indicatoren vastgelegd.")


def _meetings_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(
        Meeting, Meeting.held_on, Meeting.kind, Meeting.title, Meeting.deal_id,
        order=Meeting.held_on, limit=limit)).all()
    deals = _names_by_id(session, Deal, [r[4] for r in rows])
    out = []
    for mid, held, kind, title, deal_id in rows:
        deal = deals.get(deal_id or "", "")
        title = title or _label(kind)
        out.append(RecentRow(mid, (format_date(held), _label(kind), title, deal),
                             (held, _label(kind), _fold(title), _fold(deal))))
    cols = (Column("held_on", "Datum"), Column("kind", "Soort"),
            Column("title", "Onderwerp", stretch=True), Column("deal", "Deal"))
    return RecentTable("meetings", "Recente overleggen", cols, tuple(out),
                       "Nog geen overleggen vastgelegd.")


def _export_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(_recent(Deal, Deal.name, Deal.phase, Deal.updated_at,
                                   limit=limit)).all()
    ids = [r[0] for r in rows]
    kinds: tuple[tuple[str, Any], ...] = (
        ("commitments", Commitment.deal_id), ("pledges", Pledge.deal_id),
        ("indicators", Indicator.deal_id), ("meetings", Meeting.deal_id))
    per: dict[str, dict[str, int]] = defaultdict(dict)
    if ids:
        for key, deal_col in kinds:
            model = deal_col.class_
            stmt = (select(deal_col, func.count()).where(deal_col.in_(ids), _live(model))
                    .group_by(deal_col))
            for deal_id, count in session.execute(stmt):
                per[deal_id][key] = int(count)
    out = []
    for did, name, phase, updated in rows:
        found = per.get(did, {})
        nums = [found.get(k, 0) for k, _col in kinds]
        out.append(RecentRow(
            did, (name, _label(phase), *(format_number(x) for x in nums), format_moment(updated)),
            (_fold(name), list(DealPhase).index(phase), *nums, updated)))
    cols = (Column("deal", "Deal", stretch=True), Column("phase", "Fase"),
            Column("commitments", "Toezeggingen", numeric=True),
            Column("pledges", "Bijdragen", numeric=True),
            Column("indicators", "Indicatoren", numeric=True),
            Column("meetings", "Overleggen", numeric=True), UPDATED)
    return RecentTable("export", "Wat er per deal te exporteren is", cols, tuple(out),
                       "Nog geen deals om te exporteren.")


_KIND_DESCRIPTIONS: tuple[tuple[str, type[Entity], Callable[[Any], Any]], ...] = (
    ("Contact", Person, lambda m: (m.first_name, m.tussenvoegsel, m.last_name)),
    ("Organisatie", Organisation, lambda m: (m.name,)),
    ("Deal", Deal, lambda m: (m.name,)),
    ("Toezegging", Commitment, lambda m: (m.title,)),
    ("Indicator", Indicator, lambda m: (m.name,)),
    ("Overleg", Meeting, lambda m: (m.title,)),
)


def _recent_everything(session: Session, limit: int) -> RecentTable:
    """The newest changes over the main kinds: one indexed LIMIT query per kind, merged."""
    streams = []
    for kind, model, describe in _KIND_DESCRIPTIONS:
        rows = session.execute(_recent(model, model.updated_at, *describe(model), limit=limit))
        streams.append([(r[1], kind, r[0], person_name(*r[2:]) if len(r) > 3 else r[2])
                        for r in rows])
    merged = heapq.merge(*streams, key=lambda t: t[0], reverse=True)
    out = []
    for updated, kind, rid, text in list(merged)[:limit]:
        out.append(RecentRow(rid, (format_moment(updated), kind, text),
                             (updated, kind, _fold(text))))
    cols = (Column("updated_at", "Gewijzigd"), Column("kind", "Soort"),
            Column("description", "Omschrijving", stretch=True))
    return RecentTable("recent", "Recent gewijzigd", cols, tuple(out),
                       "Deze werkruimte is nog leeg. Kies Bestand > Nieuwe demowerkruimte "
                       "om met voorbeeldgegevens te beginnen.")


# --------------------------------------------------------------------------- pages


def _overview(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = _open_commitments(today)
    n = _counts(s, [_count(Person), _count(Organisation), _count(Deal), _count(Commitment),
                    open_q, overdue_q, _count(Pledge), _count(Relation), _count(Interaction),
                    _count(Indicator), _count(Meeting)])
    breaches = _breaches(s)
    counts = (
        _num("Contacten", n[0]), _num("Organisaties", n[1]), _num("Deals", n[2]),
        _num("Toezeggingen", n[3]), _num("Open toezeggingen", n[4]),
        _num("Verlopen toezeggingen", n[5], warning=True),
        _num("Deals buiten cofinancieringsregel", len(breaches), warning=True),
        _num("Bijdragen", n[6]), _num("Relaties", n[7]), _num("Contactmomenten", n[8]),
        _num("Indicatoren", n[9]), _num("Overleggen", n[10]),
    )
    return PageSummary("overzicht", counts,
                       (_recent_everything(s, limit), _breaches_table(breaches)))


def _contacts(s: Session, limit: int, today: date) -> PageSummary:
    # one pass over the 500,000 interactions instead of a scan plus two index walks
    pending = and_(Interaction.follow_up_on.is_not(None), Interaction.follow_up_done_on.is_(None))
    late = and_(pending, Interaction.follow_up_on < today)
    moments, open_follow, late_follow = s.execute(
        select(func.count(), func.sum(case((pending, 1), else_=0)),
               func.sum(case((late, 1), else_=0)))
        .where(_live(Interaction))).one()
    counts = (_num("Contacten", _counts(s, [_count(Person)])[0]),
              _num("Contactmomenten", moments), _num("Open opvolgingen", open_follow),
              _num("Verlopen opvolgingen", late_follow, warning=True))
    return PageSummary("contacten", counts,
                       (_contacts_table(s, limit), _interactions_table(s, limit, today)))


def _organisations(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Organisation), _count(Organisation, Organisation.side == Side.RIJK),
                    _count(Organisation, Organisation.side == Side.REGIO),
                    _count(Position, Position.end_date.is_(None))])
    counts = (_num("Organisaties", n[0]), _num("Rijk", n[1]), _num("Regio", n[2]),
              _num("Actuele functies", n[3]))
    return PageSummary("organisaties", counts, (_organisations_table(s, limit),))


def _deals(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Deal), _count(Deal, Deal.phase == DealPhase.UITVOERING)])
    granted = s.execute(select(func.sum(Deal.granted_cents)).where(_live(Deal))).scalar()
    breaches = _breaches(s)
    counts = (_num("Deals", n[0]), _num("In uitvoering", n[1]),
              _num("Buiten cofinancieringsregel", len(breaches), warning=True),
              _money("Rijksbijdrage toegekend", granted))
    return PageSummary("deals", counts, (_deals_table(s, limit),))


def _commitments(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = _open_commitments(today)
    n = _counts(s, [_count(Commitment), open_q, overdue_q,
                    _count(Commitment, Commitment.state.in_(OPEN_STATES),
                           Commitment.within_mandate.is_(False))])
    counts = (_num("Toezeggingen", n[0]), _num("Open", n[1]),
              _num("Verlopen", n[2], warning=True), _num("Open buiten mandaat", n[3],
                                                         warning=True))
    return PageSummary("toezeggingen", counts, (_commitments_table(s, limit, today),))


def _cofinancing(s: Session, limit: int, today: date) -> PageSummary:
    sums = s.execute(select(func.count(), func.sum(Pledge.pledged_cents),
                            func.sum(Pledge.realised_cents)).where(_live(Pledge))).one()
    breaches = _breaches(s)
    counts = (_num("Bijdragen", sums[0]), _money("Toegezegd", sums[1]),
              _money("Gerealiseerd", sums[2]),
              _num("Deals buiten cofinancieringsregel", len(breaches), warning=True))
    return PageSummary("cofinanciering", counts,
                       (_pledges_table(s, limit), _breaches_table(breaches)))


def _connectieplan(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Relation), _count(Relation, Relation.target_person_id.is_not(None)),
                    _count(Relation, Relation.target_organisation_id.is_not(None))])
    counts = (_num("Relaties", n[0]), _num("Tussen personen", n[1]),
              _num("Met organisaties", n[2]))
    return PageSummary("connectieplan", counts, (_relations_table(s, limit),))


def _monitoring(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Indicator), _count(Measurement), _count(Project),
                    _count(Project, Project.status == TrafficLight.ROOD), _count(Meeting),
                    _count(Adjustment)])
    counts = (_num("Indicatoren", n[0]), _num("Metingen", n[1]), _num("Projecten", n[2]),
              _num("Projecten op rood", n[3], warning=True), _num("Overleggen", n[4]),
              _num("Bijsturingen", n[5]))
    return PageSummary("monitoring", counts,
                       (_indicators_table(s, limit), _meetings_table(s, limit)))


def _export(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Deal), _count(Commitment), _count(Pledge), _count(Indicator),
                    _count(Meeting)])
    counts = (_num("Deals", n[0]), _num("Toezeggingen", n[1]), _num("Bijdragen", n[2]),
              _num("Indicatoren", n[3]), _num("Overleggen", n[4]))
    return PageSummary("export", counts, (_export_table(s, limit),))


_PAGES: dict[str, Callable[[Session, int, date], PageSummary]] = {
    "overzicht": _overview,
    "contacten": _contacts,
    "organisaties": _organisations,
    "deals": _deals,
    "toezeggingen": _commitments,
    "cofinanciering": _cofinancing,
    "connectieplan": _connectieplan,
    "monitoring": _monitoring,
    "export": _export,
}

#: The sidebar pages, in order.
PAGE_KEYS: tuple[str, ...] = tuple(_PAGES)

#: The tables each page reads: a ``Changes`` touching one of them makes it reload.
PAGE_TABLES: dict[str, frozenset[str]] = {
    "overzicht": frozenset({"person", "organisation", "deal", "commitment", "pledge",
                            "relation", "interaction", "indicator", "meeting"}),
    "contacten": frozenset({"person", "position", "organisation", "interaction",
                            "interaction_participant"}),
    "organisaties": frozenset({"organisation", "position"}),
    "deals": frozenset({"deal", "pledge", "organisation"}),
    "toezeggingen": frozenset({"commitment", "organisation", "deal"}),
    "cofinanciering": frozenset({"pledge", "deal", "organisation"}),
    "connectieplan": frozenset({"relation", "person", "organisation"}),
    "monitoring": frozenset({"indicator", "measurement", "project", "meeting", "adjustment",
                             "deal"}),
    "export": frozenset({"deal", "commitment", "pledge", "indicator", "meeting"}),
}


def page_summary(ws: Workspace, page_key: str, *, limit: int = RECENT_LIMIT,
                 today: date | None = None) -> PageSummary:
    """Counts and recent records for the sidebar page ``page_key`` (one short session)."""
    try:
        build = _PAGES[page_key]
    except KeyError:
        raise ValueError(f"onbekende pagina: {page_key}") from None
    with ws.read() as session:
        return build(session, limit, today or date.today())
