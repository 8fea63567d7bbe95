"""The Deals portfolio and dossier through the real widgets."""

from __future__ import annotations

from typing import Any

from deals.conftest import Scene
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dealmaker.domain.enums import PartyRole
from dealmaker.services.undo import undo
from dealmaker.storage.models import Deal, DealParty
from dealmaker.ui.deals import portfolio_model as P
from dealmaker.ui.deals.dossier import DealDossierDialog
from dealmaker.ui.deals.page import DealsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import AttentionRole


def names(page: DealsPage) -> list[str]:
    proxy = page.portfolio.proxy
    return [proxy.index(r, P.NAME).data() for r in range(proxy.rowCount())]


def test_models_pass_the_modeltester(qtmodeltester: Any, page: DealsPage) -> None:
    qtmodeltester.check(page.portfolio.model)
    qtmodeltester.check(page.portfolio.proxy)


def test_portfolio_shows_money_share_and_breaches(page: DealsPage) -> None:
    assert names(page) == ["Regio Deal Twente", "Regio Deal Zeeland"]
    proxy = page.portfolio.proxy
    assert proxy.index(0, P.RIJK).data() == "€ 41 mln"
    assert proxy.index(0, P.RIJK).data(Qt.ItemDataRole.ToolTipRole) == "€ 41.000.000,00"
    assert proxy.index(0, P.SHARE).data() == "67,2%"
    assert proxy.index(0, P.RULES).data() == "3 gebroken"
    assert proxy.index(0, P.RULES).data(AttentionRole) is True
    assert "hoger dan € 40.000.000,00" in proxy.index(0, P.RULES).data(
        Qt.ItemDataRole.ToolTipRole)
    assert proxy.index(1, P.RULES).data() == "onbekend"
    assert page.portfolio.count.text() == "2 deals · 1 buiten de regels"


def test_sort_on_amounts_with_empty_last_and_filters(page: DealsPage) -> None:
    view = page.portfolio
    view.table.sortByColumn(P.RIJK, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["Regio Deal Twente", "Regio Deal Zeeland"]
    view.broken.setChecked(True)
    assert names(page) == ["Regio Deal Twente"]
    view.broken.setChecked(False)
    view.tranche.setCurrentIndex(view.tranche.findData("I"))
    assert names(page) == ["Regio Deal Zeeland"]
    view.tranche.setCurrentIndex(0)
    view.search.setText("twen")
    assert names(page) == ["Regio Deal Twente"]
    assert view.count.text() == "1 van 2 deals · 1 buiten de regels"


def _live_counts(scene: Scene) -> tuple[int, int]:
    with scene.ws.read() as s:
        return (len(s.scalars(select(Deal).where(Deal.deleted_at.is_(None))).all()),
                len(s.scalars(select(DealParty).where(DealParty.deleted_at.is_(None))).all()))


def test_a_new_deal_with_three_parties_is_one_undo(qtbot: QtBot, context: AppContext,
                                                   scene: Scene, page: DealsPage) -> None:
    before = _live_counts(scene)
    dialog = DealDossierDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.form.name.setText("Regio Deal Achterhoek")
    dialog.form.tranche.setText("II")
    dialog.form.requested.setText("€ 7,5 miljoen")
    ed = dialog.parties
    for org, role in ((scene.twente, PartyRole.INDIENER), (scene.enschede,
                                                            PartyRole.COFINANCIER),
                      (scene.bzk, PartyRole.ONDERTEKENAAR)):
        ed.org.setCurrentIndex(ed.org.findData(org))
        ed.role.setCurrentIndex(ed.role.findData(role.value))
        ed.add_button.click()
    dialog.save()
    assert dialog.deal_id is not None
    assert _live_counts(scene) == (before[0] + 1, before[1] + 3)
    assert "Regio Deal Achterhoek" in names(page)
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert _live_counts(scene) == before
    assert "Regio Deal Achterhoek" not in names(page)


def test_the_dossier_explains_the_rules_and_refuses_bad_money(
        qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Deal", "Opgaven en thema's", "Geld en regels (3 ✘)", "Grafieken", "Bijdragen (1)",
        "Toezeggingen (0)", "Contactmomenten (0)", "Overleggen (0)", "Indicatoren (0)",
        "Ministeries en coalitie"]
    rules = dialog.tabs.widget(2).findChild(type(dialog.commitments), "ruleChecks")
    explanations = [rules.item(r, 2).text() for r in range(rules.rowCount())]
    assert "Rijksbijdrage € 41.000.000,00 is hoger dan € 40.000.000,00" in explanations
    dialog.form.granted.setText("41,000000001 mln")
    dialog.save()
    assert "Toegekend: Ongeldig bedrag" in dialog.error.text()
    assert "fijner dan een cent" in dialog.error.text()
