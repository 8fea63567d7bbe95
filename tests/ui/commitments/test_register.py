"""The Toezeggingen register through the real widgets: all rows, the filters a dealmaker
asks for, the editor (money through parse_eur), a step, delete and undo."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from deals.conftest import Scene
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentState
from dealmaker.services.commitments.records import commitment_record
from dealmaker.services.undo import undo
from dealmaker.ui.commitments import columns as C
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.commitments.model import CommitmentTableModel
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.table_model import AttentionRole


def titles(page: CommitmentsPage) -> list[str]:
    m = page.register.model
    return [m.index(r, C.TITLE).data() for r in range(m.rowCount())]


def test_model_passes_the_modeltester(qtmodeltester: Any, page: CommitmentsPage) -> None:
    qtmodeltester.check(page.register.model)


def test_all_rows_sorted_by_due_date_overdue_in_red(page: CommitmentsPage) -> None:
    assert titles(page) == ["Knelpunt huisvesting wegnemen",
                            "Cofinanciering provincie bevestigen", "Toegang tot OCW regelen"]
    assert page.register.count.text() == "3 toezeggingen"
    m = page.register.model
    assert m.index(0, C.DUE).data(AttentionRole) is True
    assert m.index(1, C.DUE).data(AttentionRole) is False
    assert m.index(0, C.FROM).data() == "Ministerie van BZK"


@pytest.mark.parametrize(("combo", "value", "expected"), [
    ("view", "verlopen", ["Knelpunt huisvesting wegnemen"]),
    ("owner", "maker", ["Knelpunt huisvesting wegnemen"]),  # mine: Anna Berg
    ("deal", "deal", ["Knelpunt huisvesting wegnemen", "Cofinanciering provincie bevestigen"]),
    ("party", "twente", ["Knelpunt huisvesting wegnemen",
                         "Cofinanciering provincie bevestigen", "Toegang tot OCW regelen"]),
])
def test_filters(page: CommitmentsPage, scene: Scene, combo: str, value: str,
                 expected: list[str]) -> None:
    box = getattr(page.register.filters, combo)
    box.setCurrentIndex(box.findData(getattr(scene, value, value)))
    assert titles(page) == expected
    assert page.register.count.text() == f"{len(expected)} van 3 toezeggingen"


def test_rijk_to_regio_only_and_search(page: CommitmentsPage) -> None:
    page.register.filters.rijk.setChecked(True)
    assert "Cofinanciering provincie bevestigen" not in titles(page)
    page.register.filters.reset()
    page.register.search.setText("ocw")
    assert titles(page) == ["Toegang tot OCW regelen"]


def test_next_step_then_undo(page: CommitmentsPage, scene: Scene) -> None:
    view = page.register
    view.table.selectRow(0)
    cid = view.selected_rows()[0].id
    view.step_button.click()
    assert commitment_record(scene.ws, cid).state is CommitmentState.AFGESPROKEN
    assert view.model.index(0, C.STATE).data() == "Afgesproken"
    undo(scene.ws)
    assert commitment_record(scene.ws, cid).state is CommitmentState.CONCEPT


def test_delete_is_soft_and_undoable(page: CommitmentsPage, scene: Scene,
                                     context: AppContext) -> None:
    view = page.register
    said: list[str] = []
    context.signals.status_message.connect(said.append)
    view.table.selectRow(2)
    title = titles(page)[2]
    view.ops.delete.trigger()
    assert len(titles(page)) == 2
    assert said == [f"Toezegging '{title}' verwijderd (Ctrl+Z maakt het ongedaan)."]
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert len(titles(page)) == 3


def test_new_commitment_with_an_amount_typed_as_people_do(
        qtbot: QtBot, context: AppContext, scene: Scene, page: CommitmentsPage) -> None:
    dialog = CommitmentDialog(context, None, page)
    qtbot.addWidget(dialog)
    f = dialog.form
    f.title.setText("Bijdrage aan talentprogramma")
    f.from_org.setCurrentIndex(f.from_org.findData(scene.twente))
    f.to_org.setCurrentIndex(f.to_org.findData(scene.bzk))
    f.amount.setText("2,5 mln")
    f.due.setText("01-03-2027")
    dialog.save()
    assert dialog.commitment_id is not None
    record = commitment_record(scene.ws, dialog.commitment_id)
    assert record.data.amount_cents == 250_000_000
    assert record.data.due_on == date(2027, 3, 1)
    assert [s[0] for s in record.steps] == [CommitmentState.CONCEPT]
    assert "Bijdrage aan talentprogramma" in titles(page)


def test_a_sub_cent_amount_is_refused_in_the_dialog(qtbot: QtBot, context: AppContext,
                                                    scene: Scene) -> None:
    dialog = CommitmentDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.form.title.setText("x")
    dialog.form.from_org.setCurrentIndex(1)
    dialog.form.to_org.setCurrentIndex(2)
    dialog.form.amount.setText("1,234")
    dialog.save()
    assert dialog.commitment_id is None
    assert "fijner dan een cent" in dialog.error.text()


def test_a_step_in_the_editor_and_a_refused_one(qtbot: QtBot, context: AppContext,
                                                scene: Scene, page: CommitmentsPage) -> None:
    cid = page.register.model.row_at(0).id
    dialog = CommitmentDialog(context, cid)
    qtbot.addWidget(dialog)
    panel = dialog.states
    panel.next_state.setCurrentIndex(panel.next_state.findData("vervallen"))
    panel.note.setText("")
    panel.take.click()
    assert "waarom" in dialog.error.text()
    panel.next_state.setCurrentIndex(panel.next_state.findData("afgesproken"))
    panel.note.setText("In het Rijk-regio overleg")
    panel.take.click()
    assert commitment_record(scene.ws, cid).steps[-1][2] == "In het Rijk-regio overleg"
    assert panel.steps.count() == 2


def test_enter_opens_the_editor(qtbot: QtBot, page: CommitmentsPage) -> None:
    opened: list[str] = []

    def close_it() -> None:
        w = QApplication.activeModalWidget()
        if isinstance(w, CommitmentDialog):
            opened.append(w.windowTitle())
            w.reject()

    view = page.register
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    QTimer.singleShot(0, close_it)
    view.table.activated.emit(view.model.index(0, 0))
    assert opened == ["Toezegging"]


def test_model_is_lazy(context: AppContext, scene: Scene) -> None:
    model = CommitmentTableModel(context.tasks, context.workspace)
    model.set_query(model.query)
    assert model.rowCount() == model.total == 3
    assert not model.canFetchMore()
