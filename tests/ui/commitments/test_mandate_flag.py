"""A commitment beyond its owner's mandate is flagged while it is typed, naming the
mandate; exactly the limit is within. The register shows the flag in its own column."""

from __future__ import annotations

from datetime import date

import pytest
from deals.conftest import Scene
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import CommitmentKind
from dealmaker.domain.money import eur
from dealmaker.services.commitments.records import CommitmentData, create_commitment
from dealmaker.services.mandates.records import MandateData, create_mandate
from dealmaker.ui.commitments import columns as C
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext

FLAG = ("⚠ Let op: boven mandaat 'Financiële toezeggingen' (max € 1.000.000,00, "
        "verleend door Piet Smit)")


@pytest.fixture
def mandate(scene: Scene) -> str:
    piet = scene.make.person("Piet", "Smit")
    mid, _ = create_mandate(scene.ws, MandateData(
        scene.maker, "Financiële toezeggingen", eur(1_000_000), piet, date(2020, 1, 1),
        date(2030, 12, 31)))
    return mid


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, scene: Scene, mandate: str) -> CommitmentDialog:
    d = CommitmentDialog(context, None)
    qtbot.addWidget(d)
    d.show()
    f = d.form
    f.title.setText("Bijdrage talentprogramma")
    f.from_org.setCurrentIndex(f.from_org.findData(scene.bzk))
    f.to_org.setCurrentIndex(f.to_org.findData(scene.twente))
    f.owner.setCurrentIndex(f.owner.findData(scene.maker))
    return d


def test_flag_follows_each_keystroke_of_the_amount(dialog: CommitmentDialog) -> None:
    f, flag = dialog.form, dialog.mandate.flag
    f.amount.setText("1 mln")
    assert not flag.isVisible() and f.within_mandate.isChecked()
    f.amount.setText("1.000.000,01")
    assert flag.isVisible() and flag.text() == FLAG
    assert dialog.height() >= dialog.sizeHint().height()  # room made: nothing cut off
    assert not f.within_mandate.isChecked()
    f.amount.setText("1.000.000,0")  # exactly the limit again
    assert not flag.isVisible() and f.within_mandate.isChecked()


def test_flag_follows_owner_and_date(dialog: CommitmentDialog) -> None:
    f, flag = dialog.form, dialog.mandate.flag
    f.amount.setText("2,5 mln")
    assert flag.isVisible()
    f.owner.setCurrentIndex(0)  # nobody: nothing to check
    assert not flag.isVisible()
    f.owner.setCurrentIndex(f.owner.findText("Anna Berg"))
    f.due.setText("01-01-2031")  # after the mandate's end
    assert flag.text() == ("⚠ Let op: geen geldig mandaat op 01-01-2031 ('Financiële "
                           "toezeggingen' geldt 01-01-2020 t/m 31-12-2030)")
    f.due.setText("31-12-2030")
    assert flag.text() == FLAG


def test_register_shows_the_flag_column(page: CommitmentsPage, scene: Scene,
                                        mandate: str) -> None:
    for title, amount in (("Te groot", eur(1_000_000) + 1), ("Precies", eur(1_000_000))):
        create_commitment(scene.ws, CommitmentData(
            title, CommitmentKind.FINANCIEEL, scene.bzk, scene.twente, scene.deal,
            owner_id=scene.maker, amount_cents=amount, due_on=date(2026, 6, 1)))
    page.register.reload()
    m = page.register.model
    flags = {m.index(r, C.TITLE).data(): m.index(r, C.MANDATE) for r in range(m.rowCount())}
    assert flags["Te groot"].data() == "⚠ boven"
    assert flags["Te groot"].data(Qt.ItemDataRole.ToolTipRole).startswith(
        "Boven mandaat 'Financiële toezeggingen'")
    assert flags["Precies"].data() == ""
