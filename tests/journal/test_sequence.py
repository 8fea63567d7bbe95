"""The journal is one ordered, append-only history: sequence, device, author, kinds."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, text

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.undo import redo, redo_label, undo, undo_label
from dealmaker.storage.journal import current_author
from dealmaker.storage.models import Operation, Person
from dealmaker.storage.models.journal import EDIT, REDO, UNDO, LocalDevice
from dealmaker.storage.uow import uow_or_new
from dealmaker.storage.workspace import Workspace, open_workspace


def operations(ws: Workspace) -> list[tuple[int, str, str, str | None]]:
    with ws.read() as s:
        return [(o.sequence, o.kind, o.name, o.reverts_id) for o in s.scalars(
            select(Operation).order_by(Operation.sequence))]


def raw_operations(ws: Workspace) -> list[tuple[object, ...]]:
    with ws.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT * FROM operation ORDER BY rowid"))]


def test_every_operation_has_sequence_device_and_author(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    update_person(workspace, pid, phone="070 111 2222")
    undo(workspace)
    redo(workspace)
    with workspace.read() as s:
        [device] = s.scalars(select(LocalDevice.id)).all()
        ops = list(s.scalars(select(Operation).order_by(Operation.sequence)))
    assert [o.sequence for o in ops] == [1, 2, 3, 4]
    assert [o.kind for o in ops] == [EDIT, EDIT, UNDO, REDO]
    assert {o.device_id for o in ops} == {device} and workspace.device_id == device
    assert {o.author for o in ops} == {current_author()}
    assert ops[2].reverts_id == ops[1].id and ops[3].reverts_id == ops[2].id


def test_undo_order_comes_from_the_sequence_not_the_clock(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    update_person(workspace, pid, phone="070 111 2222")
    update_person(workspace, pid, notes="later")
    with workspace.engine.begin() as conn:  # a clock that jumped back for the newest edit
        conn.execute(text("UPDATE operation SET at = 978307200000000 WHERE sequence = 3"))
    undo(workspace)
    with workspace.read() as s:
        p = s.get_one(Person, pid)
        assert (p.phone, p.notes) == ("070 111 2222", "")


def test_undo_and_redo_append_and_never_rewrite(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    update_person(workspace, pid, email="eva@demo.example")
    before = raw_operations(workspace)
    undo(workspace)
    redo(workspace)
    undo(workspace)
    after = raw_operations(workspace)
    assert after[:len(before)] == before and len(after) == len(before) + 3
    assert redo_label(workspace) == "Contact bewerken"


def test_undo_of_an_insert_soft_deletes(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(last_name="Visser"))
    undo(workspace)
    with workspace.read() as s:
        gone = s.get_one(Person, pid)  # still there, marked deleted
        assert gone.deleted_at is not None
        assert s.scalar(select(func.count()).select_from(Person)) == 1
    redo(workspace)
    with workspace.read() as s:
        assert s.get_one(Person, pid).deleted_at is None


def test_undo_is_per_author_and_device(workspace: Workspace) -> None:
    mine, _ = add_person(workspace, PersonData(last_name="Visser"))
    with workspace.engine.begin() as conn:  # a colleague's change, arrived by sync
        conn.execute(text("UPDATE operation SET author = 'collega' WHERE sequence = 1"))
    assert undo_label(workspace) is None and undo(workspace) is None
    other, _ = add_person(workspace, PersonData(last_name="Jansen"))
    with workspace.engine.begin() as conn:  # same author, another laptop
        conn.execute(text("UPDATE operation SET device_id = 'laptop-2' WHERE sequence = 2"))
    assert undo(workspace) is None
    with workspace.read() as s:
        assert s.get_one(Person, mine).deleted_at is None
        assert s.get_one(Person, other).deleted_at is None


def test_device_id_is_made_once_and_kept(workspace_path: Path) -> None:
    with open_workspace(workspace_path) as ws:
        first = ws.device_id
        add_person(ws, PersonData(last_name="Visser"))
    with open_workspace(workspace_path) as ws:
        assert ws.device_id == first is not None
        with ws.read() as s:
            assert s.scalar(select(func.count()).select_from(LocalDevice)) == 1


def test_two_service_calls_in_one_unit_are_one_operation(workspace: Workspace) -> None:
    with workspace.uow("Deal met partijen") as uow:
        a, first = add_person(workspace, PersonData(last_name="Aalders"), uow=uow)
        b, second = add_person(workspace, PersonData(last_name="Bakker"), uow=uow)
        update_person(workspace, a, phone="070 111 2222", uow=uow)
        assert first.operation_id == second.operation_id is not None
        op_id = uow.commit()
    assert op_id == first.operation_id
    assert [o[2] for o in operations(workspace)] == ["Deal met partijen"]
    assert undo_label(workspace) == "Deal met partijen"
    undo(workspace)
    with workspace.read() as s:
        assert all(s.get_one(Person, pid).deleted_at is not None for pid in (a, b))


def test_a_joined_unit_rolls_back_with_its_caller(workspace: Workspace) -> None:
    with workspace.uow("Afgebroken") as uow:
        add_person(workspace, PersonData(last_name="Aalders"), uow=uow)
        with uow_or_new(workspace.uow, "genegeerd", uow) as inner:
            assert inner is uow and inner.joined
    assert operations(workspace) == []
    with workspace.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
