"""The portfolio: every deal with its money split, Rijk share, rule checks, open and
overdue commitments and last Rijk-regio overleg. Four GROUP BY queries in all."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import (
    CommitmentState,
    ContributionForm,
    DealPhase,
    Sector,
    Side,
)
from dealmaker.domain.rules import DealMoney, RuleCheck, breaches, check_deal, share_pct
from dealmaker.services.deals.rules import load_rules
from dealmaker.services.pledge_history import changed_per_deal, last_overlegs
from dealmaker.storage.models import Commitment, Deal, Organisation, Pledge
from dealmaker.storage.workspace import Workspace

OPEN = tuple(s for s in CommitmentState if s.is_open)


@dataclass(frozen=True)
class Split:
    """Regional cofinancing pledged: public and private in cash, and everything in kind."""

    public: int = 0
    private: int = 0
    in_natura: int = 0
    realised: int = 0

    @property
    def total(self) -> int:
        return self.public + self.private + self.in_natura


@dataclass(frozen=True)
class PortfolioRow:
    id: str
    name: str
    tranche: str
    phase: DealPhase
    rijk: int | None
    split: Split
    share: Decimal | None
    checks: tuple[RuleCheck, ...]
    open_commitments: int
    overdue_commitments: int
    last_overleg: date | None
    #: how many of its pledges changed since that overleg
    changed_since_overleg: int = 0

    @property
    def broken(self) -> list[RuleCheck]:
        return breaches(self.checks)


def splits(s: Session, deal_id: str | None = None) -> dict[str, Split]:
    stmt = (select(Pledge.deal_id, Pledge.sector, Pledge.form,
                   func.sum(Pledge.pledged_cents), func.sum(Pledge.realised_cents))
            .join(Organisation, Organisation.id == Pledge.organisation_id)
            .where(Pledge.deleted_at.is_(None), Organisation.side == Side.REGIO)
            .group_by(Pledge.deal_id, Pledge.sector, Pledge.form))
    if deal_id is not None:
        stmt = stmt.where(Pledge.deal_id == deal_id)
    parts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for did, sector, form, pledged, realised in s.execute(stmt):
        key = ("in_natura" if form is ContributionForm.IN_NATURA else
               "private" if sector is Sector.PRIVAAT else "public")
        parts[did][key] += int(pledged or 0)
        parts[did]["realised"] += int(realised or 0)
    return {did: Split(**p) for did, p in parts.items()}


def commitment_counts(s: Session, today: date) -> dict[str, tuple[int, int]]:
    late = case((Commitment.due_on < today, 1), else_=0)
    stmt = (select(Commitment.deal_id, func.count(), func.sum(late))
            .where(Commitment.deleted_at.is_(None), Commitment.state.in_(OPEN),
                   Commitment.deal_id.is_not(None))
            .group_by(Commitment.deal_id))
    return {did: (int(n), int(k or 0)) for did, n, k in s.execute(stmt)}


def deal_money(deal: tuple[int | None, int | None], split: Split) -> DealMoney:
    requested, granted = deal
    rijk = granted if granted is not None else requested
    return DealMoney(rijk, split.total, split.realised, requested, granted)


def portfolio(ws: Workspace, today: date | None = None) -> list[PortfolioRow]:
    today = today or date.today()
    with ws.read() as s:
        book = load_rules(s)
        money, counts, overleg = splits(s), commitment_counts(s, today), last_overlegs(s)
        changed = changed_per_deal(s, overleg)
        deals = s.execute(select(Deal.id, Deal.name, Deal.tranche, Deal.phase,
                                 Deal.requested_cents, Deal.granted_cents)
                          .where(Deal.deleted_at.is_(None))
                          .order_by(func.lower(Deal.name))).all()
    rows = []
    for did, name, tranche, phase, requested, granted in deals:
        split = money.get(did, Split())
        m = deal_money((requested, granted), split)
        checks = tuple(check_deal(book.for_tranche(tranche), m))
        n_open, n_late = counts.get(did, (0, 0))
        rows.append(PortfolioRow(
            did, name, tranche or "", phase, m.rijk, split,
            share_pct(m.rijk, split.total) if m.rijk is not None else None, checks,
            n_open, n_late, overleg.get(did), changed.get(did, 0)))
    return rows
