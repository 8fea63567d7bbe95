"""Per-record history: newest first, values the way the interface shows them."""

from __future__ import annotations

from datetime import date

from dealmaker.domain.dates import utcnow
from dealmaker.domain.enums import CommitmentState
from dealmaker.services.history import record_history
from dealmaker.services.people import update_person
from dealmaker.services.undo import undo
from dealmaker.storage.models import Commitment, Deal
from dealmaker.storage.workspace import Workspace
from trust.factories import World


def test_person_history_newest_first(world: World, workspace: Workspace) -> None:
    update_person(workspace, world.bert, phone="070 123 4567", cadence_days=14)
    update_person(workspace, world.bert, email="b.jansen@bzk.example")
    entries = record_history(workspace, "person", world.bert)
    assert [(e.operation, e.field, e.old, e.new) for e in entries] == [
        ("Contact bewerken", "E-mail", "bert@bzk.example", "b.jansen@bzk.example"),
        ("Contact bewerken", "Contactfrequentie (dagen)", "", "14"),
        ("Contact bewerken", "Telefoon", "", "070 123 4567"),
        ("Testgegevens", None, "", "aangemaakt"),
    ]
    assert entries[0].at >= entries[-1].at and not entries[0].undone


def test_values_rendered_in_dutch(world: World, workspace: Workspace) -> None:
    with workspace.uow("Toezegging bewerken") as uow:
        s = uow.session
        commitment = s.query(Commitment).one()
        commitment.amount_cents = 123_456
        commitment.due_on = date(2026, 3, 1)
        commitment.state = CommitmentState.BEVESTIGD
        commitment.within_mandate = False
        commitment.owner_id = world.bert
        cid = commitment.id
        uow.commit()
    with workspace.uow("Deal verwijderen") as uow:
        uow.session.get_one(Deal, world.deal).deleted_at = utcnow()
        uow.commit()
    got = {e.field: (e.old, e.new) for e in record_history(workspace, "commitment", cid)
           if e.field}
    assert got == {
        "Bedrag": ("€ 50.000,00", "€ 1.234,56"),
        "Deadline": ("", "01-03-2026"),
        "Status": ("Concept", "Bevestigd"),
        "Binnen mandaat": ("ja", "nee"),
        "Eigenaar": ("Ann van den Berg", "Bert Jansen"),
    }
    deleted = record_history(workspace, "deal", world.deal)[0]
    assert deleted.field == "Verwijderd" and deleted.old == ""
    assert deleted.new[:10] == utcnow().astimezone().strftime("%d-%m-%Y")


def test_undone_operations_are_marked(world: World, workspace: Workspace) -> None:
    update_person(workspace, world.bert, phone="070 111 2222")
    undo(workspace)
    entries = record_history(workspace, "person", world.bert)
    assert [(e.operation, e.new, e.undone) for e in entries[:2]] == [
        ("Ongedaan maken: Contact bewerken", "", False), ("Contact bewerken", "070 111 2222", True)]
