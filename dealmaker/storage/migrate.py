"""Run the Alembic migrations shipped in the package against a connection."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

#: The schema version this build writes (PRAGMA user_version); one per migration.
SCHEMA_VERSION = 3
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def upgrade_to_head(connection: Connection) -> None:
    """Bring the schema to head inside the caller's transaction."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    command.upgrade(cfg, "head")
