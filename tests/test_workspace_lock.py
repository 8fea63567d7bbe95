"""Nothing replaces, deletes or writes a workspace without holding the lock on the file
itself, whatever path leads to it; files with personal data are private to the user."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dealmaker.storage.workspace import backup_file, create_workspace, open_workspace

HOLD = """
import sys
from pathlib import Path
from dealmaker.storage.workspace import open_workspace
ws = open_workspace(Path(sys.argv[1]))
with ws.engine.begin() as conn:
    conn.exec_driver_sql("INSERT INTO tag (id, name, created_at, updated_at) VALUES "
                         "('t1', 'vast', '2026-01-01', '2026-01-01')")
print("open", flush=True)
sys.stdin.read()
ws.close()
"""
TRY = """
import sys
from pathlib import Path
from dealmaker.storage.errors import WorkspaceLocked
from dealmaker.storage.workspace import open_workspace
try:
    open_workspace(Path(sys.argv[1])).close()
    print("geopend")
except WorkspaceLocked:
    print("vergrendeld")
"""


@pytest.fixture
def holder(workspace_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process (the window) with the workspace open and written to."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(workspace_path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    yield proc
    if proc.poll() is None:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(timeout=60)


def try_open(path: Path) -> str:
    return subprocess.run([sys.executable, "-c", TRY, str(path)], capture_output=True,
                          text=True, timeout=60, check=True).stdout.strip()


@pytest.mark.parametrize("kind", ["symlink", "hardlink", "spelling"])
def test_lock_is_on_the_file_not_on_the_path(workspace_path: Path,
                                             holder: subprocess.Popen[str], kind: str) -> None:
    other = workspace_path.with_name("ander.dealmaker")
    if kind == "symlink":
        other.symlink_to(workspace_path)
    elif kind == "hardlink":
        os.link(workspace_path, other)
    else:
        other = workspace_path.parent / "." / workspace_path.name
    assert try_open(other) == "vergrendeld"
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=60)
    assert try_open(other) == "geopend"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_demo_force_on_an_open_workspace_is_refused_untouched(
        workspace_path: Path, holder: subprocess.Popen[str]) -> None:
    before = (os.stat(workspace_path).st_ino, digest(workspace_path))
    proc = subprocess.run([sys.executable, "-m", "dealmaker", "demo", "--db",
                           str(workspace_path), "--size", "40", "--force"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "al geopend" in proc.stderr
    assert (os.stat(workspace_path).st_ino, digest(workspace_path)) == before
    assert not list(workspace_path.parent.glob("*.bak"))


def test_demo_force_backs_up_the_workspace_it_replaces(workspace_path: Path) -> None:
    with open_workspace(workspace_path) as ws, ws.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO tag (id, name, created_at, updated_at) VALUES "
                             "('t1', 'mijn label', '2026-01-01', '2026-01-01')")
    proc = subprocess.run([sys.executable, "-m", "dealmaker", "demo", "--db",
                           str(workspace_path), "--size", "40", "--force"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    backups = list(workspace_path.parent.glob("test.voor-demo-*.dealmaker.bak"))
    assert len(backups) == 1
    with open_workspace(backups[0], lock=False) as ws, ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM tag").scalars().all() == ["mijn label"]
    with open_workspace(workspace_path) as ws, ws.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 40


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.usefixtures("usual_umask")
def test_new_workspace_and_its_wal_are_private(tmp_path: Path) -> None:
    path = tmp_path / "nieuw.dealmaker"
    with create_workspace(path) as ws, ws.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO tag (id, name, created_at, updated_at) VALUES "
                             "('t1', 'x', '2026-01-01', '2026-01-01')")
        for suffix in ("", "-wal", "-shm"):
            assert mode(Path(f"{path}{suffix}")) == 0o600, suffix


@pytest.mark.usefixtures("usual_umask")
@pytest.mark.parametrize("original", [0o600, 0o644, 0o400])
def test_backup_is_never_more_open_than_its_original(workspace_path: Path,
                                                     original: int) -> None:
    os.chmod(workspace_path, original)
    copy = backup_file(workspace_path, "handmatig")
    assert mode(copy) & ~original == 0 and mode(copy) & 0o077 == 0


@pytest.mark.usefixtures("usual_umask")
def test_demo_workspace_is_private(tmp_path: Path) -> None:
    from dealmaker.services.demo import create_demo

    path = tmp_path / "demo.dealmaker"
    create_demo(path, 40)
    assert mode(path) == 0o600
