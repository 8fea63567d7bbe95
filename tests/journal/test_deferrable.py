"""Every foreign key is DEFERRABLE INITIALLY IMMEDIATE, in the models and in the file
(schema 6), so deferring constraints works on PostgreSQL as on SQLite."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from dealmaker.storage.models import Base
from dealmaker.storage.workspace import Workspace, open_workspace

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"


def test_every_model_foreign_key_is_deferrable() -> None:
    keys = [fk for table in Base.metadata.tables.values() for fk in table.foreign_keys]
    assert keys and all((fk.deferrable, fk.initially) == (True, "IMMEDIATE") for fk in keys)
    ddl = str(CreateTable(Base.metadata.tables["position"]).compile(
        dialect=postgresql.dialect()))
    assert "DEFERRABLE INITIALLY IMMEDIATE" in ddl


def _declared(ws: Workspace) -> list[tuple[str, str]]:
    with ws.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE '%REFERENCES%'").all()
    return [(str(n), str(s)) for n, s in rows]


def test_a_new_and_a_migrated_file_declare_them_deferrable(workspace: Workspace,
                                                            tmp_path: Path) -> None:
    path = tmp_path / "v3.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v3.dealmaker", path)
    with open_workspace(path) as migrated:
        for ws in (workspace, migrated):
            declared = _declared(ws)
            assert len(declared) > 20
            for name, sql in declared:
                assert sql.count("REFERENCES") == sql.count(
                    "DEFERRABLE INITIALLY IMMEDIATE"), name
            with ws.engine.connect() as conn:
                fks = inspect(conn).get_foreign_keys("position")
                assert fks and all(fk["options"].get("deferrable") for fk in fks)
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
