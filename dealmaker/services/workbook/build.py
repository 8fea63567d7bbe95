"""The overleg workbook of one deal as plain tables (``export.workbook.Book``)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.progress import Status
from dealmaker.export.workbook.model import DATE, EURO, INT, PERCENT, Book, Summary, SummaryLine
from dealmaker.export.workbook.summary import HEADING
from dealmaker.services.connectieplan import load_plan
from dealmaker.services.workbook.commitments import commitments_table
from dealmaker.services.workbook.finance import MoneyFacts, euros, finance_table
from dealmaker.services.workbook.identity import identity
from dealmaker.services.workbook.monitoring import (
    adjustments_table,
    projects_table,
    voortgang_table,
)
from dealmaker.services.workbook.network import (
    connectieplan_table,
    contacts_table,
    opgaven_table,
)
from dealmaker.storage.models import Deal
from dealmaker.storage.workspace import Workspace


def build_book(ws: Workspace, deal_id: str, year: int, *, with_contacts: bool = False,
               today: date | None = None) -> Book:
    """Everything the overleg of ``year`` discusses; reads only."""
    today = today or date.today()
    plan = load_plan(ws, deal_id, today)
    with ws.read() as s:
        book = deal_book(s, deal_id, year, today)
        name = _name(s, deal_id)
        book.tables += [opgaven_table(plan, name), connectieplan_table(plan, name)]
        if with_contacts:
            book.tables.append(contacts_table(s, plan))
        book.identity = identity(s, deal_id, year)
    return book


def _name(s: Session, deal_id: str) -> str:
    return str(s.scalar(select(Deal.name).where(Deal.id == deal_id)))


def deal_book(s: Session, deal_id: str, year: int, today: date) -> Book:
    """The deal's Samenvatting, Financiën, Toezeggingen, Voortgang, Projecten and
    Bijsturing (not the connectieplan, which reads the whole network)."""
    year_end = date(year, 12, 31)
    peil = min(today, year_end)
    deal = s.scalars(select(Deal).where(Deal.id == deal_id,
                                        Deal.deleted_at.is_(None))).one_or_none()
    if deal is None:
        raise LookupError("deze deal bestaat niet (meer)")
    name = deal.name
    finance, money = finance_table(s, deal_id, name)
    commitments, promised = commitments_table(s, deal_id, name, year_end, peil)
    voortgang, statuses = voortgang_table(s, deal_id, name, year_end)
    projects, orphans = projects_table(s, deal_id, name)
    adjustments = adjustments_table(s, deal_id, name, year_end)
    summary = _summary(deal, year, peil, money, promised, statuses,
                       len(projects.rows), orphans, len(adjustments.rows))
    return Book(summary, [finance, commitments, voortgang, projects, adjustments])


def _summary(deal: Deal, year: int, peil: date, money: MoneyFacts, promised: Counter[str],
             statuses: Counter[str], projects: int, orphans: int,
             adjustments: int) -> Summary:
    granted = deal.granted_cents or 0
    whole = granted + money.pledged_cents
    lines = [
        SummaryLine("Deal", kind=HEADING),
        SummaryLine("Deal", deal.name),
        SummaryLine("Tranche", deal.tranche or None),
        SummaryLine("Fase", deal.phase.label),
        SummaryLine("Ondertekend op", deal.signed_on, DATE),
        SummaryLine("Looptijd tot", deal.ends_on, DATE),
        SummaryLine("Rapportagejaar", year, INT),
        SummaryLine("Peildatum", peil, DATE),
        SummaryLine("Geld", kind=HEADING),
        SummaryLine("Rijksbijdrage", euros(granted), EURO),
        SummaryLine("Cofinanciering toegezegd", euros(money.pledged_cents), EURO),
        SummaryLine("Cofinanciering gerealiseerd", euros(money.realised_cents), EURO),
        SummaryLine("Rijksaandeel (van het totaal)",
                    _share(granted, whole), PERCENT),
        SummaryLine("Vorig Rijk-regio overleg", money.overleg, DATE),
        SummaryLine("Bijdragen gewijzigd sinds dat overleg", money.changed, INT),
        SummaryLine("Toezeggingen (t/m rapportagejaar)", kind=HEADING),
        SummaryLine("Open", promised["open"], INT),
        SummaryLine("waarvan over de datum", promised["over de datum"], INT),
        SummaryLine("Nagekomen", promised["nagekomen"], INT),
        SummaryLine("Vervallen", promised["vervallen"], INT),
        SummaryLine("Indicatoren (status berekend)", kind=HEADING),
        *(SummaryLine(st.value.capitalize(), statuses[st.value], INT) for st in Status),
        SummaryLine("Projecten en bijsturing", kind=HEADING),
        SummaryLine("Projecten", projects, INT),
        SummaryLine("waarvan zonder programmadoel", orphans, INT),
        SummaryLine("Bijsturingen t/m rapportagejaar", adjustments, INT),
    ]
    by_year = sorted((money.by_year or {}).items())
    return Summary(f"Rijk-regio overleg {year}: {deal.name}", lines,
                   [(y, euros(p), euros(r)) for y, (p, r) in by_year])


def _share(part: int, whole: int) -> Decimal | None:
    """An exact share (0..1), 6 decimals; None when there is nothing to share."""
    if whole <= 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.000001"))
