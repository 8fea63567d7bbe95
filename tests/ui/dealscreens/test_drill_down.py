"""The portfolio's figures open the rows behind them, in the whole window: overdue
commitments the filtered register, money the filtered ledger, breaches their
explanation; and the rules dialog changes a verdict that Ctrl+Z restores."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.services.commitments.register import CommitmentView
from dealmaker.ui.deals import portfolio_model as P
from dealmaker.ui.deals.explain import RulesExplanation
from dealmaker.ui.deals.rules_dialog import RulesDialog


def _cell(window: Any, deal: str, column: int) -> Any:
    view = window.context.pages.get("deals").portfolio
    proxy = view.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, P.NAME).data() == deal)
    return view, proxy.index(row, column)


def _portfolio(window: Any) -> None:
    window.context.pages.show("deals")
    QApplication.processEvents()


def test_overdue_and_money_figures_open_the_filtered_screens(
        make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    _portfolio(window)
    view, cell = _cell(window, "Regio Deal Twente", P.OVERDUE)
    assert cell.data() == "1"
    view.drill_down(cell)
    page = window.current_page()
    assert page.key == "toezeggingen"
    register = page.register
    assert register.filters.view.currentData() == CommitmentView.OVERDUE.value
    assert register.filters.deal.currentText() == "Regio Deal Twente"
    qtbot.waitUntil(lambda: register.model.rowCount() == 1)
    assert register.model.index(0, 0).data() == "Capaciteit OCW"
    _portfolio(window)
    view, cell = _cell(window, "Regio Deal Twente", P.PUBLIC)
    view.drill_down(cell)
    page = window.current_page()
    assert page.key == "cofinanciering"
    assert page.ledger.deal.currentText() == "Regio Deal Twente"
    qtbot.waitUntil(lambda: page.ledger.model.rowCount() == 2)


def test_breaches_open_their_explanation(make_main_window: Any) -> None:
    window = make_main_window()
    _portfolio(window)
    view, cell = _cell(window, "Regio Deal Achterhoek", P.RULES)
    dialog = view.explain(view.model.row_at(view.proxy.mapToSource(cell).row()))
    assert isinstance(dialog, RulesExplanation)
    texts = [dialog.checks.item(r, 2).text() for r in range(dialog.checks.rowCount())]
    assert "Rijksbijdrage € 45.000.000,00 is hoger dan € 40.000.000,00" in texts
    dialog.close()


def test_the_rules_dialog_changes_a_verdict_and_ctrl_z_restores_it(
        make_main_window: Any, qtbot: QtBot) -> None:
    window = make_main_window()
    _portfolio(window)
    view, cell = _cell(window, "Regio Deal Achterhoek", P.RULES)
    assert cell.data() == "3 gebroken"
    dialog = RulesDialog(window.context, view.tranches(), window)
    qtbot.addWidget(dialog)
    dialog.tranche.setCurrentIndex(dialog.tranche.findData("II"))
    assert dialog.rijk_max.text() == "€ 40.000.000,00"
    dialog.rijk_max.setText("50 mln")
    dialog.share.setText("100")
    dialog.regional.setChecked(False)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: _cell(window, "Regio Deal Achterhoek", P.RULES)[1].data() == "in orde")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: _cell(window, "Regio Deal Achterhoek", P.RULES)[1].data() == "3 gebroken")
