"""Monitoring through the services: status computed when a measurement is entered, orphan
projects flagged, every edit one undoable step, chart series exact."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from directory.factory import Factory

from dealmaker.domain.charts import Unit
from dealmaker.domain.enums import AdjustmentLevel, IndicatorDirection, IndicatorLevel
from dealmaker.domain.progress import Status
from dealmaker.services.monitoring.adjustments import (
    AdjustmentData,
    adjustments,
    delete_adjustment,
    save_adjustment,
)
from dealmaker.services.monitoring.charts import indicator_chart, money_chart
from dealmaker.services.monitoring.goals import (
    GoalData,
    ProjectData,
    deal_plan,
    delete_goal,
    save_goal,
    save_project,
)
from dealmaker.services.monitoring.indicators import (
    IndicatorData,
    IndicatorQuery,
    count_indicators,
    indicator_data,
    indicator_row,
    query_indicators,
    save_indicator,
)
from dealmaker.services.monitoring.measurements import (
    MeasurementData,
    delete_measurement,
    measurements,
    save_measurement,
)
from dealmaker.services.people import ValidationError
from dealmaker.services.undo import undo
from dealmaker.storage.models import Pledge
from dealmaker.storage.workspace import Workspace


@pytest.fixture
def deal(workspace: Workspace) -> str:
    return Factory(workspace).deal("Regio Deal Twente")


def _indicator(ws: Workspace, deal: str, *, higher: bool = True) -> str:
    """Nulmeting 0 and streefwaarde 100 (or the other way round), without dates: the
    whole way is expected, so a quarter short is the edge of 'achter'."""
    iid, _ = save_indicator(ws, None, IndicatorData(
        deal, "Banen in de maakindustrie", unit="banen", source="CBS",
        baseline_value=Decimal(0 if higher else 100), target_value=Decimal(100 if higher else 0),
        direction=IndicatorDirection.HOGER_IS_BETER if higher else
        IndicatorDirection.LAGER_IS_BETER))
    return iid


@pytest.mark.parametrize(("value", "expected"), [
    ("100", Status.OP_KOERS), ("120", Status.OP_KOERS), ("99.999999", Status.ACHTER),
    ("75.000001", Status.ACHTER), ("75", Status.UIT_KOERS), ("0", Status.UIT_KOERS),
    ("-1", Status.UIT_KOERS)])
def test_entering_a_measurement_computes_the_status_at_its_boundaries(
        workspace: Workspace, deal: str, value: str, expected: Status) -> None:
    iid = _indicator(workspace, deal)
    assert indicator_row(workspace, iid).status is Status.GEEN_GEGEVENS
    saved = save_measurement(workspace, None, MeasurementData(
        iid, date(2025, 6, 30), Decimal(value), "na de eerste oogst"))
    assert saved.status is expected
    row = indicator_row(workspace, iid)
    assert (row.status, row.latest, row.note) == (expected, Decimal(value), "na de eerste oogst")


def test_lower_is_better_and_the_latest_date_counts(workspace: Workspace, deal: str) -> None:
    iid = _indicator(workspace, deal, higher=False)
    save_measurement(workspace, None, MeasurementData(iid, date(2025, 1, 1), Decimal(0)))
    late = save_measurement(workspace, None, MeasurementData(iid, date(2024, 1, 1),
                                                             Decimal(90)))
    assert late.status is Status.OP_KOERS  # an older measurement entered later
    assert [m.value for m in measurements(workspace, iid)] == [90, 0]
    newest = measurements(workspace, iid)[-1].id
    delete_measurement(workspace, newest)
    assert indicator_row(workspace, iid).status is Status.UIT_KOERS


def test_a_measurement_keeps_six_decimals_and_refuses_more(workspace: Workspace,
                                                           deal: str) -> None:
    iid = _indicator(workspace, deal)
    save_measurement(workspace, None, MeasurementData(iid, date(2025, 1, 1),
                                                      Decimal("12.345678")))
    assert measurements(workspace, iid)[0].value == Decimal("12.345678")
    with pytest.raises(ValidationError, match="hoogstens 6 decimalen"):
        save_measurement(workspace, None, MeasurementData(iid, date(2025, 1, 1),
                                                          Decimal("1.0000001")))


def test_projects_without_a_goal_are_flagged(workspace: Workspace, deal: str) -> None:
    goal, _ = save_goal(workspace, None, GoalData(deal, "Meer banen in de regio",
                                                  "opleiden -> vakmensen -> banen"))
    served, _ = save_project(workspace, None, ProjectData(deal, "Vakschool", (goal,)))
    save_project(workspace, None, ProjectData(deal, "Losse pilot"))
    plan = deal_plan(workspace, deal)
    assert [(p.name, p.orphan) for p in plan.projects] == [("Losse pilot", True),
                                                          ("Vakschool", False)]
    assert plan.goals[0].projects == 1 and plan.goals[0].theory.startswith("opleiden")
    delete_goal(workspace, goal)  # its project loses its only goal
    assert {p.name for p in deal_plan(workspace, deal).orphans} == {"Losse pilot",
                                                                    "Vakschool"}
    undo(workspace)
    assert [p.id for p in deal_plan(workspace, deal).orphans] != [served]
    assert len(deal_plan(workspace, deal).orphans) == 1


def test_relinking_a_project_is_one_undoable_step(workspace: Workspace, deal: str) -> None:
    a, _ = save_goal(workspace, None, GoalData(deal, "Doel A"))
    b, _ = save_goal(workspace, None, GoalData(deal, "Doel B"))
    pid, _ = save_project(workspace, None, ProjectData(deal, "Project", (a,)))
    save_project(workspace, pid, ProjectData(deal, "Project hernoemd", (b,)))
    assert deal_plan(workspace, deal).projects[0].goals == "Doel B"
    undo(workspace)
    project = deal_plan(workspace, deal).projects[0]
    assert (project.name, project.goals) == ("Project", "Doel A")


def test_an_indicator_edit_is_undone(workspace: Workspace, deal: str) -> None:
    iid = _indicator(workspace, deal)
    data = indicator_data(workspace, iid)
    save_indicator(workspace, iid, IndicatorData(**{**data.__dict__, "name": "Banen",
                                                   "target_value": Decimal("80.5")}))
    assert indicator_data(workspace, iid).target_value == Decimal("80.5")
    undo(workspace)
    assert indicator_data(workspace, iid) == data


def test_indicator_refusals_name_the_field(workspace: Workspace, deal: str) -> None:
    with pytest.raises(ValidationError) as project:
        save_indicator(workspace, None, IndicatorData(deal, "X", IndicatorLevel.PROJECT))
    assert project.value.field == "project_id"
    with pytest.raises(ValidationError) as dates:
        save_indicator(workspace, None, IndicatorData(
            deal, "X", baseline_value=Decimal(1), baseline_on=date(2025, 1, 1),
            target_value=Decimal(2), target_on=date(2024, 1, 1)))
    assert dates.value.field == "target_on"


def test_bijsturing_is_logged_edited_deleted_and_undone(workspace: Workspace,
                                                        deal: str) -> None:
    goal, _ = save_goal(workspace, None, GoalData(deal, "Meer banen"))
    iid = _indicator(workspace, deal)
    aid, _ = save_adjustment(workspace, None, AdjustmentData(
        deal, date(2025, 11, 3), AdjustmentLevel.GOVERNANCE, "Stuurgroep verkleind",
        goal_id=goal, indicator_id=iid))
    [row] = adjustments(workspace, deal)
    assert (row.level, row.concerns) == (
        AdjustmentLevel.GOVERNANCE, "Doel: Meer banen; Indicator: Banen in de maakindustrie")
    save_adjustment(workspace, aid, AdjustmentData(deal, date(2025, 11, 4),
                                                   AdjustmentLevel.PROGRAMMA, "Anders"))
    assert adjustments(workspace, deal)[0].reason == "Anders"
    undo(workspace)
    assert adjustments(workspace, deal)[0].reason == "Stuurgroep verkleind"
    delete_adjustment(workspace, aid)
    assert adjustments(workspace, deal) == []
    undo(workspace)
    assert len(adjustments(workspace, deal)) == 1
    undo(workspace)
    undo(workspace)  # the first entry itself
    assert adjustments(workspace, deal) == []


def test_indicators_are_listed_over_all_deals_and_paged(workspace: Workspace,
                                                        deal: str) -> None:
    other = Factory(workspace).deal("Regio Deal Achterhoek")
    for d in (deal, other):
        for n in range(3):
            save_indicator(workspace, None, IndicatorData(d, f"Indicator {n}"))
    assert count_indicators(workspace, IndicatorQuery()) == 6
    first = query_indicators(workspace, IndicatorQuery(), 0, 4)
    rest = query_indicators(workspace, IndicatorQuery(), 4, 4)
    assert [r.deal for r in first + rest] == ["Regio Deal Achterhoek"] * 3 + \
        ["Regio Deal Twente"] * 3
    assert count_indicators(workspace, IndicatorQuery(deal_id=deal, search="tor 1")) == 1


def test_chart_series_are_exact(workspace: Workspace, deal: str) -> None:
    iid = _indicator(workspace, deal)
    save_measurement(workspace, None, MeasurementData(iid, date(2025, 1, 1),
                                                      Decimal("33.3"), "tussenstand"))
    line = indicator_chart(workspace, iid)
    assert [(p.value, p.note) for p in line.series[0].points] == [(Decimal("33.3"),
                                                                    "tussenstand")]
    assert [(r.label, r.value) for r in line.references] == [("Nulmeting", 0),
                                                            ("Streefwaarde", 100)]
    make = Factory(workspace)
    org = make.org("Provincie Overijssel")
    for year, pledged, realised in ((2024, 150_000_001, 1), (2024, 1, 0), (2025, 7, 7)):
        make.add(Pledge(deal_id=deal, organisation_id=org, year=year, sector="publiek",
                        form="in_cash", pledged_cents=pledged, realised_cents=realised))
    money = money_chart(workspace, deal)
    assert money.unit is Unit.EUR
    assert [(g.label, g.values) for g in money.groups] == [("2024", (150_000_002, 1)),
                                                           ("2025", (7, 7))]
