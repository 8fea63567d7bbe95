"""Another SQLite program that opens and closes the workspace while the window has it open
(sqlite3, DB Browser, a backup tool) must see the window's connection and leave its -wal
alone: closing any descriptor of the file in the window's process drops SQLite's locks,
and the program would then take itself for the last user and delete the -wal."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from dealmaker.services.people import PersonData, add_person
from dealmaker.storage.errors import WorkspaceLocked
from dealmaker.storage.health import workspace_health
from dealmaker.storage.workspace import Workspace, create_workspace, open_workspace

OTHER_PROGRAM = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                 "c.execute('SELECT count(*) FROM person').fetchall(); c.close()")


def other_program_reads(path: Path) -> None:
    subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(path)], check=True)


def _background_check(ws: Workspace) -> None:
    assert ws.check is not None
    ws.check.wait()


def _second_open_refused(ws: Workspace) -> None:
    with pytest.raises(WorkspaceLocked):
        open_workspace(ws.path)


def _health_check(ws: Workspace) -> None:
    assert workspace_health(ws.path).integrity.startswith("ok")


@pytest.mark.parametrize("meanwhile", [_background_check, _second_open_refused, _health_check],
                         ids=["controle-op-achtergrond", "tweede-keer-openen", "controleren"])
def test_another_program_leaves_the_open_workspace_its_wal(
        tmp_path: Path, meanwhile: Callable[[Workspace], None]) -> None:
    path = tmp_path / "werk.dealmaker"
    create_workspace(path).close()
    ws = open_workspace(path, background=True)
    try:
        meanwhile(ws)
        add_person(ws, PersonData(last_name="Voor"))
        other_program_reads(path)
        assert Path(f"{path}-wal").exists(), "het andere programma verwijderde de -wal"
        add_person(ws, PersonData(last_name="Na"))
    finally:
        ws.close()
    with open_workspace(path) as again, again.engine.connect() as conn:
        names = conn.execute(text("SELECT last_name FROM person ORDER BY last_name")).scalars()
        assert list(names) == ["Na", "Voor"]


def test_a_save_waits_for_a_long_write_instead_of_failing_busy(tmp_path: Path) -> None:
    """A sync applies a pull holding the write lock; a save meanwhile waits for it
    (SQLite's busy timeout is 30 s here, not Python's 5 s)."""
    import threading
    import time

    path = tmp_path / "werk.dealmaker"
    create_workspace(path).close()
    with open_workspace(path) as ws:
        release = threading.Event()

        def long_write() -> None:
            with ws.engine.begin() as conn:
                conn.execute(text("UPDATE sync_state SET cursor = cursor"))
                conn.execute(text("INSERT INTO tag (id, name, created_at, updated_at) VALUES "
                                  "(x'00', 'bezig', 0, 0)"))
                release.wait(10)

        writer = threading.Thread(target=long_write)
        writer.start()
        time.sleep(0.2)
        threading.Timer(6, release.set).start()  # longer than Python's default 5 s
        add_person(ws, PersonData(last_name="Wachtte"))
        writer.join()
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM person")).scalar() == 1
