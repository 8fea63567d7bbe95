"""Contact moments: log with several participants, validate in Dutch, edit, delete,
complete follow-ups; the Opvolgen list and the timeline."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from dealmaker.domain.enums import Direction, InteractionKind
from dealmaker.services.interactions import (
    InteractionData,
    complete_follow_up,
    delete_interaction,
    edit_interaction,
    follow_ups,
    log_interaction,
    timeline,
)
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Change, InteractionParticipant, Person
from dealmaker.storage.workspace import Workspace
from directory.factory import Factory

TODAY = date(2026, 6, 1)


def dates(ws: Workspace, pid: str) -> tuple[date | None, date | None]:
    with ws.read() as s:
        p = s.get(Person, pid)
        assert p is not None
        return p.last_contact_on, p.next_follow_up_on


def test_log_with_several_participants_and_deals(workspace: Workspace,
                                                 make: Factory) -> None:
    a, b = make.person("Anna", "Berg"), make.person("Bert", "Aalders")
    deal = make.deal("Twente")
    theme = make.theme("Wonen")
    iid, changes = log_interaction(workspace, InteractionData(
        occurred_on=date(2026, 5, 1), kind=InteractionKind.TELEFOON,
        direction=Direction.UITGAAND, participant_ids=[a, b, a], deal_ids=[deal],
        theme_id=theme, summary="  Over woningbouw ", follow_up_on=date(2026, 5, 15),
        follow_up_action="Notitie sturen"))
    assert changes.touches("interaction", "person") and changes.operation_id
    assert dates(workspace, a) == dates(workspace, b) == (date(2026, 5, 1),
                                                          date(2026, 5, 15))
    [entry] = timeline(workspace, a)
    assert entry.interaction_id == iid and entry.summary == "Over woningbouw"
    assert [p.name for p in entry.participants] == ["Bert Aalders", "Anna Berg"]
    assert [d.name for d in entry.deals] == ["Twente"] and entry.theme == "Wonen"
    assert (entry.kind, entry.direction) == (InteractionKind.TELEFOON, Direction.UITGAAND)
    with workspace.read() as s:  # one journalled operation for the whole moment
        ops = set(s.scalars(select(Change.operation_id).where(
            Change.entity.in_(["interaction", "interaction_participant",
                               "interaction_deal"]))))
        links = s.scalar(select(func.count()).select_from(InteractionParticipant))
    assert ops == {changes.operation_id} and links == 2


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"occurred_on": None}, "occurred_on", "Vul de datum"),
    ({"participant_ids": []}, "participant_ids", "minstens één deelnemer"),
    ({"participant_ids": ["onbekend"]}, "participant_ids", "bestaat niet"),
    ({"deal_ids": ["onbekend"]}, "deal_ids", "bestaat niet"),
    ({"theme_id": "onbekend"}, "theme_id", "bestaat niet"),
    ({"follow_up_on": date(2026, 4, 1)}, "follow_up_on", "vóór de datum"),
    ({"follow_up_action": "Bellen"}, "follow_up_on", "Geef een datum"),
])
def test_validation_in_dutch(workspace: Workspace, make: Factory, data: dict[str, object],
                             field: str, message: str) -> None:
    base: dict[str, object] = {"occurred_on": date(2026, 5, 1),
                               "participant_ids": [make.person("A", "B")]}
    with pytest.raises(ValidationError, match=message) as info:
        log_interaction(workspace, InteractionData(**(base | data)))  # type: ignore[arg-type]
    assert info.value.field == field
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(InteractionParticipant)) == 0


def test_edit_replaces_participants_and_refreshes_their_dates(workspace: Workspace,
                                                              make: Factory) -> None:
    a, b, c = (make.person("P", n) for n in "ABC")
    iid = make.contact([a, b], date(2026, 5, 1))
    edit_interaction(workspace, iid, InteractionData(
        occurred_on=date(2026, 5, 3), participant_ids=[b, c], summary="Verplaatst"))
    assert dates(workspace, a) == (None, None)
    assert dates(workspace, b)[0] == dates(workspace, c)[0] == date(2026, 5, 3)
    assert [p.id for p in timeline(workspace, c)[0].participants] == [b, c]
    assert timeline(workspace, a) == []
    edit_interaction(workspace, iid, InteractionData(  # a back in: a new link row
        occurred_on=date(2026, 5, 3), participant_ids=[a]))
    assert dates(workspace, a)[0] == date(2026, 5, 3) and dates(workspace, b)[0] is None


def test_delete_is_soft_and_clears_derived_dates(workspace: Workspace,
                                                 make: Factory) -> None:
    a = make.person("A", "B")
    make.contact([a], date(2026, 1, 1))
    iid = make.contact([a], date(2026, 5, 1), follow_up_on=date(2026, 6, 1), action="x")
    delete_interaction(workspace, iid)
    assert dates(workspace, a) == (date(2026, 1, 1), None)
    assert [e.occurred_on for e in timeline(workspace, a)] == [date(2026, 1, 1)]
    assert follow_ups(workspace, date(2027, 1, 1), include_done=True) == []
    with pytest.raises(LookupError):
        delete_interaction(workspace, iid)
    with pytest.raises(LookupError):
        edit_interaction(workspace, iid, InteractionData(occurred_on=date(2026, 5, 1),
                                                         participant_ids=[a]))


def test_complete_and_reopen_follow_up(workspace: Workspace, make: Factory) -> None:
    a = make.person("A", "B")
    iid = make.contact([a], date(2026, 5, 1), follow_up_on=date(2026, 5, 20), action="Mail")
    complete_follow_up(workspace, iid, date(2026, 5, 21))
    assert dates(workspace, a) == (date(2026, 5, 1), None)
    assert follow_ups(workspace, date(2026, 12, 31), today=TODAY) == []
    complete_follow_up(workspace, iid, None)
    assert dates(workspace, a)[1] == date(2026, 5, 20)
    plain = make.contact([a], date(2026, 5, 2))
    with pytest.raises(ValidationError, match="geen opvolging"):
        complete_follow_up(workspace, plain, TODAY)


def test_follow_up_list_with_overdue_flags(workspace: Workspace, make: Factory) -> None:
    emmen = make.org("Gemeente Emmen", short="Emmen")
    a = make.person("Anna", "Berg", at=emmen, title="Wethouder")
    b = make.person("Bert", "Aalders")
    deal = make.deal("Zuid- en Oost-Drenthe")
    overdue = make.contact([a, b], date(2026, 5, 1), follow_up_on=date(2026, 5, 31),
                           action="Bellen", deals=[deal])
    due_today = make.contact([a], date(2026, 5, 2), follow_up_on=TODAY, action="Mailen")
    make.contact([b], date(2026, 5, 3), follow_up_on=date(2026, 6, 20), action="Later")
    done = make.contact([b], date(2026, 4, 1), follow_up_on=date(2026, 4, 15),
                        action="Klaar", done_on=date(2026, 4, 14))
    make.contact([b], date(2026, 5, 4))  # no follow-up at all
    rows = follow_ups(workspace, until=date(2026, 6, 7), today=TODAY)
    # most relevant first: what is due today, then what is late (newest first)
    assert [(r.interaction_id, r.overdue) for r in rows] == [(due_today, False),
                                                             (overdue, True)]
    first = rows[1]
    assert first.participants_text == "Bert Aalders, Anna Berg (Emmen)"
    assert first.deals_text == "Zuid- en Oost-Drenthe" and first.action == "Bellen"
    assert len(follow_ups(workspace, until=date(2026, 6, 30), today=TODAY)) == 3
    with_done = follow_ups(workspace, until=date(2026, 6, 7), include_done=True,
                           today=TODAY)
    oldest = with_done[-1]
    assert (oldest.interaction_id, oldest.overdue, oldest.done_on) == (
        done, False, date(2026, 4, 14))


def test_timeline_newest_first_and_limited(workspace: Workspace, make: Factory) -> None:
    a, other = make.person("A", "B"), make.person("C", "D")
    for day in (5, 1, 20, 11):
        make.contact([a], date(2026, 3, day), summary=f"dag {day}")
    make.contact([other], date(2026, 3, 30))
    assert [e.summary for e in timeline(workspace, a)] == ["dag 20", "dag 11", "dag 5",
                                                           "dag 1"]
    assert [e.summary for e in timeline(workspace, a, limit=2)] == ["dag 20", "dag 11"]


def test_follow_up_list_in_pages(workspace: Workspace, make: Factory) -> None:
    from dealmaker.services.interactions import count_follow_ups

    a = make.person("A", "B")
    for day in range(1, 8):
        make.contact([a], date(2026, 4, day), follow_up_on=date(2026, 5, day), action=str(day))
    assert count_follow_ups(workspace, date(2026, 5, 31)) == 7
    pages = [follow_ups(workspace, date(2026, 5, 31), offset=o, limit=3) for o in (0, 3, 6)]
    # all late: the newest first
    assert [[r.action for r in p] for p in pages] == [["7", "6", "5"], ["4", "3", "2"], ["1"]]
    assert all(r.participants[0].id == a for p in pages for r in p)
