"""Team sync on the command line: server-init, sync, join, conflicts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from dealmaker.cli.safe_text import say, shown
from dealmaker.domain.numbers import counted, format_count

if TYPE_CHECKING:
    from dealmaker.services.sync.engine import SyncResult


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                common: argparse.ArgumentParser) -> None:
    init = sub.add_parser("server-init", parents=[common],
                          help="richt een PostgreSQL-server in voor gedeelde werkruimten")
    init.add_argument("--server", required=True, metavar="URL",
                      help="postgresql://beheerder@host/database")
    init.add_argument("--workspace", metavar="NAAM", help="maak (of vul aan) deze werkruimte")
    init.add_argument("--member", action="append", default=[], metavar="ROL",
                      help="geef deze rol toegang (herhaalbaar; ontbrekende rol wordt gemaakt)")
    sync = sub.add_parser("sync", parents=[common],
                          help="synchroniseer de werkruimte met de server")
    sync.add_argument("--server", metavar="URL",
                      help="postgresql://rol@host/database (standaard: de laatst gebruikte)")
    sync.add_argument("--publish", action="store_true",
                      help="eerste upload: deel deze werkruimte op de server")
    sync.add_argument("--workspace", metavar="NAAM", help="de gedeelde werkruimte op de server")
    sync.add_argument("--bevestig-verwijderen", action="store_true",
                      help="sta een synchronisatie toe die veel records verwijdert")
    join = sub.add_parser("join", parents=[common],
                          help="haal een gedeelde werkruimte op in een nieuw bestand")
    join.add_argument("--server", required=True, metavar="URL",
                      help="postgresql://rol@host/database")
    join.add_argument("--workspace", metavar="NAAM", help="de gedeelde werkruimte op de server")
    sub.add_parser("conflicts", parents=[common], help="toon de open synchronisatieconflicten")


def _fail(exc: Exception) -> int:
    """One Dutch line on stderr, exit 1 (as the entry point does for other failures)."""
    print(f"dealmaker: {shown(str(exc))}", file=sys.stderr)
    return 1


def _records(counts: dict[str, int]) -> str:
    return counted(sum(counts.values()), "record", "records")


def sync_summary(done: SyncResult) -> str:
    """'Gesynchroniseerd: 1.200 verstuurd, 3 ontvangen, 1 nieuw conflict.'"""
    text = (f"Gesynchroniseerd: {format_count(done.pushed)} verstuurd, "
            f"{format_count(done.pulled)} ontvangen")
    if done.conflicts:
        text += ", " + counted(done.conflicts, "nieuw conflict", "nieuwe conflicten")
    return text + "."


def cmd_server_init(args: argparse.Namespace, _db: Path) -> int:
    from dealmaker.services.sync.connect import SyncError
    from dealmaker.services.sync.setup import server_init
    from dealmaker.storage.migrate import SCHEMA_VERSION

    try:
        done = server_init(args.server, args.workspace, tuple(args.member))
    except SyncError as exc:
        return _fail(exc)
    print("Server ingericht (schema dealmaker, functies).")
    for up in done.upgraded:
        added = ", ".join(up.tables + up.columns) or "geen nieuwe tabellen of kolommen"
        print(f"Werkruimte '{up.workspace}' bijgewerkt naar schemaversie {SCHEMA_VERSION} "
              f"(was {up.old_version}; toegevoegd: {added}).")
    if done.workspace:
        print(f"Werkruimte '{done.workspace}' {'gemaakt' if done.created else 'bestond al'}"
              f" (schema {done.schema}).")
        for role in done.members:
            print(f"Toegang gegeven aan rol {role}.")
    return 0


def cmd_sync(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.sync.connect import SyncError
    from dealmaker.services.sync.engine import sync
    from dealmaker.services.sync.snapshot import publish_workspace
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(db) as ws:
        try:
            if args.publish:
                if not args.server:
                    raise SyncError("--publish heeft --server URL nodig.")
                name, counts = publish_workspace(ws, args.server, args.workspace)
                say(f"Gedeeld als '{name}': {_records(counts)} verstuurd.")
                return 0
            done = sync(ws, args.server, allow_mass_delete=args.bevestig_verwijderen)
        except SyncError as exc:
            return _fail(exc)
    print(sync_summary(done))
    if done.conflicts:
        print("Bekijk ze met: dealmaker conflicts --db " + str(db))
    return 0


def cmd_join(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.sync.connect import SchemaMismatch, SyncError
    from dealmaker.services.sync.snapshot import join_workspace

    try:
        name, counts = join_workspace(args.server, db, args.workspace)
    except SchemaMismatch as exc:  # nothing to work on offline: no file was made
        return _fail(SyncError(exc.for_join()))
    except SyncError as exc:
        return _fail(exc)
    say(f"Gedeelde werkruimte '{name}' opgehaald in {db}: {_records(counts)}.")
    return 0


def cmd_conflicts(_args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.sync.conflicts import describe, open_conflicts
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(db) as ws:
        found = open_conflicts(ws)
        if not found:
            print("Geen open conflicten.")
            return 0
        print(f"{counted(len(found), 'open conflict', 'open conflicten')} "
              "(huidige waarde | andere waarde):")
        for line in describe(ws, found):
            say("  " + line)
    return 0


COMMANDS = {"server-init": cmd_server_init, "sync": cmd_sync, "join": cmd_join,
            "conflicts": cmd_conflicts}
