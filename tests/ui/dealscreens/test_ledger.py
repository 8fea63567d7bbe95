"""The Cofinanciering ledger through the service and the real widgets: a pledge typed as
"2,5 mln", totals exact, delete and undo."""

from __future__ import annotations

from typing import Any

import pytest
from deals.conftest import Scene
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.services.cofinancing import (
    LedgerQuery,
    PledgeData,
    ledger,
    save_pledge,
)
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import undo
from dealmaker.ui.cofinancing import model as M
from dealmaker.ui.cofinancing.dialog import PledgeDialog
from dealmaker.ui.cofinancing.page import CofinancingPage
from dealmaker.ui.shell.context import AppContext


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, scene: Scene) -> CofinancingPage:
    widget = CofinancingPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_active(True)
    return widget


def test_service_totals_are_exact_and_filtered(scene: Scene) -> None:
    for year, cents in ((2025, 1), (2026, 250_000_000), (2026, 99)):
        save_pledge(scene.ws, None, PledgeData(scene.deal, scene.enschede, year,
                                               Sector.PUBLIEK, ContributionForm.IN_CASH,
                                               cents))
    assert ledger(scene.ws, LedgerQuery()).pledged_cents == 250_000_100 + 20_000_000 * 100
    only = ledger(scene.ws, LedgerQuery(year=2026, organisation_id=scene.enschede))
    assert (len(only.rows), only.pledged_cents) == (2, 250_000_099)
    with pytest.raises(ValidationError):
        save_pledge(scene.ws, None, PledgeData(scene.deal, scene.enschede, 2026,
                                               Sector.PUBLIEK, ContributionForm.IN_CASH, -1))


def test_model_passes_the_modeltester(qtmodeltester: Any, page: CofinancingPage) -> None:
    qtmodeltester.check(page.ledger.model)


def test_a_pledge_typed_as_2_5_mln_then_undone(qtbot: QtBot, context: AppContext,
                                               scene: Scene, page: CofinancingPage) -> None:
    view = page.ledger
    assert view.model.rowCount() == 1
    dialog = PledgeDialog(context, None, page)
    qtbot.addWidget(dialog)
    dialog.deal.setCurrentIndex(dialog.deal.findData(scene.deal))
    dialog.party.setCurrentIndex(dialog.party.findData(scene.enschede))
    dialog.pledged.setText("2,5 mln")
    dialog.realised.setText("250k")
    dialog.save()
    assert dialog.pledge_id is not None
    assert view.model.rowCount() == 2
    row = next(view.model.row_at(r) for r in range(2)
               if view.model.row_at(r).id == dialog.pledge_id)
    assert (row.pledged_cents, row.realised_cents) == (250_000_000, 25_000_000)
    assert "toegezegd € 22.500.000,00" in view.totals.text()
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert view.model.rowCount() == 1


def test_sub_cent_refused_and_delete_undoable(qtbot: QtBot, context: AppContext,
                                              scene: Scene, page: CofinancingPage) -> None:
    view = page.ledger
    pid = view.model.row_at(0).id
    dialog = PledgeDialog(context, pid, page)
    qtbot.addWidget(dialog)
    assert dialog.pledged.text() == "€ 20.000.000,00"
    dialog.pledged.setText("1,005")
    dialog.save()
    assert "fijner dan een cent" in dialog.error.text()
    view.table.selectRow(0)
    view.delete_action.trigger()
    assert view.model.rowCount() == 0
    assert view.model.index(0, M.DEAL).data() is None
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert view.model.rowCount() == 1


def test_the_ledger_chart_follows_the_filters(page: CofinancingPage, scene: Scene) -> None:
    view = page.ledger
    save_pledge(scene.ws, None, PledgeData(scene.deal, scene.enschede, 2026, Sector.PUBLIEK,
                                           ContributionForm.IN_CASH, 99, 5))
    view.reload()
    view.chart_button.setChecked(True)
    chart = view.chart.chart()
    assert chart is not None and view.chart.isVisible()
    assert [(g.label, g.values) for g in chart.groups] == [
        ("2025", (2_000_000_000, 0)), ("2026", (99, 5))]
    view.year.setCurrentIndex(view.year.findData(2026))
    chart = view.chart.chart()
    assert chart is not None and [g.label for g in chart.groups] == ["2026"]
