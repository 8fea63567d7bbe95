"""Subcommands: each returns an exit code and prints for humans (Dutch)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dealmaker.cli.progress import TerminalProgress
from dealmaker.cli.safe_text import say
from dealmaker.cli.sync_commands import COMMANDS as SYNC_COMMANDS


class CommandError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


def cmd_demo(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.demo import demo_steps

    size = args.size  # checked by the parser
    if db.exists() and not args.force:
        raise CommandError(f"{db} bestaat al; gebruik --force om het te overschrijven.")
    if not db.parent.is_dir():
        raise CommandError(f"De map {db.parent} bestaat niet; maak haar eerst aan.")
    bar = TerminalProgress()
    # --force: the existing file is locked (refused while open), backed up, then replaced
    for step in demo_steps(db, size=size, seed=args.seed, replace=args.force):
        bar.update(step.done, step.total, step.label)
    bar.finish()
    print(f"Demowerkruimte geschreven: {db}")
    return 0


def cmd_check(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.health import check_workspace

    health = check_workspace(db, full=args.full)  # WorkspaceError -> exit 1 in main
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


def cmd_import(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.services.importing import (
        FIELDS,
        ImportFailed,
        apply_import,
        describe_problems,
        plan_import,
    )
    from dealmaker.services.importing.compare import LABELS
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(db) as ws:  # WorkspaceError -> exit 1 in main
        try:
            plan = plan_import(ws, args.file, on_duplicate=args.on_duplicate)
            if plan.file_problems:
                raise CommandError(describe_problems(plan.source, plan.file_problems))
            result = apply_import(ws, plan)
        except ImportFailed as exc:
            raise CommandError(f"{exc} (werkruimte ongewijzigd)") from None
    name = args.file.name
    say(f"Geïmporteerd uit {name} naar {db}:")
    say(f"  nieuw:           {result.created:>6}")
    say(f"  aangevuld:       {result.merged:>6}")
    if result.unchanged:
        say(f"  al bekend, niets nieuw: {result.unchanged}")
    say(f"  overgeslagen:    {result.skipped:>6}")
    rejected_rows = len({p.row for p in result.rejected})
    say(f"  afgewezen:       {rejected_rows:>6}")
    for problem in result.rejected:
        say(f"    {problem.describe(name)}")
    if result.warnings:
        say(f"  meldingen:       {len(result.warnings):>6}")
        for problem in result.warnings:
            say(f"    {problem.describe(name)}")
    if result.organisations_created:
        say(f"  nieuwe organisaties: {result.organisations_created}")
    for added in result.added:
        label = FIELDS.get(added.field, LABELS.get(added.field, added.field))
        kept = f" (bestaand '{added.old}' behouden)" if added.old and \
            added.how == "toegevoegd" else ""
        was = f" (was '{added.old}')" if added.how == "overschreven" else ""
        say(f"  rij {added.row}: {added.person}: {label.lower()} '{added.value}' "
            f"{added.how}{kept}{was}")
    for kept_value in result.kept:
        say(f"  rij {kept_value.row}: {FIELDS.get(kept_value.field, kept_value.field)} bleef "
            f"'{kept_value.kept}' (niet overgenomen: '{kept_value.ignored}')")
    return 0


def cmd_export_vcard(args: argparse.Namespace, db: Path) -> int:
    from dealmaker.export.vcard import export_vcards, person_ids_matching
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(db) as ws:  # WorkspaceError -> exit 1 in main
        ids = person_ids_matching(ws, args.search)
        if not ids:
            raise CommandError(f"Geen contacten gevonden voor '{args.search}'; "
                               "er is niets geschreven." if args.search
                               else "De werkruimte heeft geen contacten; er is niets geschreven.")
        count = export_vcards(ws, ids, args.out)
    print(f"{count} {'contact' if count == 1 else 'contacten'} geschreven naar {args.out}")
    return 0


def cmd_connectieplan(args: argparse.Namespace, db: Path) -> int:
    """.svg and .xlsx; the composition root hands .png and .pdf to the window's canvas."""
    from dealmaker.services.connectieplan.export import (
        PlanExportError,
        check_target,
        drawing_of,
        write_plain,
    )
    from dealmaker.storage.workspace import open_workspace

    try:
        check_target(args.out)
        with open_workspace(db) as ws:  # WorkspaceError -> exit 1 in main
            drawing = drawing_of(ws, args.deal)
        write_plain(drawing, args.out)
    except PlanExportError as exc:
        raise CommandError(str(exc)) from None
    print(f"Connectieplan van {drawing.plan.title} geschreven naar {args.out}")
    return 0


def cmd_overleg(args: argparse.Namespace, db: Path) -> int:
    from datetime import date

    from dealmaker.services.connectieplan import find_deal
    from dealmaker.services.workbook import workbook_name, write_overleg
    from dealmaker.storage.workspace import open_workspace

    year = args.jaar or date.today().year
    if not 1900 <= year <= 2200:
        raise CommandError(f"Jaar {year} is geen geldig rapportagejaar; er is niets geschreven.")
    with open_workspace(db) as ws:  # WorkspaceError -> exit 1 in main
        deal = None if args.alle else find_deal(ws, args.deal)
        if deal is None and not args.alle:
            raise CommandError(f"Deal '{args.deal}' bestaat niet in {db.name}; "
                               "er is niets geschreven.")
        name = deal.name if deal else "alle deals"
        out = args.out or Path(workbook_name(name, year))
        if not out.parent.is_dir():
            raise CommandError(f"De map {out.parent} bestaat niet; er is niets geschreven.")
        write_overleg(ws, deal.id if deal else None, year, out,
                      with_contacts=args.met_contacten)
    say(f"Werkmap voor het overleg {year} van {name} geschreven: {out}")
    return 0


def cmd_import_workbook(args: argparse.Namespace, db: Path) -> int:
    """List what a returned overleg workbook changes; ``--apply`` writes it (one step)."""
    from dealmaker.services.workbook.apply import apply_return
    from dealmaker.services.workbook.readback import WorkbookRefused
    from dealmaker.services.workbook.roundtrip import plan_return
    from dealmaker.storage.workspace import open_workspace

    name = args.file.name
    with open_workspace(db) as ws:  # WorkspaceError -> exit 1 in main
        try:
            plan = plan_return(ws, args.file)
        except WorkbookRefused as exc:
            raise CommandError(str(exc)) from None
        if plan.refusals:
            say(f"{name} is geweigerd; er is niets ingelezen:")
            for refusal in plan.refusals:
                say(f"  {refusal}")
            raise CommandError(f"{name}: {len(plan.refusals)} cellen geweigerd (zie "
                               "hierboven); werkruimte ongewijzigd.")
        if not plan.changes:
            say(f"{name}: geen wijzigingen.")
            return 0
        say(f"{name} ({plan.deal or 'alle deals'}): {len(plan.changes)} wijzigingen")
        for change in plan.changes:
            say(f"  {change.where}  {change.deal} / {change.subject}: {change.what}")
        if not args.apply:
            say("Niets geschreven; schrijf ze met --apply (één stap, ongedaan te maken).")
            return 0
        apply_return(ws, plan)
    say(f"{len(plan.changes)} wijzigingen geschreven naar {db.name} (één stap; Ctrl+Z in "
        "het venster maakt haar ongedaan).")
    return 0


COMMANDS = {"demo": cmd_demo, "check": cmd_check, "import": cmd_import,
            "export-vcard": cmd_export_vcard, "connectieplan": cmd_connectieplan,
            "export": cmd_overleg, "overleg": cmd_overleg,
            "import-workbook": cmd_import_workbook, **SYNC_COMMANDS}
