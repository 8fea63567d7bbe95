"""Counts in the sync messages are Dutch: singular and plural ('1 open conflict',
'2 open conflicten') and the thousands dot ('26.626 records'), from one formatter."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealmaker.cli.sync_commands import sync_summary
from dealmaker.domain.numbers import counted, format_count, parse_decimal
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.sync.engine import SyncResult, sync
from dealmaker.services.sync.snapshot import publish_workspace
from dealmaker.services.sync.status import SyncStatus
from dealmaker.storage.workspace import open_workspace
from dealmaker.ui.sync.control import status_text, synced_text
from tests.sync.pgserver import Server


@given(st.integers(min_value=0, max_value=10**12))
def test_a_count_reads_back_as_the_same_number(n: int) -> None:
    assert int(parse_decimal(format_count(n))) == n


def test_counts_are_singular_for_one_and_carry_the_thousands_dot() -> None:
    assert format_count(26626) == "26.626" and format_count(999) == "999"
    assert counted(1, "record", "records") == "1 record"
    assert counted(26626, "record", "records") == "26.626 records"
    assert counted(0, "open conflict", "open conflicten") == "0 open conflicten"


def test_the_sync_line_of_the_command_line() -> None:
    assert sync_summary(SyncResult(1, 0, 0, 5)) == "Gesynchroniseerd: 1 verstuurd, 0 ontvangen."
    assert sync_summary(SyncResult(1200, 3, 1, 5)) == (
        "Gesynchroniseerd: 1.200 verstuurd, 3 ontvangen, 1 nieuw conflict.")
    assert sync_summary(SyncResult(0, 2, 2, 5)).endswith(", 2 nieuwe conflicten.")


def test_the_window_says_conflict_or_conflicten() -> None:
    one = SyncStatus(True, "Team", pending=1, open_conflicts=1)
    assert status_text(one, False) == "Gedeeld (Team) · 1 te versturen · 1 conflict"
    many = SyncStatus(True, "Team", pending=1500, open_conflicts=2)
    assert status_text(many, True) == (
        "Gedeeld (Team) · 1.500 te versturen · 2 conflicten · offline")
    assert synced_text(SyncResult(1, 1, 1, 3)) == (
        "Gesynchroniseerd: 1 verstuurd, 1 ontvangen, 1 nieuw conflict")
    assert synced_text(SyncResult(2000, 0, 3, 3)) == (
        "Gesynchroniseerd: 2.000 verstuurd, 0 ontvangen, 3 nieuwe conflicten")


@pytest.mark.postgres
def test_the_progress_lines_of_a_sync_say_one_change(pg: Server, team, copy_of) -> None:
    name, (anna, _bob, _carl) = team
    with open_workspace(copy_of("anna")) as ws:
        pid, _ = add_person(ws, PersonData(last_name="Smit"))
        publish_workspace(ws, pg.url(anna), name)
        update_person(ws, pid, email="smit@anna.example")
        said: list[str] = []
        sync(ws, step=said.append)
    assert said[0] == "1 wijziging versturen…"
    assert said[-1] == "1 bewerking verwerken…"  # its own, back from the server
