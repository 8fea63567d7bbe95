"""The history dialog of one record: rows newest first, undone ones grey."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update
from trust.factories import build_world
from trust_ui_kit import make_bus

from dealmaker.services.people import update_person
from dealmaker.services.undo import undo
from dealmaker.storage.models import Operation
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.history import show_history
from dealmaker.ui.history.dialog import FIELD, NEW, OLD, OPERATION, UNDONE, WHEN, WHO


def rows(dialog: Any) -> list[tuple[str, ...]]:
    model = dialog.view.model()
    return [tuple(model.index(r, c).data() for c in (OPERATION, FIELD, OLD, NEW))
            for r in range(model.rowCount())]


def test_history_rows_and_undone_greyed(workspace: Workspace, qtbot: QtBot,
                                        qtmodeltester: Any) -> None:
    world = build_world(workspace)
    bus = make_bus(workspace)
    parent = QWidget()
    qtbot.addWidget(parent)
    update_person(workspace, world.bert, phone="070 123 4567")
    bus.context.signals.changes_applied.emit(update_person(workspace, world.bert,
                                                           email="bert@lnv.example"))
    dialog = show_history(parent, bus.context, "person", world.bert)
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert dialog.windowTitle() == "Geschiedenis — Bert Jansen"
    assert rows(dialog) == [
        ("Contact bewerken", "E-mail", "bert@bzk.example", "bert@lnv.example"),
        ("Contact bewerken", "Telefoon", "", "070 123 4567"),
        ("Testgegevens", "", "", "aangemaakt"),
    ]
    when = dialog.view.model().index(0, WHEN).data()
    assert len(when) == 16 and when[2] == "-" and when[5] == "-" and when[10] == " "
    assert dialog.count.text() == "3 wijzigingen, nieuwste eerst."

    bus.context.signals.changes_applied.emit(undo(workspace))  # the dialog reloads
    assert rows(dialog)[0] == ("Ongedaan maken: Contact bewerken", "E-mail",
                               "bert@lnv.example", "bert@bzk.example")
    undone = dialog.view.model().index(1, OPERATION)
    assert undone.data() == "Contact bewerken (ongedaan gemaakt)"
    assert undone.data(Qt.ItemDataRole.ForegroundRole) == UNDONE
    assert undone.data(Qt.ItemDataRole.FontRole).italic()
    assert "later ongedaan gemaakt" in undone.data(Qt.ItemDataRole.ToolTipRole)
    for row in (0, 2):
        index = dialog.view.model().index(row, OPERATION)
        assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    assert "Grijs: later ongedaan gemaakt (1)." in dialog.count.text()


def test_record_without_history_says_so(workspace: Workspace, qtbot: QtBot) -> None:
    bus = make_bus(workspace)
    dialog = show_history(None, bus.context, "deal", "bestaat-niet", name="Twente")
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.count.text() == "Nog geen wijzigingen vastgelegd."
    assert dialog.heading.text() == "Geschiedenis van Twente"


def test_newest_first_follows_the_journal_not_a_laptop_clock(
        workspace: Workspace, qtbot: QtBot) -> None:
    """A change pulled from a colleague whose laptop clock runs a day ahead is still
    listed below what was written after it here (clocks are shown, never trusted)."""
    world = build_world(workspace)
    update_person(workspace, world.bert, phone="070 123 4567")
    with workspace.engine.begin() as conn:  # that change's laptop ran a day ahead
        first = conn.execute(select(func.max(Operation.sequence))).scalar()
        at = conn.execute(select(Operation.at).where(Operation.sequence == first)).scalar()
        conn.execute(update(Operation).where(Operation.sequence == first)
                     .values(at=at + timedelta(days=1)))
    update_person(workspace, world.bert, email="bert@lnv.example")
    dialog = show_history(None, make_bus(workspace).context, "person", world.bert)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [r[1] for r in rows(dialog)] == ["E-mail", "Telefoon", ""]
    dialog.view.sortByColumn(WHEN, Qt.SortOrder.AscendingOrder)  # oldest first
    assert [r[1] for r in rows(dialog)] == ["", "Telefoon", "E-mail"]


def test_a_long_operation_and_author_are_shown_whole(workspace: Workspace,
                                                     qtbot: QtBot) -> None:
    """A team role like 'dealmaker_janssen_lnv' and a long operation name are not cut."""
    world = build_world(workspace)
    update_person(workspace, world.bert, phone="070 123 4567")
    with workspace.engine.begin() as conn:
        conn.execute(update(Operation).values(author="dealmaker_janssen_lnv",
                                              name="Conflict: andere waarde overnemen"))
    dialog = show_history(None, make_bus(workspace).context, "person", world.bert)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.show()
    metrics = dialog.view.fontMetrics()
    header = dialog.view.horizontalHeader()
    for col, text in ((WHO, "dealmaker_janssen_lnv"),
                      (OPERATION, "Conflict: andere waarde overnemen")):
        assert header.sectionSize(col) >= metrics.horizontalAdvance(text)
