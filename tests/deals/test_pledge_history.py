"""A pledge's history of amounts, read from the journal: two edits with their sources, an
undone edit left out, and what changed since a moment or since the last overleg."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from dealmaker.domain.enums import ContributionForm, MeetingKind, Sector
from dealmaker.domain.money import parse_eur
from dealmaker.services.cofinancing import LedgerQuery, PledgeData, ledger, save_pledge
from dealmaker.services.deals.portfolio import portfolio
from dealmaker.services.pledge_history import (
    changes_since,
    changes_since_overleg,
    pledge_history,
)
from dealmaker.services.undo import undo
from dealmaker.storage.models import Meeting
from deals.conftest import Scene


def _pledge(scene: Scene, pledged: str, realised: str = "0", note: str = "") -> PledgeData:
    return PledgeData(scene.deal, scene.enschede, 2026, Sector.PUBLIEK,
                      ContributionForm.IN_CASH, parse_eur(pledged), parse_eur(realised), note)


def test_history_after_two_edits_with_their_sources(scene: Scene) -> None:
    ws = scene.ws
    pid, _ = save_pledge(ws, None, _pledge(scene, "1 mln", note="brief 12-01"))
    moment = datetime.now(UTC)
    save_pledge(ws, pid, _pledge(scene, "2,5 mln", note="besluit GS"))
    save_pledge(ws, pid, _pledge(scene, "2,5 mln", "500k", note="besluit GS"))
    save_pledge(ws, pid, _pledge(scene, "3 mln", "500k", note="vergissing"))
    assert undo(ws) is not None  # the 3 mln edit and its undo cancel out
    history = pledge_history(ws, pid)
    assert [(c.field, c.old, c.new, c.source) for c in history] == [
        ("pledged_cents", None, 100_000_000, "brief 12-01"),
        ("pledged_cents", 100_000_000, 250_000_000, "besluit GS"),
        ("realised_cents", 0, 50_000_000, "besluit GS"),
    ]
    assert all(c.at.date() >= moment.date() - timedelta(days=1) for c in history)
    delta = changes_since(ws, moment, [pid])[pid]
    assert (delta.pledged_then, delta.pledged_now) == (100_000_000, 250_000_000)
    assert (delta.realised_then, delta.realised_now, delta.new) == (0, 50_000_000, False)
    assert changes_since(ws, datetime.now(UTC), [pid]) == {}


def test_changed_since_the_last_overleg(scene: Scene) -> None:
    ws = scene.ws
    assert changes_since_overleg(ws, scene.deal) == (None, {})
    yesterday = date.today() - timedelta(days=1)
    scene.make.add(Meeting(deal_id=scene.deal, kind=MeetingKind.RIJK_REGIO_OVERLEG,
                           held_on=yesterday))
    pid, _ = save_pledge(ws, None, _pledge(scene, "2,5 mln"))
    day, changed = changes_since_overleg(ws, scene.deal)
    assert day == yesterday and changed[pid].new and changed[pid].pledged_delta == 250_000_000
    found = ledger(ws, LedgerQuery(deal_id=scene.deal))
    assert set(found.since_overleg) == {pid}
    row = next(r for r in portfolio(ws) if r.id == scene.deal)
    assert (row.last_overleg, row.changed_since_overleg) == (yesterday, 1)
    # with an overleg today, today's edit is not "since" it
    assert changes_since_overleg(ws, scene.deal, date.today())[1] == {}
