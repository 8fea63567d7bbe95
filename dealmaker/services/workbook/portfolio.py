"""The portfolio workbook: one Samenvatting row per deal, the other sheets over all deals.

The connectieplan of a deal reads the whole network (every shared contact moment) and
takes long on a large workspace; the portfolio lists the opgaven of every deal with their
owner and theme instead, and points to the deal's own workbook for contacts, warmth and
connections. Contacten (on request) are the people the portfolio names: dealmakers and
the owners and counterparts of its toezeggingen.
"""

from __future__ import annotations

from collections.abc import Generator
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.export.workbook.model import (
    DATE,
    EURO,
    INT,
    PERCENT,
    Book,
    Column,
    Table,
    Value,
)
from dealmaker.export.workbook.summary import HEADING
from dealmaker.services.workbook.build import deal_book
from dealmaker.services.workbook.identity import identity
from dealmaker.services.workbook.network import CONTACTS
from dealmaker.storage.models import (
    Commitment,
    Deal,
    DealOpgave,
    Opgave,
    Organisation,
    Person,
    Position,
    Theme,
)
from dealmaker.storage.workspace import Workspace

#: (column, label of the deal's Samenvatting line)
_FIELDS = [(Column("Deal"), "Deal"), (Column("Rijksbijdrage", EURO), "Rijksbijdrage"),
           (Column("Toegezegd", EURO), "Cofinanciering toegezegd"),
           (Column("Gerealiseerd", EURO), "Cofinanciering gerealiseerd"),
           (Column("Rijksaandeel", PERCENT), "Rijksaandeel (van het totaal)"),
           (Column("Toezeggingen open", INT), "Open"),
           (Column("Over de datum", INT), "waarvan over de datum"),
           (Column("Nagekomen", INT), "Nagekomen"), (Column("Op koers", INT), "Op koers"),
           (Column("Achter", INT), "Achter"), (Column("Uit koers", INT), "Uit koers"),
           (Column("Geen gegevens", INT), "Geen gegevens"),
           (Column("Projecten", INT), "Projecten"),
           (Column("Vorig overleg", DATE), "Vorig Rijk-regio overleg"),
           (Column("Bijdragen gewijzigd sinds overleg", INT),
            "Bijdragen gewijzigd sinds dat overleg")]
OPGAVEN = (Column("Deal"), Column("Opgave", max_width=50), Column("Eigenaar (Rijk)"),
           Column("Thema"))
OPGAVEN_NOTE = ("Contacten, warmte en verbindingen per opgave staan in de werkmap van de "
                "deal (dealmaker export --deal NAAM).",)


def build_portfolio(ws: Workspace, year: int, *, with_contacts: bool = False,
                    today: date | None = None) -> Book:
    """Every live deal's overleg workbook, combined; reads only."""
    steps = portfolio_steps(ws, year, with_contacts=with_contacts, today=today)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            book: Book = stop.value
            return book


def portfolio_steps(ws: Workspace, year: int, *, with_contacts: bool = False,
                    today: date | None = None
                    ) -> Generator[tuple[int, int, str], None, Book]:
    """``build_portfolio`` a deal at a time: yields (done, total, deal name)."""
    today = today or date.today()
    summary = Table("Samenvatting", [c for c, _ in _FIELDS],
                    totals=("Rijksbijdrage", "Toegezegd", "Gerealiseerd"))
    combined: dict[str, Table] = {}
    by_year: dict[int, tuple[Decimal, Decimal]] = {}
    with ws.read() as s:
        deals = s.execute(select(Deal.id, Deal.name).where(Deal.deleted_at.is_(None))
                          .order_by(func.lower(Deal.name), Deal.id)).all()
        for n, (deal_id, name) in enumerate(deals):
            yield n, len(deals), name
            book = deal_book(s, deal_id, year, today)
            assert book.summary is not None
            lines: dict[str, Value] = {line.label: line.value for line in book.summary.lines
                                       if line.kind != HEADING}
            summary.rows.append(tuple(lines.get(label) for _, label in _FIELDS))
            for y, p, r in book.summary.money_by_year:
                old = by_year.get(y, (Decimal(0), Decimal(0)))
                by_year[y] = (old[0] + p, old[1] + r)
            for table in book.tables:
                into = combined.setdefault(table.name, Table(
                    table.name, table.columns, totals=table.totals,
                    status_column=table.status_column, notes=table.notes))
                into.rows.extend(table.rows)
        summary.money_by_year = [(y, p, r) for y, (p, r) in sorted(by_year.items())]
        tables = [summary, *combined.values(), _opgaven(s)]
        if with_contacts:
            tables.append(_contacts(s))
        marker = identity(s, None, year)
    return Book(None, tables, identity=marker)


def _opgaven(s: Session) -> Table:
    owner = aliased(Organisation)
    table = Table("Connectieplan", OPGAVEN, notes=OPGAVEN_NOTE)
    for row in s.execute(
            select(Deal.name, Opgave.name, owner.name, Theme.name)
            .join(DealOpgave, DealOpgave.deal_id == Deal.id)
            .join(Opgave, Opgave.id == DealOpgave.opgave_id)
            .outerjoin(owner, owner.id == Opgave.owner_organisation_id)
            .outerjoin(Theme, Theme.id == Opgave.theme_id)
            .where(Deal.deleted_at.is_(None), DealOpgave.deleted_at.is_(None),
                   Opgave.deleted_at.is_(None))
            .order_by(func.lower(Deal.name), Opgave.name)):
        table.rows.append(tuple(row))
    return table


def _contacts(s: Session) -> Table:
    """Dealmakers and the owners and counterparts of toezeggingen: work details only."""
    live = Commitment.deleted_at.is_(None)
    named = (select(Deal.dealmaker_id).where(Deal.deleted_at.is_(None))
             .union(select(Commitment.owner_id).where(live),
                    select(Commitment.counterpart_id).where(live)))
    ids = sorted({i for i in s.scalars(named) if i is not None})
    table = Table("Contacten", CONTACTS)
    org: dict[str, tuple[str, str, str]] = {}
    for pid, name, org_side, title in s.execute(
            select(Position.person_id, Organisation.name, Organisation.side, Position.title)
            .join(Organisation, Organisation.id == Position.organisation_id)
            .where(Position.deleted_at.is_(None), Position.end_date.is_(None),
                   Position.person_id.in_(ids))
            .order_by(Position.start_date)):
        org.setdefault(pid, (name, org_side.value if org_side else "", title))
    people = s.scalars(select(Person).where(Person.deleted_at.is_(None), Person.id.in_(ids))
                       .order_by(Person.last_name, Person.first_name))
    for p in people:
        where, side, title = org.get(p.id, ("", "", ""))
        table.rows.append((p.full_name, where or None, title or None, side or None,
                           p.email or None, p.phone or None))
    return table


def portfolio_money(book: Book) -> tuple[Decimal, Decimal]:
    """Pledged and realised over all deals (the Samenvatting's rows)."""
    rows = book.tables[0].rows
    return (sum((Decimal(str(r[2] or 0)) for r in rows), Decimal(0)),
            sum((Decimal(str(r[3] or 0)) for r in rows), Decimal(0)))
