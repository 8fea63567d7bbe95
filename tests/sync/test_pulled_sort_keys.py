"""A name a colleague changed sorts on my copy as on theirs: the Contacten list's sort
keys are derived data, refreshed for pulled changes as for my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _sort_name(path: Path, pid: str) -> str | None:
    with open_workspace(path, lock=False) as ws, ws.read() as s:
        person = s.get(Person, pid)
        assert person is not None
        return person.sort_name


def test_a_pulled_rename_sorts_where_the_colleague_sees_it(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Aalbers", first_name="Anke"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    before = _sort_name(b, pid)
    with open_workspace(a) as ws:
        update_person(ws, pid, last_name="Zwart", tussenvoegsel="de")
        sync(ws)
    with open_workspace(b) as ws:
        sync(ws)
    assert _sort_name(b, pid) == _sort_name(a, pid) != before
