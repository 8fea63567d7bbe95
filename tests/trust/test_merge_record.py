"""A merge records which contact stayed (ids only) and says what came from the other;
forget follows that record to a merged person even when nothing else ties them."""

from __future__ import annotations

import json

from sqlalchemy import select

from dealmaker.services.merge import merge_contacts
from dealmaker.services.people import PersonData, add_person
from dealmaker.services.privacy.forget import MERGE_OPERATION
from dealmaker.services.undo import undo
from dealmaker.storage.models import Operation
from dealmaker.storage.scrub import merged_into
from dealmaker.storage.workspace import Workspace


def test_the_merge_record_names_the_survivor_and_forget_follows_it(
        workspace: Workspace) -> None:
    karel, _ = add_person(workspace, PersonData("Appel", "Karel", email="k@appel.example"))
    other, _ = add_person(workspace, PersonData("Apel", "K.", phone="06-11112222"))
    outcome = merge_contacts(workspace, karel, other,
                             {"first_name": "survivor", "last_name": "survivor"})
    assert outcome.summary() == ("Karel Appel blijft; K. Apel is opgegaan in dit contact; "
                                 "overgenomen: telefoon.")
    with workspace.read() as s:
        detail = s.get(Operation, outcome.changes.operation_id).detail
    record = json.loads(detail)["samengevoegd"]
    assert (record["blijft"], record["opgegaan"], record["velden"]) == (karel, other, ["phone"])
    assert "Apel" not in detail and "06-1111" not in detail  # ids and field names only
    with workspace.engine.connect() as conn:
        assert merged_into(conn, karel, MERGE_OPERATION) == {karel, other}
    undo(workspace)  # an undone merge no longer ties them
    with workspace.engine.connect() as conn:
        assert merged_into(conn, karel, MERGE_OPERATION) == {karel}
    with workspace.read() as s:
        assert s.scalars(select(Operation.name).where(Operation.detail.is_not(None))).all()


def test_a_bare_merge_of_two_different_names_is_still_traced(workspace: Workspace) -> None:
    """Nothing changes on the survivor and no link moves: before the merge record, forget
    could not tell which contact the other was merged into."""
    a, _ = add_person(workspace, PersonData("Smit", "Jan"))
    b, _ = add_person(workspace, PersonData("Smid", "J."))
    outcome = merge_contacts(workspace, a, b, {"first_name": "survivor",
                                               "last_name": "survivor"})
    assert outcome.summary().endswith("er kwam niets bij van het andere contact.")
    with workspace.engine.connect() as conn:
        assert merged_into(conn, a, MERGE_OPERATION) == {a, b}
