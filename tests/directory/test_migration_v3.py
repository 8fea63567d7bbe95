"""Schema 3 (workspace settings, cadence rules): fixture, upgrade from v2, downgrade,
and the migration agreeing with the models."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import Engine, create_engine, inspect, text

from dealmaker.services.cadence import cadence_rules, default_cadence, set_cadence_rule
from dealmaker.services.directory import ContactQuery, query_contacts
from dealmaker.storage.migrate import MIGRATIONS_DIR, SCHEMA_VERSION, upgrade_to_head
from dealmaker.storage.models import Base
from dealmaker.storage.workspace import Workspace, open_workspace

FIXTURES = Path(__file__).parents[1] / "fixtures" / "db"
NEW_TABLES = {"workspace_setting", "cadence_rule"}


def test_schema_version_is_3_or_later() -> None:
    assert SCHEMA_VERSION >= 3


def test_v3_fixture_opens_with_its_rule_and_default(tmp_path: Path) -> None:
    path = tmp_path / "v3.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v3.dealmaker", path)
    with open_workspace(path) as ws:
        assert [(r.title_contains, r.days) for r in cadence_rules(ws)] == [("wethouder", 30)]
        assert default_cadence(ws) == 120
        assert [r.display_name for r in query_contacts(ws, ContactQuery(search="jans"))] \
            == ["Fixture Jansen"]
    assert len(list(tmp_path.glob("v3.v3-*.dealmaker.bak"))) == 1  # schema 4 came later


def test_v2_upgrade_keeps_data_and_adds_empty_tables(tmp_path: Path) -> None:
    path = tmp_path / "v2.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v2.dealmaker", path)
    with open_workspace(path) as ws:
        with ws.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
                == f"{SCHEMA_VERSION:04d}"
            assert set(inspect(conn).get_table_names()) >= NEW_TABLES
        [row] = query_contacts(ws, ContactQuery(search="fixture"))
        assert (row.display_name, row.email) == ("Fixture Jansen", "fixture@demo.example")
        assert row.cold and row.cadence_days == 90
        assert cadence_rules(ws) == [] and default_cadence(ws) == 90
        set_cadence_rule(ws, days=14, title_contains="gedeputeerde")
        assert len(cadence_rules(ws)) == 1
    assert len(list(tmp_path.glob("v2.v2-*.dealmaker.bak"))) == 1


def _alembic(engine: Engine, target: str, *, down: bool = False) -> None:
    from alembic import command
    from alembic.config import Config

    with engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, target)


def test_downgrade_to_v2_and_back(tmp_path: Path) -> None:
    """Schema 3 downgrades (schema 4, the compact form, is one way: it has no downgrade)."""
    path = tmp_path / "v3.dealmaker"
    shutil.copyfile(FIXTURES / "schema-v3.dealmaker", path)
    engine = create_engine(f"sqlite:///{path}")
    _alembic(engine, "0002", down=True)
    with engine.connect() as conn:
        assert not NEW_TABLES & set(inspect(conn).get_table_names())
    with engine.begin() as conn:
        upgrade_to_head(conn)
    engine.dispose()
    with open_workspace(path, check=False) as ws:
        assert cadence_rules(ws) == []


def test_migration_matches_the_models(workspace: Workspace) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with workspace.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def table_of(item: object) -> str | None:
        entry = item[0] if isinstance(item, list) else item
        for part in entry[1:] if isinstance(entry, tuple) else ():
            table = part if isinstance(part, str) else (
                getattr(getattr(part, "table", None), "name", None)
                or getattr(part, "name", None))
            if table in NEW_TABLES:
                return str(table)
        return None

    assert [d for d in diff if table_of(d)] == []
