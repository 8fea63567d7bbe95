"""Ctrl+Z never undoes a colleague's change, also when the colleague chose my value."""

from __future__ import annotations

import pytest

from dealmaker.services.people import PersonData, add_person, update_person
from dealmaker.services.undo import UndoError, undo
from dealmaker.storage.journal import AUTHOR
from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace


def test_a_colleague_who_took_my_value_keeps_it(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(first_name="Esther", last_name="Bakker",
                                              email="esther@oud.example"))
    update_person(workspace, pid, email="esther@bob.example")
    for address in ("tussen@anna.example", "esther@bob.example"):
        # as a colleague's pulled operation is journalled: her author; her "Neem deze
        # waarde" journals the address even where it equals mine (two steps here)
        with workspace.uow("Conflict: andere waarde overnemen") as uow:
            uow.session.info[AUTHOR] = "anna"
            uow.session.get_one(Person, pid).email = address
            uow.commit()
    with pytest.raises(UndoError, match="daarna door anna gewijzigd \\(e-mail\\)"):
        undo(workspace)
    with workspace.read() as s:
        assert s.get_one(Person, pid).email == "esther@bob.example"


def test_my_own_later_edit_and_its_undo_do_not_block(workspace: Workspace) -> None:
    pid, _ = add_person(workspace, PersonData(first_name="Esther", last_name="Bakker"))
    update_person(workspace, pid, email="a@x.example")
    update_person(workspace, pid, email="b@x.example")
    undo(workspace)
    undo(workspace)  # the first edit, after my own second one was undone
    with workspace.read() as s:
        assert s.get_one(Person, pid).email == ""
