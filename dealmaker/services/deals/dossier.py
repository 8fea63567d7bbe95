"""A deal's dossier: its fields, parties, opgaven and themes, money and rule checks,
commitments, pledges (the long lists of other tabs: ``dossier_lists``)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import func, select

from dealmaker.domain.enums import ContributionForm, PartyRole, Sector, Side
from dealmaker.domain.rules import DealMoney, RuleCheck, check_deal
from dealmaker.services.commitments.register import (
    Choice,
    CommitmentQuery,
    CommitmentRow,
    query_commitments,
)
from dealmaker.services.deals.links import OpgaveLine, ThemeLine, opgave_lines, theme_lines
from dealmaker.services.deals.portfolio import Split, deal_money, splits
from dealmaker.services.deals.records import DealData, PartyData
from dealmaker.services.deals.rules import load_rules
from dealmaker.storage.models import (
    Deal,
    DealParty,
    Indicator,
    InteractionDeal,
    Meeting,
    Organisation,
    Person,
    Pledge,
    Position,
)
from dealmaker.storage.workspace import Workspace


@dataclass(frozen=True)
class PartyRow:
    id: str
    organisation_id: str
    organisation: str
    side: Side
    role: PartyRole
    joined_on: date | None
    left_on: date | None

    def data(self) -> PartyData:
        return PartyData(self.organisation_id, self.role, self.joined_on, self.left_on,
                         self.id)


@dataclass(frozen=True)
class PledgeLine:
    id: str
    organisation: str
    sector: Sector
    form: ContributionForm
    year: int
    pledged_cents: int
    realised_cents: int


@dataclass(frozen=True)
class DealDossier:
    id: str
    data: DealData
    dealmaker: str
    parties: tuple[PartyRow, ...]
    money: DealMoney
    split: Split
    checks: tuple[RuleCheck, ...]
    commitments: tuple[CommitmentRow, ...]
    pledges: tuple[PledgeLine, ...]
    opgaven: tuple[OpgaveLine, ...] = ()
    themes: tuple[ThemeLine, ...] = ()
    #: how many contact moments, meetings and indicators (their tabs read them later)
    counts: tuple[int, int, int] = (0, 0, 0)


#: a dossier shows this many commitments (the register has them all)
COMMITMENT_LIMIT = 500


def deal_dossier(ws: Workspace, deal_id: str) -> DealDossier:
    with ws.read() as s:
        deal = s.get(Deal, deal_id)
        if deal is None or deal.deleted_at is not None:
            raise LookupError("Deze deal bestaat niet (meer).")
        data = DealData(**{f.name: getattr(deal, f.name) for f in fields(DealData)
                           if f.name != "aliases"}, aliases=tuple(deal.aliases))
        maker = s.get(Person, deal.dealmaker_id) if deal.dealmaker_id else None
        parties = tuple(PartyRow(dp.id, o.id, o.name, o.side, dp.role, dp.joined_on,
                                 dp.left_on) for dp, o in s.execute(
            select(DealParty, Organisation).join(
                Organisation, Organisation.id == DealParty.organisation_id)
            .where(DealParty.deal_id == deal_id, DealParty.deleted_at.is_(None))
            .order_by(DealParty.role, func.lower(Organisation.name))))
        pledges = tuple(PledgeLine(p.id, name, p.sector, p.form, p.year, p.pledged_cents,
                                   p.realised_cents) for p, name in s.execute(
            select(Pledge, Organisation.name).join(
                Organisation, Organisation.id == Pledge.organisation_id)
            .where(Pledge.deal_id == deal_id, Pledge.deleted_at.is_(None))
            .order_by(Pledge.year, func.lower(Organisation.name))))
        split = splits(s, deal_id).get(deal_id, Split())
        rules = load_rules(s).for_tranche(deal.tranche)
        maker_name = maker.full_name if maker is not None else ""
        opgaven = opgave_lines(s, deal_id)
        themes = theme_lines(s, deal_id, opgaven)
        counts = tuple(int(s.scalar(select(func.count()).select_from(m).where(
            m.deal_id == deal_id, m.deleted_at.is_(None))) or 0)
            for m in (InteractionDeal, Meeting, Indicator))
    money = deal_money((data.requested_cents, data.granted_cents), split)
    commitments = tuple(query_commitments(ws, CommitmentQuery(deal_id=deal_id), 0,
                                          COMMITMENT_LIMIT))
    return DealDossier(deal_id, data, maker_name, parties, money, split,
                       tuple(check_deal(rules, money)), commitments, pledges, opgaven, themes,
                       (counts[0], counts[1], counts[2]))


def dealmaker_choices(ws: Workspace) -> tuple[Choice, ...]:
    """Who can be a deal's dealmaker: a Rijk official (a current position at a Rijk
    organisation) or someone who is a dealmaker already."""
    rijk = (select(Position.person_id).join(Organisation,
                                            Organisation.id == Position.organisation_id)
            .where(Organisation.side == Side.RIJK, Position.end_date.is_(None),
                   Position.deleted_at.is_(None)))
    makers = select(Deal.dealmaker_id).where(Deal.deleted_at.is_(None))
    with ws.read() as s:
        rows = s.execute(select(Person.id, Person.first_name, Person.tussenvoegsel,
                                Person.last_name)
                         .where(Person.id.in_(rijk.union(makers)),
                                Person.deleted_at.is_(None))
                         .order_by(Person.last_name, Person.first_name)).all()
    return tuple(Choice(r[0], " ".join(p for p in r[1:] if p)) for r in rows)
