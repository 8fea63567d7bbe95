"""The portfolio workbook: one Samenvatting row per deal, the other sheets over all deals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from dealmaker.export.workbook.model import EURO, INT, PERCENT, Book, Column, Table, Value
from dealmaker.export.workbook.summary import HEADING
from dealmaker.services.connectieplan import deal_choices
from dealmaker.services.workbook.build import build_book
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
           (Column("Projecten", INT), "Projecten")]


def build_portfolio(ws: Workspace, year: int, *, with_contacts: bool = False,
                    today: date | None = None) -> Book:
    """Every live deal's overleg workbook, combined; reads only."""
    summary = Table("Samenvatting", [c for c, _ in _FIELDS],
                    totals=("Rijksbijdrage", "Toegezegd", "Gerealiseerd"))
    combined: dict[str, Table] = {}
    for deal in deal_choices(ws):
        book = build_book(ws, deal.id, year, with_contacts=with_contacts, today=today)
        assert book.summary is not None
        lines: dict[str, Value] = {line.label: line.value for line in book.summary.lines
                                   if line.kind != HEADING}
        summary.rows.append(tuple(lines.get(label) for _, label in _FIELDS))
        for table in book.tables:
            into = combined.setdefault(table.name, Table(
                table.name, table.columns, totals=table.totals,
                status_column=table.status_column, notes=table.notes))
            into.rows.extend(table.rows)
    if "Contacten" in combined:  # a person in several deals is listed once
        combined["Contacten"].rows = list(dict.fromkeys(combined["Contacten"].rows))
    return Book(None, [summary, *combined.values()])


def portfolio_money(book: Book) -> tuple[Decimal, Decimal]:
    """Pledged and realised over all deals (the Samenvatting's rows)."""
    rows = book.tables[0].rows
    return (sum((Decimal(str(r[2] or 0)) for r in rows), Decimal(0)),
            sum((Decimal(str(r[3] or 0)) for r in rows), Decimal(0)))
