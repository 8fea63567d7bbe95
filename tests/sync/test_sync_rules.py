"""The rules a user relies on: edit vs delete is a conflict, a mass deletion stops and
asks, a batch sent twice applies once, a copy a schema behind is told to update."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync import conflicts as conflicts_module
from dealmaker.services.sync import remote
from dealmaker.services.sync.conflicts import open_conflicts, take_loser
from dealmaker.services.sync.connect import SchemaMismatch
from dealmaker.services.sync.engine import MassDeletion, sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.models import Operation, Person
from dealmaker.storage.workspace import Workspace, open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _pair(pg: Server, team, copy_of, tmp_path: Path, people: int = 1):  # type: ignore[no-untyped-def]
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        ids = [add_person(ws, PersonData(last_name=f"Mens{i}", email=f"m{i}@oud.example"))[0]
               for i in range(people)]
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    return a, b, ids


def _delete(ws: Workspace, ids: list[str]) -> None:
    with ws.uow("Contacten verwijderen") as uow:
        for pid in ids:
            person = uow.session.get(Person, pid)
            assert person is not None
            person.deleted_at = datetime.now(UTC)
        uow.commit()


def _person(path: Path, pid: str) -> tuple[str, bool]:
    with open_workspace(path, lock=False) as ws, ws.read() as s:
        p = s.get(Person, pid)
        assert p is not None
        return p.email, p.deleted_at is not None


def test_editing_a_contact_a_colleague_deleted_is_a_conflict_not_a_silent_loss(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, [pid] = _pair(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        _delete(ws, [pid])
        sync(ws)
    with open_workspace(b) as ws:
        update_person(ws, pid, email="nieuw@bob.example")
        assert sync(ws).conflicts == 1
        [c] = open_conflicts(ws)
        assert (c.reason, c.field, c.loser_value) == ("verwijderd", "email", "nieuw@bob.example")
    assert _person(b, pid) == ("m0@oud.example", True)  # as on the server: deleted
    with open_workspace(b) as ws:
        take_loser(ws, c.id)  # brings the contact back with bob's address
        sync(ws)
    with open_workspace(a) as ws:
        sync(ws)
    assert _person(a, pid) == _person(b, pid) == ("nieuw@bob.example", False)


def test_a_pull_that_deletes_most_of_the_workspace_stops_and_asks(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    a, b, ids = _pair(pg, team, copy_of, tmp_path, people=80)
    with open_workspace(a) as ws:
        _delete(ws, ids[:60])
        sync(ws)
    before = b.read_bytes()
    with open_workspace(b) as ws, pytest.raises(MassDeletion, match="60 contacten verwijderen"):
        sync(ws)
    assert b.read_bytes() == before
    with open_workspace(b) as ws:
        sync(ws, allow_mass_delete=True)
    assert _person(b, ids[0])[1] and not _person(b, ids[79])[1]


def test_a_batch_sent_again_after_a_failed_local_commit_applies_once(
        pg: Server, team, copy_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, [pid] = _pair(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        update_person(ws, pid, email="een@keer.example")
        with monkeypatch.context() as m:  # the server commits, then the laptop fails
            m.setattr(conflicts_module, "record", lambda *_a: 1 / 0)
            with pytest.raises(ZeroDivisionError):
                sync(ws)
        sync(ws)
        sync(ws)
        with ws.read() as s:
            edits = s.scalar(select(func.count()).select_from(Operation)
                             .where(Operation.name == "Contact bewerken"))
    engine = create_engine(pg.url())
    with engine.connect() as conn:
        schema = conn.execute(text("SELECT schema_name FROM dealmaker.workspace WHERE name = :n"),
                              {"n": team[0]}).scalar()
        logged = conn.execute(text(f"SELECT count(*) FROM {schema}.sync_log "
                                   "WHERE op->>'name' = 'Contact bewerken'")).scalar()
    engine.dispose()
    assert edits == logged == 1


def test_a_copy_a_schema_version_behind_is_told_to_update_and_keeps_its_work(
        pg: Server, team, copy_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, [pid] = _pair(pg, team, copy_of, tmp_path)
    with open_workspace(a) as ws:
        update_person(ws, pid, email="offline@anna.example")
    before = a.read_bytes()
    monkeypatch.setattr(remote, "SCHEMA_VERSION", remote.SCHEMA_VERSION - 1)
    with open_workspace(a) as ws, pytest.raises(SchemaMismatch) as raised:
        sync(ws)
    assert str(raised.value) == (
        f"Werk dealmaker bij: de server gebruikt schemaversie {remote.SCHEMA_VERSION + 1}, "
        f"deze versie {remote.SCHEMA_VERSION}. U kunt offline doorwerken.")
    assert a.read_bytes() == before
    assert _person(a, pid) == ("offline@anna.example", False)
