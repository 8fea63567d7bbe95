"""A server made at an older schema is upgraded by ``server-init`` of the new program
(additively: a missing table and column come back), and then the new copies sync while a
copy still at the old program is told to update in one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dealmaker.__main__ import main as cli_main
from dealmaker.services.people import PersonData, add_person
from dealmaker.services.sync import remote
from dealmaker.services.sync.connect import SchemaMismatch
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.setup import server_init
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def _make_older(pg: Server, name: str) -> str:
    """The workspace as an older program made it: without table deal_theme and column
    person.cadence_days (both came later, in this simulation)."""
    engine = create_engine(pg.url())
    with engine.begin() as conn:
        schema = conn.execute(text("SELECT schema_name FROM dealmaker.workspace "
                                   "WHERE name = :n"), {"n": name}).scalar_one()
        conn.exec_driver_sql(f"DROP TABLE {schema}.deal_theme")
        conn.exec_driver_sql(f"ALTER TABLE {schema}.person DROP COLUMN cadence_days")
        conn.execute(text("UPDATE dealmaker.workspace SET schema_version = :v WHERE name = :n"),
                     {"v": SCHEMA_VERSION - 1, "n": name})
    engine.dispose()
    return str(schema)


def test_server_init_upgrades_an_older_shared_workspace_and_new_copies_sync(
        pg: Server, team, copy_of, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    name, (anna, bob, _carl) = team
    a = copy_of("anna")
    with open_workspace(a) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Bakker", email="b@oud.example"))
        publish_workspace(ws, pg.url(anna), name)
    _make_older(pg, name)
    with open_workspace(a) as ws:
        with ws.uow("Contact bewerken") as uow:
            person = uow.session.get(Person, pid)
            assert person is not None
            person.cadence_days = 14
            uow.commit()
        with pytest.raises(SchemaMismatch, match="laat de beheerder de server bijwerken"):
            sync(ws)  # the new program and the old server: refused, kept locally

    assert cli_main(["server-init", "--server", pg.url()]) == 0
    out = capsys.readouterr().out
    assert f"Werkruimte '{name}' bijgewerkt naar schemaversie {SCHEMA_VERSION}" in out
    assert "deal_theme" in out and "person.cadence_days" in out
    assert server_init(pg.url()).upgraded == ()  # idempotent: nothing more to do

    with open_workspace(a) as ws:
        assert sync(ws).pushed == 1  # the edit made while refused goes up now
    b = tmp_path / "bob.dealmaker"
    join_workspace(pg.url(bob), b, name)  # every table is there again
    with open_workspace(b) as ws, ws.read() as s:
        person = s.get(Person, pid)
        assert person is not None and person.cadence_days == 14

    monkeypatch.setattr(remote, "SCHEMA_VERSION", SCHEMA_VERSION - 1)  # an old program
    with open_workspace(b) as ws, pytest.raises(SchemaMismatch) as refused:
        sync(ws)
    assert str(refused.value) == (
        f"Werk dealmaker bij: de server gebruikt schemaversie {SCHEMA_VERSION}, deze versie "
        f"{SCHEMA_VERSION - 1}. U kunt offline doorwerken.")
