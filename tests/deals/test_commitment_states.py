"""The commitment state machine: every allowed step, every illegal step refused with its
reason, and the current state always equal to the last dated step (also after undo)."""

from __future__ import annotations

import contextlib
from datetime import date
from itertools import product

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealmaker.domain.commitment_states import NEXT, forward, refusal
from dealmaker.domain.enums import CommitmentState as S
from dealmaker.services.commitments.states import StepRefused, state_history, step_commitment
from dealmaker.services.undo import undo
from dealmaker.storage.models import Commitment
from deals.conftest import Scene

TODAY = date(2026, 6, 1)
ALLOWED = {(a, b) for a, nexts in NEXT.items() for b in nexts}
ILLEGAL = [(a, b) for a, b in product(S, S) if (a, b) not in ALLOWED]


def test_the_main_line_and_lapsing() -> None:
    assert [forward(s) for s in S] == [S.AFGESPROKEN, S.BEVESTIGD, S.NAGEKOMEN, None, None]
    assert {(S.CONCEPT, S.AFGESPROKEN), (S.AFGESPROKEN, S.BEVESTIGD),
                       (S.BEVESTIGD, S.NAGEKOMEN), (S.CONCEPT, S.VERVALLEN),
                       (S.AFGESPROKEN, S.VERVALLEN), (S.BEVESTIGD, S.VERVALLEN)} == ALLOWED


@pytest.mark.parametrize(("current", "new"), ILLEGAL)
def test_every_illegal_step_is_refused_with_a_reason(current: S, new: S) -> None:
    why = refusal(current, new, TODAY, None, TODAY, "reden")
    assert why is not None
    if new is current:
        assert "staat al op" in why
    elif not NEXT[current]:
        assert "eindtoestand" in why
    else:
        assert f"niet naar '{new.label}'" in why


def test_dates_and_notes_are_checked() -> None:
    assert "vóór de vorige stap (05-01-2026)" in str(
        refusal(S.CONCEPT, S.AFGESPROKEN, date(2026, 1, 4), date(2026, 1, 5), TODAY))
    assert "in de toekomst" in str(
        refusal(S.CONCEPT, S.AFGESPROKEN, date(2026, 6, 2), None, TODAY))
    assert "waarom" in str(refusal(S.CONCEPT, S.VERVALLEN, TODAY, None, TODAY, "  "))
    assert refusal(S.CONCEPT, S.AFGESPROKEN, date(2026, 1, 5), date(2026, 1, 5), TODAY) is None


def _state(scene: Scene, cid: str) -> S:
    with scene.ws.read() as s:
        c = s.get(Commitment, cid)
        assert c is not None
        return c.state


def test_a_new_commitment_starts_with_a_dated_concept_step(scene: Scene) -> None:
    cid = scene.commitment(on=date(2026, 1, 5))
    assert [(h.state, h.on) for h in state_history(scene.ws, cid)] == [
        (S.CONCEPT, date(2026, 1, 5))]
    assert _state(scene, cid) is S.CONCEPT


PATHS = {S.CONCEPT: [], S.AFGESPROKEN: [S.AFGESPROKEN],
         S.BEVESTIGD: [S.AFGESPROKEN, S.BEVESTIGD],
         S.NAGEKOMEN: [S.AFGESPROKEN, S.BEVESTIGD, S.NAGEKOMEN], S.VERVALLEN: [S.VERVALLEN]}


def test_the_service_refuses_every_illegal_step_and_changes_nothing(scene: Scene) -> None:
    ids = {}
    for current, path in PATHS.items():
        ids[current] = cid = scene.commitment(current.value)
        for step in path:
            step_commitment(scene.ws, cid, step, date(2026, 2, 1), "stap", today=TODAY)
    for current, new in ILLEGAL:
        cid = ids[current]
        before = state_history(scene.ws, cid)
        with pytest.raises(StepRefused) as refused:
            step_commitment(scene.ws, cid, new, date(2026, 3, 1), "reden", today=TODAY)
        assert str(refused.value) == refusal(current, new, date(2026, 3, 1),
                                             before[-1].on, TODAY, "reden")
        assert state_history(scene.ws, cid) == before
        assert _state(scene, cid) is current


def test_each_step_is_one_undoable_operation(scene: Scene) -> None:
    cid = scene.commitment()
    step_commitment(scene.ws, cid, S.AFGESPROKEN, date(2026, 2, 1), "in overleg", today=TODAY)
    step_commitment(scene.ws, cid, S.BEVESTIGD, date(2026, 2, 3), "per brief", today=TODAY)
    assert [(h.state, h.note) for h in state_history(scene.ws, cid)][1:] == [
        (S.AFGESPROKEN, "in overleg"), (S.BEVESTIGD, "per brief")]
    undo(scene.ws)
    assert _state(scene, cid) is S.AFGESPROKEN
    assert state_history(scene.ws, cid)[-1].state is S.AFGESPROKEN


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(list(S)), max_size=6), st.lists(st.booleans(), max_size=6))
def test_state_always_equals_the_last_dated_step(scene: Scene, wanted: list[S],
                                                 undos: list[bool]) -> None:
    cid = scene.commitment()
    for i, new in enumerate(wanted):
        with contextlib.suppress(StepRefused):
            step_commitment(scene.ws, cid, new, date(2026, 2, 1 + i), "n", today=TODAY)
        if i < len(undos) and undos[i]:
            undo(scene.ws)
        history = state_history(scene.ws, cid) if _alive(scene, cid) else None
        if history is None:
            return  # the undo removed the commitment itself
        assert _state(scene, cid) is history[-1].state


def _alive(scene: Scene, cid: str) -> bool:
    with scene.ws.read() as s:
        c = s.get(Commitment, cid)
        return c is not None and c.deleted_at is None


def test_undo_create_after_undoing_a_step(scene: Scene) -> None:
    """Undoing a step soft-deletes its row; that row must not block undoing the create
    (revert counted soft-deleted rows as references: 'wordt inmiddels gebruikt')."""
    cid = scene.commitment()
    step_commitment(scene.ws, cid, S.AFGESPROKEN, date(2026, 2, 1), "n", today=TODAY)
    undo(scene.ws)
    undo(scene.ws)
    assert not _alive(scene, cid)
