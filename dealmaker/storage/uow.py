"""Unit of work: one short session per use case, committed as one journalled operation.

A unit of work can be *joined*: a service that receives the caller's unit of work
(``uow_or_new(ws.uow, name, uow)``) writes into the same session and operation, so a
screen that needs several service calls (a deal with its parties, a commitment with its
first state) makes one undoable operation. A joined ``commit()`` only flushes; the
outermost ``commit()`` commits, and leaving the outermost block without it rolls back.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

from sqlalchemy import Connection
from sqlalchemy.orm import Session, sessionmaker

from dealmaker.storage.journal import (
    OPERATION,
    OPERATION_KIND,
    OPERATION_NAME,
    OPERATION_REVERTS,
)
from dealmaker.storage.models.journal import EDIT


def defer_constraints(session: Session) -> None:
    """Check foreign keys at commit, not per statement, for the rest of the transaction.

    SQLite: ``PRAGMA defer_foreign_keys``; PostgreSQL: ``SET CONSTRAINTS ALL DEFERRED``
    (works because the models declare every foreign key DEFERRABLE).
    """
    defer_on(session.connection())


def defer_on(conn: Connection) -> None:
    """:func:`defer_constraints` for a Core connection inside a transaction."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    else:
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")


class UnitOfWork:
    """``with UnitOfWork(factory, "Contact toevoegen") as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` rolls everything back, journal included.
    Objects stay readable after commit (``expire_on_commit=False``).
    """

    def __init__(self, factory: sessionmaker[Session], name: str, *, kind: str = EDIT,
                 reverts: str | None = None) -> None:
        self._factory = factory
        self.name = name
        self.kind = kind
        self.reverts = reverts
        self.session: Session
        self._depth = 0

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self.session = self._factory()
            self.session.info[OPERATION_NAME] = self.name
            self.session.info[OPERATION_KIND] = self.kind
            if self.reverts is not None:
                self.session.info[OPERATION_REVERTS] = self.reverts
        self._depth += 1
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._depth -= 1
        if self._depth:
            return  # joined: the outermost block decides
        try:
            self.session.rollback()
        finally:
            self.session.close()

    @property
    def joined(self) -> bool:
        """True inside a nested ``with`` (a service called with the caller's unit)."""
        return self._depth > 1

    def defer_constraints(self) -> None:
        """Check foreign keys at commit, not per statement, for the rest of this transaction.

        For flushes that insert related rows of several tables in no particular order (the
        models declare no relationships to order them).
        """
        defer_constraints(self.session)

    def commit(self) -> str | None:
        """Commit (only flush when joined); return the journal operation id (None when
        nothing changed)."""
        self.session.flush()
        op_id: str | None = self.session.info.get(OPERATION)
        if not self.joined:
            self.session.commit()
        return op_id


def uow_or_new(make: Callable[[str], UnitOfWork], name: str,
               uow: UnitOfWork | None = None) -> UnitOfWork:
    """The caller's unit of work to join, or a new one named ``name`` (``make=ws.uow``)."""
    return uow if uow is not None else make(name)
