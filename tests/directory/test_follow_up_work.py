"""Opvolgen on a large workspace: most relevant first (a follow-up made today is not
buried under 2021's), by deal or person, rescheduled and closed in bulk as one undo."""

from __future__ import annotations

from datetime import date, timedelta

from trust.factories import add, interaction, person

from dealmaker.services.follow_up_edits import (
    close_follow_ups,
    overdue_before,
    reschedule_follow_ups,
)
from dealmaker.services.follow_ups import count_follow_ups, follow_ups
from dealmaker.services.undo import undo
from dealmaker.storage.models import Deal, InteractionDeal
from dealmaker.storage.workspace import Workspace

TODAY = date(2026, 12, 5)


def _fill(ws: Workspace) -> dict[str, str]:
    with ws.uow("Testgegevens") as uow:
        s = uow.session
        anna, bert = person(s, "Anna", "de Vries"), person(s, "Bert", "Jansen")
        deal = add(s, Deal(name="Regio Deal Twente"))
        ids = {}
        day = timedelta(days=1)
        for key, on, who in (("2021", date(2021, 3, 1), anna), ("gisteren", TODAY - day, bert),
                             ("vandaag", TODAY, anna), ("volgende week", TODAY + 7 * day, bert),
                             ("vorige week", TODAY - 7 * day, anna)):
            item = interaction(s, on - timedelta(days=2), who, follow_up_on=on,
                               follow_up_action=key)
            ids[key] = item.id
        add(s, InteractionDeal(interaction_id=ids["vorige week"], deal_id=deal.id))
        uow.commit()
        return ids | {"anna": anna.id, "deal": deal.id}


def test_most_relevant_first(workspace: Workspace) -> None:
    _fill(workspace)
    rows = follow_ups(workspace, date.max, today=TODAY)
    assert [r.action for r in rows] == ["vandaag", "volgende week", "gisteren", "vorige week",
                                        "2021"]


def test_by_deal_and_by_person(workspace: Workspace) -> None:
    ids = _fill(workspace)
    assert [r.action for r in follow_ups(workspace, date.max, today=TODAY,
                                         deal_id=ids["deal"])] == ["vorige week"]
    mine = follow_ups(workspace, date.max, today=TODAY, person_id=ids["anna"])
    assert [r.action for r in mine] == ["vandaag", "vorige week", "2021"]
    assert count_follow_ups(workspace, date.max, person_id=ids["anna"]) == 3


def test_reschedule_and_bulk_close_are_one_undo_each(workspace: Workspace) -> None:
    ids = _fill(workspace)
    reschedule_follow_ups(workspace, [ids["gisteren"], ids["2021"]], TODAY + timedelta(7))
    rows = follow_ups(workspace, date.max, today=TODAY)
    assert [r.action for r in rows][:3] == ["vandaag", "volgende week", "gisteren"]
    old = overdue_before(workspace, TODAY - timedelta(days=1))
    assert old == [ids["vorige week"]]
    close_follow_ups(workspace, old, TODAY)
    assert count_follow_ups(workspace, date.max) == 4
    undo(workspace)
    assert count_follow_ups(workspace, date.max) == 5
    undo(workspace)
    assert [r.action for r in follow_ups(workspace, date.max, today=TODAY)][-1] == "2021"


def test_hand_follow_ups_to_a_colleague_and_back(workspace: Workspace) -> None:
    from dealmaker.services.follow_up_edits import assign_follow_ups
    from dealmaker.services.follow_ups import NOBODY, filter_choices

    ids = _fill(workspace)
    assign_follow_ups(workspace, [ids["gisteren"], ids["2021"]], ids["anna"])
    theirs = follow_ups(workspace, date.max, today=TODAY, owner_id=ids["anna"])
    assert [r.action for r in theirs] == ["gisteren", "2021"]
    assert {r.owner.name for r in theirs if r.owner} == {"Anna de Vries"}
    assert count_follow_ups(workspace, date.max, owner_id=NOBODY) == 3
    assert filter_choices(workspace)[2] == [("Anna de Vries", ids["anna"])]
    assign_follow_ups(workspace, [ids["2021"]], None)
    assert count_follow_ups(workspace, date.max, owner_id=ids["anna"]) == 1
    undo(workspace)  # one Ctrl+Z per step
    assert count_follow_ups(workspace, date.max, owner_id=ids["anna"]) == 2
    undo(workspace)
    assert count_follow_ups(workspace, date.max, owner_id=NOBODY) == 5


def test_handing_to_a_deleted_person_is_refused(workspace: Workspace) -> None:
    import pytest

    from dealmaker.services.follow_up_edits import assign_follow_ups
    from dealmaker.services.people import ValidationError, delete_persons

    ids = _fill(workspace)
    delete_persons(workspace, [ids["anna"]])
    with pytest.raises(ValidationError, match="niet \\(meer\\)"):
        assign_follow_ups(workspace, [ids["gisteren"]], ids["anna"])
    assert count_follow_ups(workspace, date.max, owner_id="") == 5
