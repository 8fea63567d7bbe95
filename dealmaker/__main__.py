"""Composition root: ``dealmaker`` starts the window, ``dealmaker SUB`` runs batch work."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("dealmaker")


def _fail(message: str) -> int:
    from dealmaker.cli.safe_text import shown

    print(f"dealmaker: {shown(message)}", file=sys.stderr)  # file names, imported text
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 1 failure, 2 usage)."""
    from dealmaker.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    if args.data_dir is not None:
        os.environ["DEALMAKER_DATA_DIR"] = str(args.data_dir)

    from dealmaker import config
    from dealmaker.logsetup import configure_logging

    configure_logging(config.data_dir_path())
    return _guarded(args)


def _guarded(args: argparse.Namespace) -> int:
    """Run the window or a subcommand; every failure becomes one Dutch line on stderr
    (no traceback, no SQL, no personal data) and a safe record in the log."""
    from dealmaker import config
    from dealmaker.cli.commands import CommandError
    from dealmaker.storage.errors import WorkspaceError, explain

    explicit = args.db is not None or bool(os.environ.get("DEALMAKER_DB"))
    db: Path = args.db if args.db is not None else Path(
        os.environ.get("DEALMAKER_DB") or config.data_dir_path() / config.DEFAULT_WORKSPACE_NAME)
    try:
        if not explicit:
            db = _default_workspace()
            if args.command == "demo":  # the demo goes beside the user's own, never in it
                db = db.with_name(config.DEMO_WORKSPACE_NAME)
        return _run(args, db, explicit=explicit)
    except WorkspaceError as exc:
        log.warning("%s: %s", type(exc).__name__, exc)
        return _fail(str(exc))
    except CommandError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("afgebroken.")
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 1
    except Exception as exc:  # never a traceback for the user; safe details go to the log
        log.error("mislukt: %s", type(exc).__name__, exc_info=exc)
        failure = explain(exc, db)
        if failure is not None:
            return _fail(str(failure))
        return _fail(f"onverwachte fout ({type(exc).__name__}); de technische details "
                     f"(zonder persoonsgegevens) staan in {config.data_dir_path()}"
                     "/dealmaker.log. Meld dit bij de beheerder.")


def _default_workspace() -> Path:
    from dealmaker import config
    from dealmaker.storage.errors import StorageFailure, explain

    try:
        return config.default_workspace()
    except OSError as exc:
        folder = config.data_dir_path()
        failure = explain(exc, folder)
        reason = failure.kind if isinstance(failure, StorageFailure) else type(exc).__name__
        raise StorageFailure("gegevensmap", (
            f"De gegevensmap {folder} kan niet worden gemaakt of beschreven ({reason}); "
            "maak haar schrijfbaar of kies een andere met --data-dir MAP.")) from None


def _run(args: argparse.Namespace, db: Path, *, explicit: bool) -> int:
    if args.command is None:
        if explicit and not db.exists():
            return _fail(f"{db} bestaat niet; maak er een met 'dealmaker demo --db {db}' "
                         "of kies Bestand > Nieuwe werkruimte.")
        from dealmaker.ui.app import run_gui

        return int(run_gui(db, first_start_demo=not explicit))
    if args.command == "connectieplan" and args.out.suffix.lower() in (".png", ".pdf"):
        return _render_plan(args, db)  # drawn by the window's canvas (Qt)
    from dealmaker.cli.commands import COMMANDS

    return COMMANDS[args.command](args, db)


def _render_plan(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.cli.commands import CommandError
    from dealmaker.services.connectieplan.export import PlanExportError
    from dealmaker.ui.connectieplan.render import render_command

    try:
        return render_command(db, args.deal, args.out)
    except PlanExportError as exc:
        raise CommandError(str(exc)) from None


if __name__ == "__main__":
    sys.exit(main())
