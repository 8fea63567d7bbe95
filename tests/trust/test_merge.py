"""Merging two persons moves every link, and one undo brings the whole merge back."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select, text

from dealmaker.services.merge import MergeError, merge_persons, merge_preview, person_links
from dealmaker.services.undo import undo, undo_label
from dealmaker.storage.models import (
    Base,
    Interaction,
    InteractionParticipant,
    MeetingParticipant,
    Person,
    PersonTag,
    Relation,
)
from dealmaker.storage.revert import mapped_class
from dealmaker.storage.workspace import Workspace
from trust.factories import World


def dump(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table (and the search index) except timestamps and the journal."""
    out = {}
    with ws.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in ("operation", "change"):
                continue
            cols = [c.name for c in table.columns if c.name != "updated_at"]
            rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table.name} ORDER BY id"))
            out[table.name] = [tuple(r) for r in rows]
        search = conn.execute(text("SELECT rowid, * FROM person_search ORDER BY rowid"))
        out["person_search"] = [tuple(r) for r in search]
    return out


def live_links(ws: Workspace, person_id: str) -> dict[str, int]:
    counts = {}
    with ws.read() as s:
        for table, col in person_links():
            cls = mapped_class(table)
            n = s.scalar(select(func.count()).select_from(cls).where(
                getattr(cls, col) == person_id, cls.deleted_at.is_(None)))
            if n:
                counts[f"{table}.{col}"] = int(n)
    return counts


def test_every_foreign_key_to_person_is_known() -> None:
    assert set(person_links()) >= {
        ("position", "person_id"), ("relation", "source_person_id"),
        ("relation", "target_person_id"), ("relation", "owner_id"),
        ("interaction_participant", "person_id"), ("commitment", "owner_id"),
        ("commitment", "counterpart_id"), ("commitment", "confirmed_by_id"),
        ("deal", "dealmaker_id"), ("mandate", "holder_id"), ("mandate", "granted_by_id"),
        ("meeting_participant", "person_id"), ("person_tag", "person_id")}


def test_preview_shows_fields_and_links(world: World, workspace: Workspace) -> None:
    preview = merge_preview(workspace, world.anna, world.ann)
    assert (preview.survivor_name, preview.other_name) == ("Anna van den Berg", "Ann van den Berg")
    pairs = {f.field: f for f in preview.fields}
    assert (pairs["first_name"].survivor, pairs["first_name"].other) == ("Anna", "Ann")
    assert pairs["notes"].default == "both" and pairs["email"].default == "survivor"
    assert pairs["cadence_days"].survivor == "30" and pairs["phone"].label == "Telefoon"
    links = {link.label: (link.survivor, link.other) for link in preview.links}
    assert links["Functie"] == (1, 1)
    assert links["Deelnemer aan contactmoment"] == (1, 2)
    assert links["Deal"] == (0, 1)
    assert links["Toezegging (eigenaar)"] == (0, 1)
    assert links["Tag bij contact"] == (1, 2)
    # current functions tell namesakes apart in the dialog
    assert preview.survivor_roles.startswith("Wethouder, ")
    assert preview.other_roles.startswith("Beleidsmedewerker, ")


def test_merge_moves_every_link_and_undo_restores_all(world: World,
                                                      workspace: Workspace) -> None:
    before = dump(workspace)
    changes = merge_persons(workspace, world.anna, world.ann, {"phone": "other"})
    assert changes.touches("person", "position", "deal", "relation")
    assert live_links(workspace, world.ann) == {}
    assert live_links(workspace, world.anna) == {
        "commitment.confirmed_by_id": 1, "commitment.owner_id": 1, "deal.dealmaker_id": 1,
        "interaction_participant.person_id": 2, "mandate.granted_by_id": 1,
        "mandate.holder_id": 1, "meeting_participant.person_id": 1,
        "person_tag.person_id": 2, "position.person_id": 2,
        "relation.source_person_id": 1, "relation.target_person_id": 1}
    with workspace.read() as s:
        anna, ann = s.get_one(Person, world.anna), s.get_one(Person, world.ann)
        assert ann.deleted_at is not None and anna.deleted_at is None
        assert (anna.first_name, anna.email, anna.phone, anna.cadence_days) == (
            "Anna", "anna.vandenberg@enschede.example", "06-12345678", 30)
        assert anna.notes == "Houdt van fietsen\n\nDubbel ingevoerd"
        assert anna.last_contact_on is not None and anna.last_contact_on.month == 6
        # no self-relation, no person twice at one contact moment
        assert s.scalar(select(func.count()).select_from(Relation).where(
            Relation.source_person_id == Relation.target_person_id,
            Relation.deleted_at.is_(None))) == 0
        shared = s.scalar(select(func.count()).select_from(InteractionParticipant).where(
            InteractionParticipant.interaction_id == world.interaction,
            InteractionParticipant.deleted_at.is_(None)))
        assert shared == 2
        assert s.scalar(select(func.count()).select_from(Interaction)) == 2
        for model in (MeetingParticipant, PersonTag):
            assert s.scalar(select(func.count()).select_from(model)
                            .where(model.deleted_at.is_(None))) == (1 if model is
                                                                    MeetingParticipant else 2)
    assert undo_label(workspace) == "Personen samenvoegen"
    assert undo(workspace) is not None
    assert dump(workspace) == before
    assert live_links(workspace, world.ann)["position.person_id"] == 1


def test_merge_choices_and_refusals(world: World, workspace: Workspace) -> None:
    merge_persons(workspace, world.anna, world.ann,
                  {"first_name": "other", "notes": "survivor", "email": "other"})
    with workspace.read() as s:
        anna = s.get_one(Person, world.anna)
        assert (anna.first_name, anna.notes, anna.email) == ("Ann", "Houdt van fietsen", "")
    with pytest.raises(MergeError, match="bestaat niet"):
        merge_persons(workspace, world.anna, world.ann)
    with pytest.raises(MergeError, match="verschillende"):
        merge_persons(workspace, world.bert, world.bert)
    with pytest.raises(MergeError, match="Onbekend veld"):
        merge_persons(workspace, world.anna, world.bert, {"is_demo": "other"})
