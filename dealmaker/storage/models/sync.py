"""Local bookkeeping of team synchronisation (never journalled, never synced).

``sync_state`` is the one row saying which shared workspace on which server this copy
follows, up to which server sequence it has pulled (``cursor``) and up to which local
journal sequence everything is on the server (``pushed_sequence``). ``sync_conflict``
keeps every value that lost a conflict (two writes to one field that did not see each
other, or an edit of a record someone else deleted): the Conflicten list.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from dealmaker.domain.dates import utcnow
from dealmaker.storage.models.base import Base, new_id
from dealmaker.storage.types import UUIDKey


class SyncState(Base):
    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    #: the server, as a URL without password (passwords come from libpq: .pgpass, env)
    server: Mapped[str] = mapped_column(String(500))
    workspace_id: Mapped[str] = mapped_column(UUIDKey())
    workspace_name: Mapped[str] = mapped_column(String(200))
    #: the highest server sequence this copy holds
    cursor: Mapped[int] = mapped_column(BigInteger, default=0)
    #: every local operation up to this local sequence is on the server (or came from it)
    pushed_sequence: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)


class SyncConflict(Base):
    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_entity", "entity", "entity_id"),)

    id: Mapped[str] = mapped_column(UUIDKey(), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[str] = mapped_column(UUIDKey())
    field: Mapped[str] = mapped_column(String(60))
    #: 'veld' (both wrote the field), 'verwijderd' (edited what another deleted),
    #: 'bewerkt' (deleted what another edited)
    reason: Mapped[str] = mapped_column(String(12))
    winner_value: Mapped[str | None] = mapped_column(Text)  # JSON, as the journal
    winner_author: Mapped[str | None] = mapped_column(String(100))
    loser_value: Mapped[str | None] = mapped_column(Text)  # JSON
    loser_author: Mapped[str] = mapped_column(String(100))
    loser_at: Mapped[datetime] = mapped_column()
    server_sequence: Mapped[int] = mapped_column(BigInteger)
    found_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: set when the conflict is settled: 'genomen' (loser taken), 'later' (a newer write)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None, index=True)
    resolution: Mapped[str | None] = mapped_column(String(12))
