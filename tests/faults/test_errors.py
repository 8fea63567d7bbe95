"""A failing disk or database is one true Dutch line: no SQL, no personal data, no
traceback, on the terminal, in the window and in the (private) log."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dealmaker.__main__ import main
from dealmaker.storage.workspace import Workspace
from faults.fs_kit import fill, read_only, small_disk

NAME, EMAIL = "Geheime Persoonsnaam", "geheim@voorbeeld.example"
LEAKS = ("INSERT", "SELECT", "SQL", "parameters", "Traceback", "sqlalche.me",
         "Geheime", "Persoonsnaam", EMAIL)


@pytest.fixture
def contacts(tmp_path: Path) -> Path:
    path = tmp_path / "contacten.csv"
    path.write_text(f"Voornaam,Achternaam,E-mailadres\nGeheime,Persoonsnaam,{EMAIL}\n",
                    encoding="utf-8")
    return path


def one_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("dealmaker: "), err
    for leak in LEAKS:
        assert leak not in err, (leak, err)
    return err.strip()


def log_is_safe(data_dir: Path) -> None:
    log = data_dir / "dealmaker.log"
    if log.exists():
        text = log.read_text(encoding="utf-8")
        for leak in ("INSERT", "parameters", "Geheime", "Persoonsnaam", EMAIL):
            assert leak not in text, (leak, text)
        assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_read_only_workspace_file(workspace_path: Path, contacts: Path,
                                  isolated_data_dir: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    with read_only(workspace_path):
        code = main(["import", "--db", str(workspace_path), str(contacts)])
    line = one_line(capsys)
    assert code == 1
    assert "het bestand is alleen-lezen" in line and "niets opgeslagen" in line, line
    assert "beschadigd" not in line and "back-up" not in line
    log_is_safe(isolated_data_dir)


def test_read_only_folder_is_not_called_damaged(tmp_path: Path, workspace_path: Path,
                                                contacts: Path, isolated_data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    path = folder / "werk.dealmaker"
    shutil.copyfile(workspace_path, path)
    with read_only(folder):
        code = main(["import", "--db", str(path), str(contacts)])
    line = one_line(capsys)
    assert code == 1
    assert "alleen-lezen" in line and "beschadigd" not in line and "back-up" not in line
    log_is_safe(isolated_data_dir)


def test_full_disk(tmp_path: Path, workspace_path: Path, contacts: Path,
                   isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = workspace_path.stat().st_size
    with small_disk(tmp_path / "klein", size // 1024 + 256) as disk:
        path = disk / "werk.dealmaker"
        shutil.copyfile(workspace_path, path)
        fill(disk)
        code = main(["import", "--db", str(path), str(contacts)])
        before = path.read_bytes()
    line = one_line(capsys)
    assert code == 1
    assert "de schijf is vol" in line and "beschadigd" not in line, line
    assert NAME.encode() not in before  # nothing half-written
    log_is_safe(isolated_data_dir)


def test_unwritable_data_folder_starting_the_window(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "dicht"
    locked.mkdir()
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(locked / "dealmaker"))
    with read_only(locked):
        code = main([])
    line = one_line(capsys)
    assert code == 1
    assert "gegevensmap" in line and "--data-dir" in line, line


def test_unexpected_database_error_is_logged_without_sql_or_values(
        workspace_path: Path, contacts: Path, isolated_data_dir: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    from sqlalchemy.exc import IntegrityError

    def boom(*_a: object, **_k: object) -> None:
        raise IntegrityError(f"INSERT INTO person VALUES ('{NAME}')", (NAME, EMAIL),
                             sqlite3.IntegrityError("UNIQUE constraint failed"))

    monkeypatch.setattr("dealmaker.services.importing.apply_import", boom)
    code = main(["import", "--db", str(workspace_path), str(contacts)])
    line = one_line(capsys)
    assert code == 1 and "onverwachte fout (IntegrityError)" in line, line
    log = (isolated_data_dir / "dealmaker.log").read_text(encoding="utf-8")
    assert "IntegrityError" in log
    log_is_safe(isolated_data_dir)
    assert stat.S_IMODE(isolated_data_dir.stat().st_mode) == 0o700


def test_window_shows_one_dutch_line(workspace: Workspace, qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's message box for a write that the disk refuses (here: forget on a
    workspace whose file became read-only)."""
    from PySide6.QtWidgets import QMessageBox
    from trust.factories import build_world

    from dealmaker.ui.privacy import forget_person
    from dealmaker.ui.shell.context import AppContext
    from dealmaker.ui.shell.signals import AppSignals
    from dealmaker.ui.shell.tasks import TaskRunner

    world = build_world(workspace)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: next(
        b for b in box.buttons() if b.text() == "Definitief vergeten").click())
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(
        lambda parent, title, text, *a: shown.append(text)))
    workspace.engine.dispose()
    with read_only(workspace.path):
        context = AppContext(AppSignals(), TaskRunner(inline=True), lambda: workspace)
        forget_person(None, context, world.anna)
    assert len(shown) == 1 and "\n" not in shown[0], shown
    assert shown[0].startswith("Vergeten is mislukt: ") and "alleen-lezen" in shown[0]
    for leak in ("SQL", "UPDATE", "Anna", "enschede.example", "parameters"):
        assert leak not in shown[0], (leak, shown[0])


def test_window_reports_an_uncaught_error_in_one_line(qtbot: QtBot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy.exc import IntegrityError

    from dealmaker.ui.launch import report_failure

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda parent, title, text, *a: shown.append(text)))
    report_failure(IntegrityError(f"UPDATE person SET last_name='{NAME}'", (NAME, EMAIL),
                                  sqlite3.IntegrityError("UNIQUE constraint failed")))
    report_failure(ValueError(f"kapot bij {NAME}"))
    assert shown[0].startswith("Onverwachte databasefout (IntegrityError)")
    assert shown[1].startswith("Onverwachte fout (ValueError)")
    for text in shown:
        assert "\n" not in text and NAME not in text and "UPDATE" not in text, text


def test_check_reads_a_healthy_workspace_on_read_only_media(
        tmp_path: Path, workspace_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A backup on a read-only stick can be checked: healthy is exit 0, nothing written."""
    folder = tmp_path / "stick"
    folder.mkdir()
    path = folder / "werk.dealmaker"
    shutil.copyfile(workspace_path, path)
    with read_only(folder):
        code = main(["check", "--db", str(path)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "Integriteit:   ok" in out
    assert sorted(p.name for p in folder.iterdir()) == ["werk.dealmaker"]


def test_terminal_codes_in_a_path_reach_the_log_as_escapes(
        tmp_path: Path, isolated_data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "\x1b[31mweg.dealmaker"
    assert main(["check", "--db", str(path)]) == 1
    assert "\x1b" not in capsys.readouterr().err
    text = (isolated_data_dir / "dealmaker.log").read_text(encoding="utf-8")
    assert "\x1b" not in text and "\\x1b[31mweg" in text, text
