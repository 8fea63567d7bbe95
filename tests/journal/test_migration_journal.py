"""Schema 5 (journal sequence, kind, device, author; ``undone_at`` gone): upgrade of the
released v3 file, the kinds read from an old undo chain, downgrade, models agree."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import select

from dealmaker.services.people import PersonData, add_person
from dealmaker.services.undo import redo, undo, undo_label
from dealmaker.storage.journal import current_author
from dealmaker.storage.migrate import MIGRATIONS_DIR
from dealmaker.storage.models import Base, Operation
from dealmaker.storage.workspace import Workspace, open_workspace

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"


def _alembic(ws: Workspace, target: str, *, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    with ws.engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def test_v3_file_gets_sequence_device_author_and_a_baseline(tmp_path: Path) -> None:
    path = tmp_path / "v3.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v3.dealmaker", path)
    with open_workspace(path) as ws:
        with ws.read() as s:
            ops = list(s.scalars(select(Operation).order_by(Operation.sequence)))
        assert [(o.sequence, o.kind) for o in ops] == [
            (1, "edit"), (2, "edit"), (3, "edit"), (4, "baseline")]
        assert {o.device_id for o in ops} == {ws.device_id}
        assert {o.author for o in ops} == {current_author()}
        assert json.loads(ops[3].detail or "{}")["tables"]["person"] == 1
        assert undo_label(ws) == "Standaard contactfrequentie instellen"  # past the baseline


def test_old_undo_chain_becomes_kinds_and_undone_state(workspace_path: Path) -> None:
    with open_workspace(workspace_path) as ws:
        add_person(ws, PersonData(last_name="Visser"))
        undo(ws)
        redo(ws)
        _alembic(ws, "0004", down=True)
    con = sqlite3.connect(workspace_path)
    undone = con.execute("SELECT name FROM operation WHERE undone_at IS NOT NULL "
                         "ORDER BY at").fetchall()
    con.execute("PRAGMA user_version = 4")
    con.close()
    assert [r[0] for r in undone] == ["Contact toevoegen", "Ongedaan maken: Contact toevoegen"]
    with open_workspace(workspace_path) as ws:  # migrates 4 -> 5 again
        with ws.read() as s:
            kinds = [o.kind for o in s.scalars(select(Operation).order_by(Operation.sequence))]
        assert kinds[:3] == ["edit", "undo", "redo"]
        assert undo_label(ws) == "Contact toevoegen"


def test_migration_matches_the_models(workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    mine = {"operation", "local_device"}
    flat = [d for item in diff for d in (item if isinstance(item, list) else [item])]
    about_mine = [d for d in flat if any(
        getattr(getattr(p, "table", None), "name", None) in mine or p in mine
        or getattr(p, "name", None) in mine for p in d[1:] if p is not None)]
    assert about_mine == []
