"""journal: local sequence, kind, device and author on every operation; append-only undo

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04

Existing operations get a sequence in the order they were written (time, then rowid),
this copy's device id (a new ``local_device`` row) and the current OS user as author,
and a kind derived from their ``reverts_id`` chain (an undo reverts an edit or a redo, a
redo reverts an undo); the demo's bulk-write operation becomes a 'baseline' and an old
"Persoon vergeten" a 'redaction'. ``undone_at`` goes: "undone" is now read from the
operations that revert one. A workspace that already holds rows gets one baseline
operation naming what it holds, so that the journal after it rebuilds the data.
"""
import getpass
import json
import uuid
from datetime import UTC, datetime

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

_DEMO = "Demo-werkruimte aangemaakt"
_FORGET = "Persoon vergeten"
_NOT_DATA = {"operation", "change", "local_device", "alembic_version"}


def _author() -> str:
    try:
        return getpass.getuser()[:100] or "onbekend"
    except (OSError, KeyError, ImportError):
        return "onbekend"


def _now() -> int:
    """Integer microseconds since 1970 UTC (schema 4 stores timestamps so)."""
    delta = datetime.now(UTC) - datetime(1970, 1, 1, tzinfo=UTC)
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _kinds(conn: sa.Connection) -> list[tuple[str, str]]:
    """(id, kind) of every operation in the order they were written."""
    rows = conn.execute(sa.text(
        "SELECT o.id, o.name, o.reverts_id, EXISTS (SELECT 1 FROM change c "
        "WHERE c.operation_id = o.id AND c.action = 'scrubbed') "
        "FROM operation o ORDER BY o.at, o.rowid")).all()
    kinds: dict[str, str] = {}
    for op_id, name, reverts, scrubbed in rows:
        if reverts is not None:
            kinds[op_id] = "redo" if kinds.get(reverts) == "undo" else "undo"
        elif name == _DEMO:
            kinds[op_id] = "baseline"
        elif name == _FORGET and scrubbed:
            kinds[op_id] = "redaction"
        else:
            kinds[op_id] = "edit"
    return [(r[0], kinds[r[0]]) for r in rows]


def _counts(conn: sa.Connection) -> dict[str, int]:
    tables = sorted(t for t in sa.inspect(conn).get_table_names()
                    if not t.startswith(("person_search", "sqlite_")))
    counts = {t: int(conn.execute(sa.text(f'SELECT count(*) FROM "{t}"')).scalar() or 0)
              for t in tables if t not in _NOT_DATA}
    return {t: n for t, n in counts.items() if n}


def _add_columns() -> None:
    # Plain ADD COLUMN (with a default for NOT NULL), not a batch rebuild: rebuilding
    # ``operation`` would drop the table every ``change`` row points at.
    op.add_column('operation', sa.Column('sequence', sa.Integer(), nullable=False,
                                         server_default='0'))
    op.add_column('operation', sa.Column('kind', sa.String(length=12), nullable=False,
                                         server_default='edit'))
    op.add_column('operation', sa.Column('device_id', sa.LargeBinary(length=16),
                                         nullable=False, server_default=sa.text("x''")))
    op.add_column('operation', sa.Column('author', sa.String(length=100), nullable=False,
                                         server_default=''))
    op.add_column('operation', sa.Column('detail', sa.Text(), nullable=True))


def upgrade() -> None:
    op.create_table('local_device',
    sa.Column('id', sa.LargeBinary(length=16), nullable=False),
    sa.Column('created_at', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_device'))
    )
    _add_columns()
    conn = op.get_bind()
    device, author = uuid.uuid4().bytes, _author()
    conn.execute(sa.text("INSERT INTO local_device (id, created_at) VALUES (:i, :t)"),
                 {"i": device, "t": _now()})
    kinds = _kinds(conn)
    if kinds:
        conn.execute(sa.text("UPDATE operation SET sequence = :s, kind = :k, device_id = :d, "
                             "author = :a WHERE id = :i"),
                     [{"s": n, "k": kind, "d": device, "a": author, "i": op_id}
                      for n, (op_id, kind) in enumerate(kinds, start=1)])
    if counts := _counts(conn):
        conn.execute(sa.text(
            "INSERT INTO operation (id, sequence, kind, name, at, device_id, author, detail) "
            "VALUES (:i, :s, 'baseline', :n, :t, :d, :a, :x)"),
            {"i": uuid.uuid4().bytes, "s": len(kinds) + 1, "n": "Werkruimte omgezet naar schema 5",
             "t": _now(), "d": device, "a": author, "x": json.dumps({"tables": counts})})
    op.execute("ALTER TABLE operation DROP COLUMN undone_at")  # SQLite >= 3.35, PostgreSQL
    op.create_index(op.f('ix_operation_sequence'), 'operation', ['sequence'], unique=True)
    op.create_index(op.f('ix_operation_reverts_id'), 'operation', ['reverts_id'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_operation_reverts_id'), table_name='operation')
    op.drop_index(op.f('ix_operation_sequence'), table_name='operation')
    op.add_column('operation', sa.Column('undone_at', sa.BigInteger(), nullable=True))
    op.execute("UPDATE operation SET undone_at = (SELECT min(r.at) FROM operation r "
               "WHERE r.reverts_id = operation.id)")
    for name in ('detail', 'author', 'device_id', 'kind', 'sequence'):
        op.execute(f"ALTER TABLE operation DROP COLUMN {name}")
    op.drop_table('local_device')
