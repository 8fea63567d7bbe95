"""Programme goals (with a short theory of change) and projects, each serving at least
one goal; a project without a goal is flagged ("zonder doel"), never refused, since older
and imported deals have them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.monitoring import missing
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Organisation, ProgrammeGoal, Project, ProjectGoal, Theme
from dealmaker.storage.workspace import Workspace

GOAL_TABLES = frozenset({"programme_goal", "project_goal"})
PROJECT_TABLES = frozenset({"project", "project_goal"})


@dataclass(frozen=True)
class GoalRow:
    id: str
    title: str
    #: the short theory of change (stored as the goal's description)
    theory: str
    theme_id: str | None
    theme: str
    projects: int


@dataclass(frozen=True)
class ProjectRow:
    id: str
    name: str
    lead_id: str | None
    lead: str
    goal_ids: tuple[str, ...]
    goals: str

    @property
    def orphan(self) -> bool:
        """Serves no programme goal."""
        return not self.goal_ids


@dataclass(frozen=True)
class DealPlan:
    goals: tuple[GoalRow, ...]
    projects: tuple[ProjectRow, ...]

    @property
    def orphans(self) -> tuple[ProjectRow, ...]:
        return tuple(p for p in self.projects if p.orphan)


@dataclass(frozen=True)
class GoalData:
    deal_id: str
    title: str
    theory: str = ""
    theme_id: str | None = None


@dataclass(frozen=True)
class ProjectData:
    deal_id: str
    name: str
    goal_ids: tuple[str, ...] = ()
    lead_organisation_id: str | None = None


def _links(s: Session, deal_id: str) -> list[tuple[str, str]]:
    return list(s.execute(
        select(ProjectGoal.project_id, ProjectGoal.goal_id)
        .join(ProgrammeGoal, ProgrammeGoal.id == ProjectGoal.goal_id)
        .where(ProgrammeGoal.deal_id == deal_id, ProjectGoal.deleted_at.is_(None),
               ProgrammeGoal.deleted_at.is_(None))))


def deal_plan(ws: Workspace, deal_id: str) -> DealPlan:
    """The deal's goals (with how many projects serve each) and its projects."""
    with ws.read() as s:
        links = _links(s, deal_id)
        served = Counter(goal for _p, goal in links)
        goals = [GoalRow(g.id, g.title, g.description, g.theme_id, theme or "", served[g.id])
                 for g, theme in s.execute(
                     select(ProgrammeGoal, Theme.name)
                     .outerjoin(Theme, Theme.id == ProgrammeGoal.theme_id)
                     .where(ProgrammeGoal.deal_id == deal_id,
                            ProgrammeGoal.deleted_at.is_(None))
                     .order_by(func.lower(ProgrammeGoal.title), ProgrammeGoal.id))]
        titles = {g.id: g.title for g in goals}
        per_project: dict[str, list[str]] = {}
        for project, goal in links:
            per_project.setdefault(project, []).append(goal)
        projects = []
        for p, lead in s.execute(
                select(Project, Organisation.name)
                .outerjoin(Organisation, Organisation.id == Project.lead_organisation_id)
                .where(Project.deal_id == deal_id, Project.deleted_at.is_(None))
                .order_by(func.lower(Project.name), Project.id)):
            mine = tuple(sorted(per_project.get(p.id, []), key=lambda g: titles[g]))
            projects.append(ProjectRow(p.id, p.name, p.lead_organisation_id, lead or "", mine,
                                       "; ".join(titles[g] for g in mine)))
    return DealPlan(tuple(goals), tuple(projects))


def save_goal(ws: Workspace, goal_id: str | None, data: GoalData) -> tuple[str, Changes]:
    if not data.title.strip():
        raise ValidationError("title", "Een programmadoel heeft een titel nodig.")
    with ws.uow("Programmadoel toevoegen" if goal_id is None else
                "Programmadoel wijzigen") as uow:
        if goal_id is None:
            goal = ProgrammeGoal(deal_id=data.deal_id)
            uow.session.add(goal)
        else:
            found = uow.session.get(ProgrammeGoal, goal_id)
            if found is None or found.deleted_at is not None:
                raise missing("programmadoel")
            goal = found
        goal.title, goal.description = data.title.strip(), data.theory.strip()
        goal.theme_id = data.theme_id
        uow.session.flush()
        op = uow.commit()
    return goal.id, Changes(GOAL_TABLES, op)


def _set_links(s: Session, project_id: str, goal_ids: Sequence[str]) -> None:
    """Soft-delete links to goals no longer chosen; add the new ones."""
    now = utcnow()
    current = {link.goal_id: link for link in s.scalars(select(ProjectGoal).where(
        ProjectGoal.project_id == project_id, ProjectGoal.deleted_at.is_(None)))}
    for goal_id, link in current.items():
        if goal_id not in goal_ids:
            link.deleted_at = now
    for goal_id in dict.fromkeys(goal_ids):
        if goal_id not in current:
            s.add(ProjectGoal(project_id=project_id, goal_id=goal_id))


def save_project(ws: Workspace, project_id: str | None, data: ProjectData
                 ) -> tuple[str, Changes]:
    """Add or change a project and the goals it serves (one undoable step)."""
    if not data.name.strip():
        raise ValidationError("name", "Een project heeft een naam nodig.")
    with ws.uow("Project toevoegen" if project_id is None else "Project wijzigen") as uow:
        s = uow.session
        if project_id is None:
            project = Project(deal_id=data.deal_id, name=data.name.strip())
            s.add(project)
            s.flush()
        else:
            found = s.get(Project, project_id)
            if found is None or found.deleted_at is not None:
                raise missing("project")
            project = found
        project.name = data.name.strip()
        project.lead_organisation_id = data.lead_organisation_id
        _set_links(s, project.id, data.goal_ids)
        s.flush()
        op = uow.commit()
    return project.id, Changes(PROJECT_TABLES, op)


def delete_goal(ws: Workspace, goal_id: str) -> Changes:
    """Delete a goal and its links to projects (those projects may become orphans)."""
    with ws.uow("Programmadoel verwijderen") as uow:
        goal = uow.session.get(ProgrammeGoal, goal_id)
        if goal is None or goal.deleted_at is not None:
            raise missing("programmadoel")
        now = utcnow()
        goal.deleted_at = now
        for link in uow.session.scalars(select(ProjectGoal).where(
                ProjectGoal.goal_id == goal_id, ProjectGoal.deleted_at.is_(None))):
            link.deleted_at = now
        op = uow.commit()
    return Changes(GOAL_TABLES, op)


def delete_project(ws: Workspace, project_id: str) -> Changes:
    with ws.uow("Project verwijderen") as uow:
        project = uow.session.get(Project, project_id)
        if project is None or project.deleted_at is not None:
            raise missing("project")
        now = utcnow()
        project.deleted_at = now
        for link in uow.session.scalars(select(ProjectGoal).where(
                ProjectGoal.project_id == project_id, ProjectGoal.deleted_at.is_(None))):
            link.deleted_at = now
        op = uow.commit()
    return Changes(PROJECT_TABLES, op)
