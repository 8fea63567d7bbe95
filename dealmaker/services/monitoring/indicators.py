"""Indicators at programme and project level: listed over all deals (filtered, sorted and
paged in SQL, with the latest measurement and the computed status), added and changed."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import IndicatorDirection, IndicatorLevel, WelvaartDimension
from dealmaker.domain.progress import Status, status
from dealmaker.services.changes import Changes
from dealmaker.services.monitoring import missing
from dealmaker.services.monitoring.status import reading_of
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Deal, Indicator, Measurement, Project, Theme
from dealmaker.storage.text_match import contains_ci
from dealmaker.storage.workspace import Workspace

INDICATOR_TABLES = frozenset({"indicator"})
#: where the figures come from (the field also takes any other text)
SOURCES = ("CBS", "SCP", "PBL", "Regionale monitor", "Eigen meting")


class IndicatorSort(StrEnum):
    DEAL = "deal"
    NAME = "name"
    LEVEL = "level"
    THEME = "theme"
    MEASURED = "measured"


@dataclass(frozen=True)
class IndicatorQuery:
    deal_id: str | None = None
    search: str = ""
    sort: IndicatorSort = IndicatorSort.DEAL
    descending: bool = False


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    deal_id: str
    deal: str
    name: str
    level: IndicatorLevel
    project: str
    theme: str
    dimension: WelvaartDimension | None
    unit: str
    source: str
    direction: IndicatorDirection
    baseline: Decimal | None
    baseline_on: date | None
    target: Decimal | None
    target_on: date | None
    latest: Decimal | None
    latest_on: date | None
    note: str
    status: Status


@dataclass(frozen=True)
class IndicatorData:
    deal_id: str
    name: str
    level: IndicatorLevel = IndicatorLevel.PROGRAMMA
    project_id: str | None = None
    goal_id: str | None = None
    theme_id: str | None = None
    unit: str = ""
    source: str = ""
    baseline_value: Decimal | None = None
    baseline_on: date | None = None
    target_value: Decimal | None = None
    target_on: date | None = None
    direction: IndicatorDirection = IndicatorDirection.HOGER_IS_BETER


def _latest(column: Any) -> Any:
    m = aliased(Measurement)
    return (select(column(m)).where(m.indicator_id == Indicator.id, m.deleted_at.is_(None))
            .order_by(m.measured_on.desc(), m.created_at.desc(), m.id.desc())
            .limit(1).correlate(Indicator).scalar_subquery())


def _where(s: Session, q: IndicatorQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Indicator.deleted_at.is_(None)]
    if q.deal_id is not None:
        where.append(Indicator.deal_id == q.deal_id)
    if q.search.strip():
        where.append(contains_ci(s, Indicator.name, q.search.strip()))
    return where


def _page(s: Session, q: IndicatorQuery) -> Select[Any]:
    latest_on = _latest(lambda m: m.measured_on).label("latest_on")
    order = {IndicatorSort.DEAL: func.lower(Deal.name), IndicatorSort.NAME:
             func.lower(Indicator.name), IndicatorSort.LEVEL: Indicator.level,
             IndicatorSort.THEME: func.lower(Theme.name),
             IndicatorSort.MEASURED: latest_on}[q.sort]
    return (select(Indicator, Deal.name, Project.name, Theme.name, Theme.dimension,
                   _latest(lambda m: m.value), latest_on, _latest(lambda m: m.note))
            .join(Deal, Deal.id == Indicator.deal_id)
            .outerjoin(Project, Project.id == Indicator.project_id)
            .outerjoin(Theme, Theme.id == Indicator.theme_id)
            .where(*_where(s, q))
            .order_by(order.desc() if q.descending else order, Indicator.level,
                      func.lower(Indicator.name), Indicator.id))


def query_indicators(ws: Workspace, q: IndicatorQuery, offset: int = 0,
                     limit: int = 100) -> list[IndicatorRow]:
    with ws.read() as s:
        rows = s.execute(_page(s, q).offset(offset).limit(limit)).all()
        return [_row(*r) for r in rows]


def _row(i: Indicator, deal: str, project: str | None, theme: str | None,
         dimension: WelvaartDimension | None, latest: Decimal | None, latest_on: date | None,
         note: str | None) -> IndicatorRow:
    value: Decimal | None = latest
    when: date | None = latest_on
    return IndicatorRow(
        i.id, i.deal_id, deal, i.name, i.level, project or "", theme or "", dimension,
        i.unit, i.source, i.direction, i.baseline_value, i.baseline_on, i.target_value,
        i.target_on, value, when, note or "", status(reading_of(i, value, when)))


def count_indicators(ws: Workspace, q: IndicatorQuery) -> int:
    with ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Indicator).where(*_where(s, q)))
                   or 0)


def indicator_row(ws: Workspace, indicator_id: str) -> IndicatorRow:
    with ws.read() as s:
        r = s.execute(_page(s, IndicatorQuery()).where(Indicator.id == indicator_id)).first()
    if r is None:
        raise missing("indicator")
    return _row(*r)


def _validate(d: IndicatorData) -> None:
    if not d.name.strip():
        raise ValidationError("name", "Een indicator heeft een naam nodig.")
    if d.level is IndicatorLevel.PROJECT and d.project_id is None:
        raise ValidationError("project_id", "Kies het project van deze projectindicator.")
    for value, when, what in ((d.baseline_value, d.baseline_on, "nulmeting"),
                              (d.target_value, d.target_on, "streefwaarde")):
        if when is not None and value is None:
            raise ValidationError(what, f"Vul bij de datum van de {what} ook de waarde in.")
    if d.baseline_on and d.target_on and d.target_on <= d.baseline_on:
        raise ValidationError("target_on", "De streefdatum ligt na de datum van de "
                                           "nulmeting.")


def save_indicator(ws: Workspace, indicator_id: str | None, data: IndicatorData
                   ) -> tuple[str, Changes]:
    """Add or change an indicator: one undoable step."""
    _validate(data)
    with ws.uow("Indicator toevoegen" if indicator_id is None else
                "Indicator wijzigen") as uow:
        if indicator_id is None:
            indicator = Indicator()
            uow.session.add(indicator)
        else:
            found = uow.session.get(Indicator, indicator_id)
            if found is None or found.deleted_at is not None:
                raise missing("indicator")
            indicator = found
        for f in fields(IndicatorData):
            setattr(indicator, f.name, getattr(data, f.name))
        indicator.name = data.name.strip()
        if data.level is IndicatorLevel.PROGRAMMA:
            indicator.project_id = None
        uow.session.flush()
        op = uow.commit()
    return indicator.id, Changes(INDICATOR_TABLES, op)


def indicator_data(ws: Workspace, indicator_id: str) -> IndicatorData:
    with ws.read() as s:
        i = s.get(Indicator, indicator_id)
        if i is None or i.deleted_at is not None:
            raise missing("indicator")
        return IndicatorData(**{f.name: getattr(i, f.name) for f in fields(IndicatorData)})


def delete_indicator(ws: Workspace, indicator_id: str) -> Changes:
    with ws.uow("Indicator verwijderen") as uow:
        i = uow.session.get(Indicator, indicator_id)
        if i is None or i.deleted_at is not None:
            raise missing("indicator")
        i.deleted_at = utcnow()
        op = uow.commit()
    return Changes(INDICATOR_TABLES, op)


@dataclass(frozen=True)
class ThemeChoice:
    id: str
    name: str
    dimension: WelvaartDimension | None

    @property
    def label(self) -> str:
        return f"{self.name} ({self.dimension.label})" if self.dimension else self.name


def theme_choices(ws: Workspace) -> list[ThemeChoice]:
    with ws.read() as s:
        return [ThemeChoice(t.id, t.name, t.dimension) for t in s.scalars(
            select(Theme).where(Theme.deleted_at.is_(None)).order_by(func.lower(Theme.name)))]
