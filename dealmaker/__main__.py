"""Composition root: ``dealmaker`` starts the window, ``dealmaker SUB`` runs batch work."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger("dealmaker")


_OS_REASONS = {
    errno.ENOENT: "bestand of map bestaat niet",
    errno.EACCES: "geen toegang",
    errno.EPERM: "niet toegestaan",
    errno.ENOSPC: "schijf is vol",
    errno.EROFS: "alleen-lezen schijf",
    errno.EISDIR: "is een map",
    errno.ENOTDIR: "is geen map",
}


def _fail(message: str) -> int:
    print(f"dealmaker: {message}", file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the process exit code (0 ok, 1 failure, 2 usage)."""
    from dealmaker.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    if args.data_dir is not None:
        os.environ["DEALMAKER_DATA_DIR"] = str(args.data_dir)

    from dealmaker import config

    explicit = args.db is not None or bool(os.environ.get("DEALMAKER_DB"))
    db: Path = args.db if args.db is not None else config.default_workspace()
    if args.command is None:
        if explicit and not db.exists():
            return _fail(f"{db} bestaat niet; maak er een met 'dealmaker demo --db {db}' "
                         "of kies Bestand > Nieuwe werkruimte.")
        from dealmaker.ui.app import run_gui

        return int(run_gui(db, first_start_demo=not explicit))
    return _run_command(args, db)


def _run_command(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.cli.commands import COMMANDS, CommandError
    from dealmaker.storage.errors import WorkspaceError

    try:
        return COMMANDS[args.command](args, db)
    except (CommandError, WorkspaceError) as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("afgebroken.")
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
        return 1
    except OSError as exc:
        reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or str(exc))
        return _fail(f"{reason}: {exc.filename or db}")
    except Exception as exc:  # never a traceback for the user; details go to the log
        _log_exception()
        return _fail(f"onverwachte fout: {exc} (details in het logbestand)")


def _log_exception() -> None:
    from dealmaker import config

    handler = logging.FileHandler(config.data_dir() / "dealmaker.log", encoding="utf-8")
    log.addHandler(handler)
    log.exception("onverwachte fout")
    handler.close()
    log.removeHandler(handler)


if __name__ == "__main__":
    sys.exit(main())
