"""Argument parsing for the ``dealmaker`` entry point (usage errors exit 2)."""

from __future__ import annotations

import argparse
from pathlib import Path

from dealmaker import __version__
from dealmaker.cli import dutch_argparse, sync_commands


def build_parser() -> argparse.ArgumentParser:
    """The full parser: global options plus subcommands."""
    dutch_argparse.install()
    parser = argparse.ArgumentParser(
        prog="dealmaker", parents=[_common(None)],
        description="Relatiebeheer voor dealmakers van de Regio Deals. "
                    "Zonder subcommando start het venster.")
    parser.add_argument("--version", action="version", version=f"dealmaker {__version__}",
                        help="toon het versienummer en stop")
    sub = parser.add_subparsers(dest="command", metavar="subcommando")
    # Subcommands accept the same options; SUPPRESS keeps a global value from being reset.
    common = _common(argparse.SUPPRESS)

    demo = sub.add_parser("demo", parents=[common], help="maak een demowerkruimte")
    demo.add_argument("--size", default="small", metavar="small|large|N", type=_size,
                      help="omvang: small (standaard), large of een aantal personen")
    demo.add_argument("--seed", type=int, default=2026, help="startwaarde (standaard 2026)")
    demo.add_argument("--force", action="store_true",
                      help="overschrijf een bestaand bestand")

    check = sub.add_parser("check", parents=[common],
                           help="controleer een werkruimte (schema, integriteit, aantallen)")
    check.add_argument("--full", action="store_true",
                       help="volledige integrity_check (langzamer) in plaats van quick_check")
    _add_import(sub, common)
    _add_overleg(sub, common)
    sync_commands.add_parsers(sub, common)
    return parser


def _add_overleg(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                 common: argparse.ArgumentParser) -> None:
    ov = sub.add_parser("export", aliases=["overleg"], parents=[common],
                        help="maak de werkmap (.xlsx) voor het Rijk-regio overleg van een "
                             "deal of van alle deals (overleg: dezelfde opdracht)")
    which = ov.add_mutually_exclusive_group(required=True)
    which.add_argument("--deal", metavar="NAAM", help="naam (of alias) van de deal")
    which.add_argument("--all", "--alle", dest="alle", action="store_true",
                       help="de portefeuille: één rij per deal, de andere bladen over alle deals")
    ov.add_argument("--year", "--jaar", dest="jaar", type=int, metavar="JJJJ",
                    help="rapportagejaar (standaard: dit jaar)")
    ov.add_argument("--out", type=Path, metavar="BESTAND",
                    help="het .xlsx-bestand (standaard: 'Overleg <deal> <jaar>.xlsx' hier)")
    ov.add_argument("--with-contacts", "--met-contacten", dest="met_contacten",
                    action="store_true",
                    help="voeg het blad Contacten toe (alleen werkgegevens)")
    back = sub.add_parser("import-workbook", parents=[common],
                          help="lees een teruggestuurde overlegwerkmap in (Voortgang, "
                               "Toezeggingen): toont de wijzigingen, --apply schrijft ze")
    back.add_argument("file", type=Path, metavar="BESTAND", help="de ingevulde werkmap (.xlsx)")
    back.add_argument("--apply", action="store_true",
                      help="schrijf de wijzigingen (één stap, ongedaan te maken)")


def _add_import(sub: argparse._SubParsersAction[argparse.ArgumentParser],
                common: argparse.ArgumentParser) -> None:
    imp = sub.add_parser("import", parents=[common],
                         help="importeer contacten uit .csv, .xlsx of .vcf")
    imp.add_argument("file", type=Path, metavar="BESTAND",
                     help="het bestand met contacten (.csv, .txt, .xlsx of .vcf)")
    imp.add_argument("--on-duplicate", choices=("merge", "overwrite", "skip", "create"),
                     default="merge",
                     help="wat te doen met een contact dat al bestaat: aanvullen (merge, "
                          "standaard: wat nieuw is toevoegen, niets overschrijven), "
                          "overschrijven (overwrite), overslaan (skip) of toch aanmaken "
                          "(create)")
    imp.add_argument("--only-valid", action="store_true",
                     help="(blijft werken; ongeldige waarden blokkeren een contact niet "
                          "meer: ze staan in de notities en worden gemeld)")
    exp = sub.add_parser("export-vcard", parents=[common],
                         help="exporteer contacten als vCard (.vcf)")
    exp.add_argument("--out", type=Path, metavar="BESTAND", required=True,
                     help="het .vcf-bestand om te schrijven")
    exp.add_argument("--search", metavar="TEKST",
                     help="alleen contacten die deze zoektekst vinden (standaard: alle)")
    plan = sub.add_parser("connectieplan", parents=[common],
                          help="schrijf het connectieplan van een deal (.png, .svg, .pdf, .xlsx)")
    plan.add_argument("--deal", metavar="NAAM", required=True,
                      help="de naam (of een alias) van de deal")
    plan.add_argument("--out", type=Path, metavar="BESTAND", required=True,
                      help="het bestand; de extensie kiest het formaat (.png, .svg, .pdf, .xlsx)")


def _common(default: object) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, metavar="PAD", default=default,
                        help="werkruimtebestand (standaard: in de gebruikersmap, "
                             "of $DEALMAKER_DB)")
    common.add_argument("--data-dir", type=Path, metavar="MAP", default=default,
                        help="gebruikersmap voor werkruimte en instellingen "
                             "($DEALMAKER_DATA_DIR)")
    return common


def _size(text: str) -> str | int:
    """``--size`` checked while parsing, so a bad value is a usage error (exit 2)."""
    from dealmaker.services.demo import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
