"""AVG: export everything about a person, forget a person down to the bytes, review list."""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select, text

from dealmaker.services.history import record_history
from dealmaker.services.people import update_person
from dealmaker.services.privacy import (
    FORGOTTEN_NAME,
    export_person_data,
    forget_person,
    review_candidates,
)
from dealmaker.services.undo import undo, undo_label
from dealmaker.storage.models import (
    Change,
    Commitment,
    Interaction,
    InteractionParticipant,
    Meeting,
    Operation,
    Person,
    Relation,
)
from dealmaker.storage.search import match_expression
from dealmaker.storage.types import uuid_bytes
from dealmaker.storage.workspace import Workspace, backup_file
from trust.factories import World, person

NAME = "Anna van den Berg"
EMAIL = "anna.vandenberg@enschede.example"
OLD_EMAIL = "a.berg@oud.example"


def test_export_opens_and_holds_the_person(world: World, workspace: Workspace,
                                           tmp_path: Path) -> None:
    from openpyxl import load_workbook

    xlsx, js = tmp_path / "inzage.xlsx", tmp_path / "inzage.json"
    export_person_data(workspace, world.ann, xlsx, js)
    book = load_workbook(xlsx)
    assert {"Persoon", "Functies", "Relaties", "Contactmomenten", "Toezeggingen", "Tags",
            "Mandaten", "Overleggen", "Deals als dealmaker", "Bijdragen (context)",
            "Wijzigingslog"} <= set(book.sheetnames)
    facts = {row[0]: row[1] for row in book["Persoon"].iter_rows(min_row=2, values_only=True)}
    assert facts["Voornaam"] == "Ann" and facts["Telefoon"] == "06-12345678"
    assert facts["Laatste contact"] == datetime(2025, 6, 1)
    moments = book["Contactmomenten"]
    assert [c.value for c in moments[1]][:3] == ["Datum", "Soort", "Richting"]
    assert moments.max_row == 3 and moments["A2"].value == datetime(2025, 3, 4)
    assert moments["A2"].number_format == "dd-mm-yyyy"
    promises = book["Toezeggingen"]
    amount = promises["G2"]
    assert Decimal(str(amount.value)) == Decimal("50000") and "€" in amount.number_format
    assert promises["B2"].value == "eigenaar, bevestigd door"
    assert book["Functies"]["A2"].value == "Ministerie van BZK"
    assert book["Deals als dealmaker"]["A2"].value == "Twente"
    assert {r[0] for r in book["Tags"].iter_rows(min_row=2, values_only=True)} == {"Twente",
                                                                                 "Wonen"}
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data["persoon"] == "Ann van den Berg"
    assert data["gegevens"]["Toezeggingen"][0]["Bedrag"] == "€ 50.000,00"
    assert data["gegevens"]["Contactmomenten"][0]["Datum"] == "2025-03-04"
    assert data["gegevens"]["Wijzigingslog"][0]["Handeling"] == "Testgegevens"
    assert "Ann van den Berg" in js.read_text(encoding="utf-8")  # UTF-8, not \\u escapes


