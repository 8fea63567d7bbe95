"""Recent-record tables of deals, money, commitments, monitoring and everything."""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import CommitmentState, DealPhase
from dealmaker.domain.money import format_eur
from dealmaker.domain.rules import cofinancing_breaches
from dealmaker.services.overview.common import (
    _Breach,
    _fold,
    _label,
    _live,
    _names_by_id,
    _recent,
    _regional_pledged,
    _rijk_amount,
    format_decimal,
    format_moment,
    format_number,
    person_name,
)
from dealmaker.services.overview.people_tables import UPDATED
from dealmaker.services.overview.types import Column, RecentRow, RecentTable
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Entity,
    Indicator,
    Meeting,
    Organisation,
    Person,
    Pledge,
)


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


