"""Counts in the sync messages are Dutch: singular and plural ('1 open conflict',
'2 open conflicten') and the thousands dot ('26.626 records'), from one formatter."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import given
from hypothesis import strategies as st

from dealmaker.cli.sync_commands import sync_summary
from dealmaker.domain.numbers import counted, format_count, parse_decimal
from dealmaker.services.sync.engine import SyncResult
from dealmaker.services.sync.status import SyncStatus
from dealmaker.ui.sync.control import status_text, synced_text


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
