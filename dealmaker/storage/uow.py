"""Unit of work: one short session per use case, committed as one journalled operation."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session, sessionmaker

from dealmaker.storage.journal import OPERATION, OPERATION_NAME


class UnitOfWork:
    """``with UnitOfWork(factory, "Contact toevoegen") as uow: ...; uow.commit()``.

    Leaving the block without ``commit()`` rolls everything back, journal included.
    Objects stay readable after commit (``expire_on_commit=False``).
    """

    def __init__(self, factory: sessionmaker[Session], name: str) -> None:
        self._factory = factory
        self.name = name
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self.session.info[OPERATION_NAME] = self.name
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.session.rollback()
        finally:
            self.session.close()

    def defer_constraints(self) -> None:
        """Check foreign keys at commit, not per statement, for the rest of this transaction.

        For flushes that insert related rows of several tables in no particular order (the
        models declare no relationships to order them).
        """
        conn = self.session.connection()
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        else:
            conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")

    def commit(self) -> str | None:
        """Commit; return the journal operation id (None when nothing changed)."""
        self.session.flush()
        op_id: str | None = self.session.info.get(OPERATION)
        self.session.commit()
        return op_id
