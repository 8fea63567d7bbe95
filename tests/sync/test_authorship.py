"""In a shared workspace the PostgreSQL role is the author of my changes on my own copy
too (as on every colleague's copy), before and after they are pushed; Ctrl+Z keeps
offering exactly my own changes, also those made before sharing and after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import update

from dealmaker.services.history import record_history
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.services.undo import undo, undo_label
from dealmaker.storage.authorship import role_in
from dealmaker.storage.journal import current_author
from dealmaker.storage.models import Operation
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server


def _authors(path: Path, pid: str) -> dict[tuple[str, str | None, str], str]:
    """(operation, field, new value) -> who, from the record's history on this copy."""
    with open_workspace(path, lock=False) as ws:
        return {(e.operation, e.field, e.new): e.author
                for e in record_history(ws, "person", pid)}


@pytest.mark.postgres
def test_my_own_changes_show_my_role_on_my_copy_before_and_after_pushing(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Mulder", email="m@oud.example"))
        assert {e.author for e in record_history(ws, "person", pid)} == {current_author()}
        publish_workspace(ws, pg.url(anna), name)
        assert ws.author == anna
        update_person(ws, pid, email="m@anna.example")  # same window, after sharing
    history = _authors(a, pid)
    assert history[("Contact bewerken", "E-mail", "m@anna.example")] == anna
    assert set(history.values()) == {anna}  # the change from before sharing too
    with open_workspace(a) as ws:
        sync(ws)
    assert set(_authors(a, pid).values()) == {anna}

    join_workspace(pg.url(bob), b, name)
    with open_workspace(b) as ws:
        assert ws.author == bob
        update_person(ws, pid, phone="06 12345678")
    before = _authors(b, pid)
    assert before[("Contact bewerken", "Telefoon", "06 12345678")] == bob  # not yet pushed
    with open_workspace(b) as ws:
        sync(ws)
    with open_workspace(a) as ws:
        sync(ws)
    assert _authors(b, pid) == before
    assert _authors(a, pid)[("Contact bewerken", "Telefoon", "06 12345678")] == bob


def test_a_local_workspace_keeps_the_os_user(copy_of) -> None:
    with open_workspace(copy_of("solo")) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Alleen"))
        assert ws.author == current_author()
        assert {e.author for e in record_history(ws, "person", pid)} == {current_author()}


@pytest.mark.postgres
def test_undo_offers_my_changes_from_before_sharing_and_after_a_restart_never_a_colleagues(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Kok", email="k@oud.example"))
        other, _ = add_person(ws, PersonData(last_name="Dekker"))
        publish_workspace(ws, pg.url(anna), name)
    with open_workspace(a) as ws:  # a restart after sharing
        assert undo_label(ws) == "Contact toevoegen"
        update_person(ws, pid, email="k@anna.example")
        sync(ws)
    join_workspace(pg.url(bob), b, name)
    with open_workspace(b) as ws:
        assert undo_label(ws) is None  # nothing of bob's own yet
        update_person(ws, other, phone="06 87654321")
        sync(ws)
    with open_workspace(b) as ws:  # bob restarts: his edit is his to undo
        assert undo_label(ws) == "Contact bewerken"
    with open_workspace(a) as ws:
        sync(ws)  # bob's edit arrives; it is never anna's to undo
    with open_workspace(a) as ws:
        assert undo_label(ws) == "Contact bewerken"
        undo(ws)  # anna's e-mail edit, not bob's phone
        assert undo_label(ws) == "Contact toevoegen"  # then her own from before sharing
    history = _authors(a, pid)
    assert history[("Ongedaan maken: Contact bewerken", "E-mail", "k@oud.example")] == anna
    assert _authors(a, other)[("Contact bewerken", "Telefoon", "06 87654321")] == bob


@pytest.mark.parametrize(("server", "role"), [
    ("postgresql+psycopg://anna@/dealmaker?host=/tmp/s&port=5432", "anna"),
    ("postgresql://bob@server.example/dealmaker?sslmode=require", "bob"),
    ("postgresql:///dealmaker?host=/tmp/s&user=carl", "carl"),
    ("postgresql://server.example/dealmaker", "uit-pguser"),  # what libpq logs in as
])
def test_the_role_is_whom_the_stored_address_logs_in_as(
        server: str, role: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGUSER", "uit-pguser")
    assert role_in(server) == role
    monkeypatch.delenv("PGUSER")
    assert role_in("postgresql://server.example/dealmaker") == current_author()


@pytest.mark.postgres
def test_a_copy_shared_before_roles_named_its_changes_heals_at_its_next_sync(
        pg: Server, team, copy_of) -> None:
    """A file shared by an earlier version kept the OS user on its own operations; the
    next sync hands them to the role, so Ctrl+Z offers them again."""
    name, (anna, _bob, _carl) = team
    a = copy_of("anna")
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Oud"))
        publish_workspace(ws, pg.url(anna), name)
        update_person(ws, pid, email="oud@anna.example")
        with ws.engine.begin() as conn:  # as the earlier version wrote them
            conn.execute(update(Operation).values(author=current_author()))
    with open_workspace(a) as ws:
        sync(ws)
        assert undo_label(ws) == "Contact bewerken"
    assert set(_authors(a, pid).values()) == {anna}
