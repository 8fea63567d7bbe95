"""Vergeet persoon (AVG, right to erasure): remove a person's data from every copy.

Decisions:
- Who: the person asked for, plus every person merged into it (a merge keeps the
  other contact soft-deleted with its data and its journal rows).
- The person rows are *anonymised and soft-deleted*, not hard-deleted: the name becomes
  "Vergeten persoon", e-mail, phone, notes and cadence are cleared. Contact moments,
  commitments, relations and positions keep pointing at them, so counts stay right.
- Mentions in free text anywhere (every text column of every table, the journal
  included) become "[vergeten persoon]": what counts as a mention is defined in
  ``storage.namematch`` (full name in any case, accents and spacing; e-mail; phone by
  its digits; first or last name alone when written as a name and no other contact
  has it). Journal rows about the persons lose their values (action ``scrubbed``),
  which also makes those operations impossible to undo.
- These writes bypass the journal (it would copy the data again); one operation
  "Persoon vergeten" without personal data records that it happened.
- All of that is one transaction; the clean-up after it (backups beside the workspace,
  VACUUM, WAL checkpoint) is finished at the next open if a crash interrupts it
  (``storage.forgetting``). Backups in the current format are forgotten the same way;
  older-format backups are deleted (this version cannot safely rewrite them).
- Outside the workspace: lines of the log that mention the person are removed, and
  "AVG-inzage <naam> …" exports of the person beside the workspace are deleted. These
  happen before the transaction, since afterwards nothing says what to look for.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dealmaker import config
from dealmaker.logsetup import scrub_log
from dealmaker.services.changes import Changes
from dealmaker.storage.errors import StorageFailure, WorkspaceError, user_error
from dealmaker.storage.forgetting import finish_pending_forget, forget_rows
from dealmaker.storage.models import Person
from dealmaker.storage.namematch import FORGOTTEN_NAME, Mentions
from dealmaker.storage.scrub import mentions_of, merged_into
from dealmaker.storage.workspace import Workspace, open_workspace

__all__ = ["FORGET_OPERATION", "FORGOTTEN_NAME", "ForgetResult", "forget_person"]

FORGET_OPERATION = "Persoon vergeten"
MERGE_OPERATION = "Personen samenvoegen"  # services.merge's operation name


@dataclass(frozen=True)
class ForgetResult:
    person_id: str
    #: free-text cells (in the workspace) where a name or address was replaced
    texts_replaced: int
    #: journal rows about the person whose values were wiped
    journal_rows_scrubbed: int
    backups_forgotten: tuple[Path, ...]
    backups_deleted: tuple[Path, ...]
    changes: Changes
    #: False when another open connection kept the -wal file from being emptied; the
    #: old bytes then go at the next open (the UI may ask to close other windows)
    fully_compacted: bool = True
    #: merged-away duplicates forgotten with the person
    duplicates_forgotten: int = 0
    #: lines removed from the log, AVG exports deleted beside the workspace
    log_lines_removed: int = 0
    exports_deleted: tuple[Path, ...] = ()


class ForgetUnfinished(WorkspaceError):
    """The person is forgotten, but the clean-up of old copies did not finish."""


def _exports(folder: Path, mentions: Mentions) -> list[Path]:
    return [p for p in folder.glob("AVG-inzage *") if p.is_file() and mentions(p.stem)]


def forget_person(ws: Workspace, person_id: str) -> ForgetResult:
    """Remove the person (and its merged duplicates) from the workspace, its journal, its
    backups, its log and its AVG exports beside it."""
    with ws.read() as session:
        if session.get(Person, person_id) is None:
            raise LookupError("Dit contact bestaat niet.")
    with ws.engine.connect() as conn:
        people = merged_into(conn, person_id, MERGE_OPERATION)
        mentions = mentions_of(conn, people)
    lines = scrub_log(config.data_dir_path(), mentions)
    exports = _exports(ws.path.parent, mentions)
    for export in exports:
        export.unlink(missing_ok=True)
    done = forget_rows(ws, people, mentions, operation=FORGET_OPERATION, mark=True)
    try:
        finished = finish_pending_forget(ws, lambda copy: open_workspace(copy, lock=False))
    except Exception as exc:
        reason = user_error(exc, ws.path)
        kind = reason.kind if isinstance(reason, StorageFailure) else type(exc).__name__
        raise ForgetUnfinished(
            f"Het contact is vergeten, maar het opruimen van oude kopieën in {ws.path} "
            f"en de back-ups is niet af ({kind}); dat gebeurt vanzelf de volgende keer "
            "dat de werkruimte wordt geopend.") from exc
    return ForgetResult(person_id, done.texts_replaced, done.journal_rows_scrubbed,
                        finished.backups_forgotten, finished.backups_deleted,
                        Changes.all(), finished.fully_compacted, len(people) - 1, lines,
                        tuple(exports))
