"""The team commands as a new user types them: server-init, sync --publish, join,
sync, conflicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dealmaker.__main__ import main
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.storage.workspace import open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres


def test_two_dealmakers_share_a_workspace_from_the_command_line(
        pg: Server, copy_of, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["server-init", "--server", pg.url(), "--workspace", "Regio Noord",
                 "--member", "ria", "--member", "sem"]) == 0
    assert "Toegang gegeven aan rol sem" in capsys.readouterr().out
    ria, sem = copy_of("ria"), tmp_path / "sem.dealmaker"
    with open_workspace(ria) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Bos", email="bos@oud.example"))
    assert main(["sync", "--db", str(ria), "--server", pg.url("ria"), "--publish"]) == 0
    assert main(["join", "--server", pg.url("sem"), "--db", str(sem)]) == 0
    shared, joined = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"Gedeeld als 'Regio Noord': \d+ records? verstuurd\.", shared)
    assert re.fullmatch(r"Gedeelde werkruimte 'Regio Noord' opgehaald in .*: \d+ records?\.",
                        joined)
    with open_workspace(ria) as ws:
        update_person(ws, pid, email="bos@ria.example")
    with open_workspace(sem) as ws:
        update_person(ws, pid, email="bos@sem.example")
    assert main(["sync", "--db", str(ria)]) == 0  # the server is remembered
    assert main(["sync", "--db", str(sem)]) == 0
    out = capsys.readouterr().out
    assert "1 ontvangen, 1 nieuw conflict.\n" in out  # Dutch singular
    assert main(["conflicts", "--db", str(sem)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 open conflict (huidige waarde | andere waarde):")
    assert "'Bos'" in out and "'bos@ria.example' (ria) | 'bos@sem.example' (sem, " in out


def test_an_unreachable_server_is_one_dutch_line_and_changes_nothing(
        pg: Server, copy_of, capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_of("ria")
    before = path.read_bytes()
    url = "postgresql://ria@/dealmaker?host=/nonexistent&port=1"
    assert main(["sync", "--db", str(path), "--server", url, "--publish"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "dealmaker: Server niet bereikbaar; u kunt offline doorwerken."
    assert path.read_bytes() == before
