"""Reaching the team server: URLs, engines, and one Dutch line per failure."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

#: seconds to wait for the server before saying it is not reachable
CONNECT_TIMEOUT = 5
#: a statement that waits this long for a lock on the server (a colleague's session, an
#: administrator's LOCK TABLE) stops with ``SERVER_BUSY``; nothing local waits for it
LOCK_WAIT_MS = 20_000
#: no statement runs longer than this (a server that hangs mid-query)
STATEMENT_WAIT_MS = 120_000
#: a dead connection (cable out, server gone) is noticed within about this many seconds
#: (TCP keepalives, and unacknowledged data: ``tcp_user_timeout``)
DEAD_AFTER = 30


class SyncError(Exception):
    """Synchronisation stopped; the message (Dutch, one line) says why. The workspace
    file is as it was before the attempt."""

    #: the line for the status bar when the message is longer than fits there at 1024 px
    #: (the window puts the whole message in the tooltip); None: the message itself
    short: str | None = None


#: short enough for the status bar beside the sync status at 1024 px (which says offline)
OFFLINE = "Server niet bereikbaar; u kunt offline doorwerken."


class Offline(SyncError):
    """The server could not be reached (or the connection broke): work on offline."""


#: short enough for the status bar beside the sync status at 1024 px
SERVER_BUSY = "Server reageert niet op tijd; u kunt doorwerken."


class ServerBusy(SyncError):
    """The server did not answer in time (locked or hung); nothing changed."""


class Cancelled(SyncError):
    """The user cancelled; nothing changed."""


class LoginFailed(SyncError):
    """The server refused the role or password (the window then asks for a password)."""


class SchemaMismatch(SyncError):
    """This copy and the server use different schema versions: ``reason`` says which,
    the message adds that the work goes on offline (not so for a join: no file)."""

    def __init__(self, reason: str, short: str) -> None:
        super().__init__(f"{reason} U kunt offline doorwerken.")
        self.reason = reason
        self.short = short

    def for_join(self) -> str:
        return f"{self.reason} Er is geen bestand gemaakt."


def server_url(text: str) -> URL:
    """``postgresql://rol@host/db`` (or ``postgres://``) as a psycopg 3 URL."""
    try:
        url = make_url(text.strip())
    except Exception as exc:  # sqlalchemy raises ArgumentError and ValueError alike
        raise SyncError(f"Ongeldig serveradres: {text!r} (verwacht postgresql://rol@host/db).") \
            from exc
    if url.get_backend_name() not in ("postgresql", "postgres"):
        raise SyncError(f"Ongeldig serveradres: {text!r} (verwacht postgresql://rol@host/db).")
    return url.set(drivername="postgresql+psycopg")


def shown_url(url: URL) -> str:
    """The URL as stored and shown: without a password (libpq finds it in .pgpass/env, or
    the window asks). ``URL.set(password=None)`` would keep it: None means "unchanged"."""
    return url._replace(password=None).render_as_string(hide_password=False)


def plain_address(text: str) -> str:
    """The address as a user types it: ``postgresql://carla@host/db``, no driver name,
    no password."""
    url = server_url(text)._replace(password=None).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


#: passwords typed in the window this session, by address without password (never stored)
_PASSWORDS: dict[str, str] = {}


def with_password(text: str, password: str) -> str:
    """``text`` with ``password`` in it (kept for this session's later syncs)."""
    url = server_url(text)
    if not password:
        return text.strip()
    _PASSWORDS[shown_url(url)] = password
    return url.set(password=password).render_as_string(hide_password=False)


def typed_password(text: str) -> bool:
    """Whether a password for this address was typed this session (a refusal then means
    it is wrong; before that, the window just asks for it)."""
    return shown_url(server_url(text)) in _PASSWORDS


def make_server_engine(text: str) -> Engine:
    url = server_url(text)
    if url.password is None and shown_url(url) in _PASSWORDS:
        url = url.set(password=_PASSWORDS[shown_url(url)])
    return create_engine(url, poolclass=NullPool, connect_args=_connect_args(),
                         hide_parameters=True)


def _connect_args() -> dict[str, Any]:
    """Every wait for the server is bounded: connecting, a lock, a statement, a dead
    connection (keepalives only act over TCP; a unix socket notices by itself)."""
    return {"connect_timeout": CONNECT_TIMEOUT,
            "options": f"-c lock_timeout={int(LOCK_WAIT_MS)} "
                       f"-c statement_timeout={int(STATEMENT_WAIT_MS)}",
            "keepalives": 1, "keepalives_idle": DEAD_AFTER // 3,
            "keepalives_interval": DEAD_AFTER // 6, "keepalives_count": 3,
            "tcp_user_timeout": DEAD_AFTER * 1000}


class CancelToken:
    """Annuleren for one sync: ``set()`` (from any thread) marks it cancelled and asks the
    server to stop the statement the sync waits on, so the wait ends at once."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._watched: list[Any] = []

    def is_set(self) -> bool:
        return self._event.is_set()

    def set(self) -> None:
        with self._lock:
            self._event.set()
            watched = list(self._watched)
        for raw in watched:  # on its own thread: an unreachable server must not block the UI
            threading.Thread(target=_cancel, args=(raw,), daemon=True).start()

    @contextmanager
    def watching(self, conn: Connection) -> Iterator[None]:
        """While the block runs, ``set()`` cancels what ``conn`` runs on the server."""
        raw = conn.connection.dbapi_connection
        with self._lock:
            self._watched.append(raw)
        try:
            yield
        finally:
            with self._lock:
                self._watched.remove(raw)


def _cancel(raw: Any) -> None:
    with suppress(Exception):  # the statement ended meanwhile, or the server is gone
        raw.cancel_safe(timeout=CONNECT_TIMEOUT)


#: what libpq and the server say when logging in fails (no SQLSTATE before a session)
_AUTH_FAILED = ("password authentication failed", "no password supplied",
                "authentication failed for user")


def explain(exc: BaseException) -> SyncError:
    """A database error as one Dutch line."""
    orig = getattr(exc, "orig", exc)
    state = getattr(orig, "sqlstate", None) or ""
    said = str(orig)
    unknown_role = 'role "' in said and "does not exist" in said and not state
    if state in ("28000", "28P01") or unknown_role or any(m in said for m in _AUTH_FAILED):
        return LoginFailed("Aanmelden bij de server mislukt: rol of wachtwoord klopt niet.")
    broken = isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) and (
        not state or state.startswith(("08", "57P")))
    if broken or (isinstance(exc, DBAPIError) and exc.connection_invalidated):
        return Offline(OFFLINE)
    if state in ("57014", "55P03"):  # statement_timeout / lock_timeout (a user's cancel:
        return ServerBusy(SERVER_BUSY)  # the engine says Cancelled itself)
    if state == "42501":
        return SyncError("Geen toegang: deze rol is geen lid van de gedeelde werkruimte.")
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return SyncError(f"De server weigerde de synchronisatie: {first}")


@contextmanager
def server_transaction(engine: Engine) -> Iterator[Connection]:
    """One server transaction; database errors become ``SyncError``/``Offline``."""
    try:
        with engine.begin() as conn:
            yield conn
    except SQLAlchemyError as exc:
        raise explain(exc) from exc
    except OSError as exc:
        raise Offline(OFFLINE) from exc


def run_script(conn: Connection, sql: str) -> None:
    """Execute SQL text as is (no parameters: ``%`` in PL/pgSQL ``format`` stays)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
    finally:
        cursor.close()
