"""The dossier's tabs through the real widgets: each row opens its record through
context.commands; opgaven and themes are saved with the deal and undone as one step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from deals.conftest import Scene
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from dealmaker.domain.charts import BarChart
from dealmaker.domain.enums import (
    ContributionForm,
    IndicatorLevel,
    InteractionKind,
    MeetingKind,
    OrgKind,
    Sector,
)
from dealmaker.services.cofinancing import PledgeData, save_pledge
from dealmaker.services.deals.dossier import deal_dossier
from dealmaker.services.deals.records import save_deal
from dealmaker.services.interactions import InteractionData, log_interaction
from dealmaker.services.undo import undo
from dealmaker.storage.models import DealOpgave, DealTheme, Indicator, Meeting, Opgave
from dealmaker.ui.deals.dossier import DealDossierDialog
from dealmaker.ui.shell import charts
from dealmaker.ui.shell.context import AppContext


def _double_click(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    table.scrollToItem(table.item(row, 0))
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _tab(dialog: DealDossierDialog, title: str) -> int:
    return next(i for i in range(dialog.tabs.count())
                if dialog.tabs.tabText(i).startswith(title))


def test_each_tab_opens_its_record(qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    ws = scene.ws
    commitment = scene.commitment("Capaciteit leveren")
    moment, _ = log_interaction(ws, InteractionData(
        date(2026, 2, 1), InteractionKind.OVERLEG, participant_ids=[scene.maker],
        deal_ids=[scene.deal], summary="Voortgang besproken"))
    meeting = scene.make.add(Meeting(deal_id=scene.deal, kind=MeetingKind.RIJK_REGIO_OVERLEG,
                                     held_on=date(2026, 3, 1), title="Jaaroverleg"))
    scene.make.add(Indicator(deal_id=scene.deal, level=IndicatorLevel.PROGRAMMA,
                             name="Banen in de techniek", unit="banen"))
    opened: list[tuple[str, str]] = []
    commands = context.commands
    for name in ("open_pledge", "open_commitment", "open_contact_moment", "open_meeting"):
        setattr(commands, name, lambda _parent, rid, n=name: opened.append((n, rid)))
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pages = dialog.pages
    assert pages is not None
    pledge = pages.dossier.pledges[0].id
    for title, table, expected in (
            ("Bijdragen", pages.pledges, ("open_pledge", pledge)),
            ("Toezeggingen", pages.commitments, ("open_commitment", commitment)),
            ("Contactmomenten", pages.moments.table, ("open_contact_moment", moment)),
            ("Overleggen", pages.meetings.table, ("open_meeting", meeting))):
        dialog.tabs.setCurrentIndex(_tab(dialog, title))
        assert table.rowCount() == 1, title
        _double_click(qtbot, table, 0)
        assert opened[-1] == expected
    assert dialog.tabs.tabText(_tab(dialog, "Contactmomenten")) == "Contactmomenten (1)"
    dialog.tabs.setCurrentIndex(_tab(dialog, "Indicatoren"))
    assert pages.indicators.table.item(0, 0).text() == "Banen in de techniek"
    dialog.tabs.setCurrentIndex(_tab(dialog, "Ministeries"))
    assert pages.involvement.ministries.item(0, 0).text() == "Ministerie van BZK"


def test_a_pledge_edited_meanwhile_shows_in_the_open_dossier(
        qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    assert dialog.pages is not None
    _pid, changes = save_pledge(scene.ws, None, PledgeData(
        scene.deal, scene.enschede, 2026, Sector.PRIVAAT, ContributionForm.IN_CASH, 100))
    context.signals.changes_applied.emit(changes)
    assert dialog.pages.pledges.rowCount() == 2
    assert dialog.tabs.tabText(_tab(dialog, "Bijdragen")) == "Bijdragen (2)"


def _links(scene: Scene) -> tuple[set[str], set[str]]:
    with scene.ws.read() as s:
        return (set(s.scalars(select(DealOpgave.opgave_id).where(
                    DealOpgave.deal_id == scene.deal, DealOpgave.deleted_at.is_(None)))),
                set(s.scalars(select(DealTheme.theme_id).where(
                    DealTheme.deal_id == scene.deal, DealTheme.deleted_at.is_(None)))))


def test_opgaven_and_themes_are_saved_with_the_deal_and_undone(
        qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    wonen = scene.make.theme("Wonen")
    energie = scene.make.theme("Energietransitie")
    opgave = scene.make.add(Opgave(name="Woningbouw", theme_id=wonen,
                                   owner_organisation_id=scene.bzk))
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    links = dialog.links
    links.opgave.setCurrentIndex(links.opgave.findData(opgave))
    links.add_opgave()
    links.theme.setCurrentIndex(links.theme.findData(energie))
    links.add_theme()
    themes = [links.theme_table.item(r, 0).text() for r in range(links.theme_table.rowCount())]
    assert themes == ["Energietransitie", "Wonen"]  # Wonen comes with the opgave
    assert links.theme_table.item(1, 1).text() == "Woningbouw"
    dialog.save()
    assert _links(scene) == ({opgave}, {energie})
    undo(scene.ws)
    assert _links(scene) == (set(), set())


def test_charts_show_the_deals_money_exactly_and_export(
        qtbot: QtBot, context: AppContext, scene: Scene, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    save_pledge(scene.ws, None, PledgeData(scene.deal, scene.enschede, 2026, Sector.PRIVAAT,
                                           ContributionForm.IN_CASH, 250_000_000, 1_000))
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(_tab(dialog, "Grafieken"))
    assert dialog.pages is not None
    years, split = dialog.pages.charts.years.chart(), dialog.pages.charts.split.chart()
    assert isinstance(years, BarChart) and isinstance(split, BarChart)
    assert [(g.label, g.values) for g in years.groups] == [
        ("2025", (2_000_000_000, 0)), ("2026", (250_000_000, 1_000))]
    assert split.groups[0].values == (4_100_000_000, 2_000_000_000, 250_000_000, 0)
    target = tmp_path / "verdeling.svg"
    monkeypatch.setattr(charts, "ask_export_path", lambda *_a: target)
    dialog.pages.charts.split.save_as(".svg")
    assert "Verdeling van de deal" in target.read_text(encoding="utf-8")


def test_a_theme_mapped_to_a_ministry_flags_it_until_undone(
        qtbot: QtBot, context: AppContext, scene: Scene) -> None:
    ezk = scene.make.org("Ministerie van EZK", OrgKind.MINISTERIE)
    energie = scene.make.theme("Energietransitie")
    d = deal_dossier(scene.ws, scene.deal)
    save_deal(scene.ws, scene.deal, d.data, [p.data() for p in d.parties], themes=[energie])
    dialog = DealDossierDialog(context, scene.deal)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(_tab(dialog, "Ministeries"))
    pages = dialog.pages
    assert pages is not None

    def flagged() -> list[str]:
        table = pages.involvement.ministries
        return [table.item(r, 0).text() for r in range(table.rowCount())
                if table.item(r, 5).text()]

    assert flagged() == []
    editor = pages.edit_theme_ministries()
    qtbot.addWidget(editor)
    editor.themes.setCurrentRow(next(r for r in range(editor.themes.count())
                                     if editor.themes.item(r).text() == "Energietransitie"))
    ministries = editor.ministries
    row = next(r for r in range(ministries.count())
               if ministries.item(r).text() == "Ministerie van EZK")
    ministries.item(row).setCheckState(Qt.CheckState.Checked)
    editor.save()
    assert editor.checked() == [ezk]
    assert flagged() == ["Ministerie van EZK"]
    assert "Ministerie van EZK is relevant (thema Energietransitie)" in \
        pages.involvement.warnings.text()
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert flagged() == []
