"""Subcommands: each returns an exit code and prints for humans (Dutch)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dealmaker.cli.progress import TerminalProgress


class CommandError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


def cmd_demo(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.demo import demo_steps, parse_size

    try:
        size = parse_size(args.size)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    if db.exists():
        if not args.force:
            raise CommandError(f"{db} bestaat al; gebruik --force om het te overschrijven.")
        db.unlink()
    bar = TerminalProgress()
    for step in demo_steps(db, size=size, seed=args.seed):
        bar.update(step.done, step.total, step.label)
    bar.finish()
    print(f"Demowerkruimte geschreven: {db}")
    return 0


def cmd_check(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.health import check_workspace

    health = check_workspace(db)  # WorkspaceError -> exit 1 in main
    print(f"Werkruimte:    {db}")
    print(f"Schemaversie:  {health.schema_version}")
    print(f"Integriteit:   {health.integrity}")
    print(f"Verwijzingen:  {health.foreign_key_violations} gebroken")
    print("Aantallen per tabel:")
    width = max(len(name) for name in health.row_counts)
    for name, count in health.row_counts.items():
        print(f"  {name:<{width}}  {count:>10,}".replace(",", "."))
    if health.foreign_key_violations:
        raise CommandError(
            f"{db} heeft {health.foreign_key_violations} gebroken verwijzingen.")
    return 0


COMMANDS = {"demo": cmd_demo, "check": cmd_check}
