"""Helpers for the trust dialog tests: a context on a workspace, recorded signals."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from dealmaker.services.changes import Changes
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.shell.context import AppContext
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner


@dataclass
class Bus:
    """A ``AppContext`` with inline tasks, and what it emitted."""

    context: AppContext
    changes: list[Changes] = field(default_factory=list)
    status: list[str] = field(default_factory=list)


def make_bus(ws: Workspace) -> Bus:
    signals = AppSignals()
    bus = Bus(AppContext(signals, TaskRunner(inline=True), lambda: ws))
    signals.changes_applied.connect(bus.changes.append)
    signals.status_message.connect(bus.status.append)
    return bus


def person(ws: Workspace, person_id: str) -> Person:
    with ws.read() as s:
        found = s.get(Person, person_id)
        assert found is not None
        s.expunge(found)
        return found


def live_names(ws: Workspace) -> list[str]:
    with ws.read() as s:
        return sorted(p.full_name for p in s.scalars(
            select(Person).where(Person.deleted_at.is_(None))))
