"""Benchmark: import 10,000 contacts from an .xlsx file (target: under 5 s).

Generates the file with openpyxl (Outlook-NL-like headers, ~3% duplicates), then times
(a) pandas.read_excel alone as the baseline for just reading the sheet, and
(b) plan_import + apply_import into a fresh empty workspace and, when the demo generator
is available, into a small demo workspace (where duplicates are searched among its
contacts). Prints each figure, the ratio to the baseline and the target.

    .venv/bin/python bench/bench_import.py [ROWS]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from dealmaker.services.importing import apply_import, plan_import
from dealmaker.storage.workspace import Workspace, create_workspace, open_workspace

T = TypeVar("T")
TARGET_S = 5.0
HEAD = ["Voornaam", "Tussenvoegsel", "Achternaam", "E-mailadres", "Telefoon op werk",
        "Bedrijf", "Functie", "Categorieën", "Notities"]
FIRST = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Ivo", "Joost",
         "Karin", "Lars", "Mila", "Noah", "Olga", "Pieter", "Roos", "Sven", "Tess", "Zoë"]
TV = ["", "", "", "van", "de", "van der", "van den", "ter"]
LAST = ["Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters",
        "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Kok", "Jacobs", "Berg", "Vries",
        "Wit", "Haan", "Groot", "Yilmaz", "Öztürk", "El Amrani", "Nguyen", "Wiersma"]
KINDS = ["Gemeente", "Provincie", "Waterschap", "Stichting", "Hogeschool", "Bedrijf"]
TITLES = ["Wethouder", "Beleidsmedewerker", "Programmamanager", "Directeur", "Adviseur"]


def make_xlsx(path: Path, rows: int, seed: int = 2026) -> int:
    """Write ``rows`` contacts (some repeated with other case/spelling); return repeats."""
    from openpyxl import Workbook

    rnd = random.Random(seed)
    orgs = [f"{rnd.choice(KINDS)} {name}{n}" for n, name in
            enumerate(rnd.choices(LAST, k=max(1, rows // 30)))]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Contacten")
    sheet.append(HEAD)
    made: list[list[str]] = []
    repeats = 0
    for n in range(rows):
        if made and rnd.random() < 0.03:
            row = list(rnd.choice(made))
            row[3] = row[3].upper()
            repeats += 1
        else:
            first, tv, last = rnd.choice(FIRST), rnd.choice(TV), rnd.choice(LAST)
            row = [first, tv, last, f"{first}.{last}.{n}@voorbeeld.nl".lower().replace(" ", ""),
                   f"06 {rnd.randrange(10**7, 10**8)}", rnd.choice(orgs), rnd.choice(TITLES),
                   rnd.choice(["", "Bestuur", "Twente", "Bestuur; Zeeland"]),
                   rnd.choice(["", "", "Ontmoet op de regiodag"])]
            made.append(row)
        sheet.append(row)
    book.save(path)
    return repeats


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def run_import(label: str, ws: Workspace, path: Path, baseline: float) -> float:
    cpu = time.process_time()
    plan, t_plan = timed(lambda: plan_import(ws, path, on_duplicate="merge"))
    result, t_apply = timed(lambda: apply_import(ws, plan, only_valid=True))
    cpu = time.process_time() - cpu
    total = t_plan + t_apply
    verdict = "OK" if total < TARGET_S else "TE TRAAG"
    print(f"{label}: plan {t_plan:.2f} s + apply {t_apply:.2f} s = {total:.2f} s "
          f"(cpu {cpu:.2f} s; {total / baseline:.1f}x pandas; doel < {TARGET_S:.0f} s: "
          f"{verdict})")
    print(f"    nieuw {result.created}, samengevoegd {result.merged}, "
          f"overgeslagen {result.skipped}, afgewezen {len(result.rejected)}, "
          f"nieuwe organisaties {result.organisations_created}")
    return total


def main(rows: int = 10_000) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "contacten.xlsx"
        repeats, t_make = timed(lambda: make_xlsx(path, rows))
        print(f"{rows} rijen ({repeats} herhaald) geschreven in {t_make:.2f} s")
        import pandas

        # pandas 3 still reads with openpyxl by default (and warns it will switch)
        frame, baseline = timed(lambda: pandas.read_excel(path, engine="openpyxl"))
        print(f"basislijn pandas.read_excel (openpyxl): {baseline:.2f} s ({len(frame)} rijen)")
        try:
            _, fast = timed(lambda: pandas.read_excel(path, engine="calamine"))
            print(f"ter vergelijking pandas.read_excel (calamine): {fast:.2f} s")
        except ImportError:
            pass
        totals = []
        with create_workspace(folder / "leeg.dealmaker") as ws:
            totals.append(run_import("lege werkruimte ", ws, path, baseline))
        try:
            from dealmaker.services.demo import create_demo
        except ImportError:
            print("demowerkruimte: overgeslagen (dealmaker.services.demo ontbreekt)")
        else:
            demo = folder / "demo.dealmaker"
            create_demo(demo, size="small")
            with open_workspace(demo) as ws:
                totals.append(run_import("demowerkruimte ", ws, path, baseline))
    return 0 if all(t < TARGET_S for t in totals) else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
