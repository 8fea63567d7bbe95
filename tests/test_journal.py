"""Every write through a service is journalled in the same transaction."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from dealmaker.services.people import PersonData, ValidationError, add_person, update_person
from dealmaker.storage.models import Change, Operation, Person
from dealmaker.storage.workspace import Workspace


def changes_of(ws: Workspace, op_id: str | None) -> list[Change]:
    with ws.read() as s:
        return list(s.scalars(select(Change).where(Change.operation_id == op_id)
                              .order_by(Change.seq)))


def test_add_is_journalled_as_one_operation(workspace: Workspace) -> None:
    pid, changes = add_person(workspace, PersonData(last_name="Visser", first_name="Eva"))
    assert changes.touches("person") and not changes.touches("deal")
    rows = changes_of(workspace, changes.operation_id)
    assert [(r.entity, r.entity_id, r.action) for r in rows] == [("person", pid, "insert")]
    snapshot = json.loads(rows[0].new_value or "{}")
    assert snapshot["last_name"] == "Visser" and snapshot["email"] == ""
    with workspace.read() as s:
        assert s.get(Operation, changes.operation_id).name == "Contact toevoegen"


def test_edit_records_old_and_new_value_per_field(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser", email="e@demo.example"))
    changes = update_person(workspace, pid, last_name="de Visser", phone="0612345678",
                            email="e@demo.example")
    rows = changes_of(workspace, changes.operation_id)
    got = {(r.field, r.old_value, r.new_value) for r in rows}
    assert got == {("last_name", '"Visser"', '"de Visser"'),
                   ("phone", '""', '"0612345678"')}


def test_failed_edit_leaves_data_and_journal_unchanged(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    with workspace.read() as s:
        before = s.scalar(select(func.count()).select_from(Change))
    with pytest.raises(ValidationError, match="naam"):
        update_person(workspace, pid, last_name="", first_name="")
    with workspace.read() as s:
        assert s.get(Person, pid).last_name == "Visser"
        assert s.scalar(select(func.count()).select_from(Change)) == before


def test_person_needs_a_name(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as info:
        add_person(workspace, PersonData(last_name=" "))
    assert info.value.field == "last_name"


def test_moving_a_position_refreshes_both_persons_search_rows(workspace: Workspace) -> None:
    from sqlalchemy import text

    from dealmaker.domain.enums import OrgKind, Side
    from dealmaker.storage.models import Organisation, Position

    a, _ = add_person(workspace, PersonData(last_name="Aalders"))
    b, _ = add_person(workspace, PersonData(last_name="Bakker"))
    with workspace.uow("Functie toevoegen") as uow:
        org = Organisation(name="Waterschap Rivierenland", kind=OrgKind.WATERSCHAP,
                           side=Side.REGIO)
        uow.session.add(org)
        uow.session.flush()
        pos = Position(person_id=a, organisation_id=org.id, title="Dijkgraaf")
        uow.session.add(pos)
        uow.commit()
    with workspace.uow("Functie verplaatsen") as uow:
        uow.session.get(Position, pos.id).person_id = b
        uow.commit()

    def hits(q: str) -> list[str]:
        with workspace.engine.connect() as conn:
            return [r[0] for r in conn.execute(text(
                "SELECT p.last_name FROM person_search s JOIN person p ON p.search_key = s.rowid "
                "WHERE person_search MATCH :q"), {"q": q})]

    assert hits("dijkgraaf") == ["Bakker"]
    with workspace.uow("Persoon wissen") as uow:
        uow.session.delete(uow.session.get(Position, pos.id))
        uow.session.flush()
        uow.session.delete(uow.session.get(Person, b))
        uow.commit()
    assert hits("dijkgraaf") == [] and hits("bakker") == []
