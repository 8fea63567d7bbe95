"""The read-only tabs of a dossier: money and rule checks, commitments, pledges."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dealmaker.domain.dates import format_date
from dealmaker.domain.money import format_eur
from dealmaker.services.deals.dossier import DealDossier
from dealmaker.ui.shell.table_model import ATTENTION, ObjectRole


def table(name: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
          ids: Sequence[str] = (), attention: Sequence[int] = ()) -> QTableWidget:
    t = QTableWidget(len(rows), len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(list(headers))
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setWordWrap(False)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    fill_table(t, rows, ids, attention)
    return t


def stretch_all(t: QTableWidget) -> None:
    """Every column shares the width (short tables of names)."""
    fit_columns(t, range(t.columnCount()))


def fit_columns(t: QTableWidget, stretch: Sequence[int]) -> None:
    """``stretch`` share the spare width; the others (dates, amounts) fit their contents."""
    for c in range(t.columnCount()):
        t.horizontalHeader().setSectionResizeMode(
            c, QHeaderView.ResizeMode.Stretch if c in stretch
            else QHeaderView.ResizeMode.ResizeToContents)


def fill_table(t: QTableWidget, rows: Sequence[Sequence[str]], ids: Sequence[str] = (),
               attention: Sequence[int] = (), right: Sequence[int] = ()) -> None:
    """Put ``rows`` in ``t`` (each cell knows its row's id: ``ObjectRole``)."""
    t.setRowCount(len(rows))
    align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            item = QTableWidgetItem(text)
            if len(text) > 24:  # may be elided: the tooltip holds it whole
                item.setToolTip(text)
            if ids:
                item.setData(ObjectRole, ids[r])
            if r in attention:
                item.setForeground(ATTENTION)
            if c in right:
                item.setTextAlignment(align)
            t.setItem(r, c, item)


def money_tab(d: DealDossier) -> QWidget:
    w = QWidget()
    layout = QVBoxLayout(w)
    s = d.split
    lines = [("Rijksbijdrage (toegekend, anders aangevraagd)", format_eur(d.money.rijk)),
             ("Regionaal publiek, in cash", format_eur(s.public)),
             ("Privaat, in cash", format_eur(s.private)),
             ("In natura", format_eur(s.in_natura)),
             ("Regionaal toegezegd in totaal", format_eur(s.total)),
             ("Regionaal gerealiseerd", format_eur(s.realised))]
    split = table("moneySplit", ("Wat", "Bedrag"), ())
    fill_table(split, lines, right=(1,))
    layout.addWidget(split)
    checks = [("✔" if c.kept else ("⚠" if c.warning else "✘"), c.rule, c.explanation)
              for c in d.checks]
    broken = [i for i, c in enumerate(d.checks) if not c.kept]
    rules = table("ruleChecks", ("", "Regel", "Uitleg"), checks, attention=broken)
    rules.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    rules.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    rules.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    rules.setWordWrap(True)
    rules.resizeRowsToContents()
    if not d.checks:
        layout.addWidget(QLabel("Nog geen Rijksbijdrage: de regels worden gecontroleerd "
                                "zodra het aangevraagde of toegekende bedrag bekend is."))
    layout.addWidget(rules)
    return w


def commitments_tab(d: DealDossier) -> QTableWidget:
    t = table("dealCommitments", ("Toezegging", "Status", "Van", "Aan", "Bedrag",
                                  "Uiterlijk"), ())
    fit_columns(t, (0, 2, 3))
    show_commitments(t, d)
    return t


def show_commitments(t: QTableWidget, d: DealDossier) -> None:
    rows = [(c.title, c.state.label, c.from_org, c.to_org, format_eur(c.amount_cents),
             format_date(c.due_on)) for c in d.commitments]
    late = [i for i, c in enumerate(d.commitments) if c.overdue(date.today())]
    fill_table(t, rows, [c.id for c in d.commitments], late, right=(4, 5))


def pledges_tab(d: DealDossier) -> QTableWidget:
    t = table("dealPledges", ("Cofinancier", "Jaar", "Sector", "Vorm", "Toegezegd",
                              "Gerealiseerd"), ())
    fit_columns(t, (0,))
    show_pledges(t, d)
    return t


def show_pledges(t: QTableWidget, d: DealDossier) -> None:
    rows = [(p.organisation, str(p.year), p.sector.label, p.form.label,
             format_eur(p.pledged_cents), format_eur(p.realised_cents)) for p in d.pledges]
    fill_table(t, rows, [p.id for p in d.pledges], right=(1, 4, 5))
