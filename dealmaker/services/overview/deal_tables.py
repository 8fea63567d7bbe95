"""Recent-record tables of deals, money, commitments, monitoring and everything."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import CommitmentState, DealPhase
from dealmaker.domain.money import format_eur
from dealmaker.domain.rules import cofinancing_breaches
from dealmaker.services.overview.common import (
    Breach,
    fold,
    format_decimal,
    format_moment,
    format_number,
    is_live,
    label_of,
    names_by_id,
    recent_rows,
    regional_pledged,
    rijk_amount,
)
from dealmaker.services.overview.people_tables import UPDATED
from dealmaker.services.overview.types import Column, RecentRow, RecentTable
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Indicator,
    Meeting,
    Organisation,
    Pledge,
)


def deals_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Deal, Deal.name, Deal.tranche, Deal.phase, Deal.granted_cents, Deal.requested_cents,
        Deal.signed_on, Deal.ends_on, Deal.updated_at, limit=limit)).all()
    regional = regional_pledged(session)
    out = []
    for did, name, tranche, phase, granted, requested, signed, ends, updated in rows:
        rijk = rijk_amount(granted, requested)
        regio = regional.get(did, 0)
        broken = bool(cofinancing_breaches(rijk, [regio]))
        rule = "" if rijk is None else "buiten regel" if broken else "in orde"
        out.append(RecentRow(
            did, (name, tranche or "", label_of(phase), format_eur(rijk), format_eur(regio), rule,
                  format_date(signed), format_date(ends), format_moment(updated)),
            (fold(name), tranche or "", list(DealPhase).index(phase), rijk, regio, rule,
             signed, ends, updated),
            frozenset({5}) if broken else frozenset()))
    cols = (Column("name", "Deal", stretch=True), Column("tranche", "Tranche"),
            Column("phase", "Fase"), Column("rijk", "Rijksbijdrage", numeric=True),
            Column("regional", "Regionaal toegezegd", numeric=True),
            Column("rule", "Cofinanciering"), Column("signed_on", "Getekend"),
            Column("ends_on", "Looptijd tot"), UPDATED)
    return RecentTable("deals", "Recent gewijzigde deals", cols, tuple(out),
                       "Nog geen deals in deze werkruimte.")


def commitments_table(session: Session, limit: int, today: date) -> RecentTable:
    rows = session.execute(recent_rows(
        Commitment, Commitment.title, Commitment.deal_id, Commitment.state,
        Commitment.from_organisation_id, Commitment.to_organisation_id,
        Commitment.amount_cents, Commitment.due_on, Commitment.updated_at,
        limit=limit)).all()
    orgs = names_by_id(session, Organisation, [r[4] for r in rows] + [r[5] for r in rows])
    deals = names_by_id(session, Deal, [r[2] for r in rows])
    out = []
    for cid, title, deal_id, state, frm, to, amount, due, updated in rows:
        late = due is not None and due < today and state.is_open
        deal = deals.get(deal_id or "", "")
        out.append(RecentRow(
            cid, (title, deal, label_of(state), orgs.get(frm, ""), orgs.get(to, ""),
                  format_eur(amount), format_date(due), format_moment(updated)),
            (fold(title), fold(deal), list(CommitmentState).index(state),
             fold(orgs.get(frm, "")), fold(orgs.get(to, "")), amount, due, updated),
            frozenset({6}) if late else frozenset()))
    cols = (Column("title", "Toezegging", stretch=True), Column("deal", "Deal"),
            Column("state", "Status"), Column("from", "Van"), Column("to", "Aan"),
            Column("amount", "Bedrag", numeric=True), Column("due_on", "Uiterlijk"), UPDATED)
    return RecentTable("commitments", "Recent gewijzigde toezeggingen", cols, tuple(out),
                       "Nog geen toezeggingen vastgelegd.")


def pledges_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Pledge, Pledge.deal_id, Pledge.organisation_id, Pledge.sector, Pledge.form,
        Pledge.year, Pledge.pledged_cents, Pledge.realised_cents, Pledge.updated_at,
        limit=limit)).all()
    orgs = names_by_id(session, Organisation, [r[2] for r in rows])
    deals = names_by_id(session, Deal, [r[1] for r in rows])
    out = []
    for pid, deal_id, org_id, sector, form, year, pledged, realised, updated in rows:
        deal, org = deals.get(deal_id, ""), orgs.get(org_id, "")
        out.append(RecentRow(
            pid, (deal, org, label_of(sector), label_of(form), str(year), format_eur(pledged),
                  format_eur(realised), format_moment(updated)),
            (fold(deal), fold(org), label_of(sector), label_of(form), year, pledged, realised,
             updated)))
    cols = (Column("deal", "Deal"), Column("organisation", "Cofinancier", stretch=True),
            Column("sector", "Sector"), Column("form", "Vorm"),
            Column("year", "Jaar", numeric=True),
            Column("pledged", "Toegezegd", numeric=True),
            Column("realised", "Gerealiseerd", numeric=True), UPDATED)
    return RecentTable("pledges", "Recent gewijzigde bijdragen", cols, tuple(out),
                       "Nog geen cofinanciering vastgelegd.")


def breaches_table(breaches: list[Breach]) -> RecentTable:
    out = tuple(RecentRow(
        b.deal_id, (b.name, format_eur(b.rijk), format_eur(b.regional), b.message),
        (fold(b.name), b.rijk, b.regional, b.message)) for b in breaches)
    cols = (Column("deal", "Deal"), Column("rijk", "Rijksbijdrage", numeric=True),
            Column("regional", "Regionaal toegezegd", numeric=True),
            Column("rule", "Wat er niet klopt", stretch=True))
    return RecentTable("breaches", "Deals buiten de cofinancieringsregel", cols, out,
                       "Alle deals voldoen aan de cofinancieringsregel.", opens="deal")


def indicators_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Indicator, Indicator.name, Indicator.deal_id, Indicator.level, Indicator.unit,
        Indicator.baseline_value, Indicator.target_value, Indicator.updated_at,
        limit=limit)).all()
    deals = names_by_id(session, Deal, [r[2] for r in rows])
    out = []
    for iid, name, deal_id, level, unit, base, target, updated in rows:
        deal = deals.get(deal_id, "")
        suffix = f" {unit}" if unit else ""
        out.append(RecentRow(
            iid, (name, deal, label_of(level), format_decimal(base) + (suffix if base else ""),
                  format_decimal(target) + (suffix if target else ""), format_moment(updated)),
            (fold(name), fold(deal), label_of(level), base, target, updated)))
    cols = (Column("name", "Indicator", stretch=True), Column("deal", "Deal"),
            Column("level", "Niveau"), Column("baseline", "Nulmeting", numeric=True),
            Column("target", "Streefwaarde", numeric=True), UPDATED)
    return RecentTable("indicators", "Recent gewijzigde indicatoren", cols, tuple(out),
                       "Nog geen indicatoren vastgelegd.")


def meetings_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(
        Meeting, Meeting.held_on, Meeting.kind, Meeting.title, Meeting.deal_id,
        order=Meeting.held_on, limit=limit)).all()
    deals = names_by_id(session, Deal, [r[4] for r in rows])
    out = []
    for mid, held, kind, title, deal_id in rows:
        deal = deals.get(deal_id or "", "")
        title = title or label_of(kind)
        out.append(RecentRow(mid, (format_date(held), label_of(kind), title, deal),
                             (held, label_of(kind), fold(title), fold(deal))))
    cols = (Column("held_on", "Datum"), Column("kind", "Soort"),
            Column("title", "Onderwerp", stretch=True), Column("deal", "Deal"))
    return RecentTable("meetings", "Recente overleggen", cols, tuple(out),
                       "Nog geen overleggen vastgelegd.")


def export_table(session: Session, limit: int) -> RecentTable:
    rows = session.execute(recent_rows(Deal, Deal.name, Deal.phase, Deal.updated_at,
                                   limit=limit)).all()
    ids = [r[0] for r in rows]
    kinds: tuple[tuple[str, Any], ...] = (
        ("commitments", Commitment.deal_id), ("pledges", Pledge.deal_id),
        ("indicators", Indicator.deal_id), ("meetings", Meeting.deal_id))
    per: dict[str, dict[str, int]] = defaultdict(dict)
    if ids:
        for key, deal_col in kinds:
            model = deal_col.class_
            stmt = (select(deal_col, func.count()).where(deal_col.in_(ids), is_live(model))
                    .group_by(deal_col))
            for deal_id, count in session.execute(stmt):
                per[deal_id][key] = int(count)
    out = []
    for did, name, phase, updated in rows:
        found = per.get(did, {})
        nums = [found.get(k, 0) for k, _col in kinds]
        out.append(RecentRow(
            did, (name, label_of(phase), *(format_number(x) for x in nums), format_moment(updated)),
            (fold(name), list(DealPhase).index(phase), *nums, updated)))
    cols = (Column("deal", "Deal", stretch=True), Column("phase", "Fase"),
            Column("commitments", "Toezeggingen", numeric=True),
            Column("pledges", "Bijdragen", numeric=True),
            Column("indicators", "Indicatoren", numeric=True),
            Column("meetings", "Overleggen", numeric=True), UPDATED)
    return RecentTable("export", "Wat er per deal te exporteren is", cols, tuple(out),
                       "Nog geen deals om te exporteren.")


# --------------------------------------------------------------------------- pages


