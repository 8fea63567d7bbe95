"""Reaching the team server: URLs, engines, and one Dutch line per failure."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.pool import NullPool

#: seconds to wait for the server before saying it is not reachable
CONNECT_TIMEOUT = 5


class SyncError(Exception):
    """Synchronisation stopped; the message (Dutch, one line) says why. The workspace
    file is as it was before the attempt."""


#: short enough for the status bar beside the sync status at 1024 px (which says offline)
OFFLINE = "Server niet bereikbaar; u kunt offline doorwerken."


class Offline(SyncError):
    """The server could not be reached (or the connection broke): work on offline."""


class LoginFailed(SyncError):
    """The server refused the role or password (the window then asks for a password)."""


class SchemaMismatch(SyncError):
    """This copy and the server use different schema versions."""


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


#: passwords typed in the window this session, by address without password (never stored)
_PASSWORDS: dict[str, str] = {}


def with_password(text: str, password: str) -> str:
    """``text`` with ``password`` in it (kept for this session's later syncs)."""
    url = server_url(text)
    if not password:
        return text.strip()
    _PASSWORDS[shown_url(url)] = password
    return url.set(password=password).render_as_string(hide_password=False)


def make_server_engine(text: str) -> Engine:
    url = server_url(text)
    if url.password is None and shown_url(url) in _PASSWORDS:
        url = url.set(password=_PASSWORDS[shown_url(url)])
    return create_engine(url, poolclass=NullPool,
                         connect_args={"connect_timeout": CONNECT_TIMEOUT},
                         hide_parameters=True)


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
