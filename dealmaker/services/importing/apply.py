"""Carry out an import plan as ONE journalled unit of work: all of it or nothing.

Because the whole import is one ``Operation`` in the change journal, undoing that
operation takes the whole import back (persons, positions, new organisations, tags).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from dealmaker.services.changes import Changes
from dealmaker.services.importing.model import (
    ImportFileError,
    ImportPlan,
    ImportResult,
    PlanRow,
    Problem,
)
from dealmaker.services.importing.writer import PersonState, Writer
from dealmaker.storage.workspace import Workspace

_SHOWN = 5


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of ORM objects are made.

    Each object is a handful of tracked containers, so the collector would otherwise
    walk the growing heap again and again (a fifth of the time of a 10,000-row import);
    nothing made here is garbage before the unit of work ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def describe_problems(source: str, problems: list[Problem], limit: int = _SHOWN) -> str:
    """One line: the first few problems with file, row and column, then a count."""
    parts = [p.describe(source) for p in problems[:limit]]
    if len(problems) > limit:
        parts.append(f"en nog {len(problems) - limit} andere")
    return "; ".join(parts)


def apply_import(ws: Workspace, plan: ImportPlan, *, include_invalid: bool = False,
                 only_valid: bool = False) -> ImportResult:
    """Write the plan as one journalled operation.

    A value that does not validate never blocks its contact: the plan already kept it
    in the notes and listed a warning. Rows that hold no contact at all (an empty or
    unreadable card) are left out and listed in ``rejected``. Only a plan without a single
    contact raises :class:`ImportFileError`; nothing is written then. ``include_invalid``
    and ``only_valid`` are accepted for callers of the earlier rule; they change nothing.
    """
    del include_invalid, only_valid
    if plan.file_problems:
        raise ImportFileError(describe_problems(plan.source, plan.file_problems),
                              plan.file_problems)
    if not any(row.valid for row in plan.rows):
        problems = [p for row in plan.rows for p in row.problems]
        raise ImportFileError(f"{plan.source}: geen enkel contact in het bestand, niets "
                              f"geïmporteerd; {describe_problems(plan.source, problems)}",
                              problems)
    with _gc_paused(), ws.uow(f"Contacten importeren ({plan.source})") as uow:
        writer = Writer(uow.session)
        writer.load(c.person_id for row in plan.rows for c in row.duplicates
                    if c.person_id is not None and row.action in ("merge", "skip"))
        run = _Run(writer)
        for row in plan.rows:
            run.apply(row)
        # Two flushes in one transaction (one journal operation). First the new
        # organisations and tags, so the big flush holds none (storage.derived looks at
        # each new organisation, which costs time per object in the flush). Then persons
        # with their positions and tags together, so the search index is refreshed once
        # per person; the models have no relationships to order those inserts, so SQLite
        # checks references at commit. That setting lasts until the transaction ends and a
        # read in autocommit mode would end one: it follows all reads, and the first flush
        # (when it wrote anything) has opened the transaction.
        writer.add_parents()
        uow.session.flush()
        uow.defer_constraints()
        writer.add_children()
        op_id = uow.commit()
    tables = frozenset({"person", "position", "organisation", "tag", "person_tag"})
    return ImportResult(
        created=run.created, merged=run.merged, skipped=run.skipped, rejected=run.rejected,
        unchanged=run.unchanged,
        changes=Changes(tables if op_id else frozenset(), op_id), kept=writer.kept,
        warnings=[w for row in plan.rows if row.valid for w in row.warnings],
        added=writer.added,
        organisations_created=writer.organisations_created,
        person_ids=list(dict.fromkeys(s.person.id for s in run.by_row.values() if s)))


class _Run:
    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.created = self.merged = self.skipped = self.unchanged = 0
        self.rejected: list[Problem] = []
        #: row number -> the person that row became (or, if skipped, its duplicate)
        self.by_row: dict[int, PersonState | None] = {}

    def apply(self, row: PlanRow) -> None:
        values = row.values
        if row.problems:
            self.rejected.extend(row.problems)
            return
        target = self._target(row)
        if row.action == "skip":
            self.skipped += 1
            self.by_row[row.row] = target
        elif row.action in ("merge", "overwrite") and target is not None:
            if self.writer.merge(target, values, row.row, overwrite=row.action == "overwrite"):
                self.merged += 1
            else:  # already known, nothing new in the file: not "aangevuld"
                self.unchanged += 1
            self.by_row[row.row] = target
        else:
            self.created += 1
            self.by_row[row.row] = self.writer.create(values)

    def _target(self, row: PlanRow) -> PersonState | None:
        for candidate in row.duplicates:
            if candidate.person_id is not None:
                state = self.writer.existing.get(candidate.person_id)
            elif candidate.row is not None:
                state = self.by_row.get(candidate.row)
            else:
                state = None
            if state is not None:
                return state
        return None