def _bytes(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


def _old_format_backup(workspace: Workspace) -> Path:
    copy = backup_file(workspace.path, "handmatig")
    old = workspace.path.with_name(f"{workspace.path.stem}.v1-20250101-000000"
                                   f"{workspace.path.suffix}.bak")
    shutil.move(copy, old)
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return old


def test_forget_leaves_no_bytes_and_keeps_counts(world: World, workspace: Workspace) -> None:
    update_person(workspace, world.anna, email=OLD_EMAIL)
    update_person(workspace, world.anna, email=EMAIL)  # the journal holds the old address
    old = _old_format_backup(workspace)
    backup = backup_file(workspace.path, "handmatig")
    assert NAME.encode() in backup.read_bytes() and OLD_EMAIL.encode() in backup.read_bytes()
    held = _bytes(workspace.path) + _bytes(Path(f"{workspace.path}-wal"))
    assert NAME.encode() in held and OLD_EMAIL.encode() in held

    result = forget_person(workspace, world.anna)

    assert result.backups_forgotten == (backup,) and result.backups_deleted == (old,)
    assert not old.exists() and result.changes.everything and result.fully_compacted
    assert result.texts_replaced >= 5 and result.journal_rows_scrubbed >= 3
    files = [workspace.path, Path(f"{workspace.path}-wal"), Path(f"{workspace.path}-shm"),
             backup, Path(f"{backup}-wal")]
    for path in files:
        data = _bytes(path)
        for secret in (NAME, EMAIL, OLD_EMAIL, "053 481 1234", "Houdt van fietsen"):
            assert secret.encode() not in data, (secret, path.name)
            assert secret.lower().encode() not in data.lower(), (secret, path.name)

    with workspace.read() as s:
        anna = s.get_one(Person, world.anna)
        assert (anna.full_name, anna.email, anna.phone, anna.notes) == (FORGOTTEN_NAME, "",
                                                                        "", "")
        assert anna.deleted_at is not None
        assert s.scalar(select(func.count()).select_from(Interaction)) == 2
        assert s.scalar(select(func.count()).select_from(InteractionParticipant).where(
            InteractionParticipant.interaction_id == world.interaction)) == 3
        assert s.get_one(Interaction, world.interaction).summary == (
            "Overleg met [vergeten persoon] over Twente")
        assert s.scalar(select(Interaction.follow_up_action).where(
            Interaction.follow_up_action != "")) == "Mail [vergeten persoon]"
        assert s.scalar(select(Commitment.description)) == "Toegezegd aan [vergeten persoon]"
        assert s.scalar(select(Meeting.decisions)) == "[vergeten persoon] trekt"
        assert "kent [vergeten persoon] goed" in s.scalars(select(Relation.note)).all()
        assert s.scalar(select(func.count()).select_from(Operation).where(
            Operation.name == "Persoon vergeten")) == 1
        assert s.scalar(select(func.count()).select_from(Change).where(
            Change.entity_id == world.anna, Change.old_value.is_not(None))) == 0
        for query in ("anna", "enschede.example", "fietsen"):
            hits = s.execute(text("SELECT count(*) FROM person_search WHERE person_search "
                                  "MATCH :q"), {"q": match_expression(query)}).scalar()
            assert hits == 0, query
        berg = s.execute(text("SELECT count(*) FROM person_search WHERE person_search "
                              "MATCH :q"), {"q": match_expression("berg")}).scalar()
        assert berg == 1  # Ann van den Berg is someone else and still found

    assert undo_label(workspace) is None and undo(workspace) is None  # cannot be undone
    assert {e.new for e in record_history(workspace, "person", world.anna)} == {
        "gegevens gewist (AVG)"}
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT last_name, email FROM person WHERE id = ?",
                            (uuid_bytes(world.anna),)).fetchone() == (FORGOTTEN_NAME, "")
        assert copy.execute("PRAGMA quick_check").fetchone() == ("ok",)
    finally:
        copy.close()


def test_review_candidates(world: World, workspace: Workspace) -> None:
    with workspace.uow("Contact toevoegen") as uow:
        old = person(uow.session, "Oud", "Contact",
                     created_at=datetime(2020, 1, 1, tzinfo=UTC)).id
        person(uow.session, "Nieuw", "Contact")
        uow.commit()
    found = review_candidates(workspace, 2, today=date(2027, 6, 1))
    assert [(c.name, c.last_contact_on) for c in found] == [
        ("Oud Contact", None), ("Anna van den Berg", date(2025, 3, 4)),
        ("Bert Jansen", date(2025, 3, 4))]
    assert found[0].person_id == old and found[0][0] == old
    assert review_candidates(workspace, 10, today=date(2027, 6, 1)) == []
