"""Instellingen: kinds of commitment and party roles are lists the user extends; the
editors' combos offer what was added, records keep a value taken off the list again,
and each change is one undoable step."""

from __future__ import annotations

import pytest
from deals.conftest import Scene
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentKind, PartyRole
from dealmaker.services.commitments.records import commitment_record
from dealmaker.services.commitments.vocabulary import Vocab, add_term, remove_term, vocabulary
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import undo
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.deals.parties_editor import PartiesEditor
from dealmaker.ui.settings.dialog import SettingsDialog
from dealmaker.ui.shell.context import AppContext


def kinds_offered(dialog: CommitmentDialog) -> list[str]:
    return [dialog.form.kind.itemText(i) for i in range(dialog.form.kind.count())]


def test_added_kind_is_offered_saved_and_kept_after_removal(
        qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    settings = SettingsDialog(context)
    qtbot.addWidget(settings)
    settings.kinds.field.setText("Subsidieaanvraag")
    settings.kinds.add_button.click()
    assert settings.kinds.terms()[-1] == "Subsidieaanvraag"
    assert settings.kinds.field.text() == ""
    dialog = CommitmentDialog(context, None)
    qtbot.addWidget(dialog)
    assert kinds_offered(dialog) == ["Financieel", "Capaciteit", "Inhoudelijk", "Proces",
                                     "Subsidieaanvraag"]
    f = dialog.form
    f.title.setText("Aanvraag indienen")
    f.kind.setCurrentIndex(4)
    f.from_org.setCurrentIndex(f.from_org.findData(scene.twente))
    f.to_org.setCurrentIndex(f.to_org.findData(scene.bzk))
    dialog.save()
    assert dialog.commitment_id is not None
    record = commitment_record(scene.ws, dialog.commitment_id)
    assert record.data.kind == "Subsidieaanvraag"
    assert record.data.kind.label == "Subsidieaanvraag"
    remove_term(scene.ws, Vocab.KINDS, "Subsidieaanvraag")
    assert CommitmentKind("Subsidieaanvraag") not in vocabulary(scene.ws).kinds
    again = CommitmentDialog(context, dialog.commitment_id)
    qtbot.addWidget(again)
    assert again.form.kind.currentText() == "Subsidieaanvraag"  # still shown on its record


def test_a_default_or_a_double_is_refused_with_a_message(qtbot: QtBot, context: AppContext,
                                                         scene: Scene) -> None:
    settings = SettingsDialog(context)
    qtbot.addWidget(settings)
    settings.roles.field.setText("cofinancier")
    settings.roles.add_button.click()
    assert settings.error.text() == "Rol van een partij 'cofinancier' staat al in de lijst."
    with pytest.raises(ValidationError):
        remove_term(scene.ws, Vocab.ROLES, "indiener")
    settings.roles.list.setCurrentRow(0)
    assert not settings.roles.remove_button.isEnabled()  # a default stays


def test_added_role_extends_the_party_role_combo_and_undo_takes_it_back(
        qtbot: QtBot, scene: Scene) -> None:
    add_term(scene.ws, Vocab.ROLES, "Trekker")
    roles = vocabulary(scene.ws).roles
    assert roles[-1] == PartyRole("Trekker")
    editor = PartiesEditor(lambda: (), roles=roles)
    qtbot.addWidget(editor)
    assert editor.role.itemText(editor.role.count() - 1) == "Trekker"
    undo(scene.ws)
    assert PartyRole("Trekker") not in vocabulary(scene.ws).roles
