"""Ctrl+Z of "Neem deze waarde" puts the old value back and the conflict back in the list;
redo settles it again; syncing the take and its undo does not settle it either."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.conflicts import open_conflicts, take_loser
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.sync.status import sync_status
from dealmaker.services.undo import redo, undo
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace, open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _email(ws: Workspace, pid: str) -> str:
    with ws.read() as s:
        person = s.get(Person, pid)
        assert person is not None
        return person.email


def test_undo_of_taking_the_other_value_reopens_the_conflict(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Visser", email="v@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(a) as ws:
        update_person(ws, pid, email="v@anna.example")
        sync(ws)
    with open_workspace(b) as ws:
        update_person(ws, pid, email="v@bob.example")
        sync(ws)
        [conflict] = open_conflicts(ws)
        take_loser(ws, conflict.id)
        assert open_conflicts(ws) == [] and sync_status(ws).open_conflicts == 0
        assert _email(ws, pid) == "v@bob.example"

        undo(ws)
        assert _email(ws, pid) == "v@anna.example"
        [again] = open_conflicts(ws)
        assert (again.id, again.winner_value, again.loser_value) == (
            conflict.id, "v@anna.example", "v@bob.example")
        assert sync_status(ws).open_conflicts == 1

        redo(ws)
        assert open_conflicts(ws) == [] and _email(ws, pid) == "v@bob.example"
        undo(ws)
        assert [c.id for c in open_conflicts(ws)] == [conflict.id]

        sync(ws)  # the take and its undo travel; they do not settle the conflict
        assert [c.id for c in open_conflicts(ws)] == [conflict.id]
        take_loser(ws, conflict.id)  # and it can be taken again
        assert open_conflicts(ws) == [] and _email(ws, pid) == "v@bob.example"
        sync(ws)
        assert open_conflicts(ws) == []
    with open_workspace(a) as ws:
        sync(ws)
        assert _email(ws, pid) == "v@bob.example"


def test_both_copies_list_the_same_after_a_take_and_its_undo(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    """Bob takes his value and undoes it; after both sync, Anna's copy lists the conflict
    too (the pulled take and undo closed it there as 'later'); when Bob takes it again
    for good, it is settled on both copies."""
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Bakker", email="e@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(a) as ws:
        update_person(ws, pid, email="e@anna.example")
        sync(ws)
    with open_workspace(b) as ws:
        update_person(ws, pid, email="e@bob.example")
        sync(ws)
        [conflict] = open_conflicts(ws)
        take_loser(ws, conflict.id)
        undo(ws)
        sync(ws)
        assert len(open_conflicts(ws)) == 1
    with open_workspace(a) as ws:
        sync(ws)
        assert len(open_conflicts(ws)) == 1 and _email(ws, pid) == "e@anna.example"
    with open_workspace(b) as ws:
        take_loser(ws, open_conflicts(ws)[0].id)
        sync(ws)
        assert open_conflicts(ws) == []
    with open_workspace(a) as ws:
        sync(ws)
        assert open_conflicts(ws) == [] and _email(ws, pid) == "e@bob.example"
