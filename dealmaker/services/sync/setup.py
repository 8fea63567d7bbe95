"""``dealmaker server-init``: make an existing PostgreSQL a team server (no Qt).

Run by IT with a role that may create schemas and roles. Idempotent: run it again to
add a workspace or members, and after installing a newer program to upgrade every
shared workspace to its schema (``upgrade.py``: additive). Per shared workspace: a
schema ``dm_<hex>`` with the user's tables (the models), the log and field versions; a
group role ``dm_<hex>_leden`` that may read them and call the functions; each member is a
LOGIN role (created without a password when missing: set one with ALTER ROLE, or use
certificates in pg_hba.conf) granted that group role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from dealmaker.services.sync.connect import (
    SyncError,
    make_server_engine,
    run_script,
    server_transaction,
)
from dealmaker.services.sync.server_publish import PUBLISH
from dealmaker.services.sync.server_push import PUSH
from dealmaker.services.sync.server_sql import ENTER, PUT_ROW, REGISTER, SCRUB, WORKSPACE_TABLES
from dealmaker.services.sync.server_staged import STAGED
from dealmaker.services.sync.tables import shared_tables as shared_tables
from dealmaker.services.sync.upgrade import Upgraded, upgrade_all
from dealmaker.storage.migrate import SCHEMA_VERSION
from dealmaker.storage.models import Base
from dealmaker.storage.models.base import new_id

_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


@dataclass(frozen=True)
class ServerInit:
    workspace: str | None
    schema: str | None
    created: bool
    members: tuple[str, ...]
    #: workspaces brought up to this program's schema version by this run
    upgraded: tuple[Upgraded, ...] = ()


def _refuse_newer(conn: Connection) -> None:
    """An older program must not put its functions over a newer server's: refuse, and
    change nothing (the version is the register's and the schema comment's, which
    ``_functions`` writes: a server without workspaces has only the latter)."""
    said = conn.execute(text("SELECT obj_description(to_regnamespace('dealmaker'), "
                             "'pg_namespace')")).scalar() or ""
    versions = [int(v) for v in re.findall(r"schemaversie (\d+)", said)]
    if conn.execute(text("SELECT to_regclass('dealmaker.workspace')")).scalar() is not None:
        versions.append(int(conn.execute(text(
            "SELECT coalesce(max(schema_version), 0) FROM dealmaker.workspace")).scalar() or 0))
    newest = max(versions, default=0)
    if newest > SCHEMA_VERSION:
        raise SyncError(f"Deze server is al ingericht door een nieuwere versie van dealmaker "
                        f"(schemaversie {newest}, deze versie {SCHEMA_VERSION}); werk dealmaker "
                        "bij. Er is niets gewijzigd.")


def _functions(conn: Connection) -> None:
    for sql in (REGISTER, ENTER, PUT_ROW, SCRUB, PUSH, PUBLISH, STAGED):
        run_script(conn, sql)
    conn.exec_driver_sql(
        f"COMMENT ON SCHEMA dealmaker IS 'dealmaker schemaversie {int(SCHEMA_VERSION)}'")
    for internal in ("enter(uuid, integer)", "put_row(text, uuid, jsonb, timestamptz)",
                     "scrub_log(text, uuid)"):
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION dealmaker.{internal} FROM PUBLIC")


def _create_workspace(conn: Connection, name: str) -> tuple[str, str]:
    ws_id = new_id()
    schema = "dm_" + ws_id.replace("-", "")[:16]
    group = f"{schema}_leden"
    conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    Base.metadata.create_all(conn.execution_options(schema_translate_map={None: schema}),
                             tables=shared_tables())
    run_script(conn, WORKSPACE_TABLES.format(s=schema))
    conn.exec_driver_sql(f"CREATE INDEX ON {schema}.sync_log USING gin (changes jsonb_path_ops)")
    conn.exec_driver_sql(f"CREATE ROLE {group} NOLOGIN")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {schema} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {group}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {group}")
    conn.execute(text("INSERT INTO dealmaker.workspace (id, name, schema_name, member_role, "
                      "schema_version) VALUES (:i, :n, :s, :g, :v)"),
                 {"i": ws_id, "n": name, "s": schema, "g": group, "v": SCHEMA_VERSION})
    return schema, group


def server_init(url: str, workspace: str | None = None,
                members: tuple[str, ...] = ()) -> ServerInit:
    """Install the register and functions; with ``workspace``, create it (if new) and
    grant it to ``members`` (LOGIN roles, created when missing)."""
    for role in members:
        if not _ROLE.match(role):
            raise SyncError(f"Ongeldige rolnaam {role!r}: kleine letters, cijfers en _.")
    if members and not workspace:
        raise SyncError("Leden horen bij een werkruimte: geef ook --workspace NAAM.")
    engine = make_server_engine(url)
    try:
        with server_transaction(engine) as conn:
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(hashtext('dealmaker:init'))")
            _refuse_newer(conn)
            _functions(conn)
            upgraded = tuple(upgrade_all(conn))
            if workspace is None:
                return ServerInit(None, None, False, (), upgraded)
            found = conn.execute(text("SELECT schema_name, member_role FROM dealmaker.workspace"
                                      " WHERE name = :n"), {"n": workspace}).first()
            created = found is None
            schema, group = _create_workspace(conn, workspace) if found is None else found
            for role in members:
                exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"),
                                      {"r": role}).first()
                if exists is None:
                    conn.exec_driver_sql(f"CREATE ROLE {role} LOGIN")
                conn.exec_driver_sql(f"GRANT {group} TO {role}")
            return ServerInit(workspace, schema, created, members, upgraded)
    finally:
        engine.dispose()
