"""A colleague's Outlook export with a known person's new address, through the wizard:
the preview shows the matched contact and what differs, "Aanvullen" adds the address
beside the old one, and one undo removes exactly that."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from ui.importing.test_import_wizard import open_dialog, proxy_index

from dealmaker.storage.models import Person
from dealmaker.ui.importing.preview_model import ACTION, MATCH, REMARKS
from dealmaker.ui.importing.wizard import PREVIEW, RESULT, SUMMARY

OUTLOOK = ('"First Name","Middle Name","Last Name","Company","Job Title","Business Phone",'
           '"E-mail Address","Notes"\r\n'
           '"Anna","van den","Berg","Ministerie van BZK","Dealmaker","070 426 6426",'
           '"anna.vandenberg@minbzk.nl",""\r\n'
           '"Joost","","Peters","Brainport Development","Business developer","via secretariaat",'
           '"joost.peters@brainport.nl",""\r\n')


def _shoot(dialog: Any, name: str) -> None:
    """With DEALMAKER_SHOTS set: the dialog at the two laptop sizes, as PNG files."""
    folder = os.environ.get("DEALMAKER_SHOTS")
    if not folder:
        return
    for width, height in ((1280, 800), (1024, 768)):
        dialog.resize(width, height)
        dialog.grab().save(str(Path(folder) / f"files-{name}-{width}x{height}.png"))


def _anna(window: Any) -> Person:
    with window.controller.workspace.read() as s:
        person = s.scalars(select(Person).where(Person.last_name == "Berg")).one()
        s.expunge(person)
        return person


def test_a_known_persons_new_address_is_added_and_undone_exactly(
        make_main_window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    window = make_main_window()
    before = _anna(window)
    path = tmp_path / "Contactpersonen collega.csv"
    path.write_bytes(OUTLOOK.encode("cp1252"))
    dialog = open_dialog(window)
    dialog.file_step.path_edit.setText(str(path))
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == PREVIEW
    view, step = dialog.preview_step.view, dialog.preview_step
    assert proxy_index(view, 2, MATCH).data() == "Anna van den Berg"
    assert proxy_index(view, 2, ACTION).data() == "Aanvullen"
    remarks = proxy_index(view, 2, REMARKS).data()
    assert "E-mailadres: anna.vandenberg@minbzk.nl (toegevoegd)" in remarks
    assert "Telefoon: 070 426 6426 (ingevuld)" in remarks
    # the row is compared beside the contact it matched
    comparison = step.comparison.text()
    assert "Rij 2 (Anna van den Berg) is al bekend als Anna van den Berg" in comparison
    assert ("E-mailadres: bestand ‘anna.vandenberg@minbzk.nl’, bestaand ‘anna@bzk.example’ "
            "→ toegevoegd") in comparison
    _shoot(dialog, "import-preview")

    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == SUMMARY
    _shoot(dialog, "import-summary")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.step() == RESULT
    details = dialog.result_step.details.toPlainText()
    assert ("rij 2, Anna van den Berg: e-mailadres ‘anna.vandenberg@minbzk.nl’ toegevoegd "
            "(‘anna@bzk.example’ blijft)") in details
    _shoot(dialog, "import-result")

    after = _anna(window)
    assert after.email == "anna@bzk.example"  # the old address stays
    assert "Ook e-mailadres: anna.vandenberg@minbzk.nl" in after.notes
    assert after.phone == "070 426 6426"
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)  # Sluiten
    window.findChild(QAction, "undo").trigger()
    undone = _anna(window)
    assert (undone.email, undone.phone, undone.notes) == (before.email, before.phone,
                                                          before.notes)
