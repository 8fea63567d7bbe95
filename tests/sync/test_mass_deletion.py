"""The mass-deletion question counts what a pull would really delete here, and says what
and by whom: a delete undone before the colleague synced asks nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.organisations import OrganisationData, create_organisation
from dealmaker.services.people import PersonData, add_person, delete_persons
from dealmaker.services.positions import PositionData, add_position
from dealmaker.services.sync.engine import MassDeletion, sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.undo import redo, undo
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _pair(pg: Server, team, copy_of, tmp_path: Path, people: int):  # type: ignore[no-untyped-def]
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        org, _ = create_organisation(
            ws, OrganisationData("Provincie Noord", OrgKind.PROVINCIE, Side.REGIO))
        ids = [add_person(ws, PersonData(last_name=f"Mens{i}"))[0] for i in range(people)]
        for pid in ids:
            add_position(ws, pid, PositionData(org, title="Adviseur"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    return a, b, ids


def _live_persons(path: Path) -> int:
    with open_workspace(path, lock=False) as ws, ws.read() as s:
        return int(s.scalar(select(func.count()).select_from(Person)
                            .where(Person.deleted_at.is_(None))) or 0)


def test_a_mass_delete_undone_before_the_sync_asks_nothing(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _pair(pg, team, copy_of, tmp_path, people=80)
    with open_workspace(a) as ws:
        delete_persons(ws, ids[:70])
        undo(ws)  # Ctrl+Z
        redo(ws)  # Ctrl+Shift+Z
        undo(ws)  # Ctrl+Z: all 70 are back before anna syncs
        sync(ws)
    with open_workspace(b) as ws:
        result = sync(ws)  # nothing is deleted here: no question
    assert result.pulled == 4
    assert _live_persons(b) == 80


def test_the_question_says_what_and_by_whom(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _pair(pg, team, copy_of, tmp_path, people=80)
    _name, (anna, _bob, _carl) = team
    with open_workspace(a) as ws:
        delete_persons(ws, ids[:60])
        sync(ws)
    with open_workspace(b) as ws, pytest.raises(MassDeletion) as raised:
        sync(ws)
    gone = raised.value.deletions
    assert (gone.what(), gone.who()) == ("60 contacten (met 60 functies)", anna)
    assert str(raised.value) == (
        f"Deze synchronisatie zou 60 contacten (met 60 functies) verwijderen (verwijderd "
        f"door {anna}). Er is niets gewijzigd; bevestig met --bevestig-verwijderen.")
    assert _live_persons(b) == 80
    with open_workspace(b) as ws:
        sync(ws, allow_mass_delete=True)
    assert _live_persons(b) == 20


def test_fifty_of_many_contacts_asks_nothing(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _pair(pg, team, copy_of, tmp_path, people=260)
    with open_workspace(a) as ws:
        delete_persons(ws, ids[:50])  # under a fifth of the contacts
        sync(ws)
    with open_workspace(b) as ws:
        sync(ws)
    assert _live_persons(b) == 210
