"""The Mandaten page through the real widgets: create in the editor, edit, delete, undo."""

from __future__ import annotations

from datetime import date

import pytest
from deals.conftest import Scene
from pytestqt.qtbot import QtBot

from dealmaker.domain.money import eur
from dealmaker.services.mandates.records import MandateData, create_mandate, list_mandates
from dealmaker.services.undo import undo
from dealmaker.ui.mandates import model as M
from dealmaker.ui.mandates.dialog import MandateDialog
from dealmaker.ui.mandates.page import MandatesPage
from dealmaker.ui.shell.context import AppContext


@pytest.fixture
def mandates(qtbot: QtBot, context: AppContext, scene: Scene) -> MandatesPage:
    create_mandate(scene.ws, MandateData(scene.maker, "Financiële toezeggingen",
                                         eur(1_000_000), None, date(2026, 1, 1)))
    page = MandatesPage(context)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    page.set_active(True)
    return page


def test_list_and_a_new_mandate_typed_as_people_do(qtbot: QtBot, mandates: MandatesPage,
                                                   context: AppContext, scene: Scene) -> None:
    view = mandates.register
    assert view.proxy.index(0, M.LIMIT).data() == "€ 1.000.000,00"
    assert view.proxy.index(0, M.DEAL).data() == "alle deals"
    dialog = MandateDialog(context, None, mandates)
    qtbot.addWidget(dialog)
    dialog.topic.setText("Capaciteit programmabureau")
    dialog.holder.setCurrentIndex(dialog.holder.findData(scene.maker))
    dialog.limit.setText("250k")
    dialog.valid_to.setText("31-12-2026")
    dialog.save()
    assert dialog.result() == MandateDialog.DialogCode.Accepted
    assert view.model.rowCount() == 2
    row = next(r for r in list_mandates(scene.ws) if r.topic.startswith("Capaciteit"))
    assert (row.limit_cents, row.valid_to) == (eur(250_000), date(2026, 12, 31))
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert view.model.rowCount() == 1


def test_a_mandate_without_holder_is_refused_in_the_dialog(qtbot: QtBot, context: AppContext,
                                                           mandates: MandatesPage) -> None:
    dialog = MandateDialog(context, None, mandates)
    qtbot.addWidget(dialog)
    dialog.topic.setText("Zonder houder")
    dialog.save()
    assert dialog.error.text() == "Kies wie het mandaat heeft (houder)."


def test_delete_and_undo(mandates: MandatesPage, scene: Scene, context: AppContext) -> None:
    view = mandates.register
    said: list[str] = []
    context.signals.status_message.connect(said.append)
    view.table.selectRow(0)
    view.delete_action.trigger()
    assert view.model.rowCount() == 0
    assert said == ["1 mandaat verwijderd (Ctrl+Z maakt het ongedaan)."]
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert view.model.rowCount() == 1
