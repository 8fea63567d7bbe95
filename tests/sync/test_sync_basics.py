"""Two dealmakers share a workspace through PostgreSQL and merge after working offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.services.history import record_history
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.conflicts import open_conflicts, take_loser
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _email(path: Path, person_id: str) -> str:
    with open_workspace(path, lock=False) as ws, ws.read() as s:
        person = s.get(Person, person_id)
        assert person is not None
        return person.email


def test_same_email_edited_offline_is_a_conflict_with_both_values(
        pg: Server, team: tuple[str, tuple[str, ...]], copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    anna_path = copy_of("anna")
    with open_workspace(anna_path) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Jansen", first_name="Els",
                                           email="els@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    bob_path = tmp_path / "bob.dealmaker"
    join_workspace(pg.url(bob), bob_path, name)
    assert _email(bob_path, pid) == "els@oud.example"

    with open_workspace(anna_path) as ws:
        update_person(ws, pid, email="els@anna.example")
    with open_workspace(bob_path) as ws:
        update_person(ws, pid, email="els@bob.example")

    with open_workspace(anna_path) as ws:
        sync(ws, pg.url(anna))
    with open_workspace(bob_path) as ws:
        result = sync(ws, pg.url(bob))
        assert result.conflicts == 1
        [conflict] = open_conflicts(ws)
    assert (conflict.field, conflict.winner_value, conflict.loser_value) == (
        "email", "els@anna.example", "els@bob.example")
    assert conflict.loser_author == bob and conflict.winner_author == anna
    assert _email(bob_path, pid) == "els@anna.example"  # the first to sync wins

    with open_workspace(anna_path) as ws:
        sync(ws)
        assert [c.loser_value for c in open_conflicts(ws)] == ["els@bob.example"]
        take_loser(ws, open_conflicts(ws)[0].id)
        assert open_conflicts(ws) == []
        sync(ws)
    with open_workspace(bob_path) as ws:
        sync(ws)
        assert open_conflicts(ws) == []  # the later write settled it on bob's copy too
    assert _email(anna_path, pid) == _email(bob_path, pid) == "els@bob.example"
    with open_workspace(bob_path) as ws:  # who changed what: the colleague's role
        history = record_history(ws, "person", pid)
    assert ("E-mail", "els@anna.example", "els@bob.example", anna) in {
        (e.field, e.old, e.new, e.author) for e in history}
