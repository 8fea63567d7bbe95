"""A person a colleague forgot (AVG) leaves no byte on my copy either: not in my file,
its -wal or its backups, while my window still has the file open - as my own forget
does (the search index's old segments and the -wal are the places a value outlives
its row)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from dealmaker.services.people import PersonData, add_person
from dealmaker.services.privacy.forget import forget_person
from dealmaker.services.sync.engine import sync
from dealmaker.services.sync.snapshot import join_workspace, publish_workspace
from dealmaker.storage.forgetting import pending_forget
from dealmaker.storage.workspace import backup_file, open_workspace
from tests.sync.pgserver import Server

pytestmark = pytest.mark.postgres

SECRETS = (b"kwakernaak", b"geheim.example", b"55501234", b"verhuist")


def _leaks(folder: Path, prefix: str) -> list[tuple[str, bytes]]:
    return [(p.name, s) for p in folder.iterdir() if p.is_file() and p.name.startswith(prefix)
            for s in SECRETS if s in p.read_bytes().lower()]


def test_a_colleagues_forget_leaves_no_byte_in_my_open_file_or_backups(
        pg: Server, team, copy_of, tmp_path: Path) -> None:
    name, (anna, bob, _carl) = team
    a, b = copy_of("anna"), tmp_path / "bob.dealmaker"
    with open_workspace(a) as ws:
        zoe, _ = add_person(ws, PersonData(
            last_name="Kwakernaak", first_name="Zoë", email="zoe@geheim.example",
            phone="06 5550 1234", notes="Verhuist naar Zwolle"))
        for i in range(200):  # enough rows that the search index has several segments
            add_person(ws, PersonData(last_name=f"Collega{i}", notes=f"overleg regio {i}"))
        publish_workspace(ws, pg.url(anna), name)
    join_workspace(pg.url(bob), b, name)
    backup_file(b, "handmatig")
    bobs = open_workspace(b)  # bob's window stays open throughout
    try:
        assert _leaks(tmp_path, "bob"), "the test needs the data on bob's copy first"
        with open_workspace(a) as ws:
            forget_person(ws, zoe)
            sync(ws)
        sync(bobs)
        # (on a failure: is the clean-up still pending, i.e. was the -wal kept busy?)
        assert _leaks(tmp_path, "bob") == [], f"nog te doen: {pending_forget(bobs)}"
    finally:
        bobs.close()
    assert _leaks(tmp_path, "bob") == []


def test_a_forget_leaves_no_value_in_the_servers_statistics(
        pg: Server, team, copy_of) -> None:
    """pg_stats (readable by every member for the columns they may read) shows sampled
    values; a forget pushed to the server samples again, without the forgotten ones."""
    name, (anna, _bob, _carl) = team
    a = copy_of("anna")
    with open_workspace(a) as ws:
        zoe, _ = add_person(ws, PersonData(last_name="Kwakernaak", email="zoe@geheim.example"))
        for i in range(30):
            add_person(ws, PersonData(last_name=f"Collega{i}", email=f"c{i}@regio.example"))
        publish_workspace(ws, pg.url(anna), name)
    admin = create_engine(pg.url())
    try:
        with admin.begin() as conn:
            schema = conn.execute(text("SELECT schema_name FROM dealmaker.workspace "
                                       "WHERE name = :n"), {"n": name}).scalar_one()
            conn.execute(text(f'ANALYZE "{schema}".person'))  # what autovacuum does

        def sampled() -> str:
            with admin.connect() as conn:
                return str(conn.execute(text(
                    "SELECT string_agg(coalesce(histogram_bounds::text, '') || "
                    "coalesce(most_common_vals::text, ''), ' ') FROM pg_stats "
                    "WHERE schemaname = :s"), {"s": schema}).scalar())

        assert "geheim.example" in sampled()  # the test needs the value sampled first
        with open_workspace(a) as ws:
            forget_person(ws, zoe)
            sync(ws)
        assert "geheim.example" not in sampled().lower()
        assert "kwakernaak" not in sampled().lower()
    finally:
        admin.dispose()
