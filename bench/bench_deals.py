"""Benchmark the Deals portfolio, a deal dossier and the Toezeggingen register on the
large demo workspace (50 deals, 10,000 commitments, years of pledges).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_deals.py [PATH] [--runs 10]

PATH defaults to /tmp/dealmaker-bench/large.dealmaker (made when missing). Each service
call is printed beside the *bare SQL* it sent (captured from the engine and replayed with
``sqlite3`` on the same file) and the ratio; then the real widgets (offscreen, inline
tasks) are timed from "reload" to rows shown:
(1) portfolio < 0.5 s; (2) dossier of the deal with most commitments < 0.3 s;
(3) register, first rows < 0.3 s; (4) register filter per keystroke (first page + count)
< 50 ms at p95; (5) the board by state (five columns of at most 40 cards, with counts)
< 0.3 s, also filtered by the busiest deal.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_contacts import DEFAULT, Recorder, bare, ensure_demo
from sqlalchemy import func, select

from dealmaker.services.commitments.board import board_columns
from dealmaker.services.commitments.register import CommitmentQuery
from dealmaker.services.deals.dossier import deal_dossier
from dealmaker.services.deals.dossier_lists import deal_moments
from dealmaker.services.deals.involvement_load import deal_involvement
from dealmaker.services.deals.portfolio import portfolio
from dealmaker.storage.models import Commitment
from dealmaker.storage.workspace import Workspace, open_workspace
from dealmaker.ui.commitments.model import FIRST_PAGE, load_first

PHRASES = ["knelpunt", "twente", "bzk", "cofinanciering", "capaciteit", "ocw", "zeeland"]
TARGETS_MS = {"portfolio": 500.0, "dossier": 300.0, "register": 300.0, "keystroke": 50.0,
              "board": 300.0}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def line(label: str, service: float, raw: float, target: float | None) -> None:
    ok = "" if target is None else ("  OK" if service * 1000 < target else "  TE TRAAG")
    print(f"  {label:<40}{ms(service)}   bare SQL {ms(raw)}   x{service / raw:6.2f}{ok}")


def measure(rec: Recorder, con: sqlite3.Connection, fn: Callable[[], object],
            runs: int) -> tuple[float, float]:
    timed = [rec.run(fn) for _ in range(runs)]
    return (statistics.median(t for t, _ in timed),
            statistics.median(bare(con, s) for _, s in timed))


def busiest_deal(ws: Workspace) -> str:
    with ws.read() as s:
        return str(s.scalar(select(Commitment.deal_id).where(Commitment.deal_id.is_not(None))
                            .group_by(Commitment.deal_id)
                            .order_by(func.count().desc()).limit(1)))


def services(ws: Workspace, con: sqlite3.Connection, runs: int) -> str:
    rec = Recorder(ws)
    deal = busiest_deal(ws)
    print("Services, mediaan van", runs, "runs:")
    for label, key, fn in (
            ("(1) portfolio (alle deals)", "portfolio", lambda: portfolio(ws)),
            ("(2) dossier (drukste deal)", "dossier", lambda: deal_dossier(ws, deal)),
            ("(3) register, eerste rijen + telling", "register",
             lambda: load_first(ws, CommitmentQuery(), FIRST_PAGE)),
            ("(5) bord, vijf kolommen", "board", lambda: board_columns(ws, CommitmentQuery())),
            ("(5) bord van de drukste deal", "board",
             lambda: board_columns(ws, CommitmentQuery(deal_id=deal)))):
        first, stmts = rec.run(fn)
        line(label + " koud", first, bare(con, stmts), TARGETS_MS[key])
        line(label + " warm", *measure(rec, con, fn, runs), TARGETS_MS[key])
    # the dossier's long tabs are read off the UI thread when first shown
    for label, tab in (("    tab contactmomenten (nieuwste 300)", lambda: deal_moments(ws, deal)),
                       ("    tab ministeries en coalitie", lambda: deal_involvement(ws, deal))):
        line(label + " warm", *measure(rec, con, tab, max(3, runs // 3)), None)
    typed = [p[:k] for p in PHRASES for k in range(1, len(p) + 1)]
    times = []
    for text in typed:
        q = CommitmentQuery(search=text)
        t, s = rec.run(lambda q=q: load_first(ws, q, FIRST_PAGE))
        times.append((t, bare(con, s)))
    svc = sorted(t for t, _ in times)
    raw = sorted(b for _, b in times)
    p95 = int(len(svc) * 0.95)
    print(f"(4) {len(typed)} toetsaanslagen in het register ({typed[0]!r} ... {typed[-1]!r})")
    line("p50", svc[len(svc) // 2], raw[len(raw) // 2], TARGETS_MS["keystroke"])
    line("p95", svc[p95], raw[p95], TARGETS_MS["keystroke"])
    return deal


def widgets(ws: Workspace, deal: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from dealmaker.ui.commitments.view import CommitmentsView
    from dealmaker.ui.deals.dossier import DealDossierDialog
    from dealmaker.ui.deals.view import PortfolioView
    from dealmaker.ui.shell.context import AppContext
    from dealmaker.ui.shell.signals import AppSignals
    from dealmaker.ui.shell.tasks import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    tasks = TaskRunner(inline=True)
    context = AppContext(AppSignals(), tasks, lambda: ws)

    def timed(label: str, key: str, fn: Callable[[], object]) -> None:
        start = time.perf_counter()
        fn()
        app.processEvents()
        took = time.perf_counter() - start
        ok = "  OK" if took * 1000 < TARGETS_MS[key] else "  TE TRAAG"
        print(f"  {label:<40}{ms(took)}{ok}")

    print("Schermen (offscreen, van openen tot rijen getoond):")
    portfolio_view = PortfolioView(context)
    portfolio_view.resize(1280, 800)
    portfolio_view.show()
    timed("(1) Deals-portfolio", "portfolio", portfolio_view.reload)
    timed("(2) dealdossier", "dossier", lambda: DealDossierDialog(context, deal).show())
    register = CommitmentsView(context)
    register.resize(1280, 800)
    register.show()
    # the window runs the rows and the filter lists on two reader threads: the rows
    # show when their own query is done; the lists follow (long ones fill when opened)
    timed("(3) Toezeggingen, eerste rijen", "register", register.model.reload)
    timed("    daarna de filterlijsten", "register", register.reload)
    typed = "knelpunt"
    start = time.perf_counter()
    for k in range(1, len(typed) + 1):
        register.search.setText(typed[:k])
        app.processEvents()
    per = (time.perf_counter() - start) / len(typed)
    ok = "  OK" if per * 1000 < TARGETS_MS["keystroke"] else "  TE TRAAG"
    print(f"  {'(4) filter per toetsaanslag (gemiddeld)':<40}{ms(per)}{ok}")
    register.search.clear()
    timed("(5) Bord, van Lijst naar Bord", "board", register.board_button.click)
    tasks.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    ensure_demo(args.path)
    ws = open_workspace(args.path, lock=False)
    con = sqlite3.connect(args.path)
    try:
        with ws.read() as s:
            n = s.scalar(select(func.count()).select_from(Commitment))
        print(f"{args.path} ({args.path.stat().st_size / 2**20:.0f} MB): {n} toezeggingen, "
              f"SQLite {sqlite3.sqlite_version}")
        deal = services(ws, con, args.runs)
        widgets(ws, deal)
    finally:
        con.close()
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
