"""The Conflicten list says who wrote each value and when the other one was written (on
the writer's laptop, not when it reached the server); a sync counts only the conflicts
that are still open after it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.conflicts import conflict_rows, describe, open_conflicts, take_loser
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Operation
from dealmaker.storage.workspace import Workspace, open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres

#: when bob typed his e-mail, offline, a week before he could sync
TYPED = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)


def _typed_then(ws: Workspace) -> None:
    with ws.engine.begin() as conn:
        newest = conn.execute(select(func.max(Operation.sequence))).scalar()
        conn.execute(update(Operation).where(Operation.sequence == newest).values(at=TYPED))


def _two_offline_edits(pg: Server, team, copy_of, tmp_path: Path) -> tuple[Path, Path, str]:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="de Wit", first_name="Lies",
                                           email="lies@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(b) as ws:
        update_person(ws, pid, email="lies@bob.example")
        _typed_then(ws)
    with open_workspace(a) as ws:
        update_person(ws, pid, email="lies@anna.example")
        sync(ws)
    return a, b, pid


def test_a_conflict_row_names_both_authors_and_when_the_other_value_was_written(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    _name, (anna, bob, _carl) = team
    a, b, _pid = _two_offline_edits(pg, team, copy_of, tmp_path)
    typed = TYPED.astimezone().strftime("%d-%m-%Y %H:%M")
    for path in (b, a):
        with open_workspace(path) as ws:
            sync(ws)
            [row] = conflict_rows(ws)
            assert (row.current, row.current_who, row.other, row.who, row.when) == (
                "lies@anna.example", anna, "lies@bob.example", bob, typed)
            [line] = describe(ws, open_conflicts(ws))
            assert line == (f"contact 'Lies de Wit', E-mail: 'lies@anna.example' ({anna}) | "
                            f"'lies@bob.example' ({bob}, {typed})")


def test_a_sync_counts_only_conflicts_still_open_after_it(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    """Bob takes his own value back before Anna syncs: Anna's sync brings the conflict and
    its settlement at once; it is no new conflict for her."""
    a, b, _pid = _two_offline_edits(pg, team, copy_of, tmp_path)
    with open_workspace(b) as ws:
        assert sync(ws).conflicts == 1
        [conflict] = open_conflicts(ws)
        take_loser(ws, conflict.id)
        assert sync(ws).conflicts == 0
    with open_workspace(a) as ws:
        result = sync(ws)
        assert open_conflicts(ws) == []
        assert result.conflicts == 0
