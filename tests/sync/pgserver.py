"""A real PostgreSQL (the Debian package) in a temporary folder, for tests and benchmarks.

``running_postgres()`` runs ``initdb`` and ``pg_ctl`` from the installed server (``pg_config
--bindir`` or ``/usr/lib/postgresql/<n>/bin``) on a fresh folder, listening on a unix
socket in that folder only (no TCP port to collide with), with trust authentication for
local connections: every test role logs in by name, except members of
``PASSWORD_GROUP`` (a password test). PostgreSQL refuses to run as root, so
as root the folder is handed to the ``postgres`` (or ``nobody``) user and the server runs
as that user (``runuser``). Anything that keeps it from starting raises ``ServerFailed``
with the reason (tests fail on it, never skip). The server is stopped (``pg_ctl stop -m
immediate``) and the folder removed on leaving.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ADMIN = "dm_admin"


class ServerFailed(RuntimeError):
    """PostgreSQL could not be started for the tests (the message says why)."""


@dataclass(frozen=True)
class Server:
    socket_dir: Path
    port: int
    database: str = "dealmaker"

    def url(self, role: str = ADMIN) -> str:
        """A SQLAlchemy URL for ``role`` over the unix socket."""
        return (f"postgresql+psycopg://{role}@/{self.database}"
                f"?host={self.socket_dir}&port={self.port}")

    def dsn(self, role: str = ADMIN) -> str:
        """A libpq connection string (bare psycopg) for ``role``."""
        return f"host={self.socket_dir} port={self.port} dbname={self.database} user={role}"


def _bindir() -> Path:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parts[-3]))
    if versions:
        return Path(versions[-1]).parent
    raise ServerFailed("PostgreSQL is niet geïnstalleerd (apt-get install -y postgresql; "
                       ".ci/run doet dat)")


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"]
    raise ServerFailed("als root draait PostgreSQL niet, en er is geen gebruiker postgres/nobody")


def _check(cmd: list[str], what: str) -> None:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise ServerFailed(f"{what} mislukte ({done.returncode}): "
                           f"{(done.stderr or done.stdout).strip()[-800:]}")


#: roles granted this group must log in with their password (scram-sha-256)
PASSWORD_GROUP = "dm_wachtwoord"


@contextmanager
def running_postgres(port: int = 54329) -> Iterator[Server]:
    """Start a throwaway PostgreSQL; yield where to reach it; stop and remove it after."""
    bindir = _bindir()
    prefix = _run_as()
    root = Path(tempfile.mkdtemp(prefix="dealmaker-pg-"))
    os.chmod(root, 0o755)
    data = root / "data"
    data.mkdir()
    if prefix:
        user = prefix[2]
        shutil.chown(data, user)
        shutil.chown(root, user)
    server = Server(root, port)
    log = root / "server.log"
    started = False
    try:
        _check([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", ADMIN, "-A", "trust",
                "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], "initdb")
        hba = data / "pg_hba.conf"  # members of PASSWORD_GROUP log in with a password
        rules = hba.read_text()
        hba.write_text(f"local all +{PASSWORD_GROUP} scram-sha-256\n" + rules)
        options = (f"-k {root} -p {port} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=120")
        _check([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                "-t", "60", "-o", options, "start"], "pg_ctl start")
        started = True
        _check([*prefix, str(bindir / "createdb"), "-h", str(root), "-p", str(port),
                "-U", ADMIN, server.database], "createdb")
        yield server
    finally:
        if started:
            subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m",
                            "immediate", "stop"], capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)
