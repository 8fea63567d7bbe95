"""An older program's ``server-init`` against a server a newer one set up refuses and
changes nothing (it used to put its older functions over the newer ones, silently)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dealmaker.__main__ import main
from dealmaker.services.sync import remote, setup, upgrade
from dealmaker.services.sync.connect import SyncError
from dealmaker.services.sync.setup import server_init
from dealmaker.services.sync.snapshot import publish_workspace
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _server_state(pg: Server) -> tuple[str, int, int]:
    """(digest of every dealmaker.* function, workspaces, roles)."""
    engine = create_engine(pg.url())
    try:
        with engine.connect() as conn:
            return (
                str(conn.execute(text(
                    "SELECT md5(string_agg(pg_get_functiondef(p.oid), '' ORDER BY p.oid)) "
                    "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    "WHERE n.nspname = 'dealmaker'")).scalar()),
                int(conn.execute(text("SELECT count(*) FROM dealmaker.workspace")).scalar()
                    or 0),
                int(conn.execute(text("SELECT count(*) FROM pg_roles")).scalar() or 0))
    finally:
        engine.dispose()


def test_an_older_programs_server_init_refuses_a_newer_server(
        pg: Server, team, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = _server_state(pg)
    current = setup.SCHEMA_VERSION
    monkeypatch.setattr(setup, "SCHEMA_VERSION", current - 1)  # a laptop not yet updated
    monkeypatch.setattr(upgrade, "SCHEMA_VERSION", current - 1)
    with pytest.raises(SyncError) as raised:
        server_init(pg.url(), "Nieuw team", ("dora",))
    assert str(raised.value) == (
        f"Deze server is al ingericht door een nieuwere versie van dealmaker (schemaversie "
        f"{current}, deze versie {current - 1}); werk dealmaker bij. Er is niets gewijzigd.")
    assert main(["server-init", "--server", pg.url()]) == 1
    assert "nieuwere versie van dealmaker" in capsys.readouterr().err
    assert _server_state(pg) == before
    monkeypatch.undo()
    server_init(pg.url())  # the current program itself still may
    assert _server_state(pg) == before


def test_a_join_refused_for_its_schema_says_no_file_was_made(
        pg: Server, team, copy_of, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    name, (anna, bob, _carl) = team
    with open_workspace(copy_of("anna")) as ws:
        publish_workspace(ws, pg.url(anna), name)
    monkeypatch.setattr(remote, "SCHEMA_VERSION", remote.SCHEMA_VERSION - 1)  # not updated
    target = tmp_path / "bob.dealmaker"
    assert main(["join", "--server", pg.url(bob), "--db", str(target)]) == 1
    assert capsys.readouterr().err == (
        f"dealmaker: Werk dealmaker bij: de server gebruikt schemaversie "
        f"{remote.SCHEMA_VERSION + 1}, deze versie {remote.SCHEMA_VERSION}. Er is geen "
        "bestand gemaakt.\n")
    assert not target.exists()
