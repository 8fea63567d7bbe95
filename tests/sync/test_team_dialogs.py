"""Bestand > Werkruimte delen… and Gedeelde werkruimte openen… in the window: publish and
join as a new user does them, with one clear line for a wrong password, a server that is
not there and a role without access, and Annuleren that leaves everything as it was."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from dealmaker.services.people import PersonData, add_person
from dealmaker.services.sync.connect import plain_address
from dealmaker.services.sync.setup import server_init
from dealmaker.services.sync.status import sync_status
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.compose import build_window
from dealmaker.ui.shell.main_window import MainWindow
from dealmaker.ui.shell.signals import AppSignals
from dealmaker.ui.shell.tasks import TaskRunner
from dealmaker.ui.shell.workspace_controller import WorkspaceController
from dealmaker.ui.sync import JoinDialog, ShareDialog, SyncControl
from tests.sync.pgserver import PASSWORD_GROUP, Server

SHOTS = Path("/work/brief/shots")
pytestmark = [pytest.mark.postgres,
              pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")]


@pytest.fixture
def window(copy_of, tmp_path: Path, qtbot: QtBot,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setenv("DEALMAKER_DATA_DIR", str(tmp_path / "ui-data"))
    ws = open_workspace(copy_of("anna"))
    add_person(ws, PersonData(last_name="Smit", first_name="Joke", email="joke@oud.example"))
    controller = WorkspaceController(ws, AppSignals(), TaskRunner(inline=True))
    win = build_window(controller)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    controller.tasks.shutdown()
    controller.close()


def _password_role(pg: Server, role: str, password: str, workspace: str) -> None:
    server_init(pg.url(), workspace, (role,))
    engine = create_engine(pg.url())
    with engine.begin() as conn:
        conn.exec_driver_sql(f"DO $$ BEGIN CREATE ROLE {PASSWORD_GROUP} NOLOGIN; "
                             "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
        conn.exec_driver_sql(f"GRANT {PASSWORD_GROUP} TO {role}")
        conn.execute(text(f"ALTER ROLE {role} PASSWORD '{password}'"))
    engine.dispose()


def shoot(window: QWidget, dialog: QWidget, name: str) -> None:
    """The window with the dialog drawn on it, at both sizes."""
    if not SHOTS.is_dir():
        return
    from PySide6.QtGui import QColor, QPainter

    for w, h in ((1280, 800), (1024, 768)):
        window.resize(w, h)
        dialog.adjustSize()
        QApplication.processEvents()
        shot = window.grab()
        inner = dialog.grab()
        x, y = (shot.width() - inner.width()) // 2, (shot.height() - inner.height()) // 3
        painter = QPainter(shot)  # a plain frame with the title, as a window manager would
        painter.fillRect(x - 1, y - 27, inner.width() + 2, inner.height() + 28,
                         QColor("#5a5a5a"))
        painter.setPen(QColor("white"))
        painter.drawText(x + 8, y - 8, dialog.windowTitle())
        painter.drawPixmap(x, y, inner)
        painter.end()
        shot.save(str(SHOTS / f"syncperf-{name}-{w}x{h}.png"))


def test_share_from_the_window_with_a_wrong_password_first(
        window: MainWindow, pg: Server, team) -> None:
    name = team[0] + " delen"
    _password_role(pg, "pw_ria", "geheim", name)
    dialog = ShareDialog(window.context, window)
    dialog.form.server.setText(pg.url("pw_ria"))
    dialog.form.password.setText("fout")
    dialog.form.name.setText(name)
    shoot(window, dialog, "delen")
    dialog.go.click()
    assert dialog.error.text() == "Aanmelden bij de server mislukt: rol of wachtwoord klopt niet."
    assert not sync_status(window.context.workspace()).shared  # type: ignore[arg-type]
    shoot(window, dialog, "delen-fout")
    dialog.form.password.setText("geheim")
    dialog.go.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    control = window.findChild(SyncControl)
    assert control is not None and control.label.text().startswith(f"Gedeeld ({name})")
    control.button.click()  # the session remembers the password for the next sync
    assert "0 te versturen" in control.label.text() and "offline" not in control.label.text()
    ws = window.context.workspace()
    assert ws is not None
    stored = ws.path.read_bytes() + (ws.path.parent / (ws.path.name + "-wal")).read_bytes()
    assert b"geheim" not in stored  # never in the file (nor in the tooltip: the same text)
    assert "geheim" not in sync_status(ws).server and "pw_ria" in sync_status(ws).server


def test_after_a_restart_the_window_asks_the_password_and_syncs(
        window: MainWindow, pg: Server, team, monkeypatch: pytest.MonkeyPatch) -> None:
    """Passwords are never stored: the first sync of a new session is refused, the
    window asks for the password (once) and syncs."""
    from PySide6.QtWidgets import QInputDialog

    from dealmaker.services.sync import connect

    name = team[0] + " herstart"
    _password_role(pg, "pw_rob", "geheim2", name)
    dialog = ShareDialog(window.context, window)
    dialog.form.server.setText(pg.url("pw_rob"))
    dialog.form.password.setText("geheim2")
    dialog.form.name.setText(name)
    dialog.go.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    connect._PASSWORDS.clear()  # as after a restart of the program
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(
        lambda _p, _t, label, *_a: (asked.append(label) or "geheim2", True)))
    control = window.findChild(SyncControl)
    assert control is not None
    control.button.click()
    # the normal first sync of a session just asks, with the address as typed
    assert asked == [f"Wachtwoord van {plain_address(pg.url('pw_rob'))}:"]
    assert asked[0].startswith("Wachtwoord van postgresql://pw_rob@")
    assert "offline" not in control.label.text() and "0 te versturen" in control.label.text()


def test_share_says_when_there_is_no_server_and_annuleren_changes_nothing(
        window: MainWindow, pg: Server, team) -> None:
    name, (anna, _bob, _carl) = team
    dialog = ShareDialog(window.context, window)
    dialog.form.server.setText(f"postgresql://{anna}@/dealmaker?host=/nergens&port=1")
    dialog.go.click()
    assert dialog.error.text() == ("Server niet bereikbaar: controleer het adres en de "
                                   "netwerkverbinding.")
    dialog.form.server.setText(pg.url(anna))
    dialog.form.name.setText(name)
    dialog._relay.step.connect(lambda *_a: dialog.cancel.click())  # Annuleren at once
    dialog.go.click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not sync_status(window.context.workspace()).shared  # type: ignore[arg-type]
    again = ShareDialog(window.context, window)  # and it can be shared afterwards
    again.form.server.setText(pg.url(anna))
    again.form.name.setText(name)
    again.go.click()
    assert again.result() == QDialog.DialogCode.Accepted


def test_join_from_the_window_opens_the_new_copy_and_says_when_access_is_missing(
        window: MainWindow, pg: Server, team, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    share = ShareDialog(window.context, window)
    share.form.server.setText(pg.url(anna))
    share.form.name.setText(name)
    share.go.click()
    assert share.result() == QDialog.DialogCode.Accepted
    engine = create_engine(pg.url())
    with engine.begin() as conn:
        conn.exec_driver_sql("DO $$ BEGIN CREATE ROLE buitenstaander LOGIN; "
                             "EXCEPTION WHEN duplicate_object THEN NULL; END $$")
    engine.dispose()
    dialog = JoinDialog(window.context, window)
    dialog.form.server.setText(pg.url("buitenstaander"))
    dialog.path.setText(str(tmp_path / "bob"))
    dialog.go.click()
    assert dialog.error.text().startswith(
        "Geen toegang: rol buitenstaander is geen lid van een gedeelde werkruimte")
    assert not (tmp_path / "bob.dealmaker").exists()
    dialog.form.server.setText(pg.url(bob))
    shoot(window, dialog, "openen")
    dialog.go.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    ws = window.context.workspace()
    assert ws is not None and ws.path == tmp_path / "bob.dealmaker"
    assert sync_status(ws).workspace_name == name
    control = window.findChild(SyncControl)
    assert control is not None and control.label.text().startswith(f"Gedeeld ({name})")
