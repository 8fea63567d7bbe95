"""Undo and redo through the change journal: every kind of write, the stack, refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import CommitmentState, IndicatorLevel
from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.undo import UndoError, redo, redo_label, undo, undo_label
from dealmaker.storage.models import (
    Change,
    Commitment,
    Deal,
    Indicator,
    Operation,
    Organisation,
    Person,
    Position,
)
from dealmaker.storage.models.base import new_id
from dealmaker.storage.search import match_expression
from dealmaker.storage.types import id_param
from dealmaker.storage.workspace import Workspace
from trust.factories import World, add, org, person, position


def count(ws: Workspace, model: type, live: bool = False) -> int:
    query = select(func.count()).select_from(model)
    if live:
        query = query.where(model.deleted_at.is_(None))
    with ws.read() as s:
        return int(s.scalar(query) or 0)


def found(ws: Workspace, words: str) -> int:
    with ws.read() as s:
        return int(s.scalar(text("SELECT count(*) FROM person_search WHERE person_search "
                                 "MATCH :q"), {"q": match_expression(words)}) or 0)


def test_nothing_to_undo_or_redo(workspace: Workspace) -> None:
    assert undo_label(workspace) is None and redo_label(workspace) is None
    assert undo(workspace) is None and redo(workspace) is None


def test_undo_and_redo_of_add(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser", first_name="Eva"))
    assert undo_label(workspace) == "Contact toevoegen"
    changes = undo(workspace)
    assert changes is not None and changes.touches("person")
    assert count(workspace, Person, live=True) == 0 and found(workspace, "visser") == 0
    assert undo_label(workspace) is None and redo_label(workspace) == "Contact toevoegen"
    redone = redo(workspace)
    assert redone is not None and redone.touches("person")
    with workspace.read() as s:
        eva = s.get_one(Person, pid)
        assert (eva.first_name, eva.last_name, eva.deleted_at) == ("Eva", "Visser", None)
    assert found(workspace, "eva vis") == 1
    assert undo_label(workspace) == "Contact toevoegen" and redo_label(workspace) is None


def test_undo_records_a_new_operation_pointing_at_the_original(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    edit = update_person(workspace, pid, email="eva@demo.example")
    back = undo(workspace)
    assert back is not None
    with workspace.read() as s:
        original = s.get_one(Operation, edit.operation_id)
        reversal = s.get_one(Operation, back.operation_id)
        assert reversal.name == "Ongedaan maken: Contact bewerken"
        assert reversal.reverts_id == original.id and reversal.kind == "undo"
        assert reversal.sequence == original.sequence + 1
        assert s.get_one(Person, pid).email == ""
    again = redo(workspace)
    assert again is not None
    with workspace.read() as s:
        step = s.get_one(Operation, again.operation_id)
        assert step.name == "Opnieuw: Contact bewerken" and step.reverts_id == back.operation_id
        assert s.get_one(Person, pid).email == "eva@demo.example"


def test_undo_edit_restores_typed_values(workspace: Workspace) -> None:
    with workspace.uow("Testgegevens") as uow:
        s = uow.session
        a, b = org(s, "A"), org(s, "B")
        deal = add(s, Deal(name="Twente", signed_on=date(2020, 1, 2)))
        c = add(s, Commitment(title="Geld", kind="financieel", from_organisation_id=a.id,
                              to_organisation_id=b.id, amount_cents=1_000_00,
                              due_on=date(2026, 5, 1), within_mandate=True))
        ind = add(s, Indicator(deal_id=deal.id, level=IndicatorLevel.PROGRAMMA, name="Banen",
                               baseline_value=Decimal("12.50")))
        uow.commit()
    with workspace.uow("Toezegging bewerken") as uow:
        s = uow.session
        cc = s.get_one(Commitment, c.id)
        cc.state, cc.due_on, cc.within_mandate = CommitmentState.BEVESTIGD, None, False
        cc.amount_cents = 2_500_00
        s.get_one(Indicator, ind.id).baseline_value = Decimal("13.25")
        s.get_one(Deal, deal.id).signed_on = date(2021, 2, 3)
        uow.commit()
    assert undo(workspace) is not None
    with workspace.read() as s:
        cc = s.get_one(Commitment, c.id)
        assert cc.state is CommitmentState.CONCEPT
        assert cc.due_on == date(2026, 5, 1) and type(cc.due_on) is date
        assert cc.within_mandate is True and cc.amount_cents == 1_000_00
        assert s.get_one(Indicator, ind.id).baseline_value == Decimal("12.50")
        assert s.get_one(Deal, deal.id).signed_on == date(2020, 1, 2)


def test_undo_soft_delete(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    with workspace.uow("Contact verwijderen") as uow:
        uow.session.get_one(Person, pid).deleted_at = utcnow()
        uow.commit()
    assert found(workspace, "visser") == 0
    assert undo_label(workspace) == "Contact verwijderen"
    assert undo(workspace) is not None
    with workspace.read() as s:
        assert s.get_one(Person, pid).deleted_at is None
    assert found(workspace, "visser") == 1


def _import(ws: Workspace, n: int = 50) -> None:
    with ws.uow("Contacten importeren") as uow:
        s = uow.session
        gemeente = org(s, "Gemeente Almelo")
        for i in range(n):
            p = person(s, f"Import{i}", "Tester", email=f"i{i}@demo.example")
            position(s, p, gemeente, "Projectleider")
        uow.commit()


def test_undo_and_redo_of_a_whole_import(workspace: Workspace) -> None:
    _import(workspace)
    assert (count(workspace, Person), count(workspace, Position)) == (50, 50)
    assert found(workspace, "almelo") == 50
    assert undo(workspace) is not None
    assert (count(workspace, Person, True), count(workspace, Position, True)) == (0, 0)
    assert count(workspace, Organisation, True) == 0 and found(workspace, "tester") == 0
    assert count(workspace, Person) == 50  # soft-deleted, like every delete
    assert redo(workspace) is not None
    assert (count(workspace, Person, True), count(workspace, Position, True)) == (50, 50)
    assert found(workspace, "almelo projectleider") == 50
    assert undo(workspace) is not None and count(workspace, Person, live=True) == 0


def test_stack_order_and_redo_cleared_by_a_new_edit(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    update_person(workspace, pid, phone="070 111 2222")
    update_person(workspace, pid, phone="070 333 4444")
    undo(workspace)
    undo(workspace)
    with workspace.read() as s:
        assert s.get_one(Person, pid).phone == ""
    redo(workspace)
    with workspace.read() as s:
        assert s.get_one(Person, pid).phone == "070 111 2222"
    assert redo_label(workspace) == "Contact bewerken"
    update_person(workspace, pid, notes="nieuw")
    assert redo_label(workspace) is None and redo(workspace) is None
    undo(workspace)  # the new edit
    assert redo_label(workspace) == "Contact bewerken"  # only that one can come back
    redo(workspace)
    assert redo(workspace) is None
    with workspace.read() as s:
        p = s.get_one(Person, pid)
        assert (p.phone, p.notes) == ("070 111 2222", "nieuw")
    undo(workspace)
    undo(workspace)
    undo(workspace)
    assert count(workspace, Person, live=True) == 0 and undo(workspace) is None


def test_refuses_when_changed_since_and_changes_nothing(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser", first_name="Eva"))
    update_person(workspace, pid, email="eva@demo.example")
    with workspace.engine.begin() as conn:  # a write outside the journal (e.g. a sync)
        conn.execute(text("UPDATE person SET email = 'ander@demo.example' WHERE id = :i")
                     .bindparams(id_param("i")), {"i": pid})
    ops_before, changes_before = count(workspace, Operation), count(workspace, Change)
    with pytest.raises(UndoError) as info:
        undo(workspace)
    assert str(info.value) == ("'Contact bewerken' kan niet ongedaan gemaakt worden: "
                               "contact 'Eva Visser' is daarna nog gewijzigd (e-mail).")
    assert (count(workspace, Operation), count(workspace, Change)) == (ops_before,
                                                                        changes_before)
    with workspace.read() as s:
        assert s.get_one(Person, pid).email == "ander@demo.example"
    assert undo_label(workspace) == "Contact bewerken"


def test_refuses_to_remove_a_row_that_is_referenced(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    with workspace.uow("Organisatie toevoegen") as uow:
        oid = org(uow.session, "Gemeente Hengelo").id
        uow.commit()
    with workspace.engine.begin() as conn:
        conn.execute(text("INSERT INTO position (id, person_id, organisation_id, title, "
                          "created_at, updated_at) VALUES (:id, :p, :o, '', 0, 0)")
                     .bindparams(id_param("id"), id_param("p"), id_param("o")),
                     {"id": new_id(), "p": pid, "o": oid})
    with pytest.raises(UndoError, match="Gemeente Hengelo' wordt inmiddels gebruikt door "
                                        r"andere gegevens \(functie\)"):
        undo(workspace)
    assert count(workspace, Organisation) == 1


def test_merge_like_multi_table_undo(world: World, workspace: Workspace) -> None:
    with workspace.uow("Contact bewerken") as uow:
        s = uow.session
        s.get_one(Person, world.anna).deleted_at = utcnow()
        for pos in s.scalars(select(Position).where(Position.person_id == world.anna)):
            pos.person_id = world.bert
        uow.commit()
    undo(workspace)
    with workspace.read() as s:
        assert s.get_one(Person, world.anna).deleted_at is None
        assert s.scalar(select(func.count()).select_from(Position)
                        .where(Position.person_id == world.anna)) == 1
