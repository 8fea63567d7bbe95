"""Editing in the window: new contact, delete, functions with successor, relation
strength, tags on a selection, contact moments opened, edited and deleted; each undone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import shiboken6
from directory.factory import Factory
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot
from ui.contacts.kit import days_ago, shown_names

from dealmaker.domain.enums import RelationKind
from dealmaker.services.changes import Changes
from dealmaker.services.contact_card import person_card
from dealmaker.services.interactions import InteractionData, log_interaction
from dealmaker.services.quickfind import Hit
from dealmaker.services.timeline import interaction_detail
from dealmaker.services.undo import undo
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts.card import PersonCardDialog
from dealmaker.ui.contacts.cards import open_person_card
from dealmaker.ui.contacts.new_contact import NewContactDialog
from dealmaker.ui.contacts.page import ContactsPage
from dealmaker.ui.contacts.position_dialog import PositionDialog
from dealmaker.ui.contacts.relation_dialog import RelationDialog
from dealmaker.ui.contacts.tag_dialog import TagDialog
from dealmaker.ui.interactions.dialog import ContactMomentDialog
from dealmaker.ui.interactions.moment_detail import MomentDetailDialog, open_moment
from dealmaker.ui.shell.context import AppContext


@pytest.fixture(autouse=True)
def say_yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)


def undo_in(context: AppContext, workspace: Workspace) -> None:
    """What Ctrl+Z does: undo the last operation and announce it."""
    changes = undo(workspace)
    assert changes is not None
    context.signals.changes_applied.emit(changes)


def top(kind: type) -> object:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, kind) and shiboken6.isValid(w) and w.isVisible()]
    assert found, kind
    return found[-1]


@pytest.fixture
def card(world: dict[str, str], context: AppContext) -> Iterator[PersonCardDialog]:
    dialog = open_person_card(None, context, world["anna"])  # type: ignore[arg-type]
    context.commands.open_contact_moment = lambda parent, iid: open_moment(
        parent, context, iid) and None
    yield dialog
    if shiboken6.isValid(dialog):
        dialog.form.mark_saved()
        dialog.close()


def test_ctrl_n_makes_a_contact_selected_with_its_card_and_ctrl_z_removes_it(
        world: dict[str, str], page: ContactsPage, context: AppContext,
        workspace: Workspace, qtbot: QtBot) -> None:
    view = page.contacts
    view.view.setFocus()
    qtbot.keyClick(view.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = top(NewContactDialog)
    assert isinstance(dialog, NewContactDialog)
    dialog.edits["first_name"].setText("Femke")
    dialog.edits["tussenvoegsel"].setText("de")
    dialog.edits["last_name"].setText("Wit")
    dialog.organisation.fill()
    dialog.organisation.setCurrentIndex(dialog.organisation.findData(world["emmen"]))
    dialog.function.setText("Wethouder")
    with qtbot.waitSignal(view.model.rows_loaded):
        dialog.save()
    assert shown_names(view) == ["Femke de Wit"]
    (new_id,) = view.selected_ids()
    card = top(PersonCardDialog)
    assert isinstance(card, PersonCardDialog) and card.person_id == new_id
    assert person_card(workspace, new_id).positions[0].title == "Wethouder"
    card.close()
    view.search.clear()
    undo_in(context, workspace)
    assert "Femke de Wit" not in shown_names(view)


def test_delete_key_deletes_the_selection_and_undo_brings_it_back(
        world: dict[str, str], page: ContactsPage, context: AppContext,
        workspace: Workspace, qtbot: QtBot) -> None:
    view = page.contacts
    before = shown_names(view)
    view.view.selectRow(0)
    view.view.selectionModel().select(view.model.index(1, 0),
                                      view.view.selectionModel().SelectionFlag.Select
                                      | view.view.selectionModel().SelectionFlag.Rows)
    view.view.setFocus()
    with qtbot.waitSignal(view.model.rows_loaded):
        qtbot.keyClick(view.view, Qt.Key.Key_Delete)
    assert shown_names(view) == before[2:]
    with qtbot.waitSignal(view.model.rows_loaded):
        undo_in(context, workspace)
    assert shown_names(view) == before


def test_a_function_ends_with_a_successor_picked_by_name(
        card: PersonCardDialog, world: dict[str, str], workspace: Workspace,
        qtbot: QtBot) -> None:
    card.tabs.setCurrentWidget(card.tabs.tables["positions"])
    card.tabs.tables["positions"].view.selectRow(0)  # the current one, at the directie
    assert card.edits.end.isVisible()
    card.edits.end.click()
    dialog = top(PositionDialog)
    assert isinstance(dialog, PositionDialog)
    dialog.end.set_value(date(2024, 6, 30))
    qtbot.keyClicks(dialog.successor.edit, "Bert")
    dialog.successor.choose_first()
    assert dialog.successor.value() == world["bert"]
    with qtbot.waitSignal(card.loaded):
        dialog.save()
    rows = person_card(workspace, world["anna"]).positions
    ended = next(r for r in rows if r.organisation == "Directie Regionale Economie")
    assert ended.end_date == date(2024, 6, 30)
    assert ended.successor is not None and ended.successor.name == "Bert Aalders"
    assert "Bert Aalders" in " ".join(
        card.tabs.tables["positions"].model.index(r, 4).data()
        for r in range(card.tabs.tables["positions"].model.rowCount()))


def test_relation_strength_is_edited_on_the_card_and_undone(
        card: PersonCardDialog, world: dict[str, str], make: Factory, context: AppContext,
        workspace: Workspace, qtbot: QtBot) -> None:
    make.relation(world["anna"], person=world["bert"], strength=2)
    context.signals.changes_applied.emit(Changes(frozenset({"relation"})))
    card.tabs.setCurrentWidget(card.tabs.tables["relations"])
    card.tabs.tables["relations"].view.selectRow(0)
    card.edits.edit.click()
    dialog = top(RelationDialog)
    assert isinstance(dialog, RelationDialog)
    assert dialog.strength.currentData() == 2
    dialog.strength.setCurrentIndex(dialog.strength.findData(5))
    dialog.kind.setCurrentIndex(dialog.kind.findData(RelationKind.BESTUURLIJK.value))
    with qtbot.waitSignal(card.loaded):
        dialog.save()
    (rel,) = person_card(workspace, world["anna"]).relations
    assert (rel.strength, rel.kind) == (5, RelationKind.BESTUURLIJK)
    assert card.tabs.tables["relations"].model.index(0, 3).data() == "5/5"
    with qtbot.waitSignal(card.loaded):
        undo_in(context, workspace)
    assert person_card(workspace, world["anna"]).relations[0].strength == 2


def test_a_tag_on_three_selected_rows_is_undone_in_one_step(
        world: dict[str, str], page: ContactsPage, context: AppContext,
        workspace: Workspace, qtbot: QtBot) -> None:
    view = page.contacts
    view.view.selectRow(0)
    for row in (1, 2):
        view.view.selectionModel().select(
            view.model.index(row, 0), view.view.selectionModel().SelectionFlag.Select
            | view.view.selectionModel().SelectionFlag.Rows)
    chosen = view.selected_ids()
    assert len(chosen) == 3
    view.contact_actions.tags.trigger()
    dialog = top(TagDialog)
    assert isinstance(dialog, TagDialog)
    dialog.combo.setEditText("stuurgroep")
    dialog.add_button.click()
    assert all("stuurgroep" in person_card(workspace, pid).tags for pid in chosen)
    undo_in(context, workspace)
    assert not any("stuurgroep" in person_card(workspace, pid).tags for pid in chosen)


def test_a_contact_moment_opens_in_full_is_edited_and_deleted_with_undo(
        card: PersonCardDialog, world: dict[str, str], context: AppContext,
        workspace: Workspace, qtbot: QtBot) -> None:
    report = "Uitgebreid verslag van het overleg. " * 60
    iid, changes = log_interaction(workspace, InteractionData(
        days_ago(1), participant_ids=[world["anna"]], summary=report))
    with qtbot.waitSignal(card.loaded):
        context.signals.changes_applied.emit(changes)
    card.tabs.setCurrentWidget(card.tabs.tables["timeline"])
    card.tabs.tables["timeline"].view.selectRow(0)
    card.edits.open.click()
    detail = top(MomentDetailDialog)
    assert isinstance(detail, MomentDetailDialog)
    assert detail.report.toPlainText() == report.strip()  # the whole report
    detail.edit_button.click()
    form = top(ContactMomentDialog)
    assert isinstance(form, ContactMomentDialog) and form.editing == iid
    assert form.form.participants.chosen.ids() == [world["anna"]]
    form.form.summary.setPlainText("Gecorrigeerd verslag")
    form.save()
    assert interaction_detail(workspace, iid).entry.summary == "Gecorrigeerd verslag"
    assert detail.report.toPlainText() == "Gecorrigeerd verslag"
    undo_in(context, workspace)
    assert interaction_detail(workspace, iid).entry.summary == report.strip()
    detail.delete_button.click()
    with pytest.raises(LookupError):
        interaction_detail(workspace, iid)
    undo_in(context, workspace)
    assert interaction_detail(workspace, iid).entry.summary == report.strip()


def test_person_picker_lists_matches(context: AppContext, world: dict[str, str],
                                     qtbot: QtBot) -> None:
    dialog = RelationDialog(context, world["anna"])
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.other.edit, "Emmen")
    labels = [dialog.other.matches.item(i).data(Qt.ItemDataRole.UserRole)
              for i in range(dialog.other.matches.count())]
    assert any(isinstance(h, Hit) and h.kind == "organisation" for h in labels)


def test_ctrl_z_works_in_the_card_window_too(world: dict[str, str], context: AppContext,
                                            qtbot: QtBot) -> None:
    """The card is a window of its own; the main window's Ongedaan maken / Opnieuw are
    added to it, so Ctrl+Z there undoes (its messages say so)."""
    from PySide6.QtGui import QAction, QKeySequence

    undone: list[str] = []
    for key, keys in (("undo", "Ctrl+Z"), ("redo", "Ctrl+Shift+Z")):
        action = QAction(key)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _c=False, k=key: undone.append(k))
        context.actions[key] = action
    dialog = open_person_card(None, context, world["anna"])  # type: ignore[arg-type]
    try:
        assert context.actions["undo"] in dialog.actions()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        table = dialog.tabs.tables["relations"].view
        dialog.tabs.setCurrentWidget(dialog.tabs.tables["relations"])
        table.setFocus()
        qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert undone == ["undo"]
    finally:
        dialog.form.mark_saved()
        dialog.close()
