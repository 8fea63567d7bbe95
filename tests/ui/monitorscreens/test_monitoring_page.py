"""The Monitoring page through the real widgets: a dealmaker enters a measurement and sees
the status change; orphan projects flagged; bijsturing and indicator edits undone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from directory.factory import Factory
from pytestqt.qtbot import QtBot

from dealmaker.domain.enums import ContributionForm, Sector
from dealmaker.domain.progress import Status
from dealmaker.services.monitoring.goals import GoalData, ProjectData, save_goal, save_project
from dealmaker.services.monitoring.indicators import IndicatorData, save_indicator
from dealmaker.services.undo import undo
from dealmaker.storage.models import Pledge
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.monitoring import indicator_model as M
from dealmaker.ui.monitoring.adjustment_dialog import AdjustmentDialog
from dealmaker.ui.monitoring.goal_dialogs import ProjectDialog
from dealmaker.ui.monitoring.indicator_dialog import IndicatorDialog
from dealmaker.ui.monitoring.measurement_dialog import MeasurementDialog
from dealmaker.ui.monitoring.page import MonitoringPage
from dealmaker.ui.shell.charts import export_svg
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.table_model import AttentionRole
from dealmaker.ui.shell.tasks import TaskRunner


@dataclass
class Scene:
    ws: Workspace
    deal: str
    indicator: str


@pytest.fixture
def scene(workspace: Workspace) -> Scene:
    make = Factory(workspace)
    deal = make.deal("Regio Deal Twente")
    org = make.org("Provincie Overijssel")
    make.add(Pledge(deal_id=deal, organisation_id=org, year=2025, sector=Sector.PUBLIEK,
                    form=ContributionForm.IN_CASH, pledged_cents=250_000_000,
                    realised_cents=100_000_000))
    goal, _ = save_goal(workspace, None, GoalData(deal, "Meer vakmensen",
                                                  "opleiden -> vakmensen -> banen"))
    save_project(workspace, None, ProjectData(deal, "Techniekschool", (goal,)))
    save_project(workspace, None, ProjectData(deal, "Losse pilot"))
    iid, _ = save_indicator(workspace, None, IndicatorData(
        deal, "Banen in de techniek", unit="banen", source="CBS",
        baseline_value=Decimal(0), target_value=Decimal(100)))
    return Scene(workspace, deal, iid)


@pytest.fixture
def context(workspace: Workspace) -> Iterator[AppContext]:
    tasks = TaskRunner(inline=True)
    yield AppContext(AppSignals(), tasks, lambda: workspace)
    tasks.shutdown()


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, scene: Scene) -> MonitoringPage:
    widget = MonitoringPage(context)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_active(True)
    widget.monitoring.show_deal(scene.deal)
    return widget


def _status(page: MonitoringPage) -> str:
    tab = page.monitoring.indicators
    return str(tab.model.index(tab.model.row_of(tab.current.id), M.STATUS).data())  # type: ignore[union-attr]


@pytest.mark.parametrize(("typed", "expected"), [
    ("100", Status.OP_KOERS), ("75,000001", Status.ACHTER), ("75", Status.UIT_KOERS)])
def test_entering_a_measurement_changes_the_status_on_screen(
        qtbot: QtBot, context: AppContext, scene: Scene, page: MonitoringPage, typed: str,
        expected: Status) -> None:
    tab = page.monitoring.indicators
    assert tab.current is not None and tab.current.id == scene.indicator
    assert _status(page) == "geen gegevens"
    assert "Voortgang = " in tab.model.headerData(M.STATUS, M.Qt.Orientation.Horizontal,
                                                  M.Qt.ItemDataRole.ToolTipRole)
    assert "op koers" in tab.rule.text()  # the rule is on screen, not only in a tooltip
    dialog = MeasurementDialog(context, scene.indicator, "Banen", "banen", None, page)
    qtbot.addWidget(dialog)
    dialog.measured_on.setText("30-06-2025")
    dialog.value_field.setText(typed)
    dialog.note.setPlainText("tweede cohort gestart")
    dialog.save()
    assert dialog.saved() is not None and dialog.saved().status is expected  # type: ignore[union-attr]
    assert _status(page) == expected.value
    assert expected.value in tab.heading.text()
    assert tab.measured.rowCount() == 1
    assert tab.measured.index(0, 2).data() == "tweede cohort gestart"
    assert tab.chart.chart() is not None
    assert len(tab.chart.chart().series[0].points) == 1  # type: ignore[union-attr]


def test_a_value_that_is_not_a_number_is_refused_in_dutch(
        qtbot: QtBot, context: AppContext, scene: Scene, page: MonitoringPage) -> None:
    dialog = MeasurementDialog(context, scene.indicator, "Banen", "banen", None, page)
    qtbot.addWidget(dialog)
    dialog.value_field.setText("veel")
    dialog.save()
    assert "Ongeldig getal 'veel'" in dialog.error.text()
    assert page.monitoring.indicators.measured.rowCount() == 0


def test_orphan_project_is_flagged(page: MonitoringPage) -> None:
    plan = page.monitoring.plan
    model = plan.projects_model
    flagged = {model.index(r, 0).data(): model.index(r, 2).data(AttentionRole)
               for r in range(model.rowCount())}
    assert flagged == {"Losse pilot": True, "Techniekschool": False}
    assert model.index(model.row_of(model.rows()[0].id), 2).data() == "zonder doel"
    assert "1 zonder programmadoel" in plan.projects.note.text()
    assert plan.goals_model.index(0, 2).data() == "1"


def test_bijsturing_entry_then_undo(qtbot: QtBot, context: AppContext, scene: Scene,
                                    page: MonitoringPage) -> None:
    tab = page.monitoring.adjustments
    assert tab.model.rowCount() == 0
    dialog = AdjustmentDialog(context, scene.deal, tab.plan, None, page)
    qtbot.addWidget(dialog)
    dialog.decided_on.setText("03-11-2025")
    dialog.level.setCurrentIndex(dialog.level.findData("governance"))
    dialog.reason.setPlainText("Stuurgroep verkleind tot vijf leden")
    dialog.indicator.setCurrentIndex(dialog.indicator.findData(scene.indicator))
    dialog.save()
    assert tab.model.rowCount() == 1
    assert [tab.model.index(0, c).data() for c in range(4)] == [
        "03-11-2025", "Governance", "Stuurgroep verkleind tot vijf leden",
        "Indicator: Banen in de techniek"]
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert tab.model.rowCount() == 0


def test_indicator_edit_then_undo(qtbot: QtBot, context: AppContext, scene: Scene,
                                  page: MonitoringPage) -> None:
    tab = page.monitoring.indicators
    dialog = IndicatorDialog(context, scene.deal, tab.plan, scene.indicator, page)
    qtbot.addWidget(dialog)
    assert dialog.target.text() == "100"
    dialog.target.setText("80,5")
    dialog.target_on.setText("31-12-2027")
    dialog.save()
    assert tab.model.index(0, M.TARGET).data() == "80,5 banen"
    assert "31-12-2027" in tab.model.index(0, M.TARGET).data(M.Qt.ItemDataRole.ToolTipRole)
    changes = undo(scene.ws)
    assert changes is not None
    context.signals.changes_applied.emit(changes)
    assert tab.model.index(0, M.TARGET).data() == "100 banen"


def test_charts_render_and_export(page: MonitoringPage, tmp_path: Path, qtbot: QtBot
                                  ) -> None:
    view = page.monitoring
    money = view.money.chart()
    assert money is not None and [g.values for g in money.groups] == [(250_000_000,
                                                                        100_000_000)]
    view.tabs.setCurrentWidget(view.money)
    image = view.money.grab().toImage()
    assert len({image.pixel(x, image.height() // 2) for x in range(image.width())}) > 2
    export_svg(view.indicators.chart.chart(), tmp_path / "indicator.svg")
    text = (tmp_path / "indicator.svg").read_text(encoding="utf-8")
    assert "Banen in de techniek" in text and "Streefwaarde: 100 banen" in text


def test_all_deals_lists_every_indicator(qtbot: QtBot, scene: Scene, page: MonitoringPage
                                         ) -> None:
    other = Factory(scene.ws).deal("Regio Deal Achterhoek")
    save_indicator(scene.ws, None, IndicatorData(other, "Woningen"))
    view = page.monitoring
    view.deal.setCurrentIndex(0)  # Alle deals
    assert view.indicators.model.total == 2
    assert not view.indicators.new_button.isEnabled()
    assert "Kies een deal" in view.hint.text()


def test_model_passes_the_modeltester(qtmodeltester: Any, page: MonitoringPage) -> None:
    qtmodeltester.check(page.monitoring.indicators.model)
    qtmodeltester.check(page.monitoring.plan.projects_model)


def test_search_narrows_the_indicators(qtbot: QtBot, scene: Scene, page: MonitoringPage
                                       ) -> None:
    save_indicator(scene.ws, None, IndicatorData(scene.deal, "Woningen opgeleverd"))
    tab = page.monitoring.indicators
    tab.load(scene.deal, tab.plan)
    assert tab.model.total == 2
    qtbot.keyClicks(tab.search, "woning")
    assert tab.model.total == 1
    assert tab.current is not None and tab.current.name == "Woningen opgeleverd"


def test_a_project_gets_a_lead_and_a_goal(qtbot: QtBot, context: AppContext, scene: Scene,
                                          page: MonitoringPage) -> None:
    plan = page.monitoring.plan
    org = Factory(scene.ws).org("Gemeente Enschede")
    orphan = next(p for p in plan.projects_model.rows() if p.orphan)
    dialog = ProjectDialog(context, scene.deal, list(plan.plan.goals), orphan, page)
    qtbot.addWidget(dialog)
    dialog.lead.setCurrentIndex(dialog.lead.findData(org))
    dialog.goals.item(0).setCheckState(M.Qt.CheckState.Checked)
    dialog.save()
    row = next(p for p in plan.projects_model.rows() if p.id == orphan.id)
    assert (row.lead, row.goals, row.orphan) == ("Gemeente Enschede", "Meer vakmensen", False)
    assert plan.projects.note.text() == ""
