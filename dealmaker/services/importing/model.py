"""The data of an import: what the preview shows and what applying it returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal, NamedTuple

from dealmaker.services.changes import Changes

#: merge: add what is new, overwrite nothing ("Aanvullen"); overwrite: the file's values
#: replace the existing ones; skip: leave the existing contact alone; create: a new one
Action = Literal["merge", "overwrite", "skip", "create"]
ACTIONS: tuple[Action, ...] = ("merge", "overwrite", "skip", "create")

#: Target fields of the mapping step with their Dutch labels, in display order.
#: ``full_name`` is split into first name, tussenvoegsel and last name when the file
#: has no separate name columns; ``url`` and ``connected_on`` end up in the notes.
FIELDS: dict[str, str] = {
    "first_name": "Voornaam",
    "tussenvoegsel": "Tussenvoegsel",
    "last_name": "Achternaam",
    "full_name": "Volledige naam",
    "email": "E-mailadres",
    "phone": "Telefoon",
    "organisation": "Organisatie",
    "function": "Functie",
    "start_date": "In functie sinds",
    "notes": "Notities",
    "tags": "Labels",
    "url": "Website of profiel (in notities)",
    "connected_on": "Verbonden op (in notities)",
}


@dataclass(frozen=True)
class ContactValues:
    """One contact as read from a file, after mapping and normalising."""

    first_name: str = ""
    tussenvoegsel: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    organisation: str = ""
    function: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()
    start_date: date | None = None

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.tussenvoegsel, self.last_name) if p)


class Problem(NamedTuple):
    """Why a row (or the file) cannot be imported as it is: row as the user sees it."""

    row: int
    column: str
    reason: str

    def describe(self, source: str) -> str:
        """``contacten.csv, rij 4, kolom E-mailadres: ongeldig e-mailadres 'x'``."""
        where = f"{source}, rij {self.row}" if self.row else source
        if self.column:
            where += f", kolom {self.column}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing contact (``person_id``) or an earlier row of the file (``row``)."""

    kind: Literal["workspace", "file"]
    name: str
    reason: str
    score: int
    person_id: str | None = None
    row: int | None = None


class Difference(NamedTuple):
    """A field where the file and the matched contact differ, and what ``merge`` does."""

    field: str
    existing: str
    incoming: str
    #: "ingevuld" (was empty), "toegevoegd" (added beside), "behouden" (kept as it is)
    outcome: str


@dataclass(frozen=True)
class Match:
    """The existing contact a row matched (its first workspace duplicate)."""

    person_id: str
    name: str
    differences: tuple[Difference, ...] = ()


@dataclass
class PlanRow:
    """One contact of the preview; the caller may change ``action``."""

    row: int
    values: ContactValues
    #: why the row cannot become a contact at all (an empty or unreadable card)
    problems: list[Problem] = field(default_factory=list)
    duplicates: list[DuplicateCandidate] = field(default_factory=list)
    action: Action = "merge"
    #: values kept other than typed (in the notes) or filled in; never block the row
    warnings: list[Problem] = field(default_factory=list)
    #: values that could not go into their field (they are kept in the notes)
    rejected_values: dict[str, str] = field(default_factory=dict)
    #: the existing contact this row matched, with the fields that differ
    match: Match | None = None

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass
class ImportPlan:
    """The preview of an import: nothing is written until ``apply_import``."""

    path: Path
    kind: Literal["csv", "xlsx", "vcard"]
    headers: list[str]
    mapping: dict[str, str | None]
    rows: list[PlanRow]
    file_problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    separator: str | None = None

    @property
    def source(self) -> str:
        return self.path.name

    @property
    def invalid_rows(self) -> list[PlanRow]:
        return [r for r in self.rows if r.problems]

    def counts(self) -> dict[str, int]:
        """How many rows would be created, merged, skipped, or are invalid."""
        out = {"create": 0, "merge": 0, "overwrite": 0, "skip": 0, "invalid": 0}
        for r in self.rows:
            out["invalid" if r.problems else r.action] += 1
        return out

    def set_action(self, row: int, action: Action) -> None:
        """Change the proposed action of the row numbered ``row`` in the file."""
        if action not in ACTIONS:
            raise ValueError(f"onbekende actie: {action}")
        for r in self.rows:
            if r.row == row:
                r.action = action
                return
        raise LookupError(f"rij {row} staat niet in {self.source}")


class Kept(NamedTuple):
    """A merge kept the existing non-empty value and did not use the file's value."""

    row: int
    field: str
    kept: str
    ignored: str


class Added(NamedTuple):
    """What a merge added to an existing contact (``old`` is what stays beside it, or
    what an overwrite replaced)."""

    row: int
    person: str
    field: str
    value: str
    old: str
    how: str  # "ingevuld", "toegevoegd", "overschreven"


@dataclass(frozen=True)
class ImportResult:
    created: int
    merged: int
    skipped: int
    rejected: list[Problem]
    changes: Changes
    kept: list[Kept] = field(default_factory=list)
    organisations_created: int = 0
    person_ids: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    added: list[Added] = field(default_factory=list)
    overwritten: int = 0
    #: rows that matched a known contact and brought nothing new (nothing written)
    unchanged: int = 0


class ImportFailed(Exception):
    """The import cannot go ahead; the message is Dutch and names file, row and column."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class ImportFileError(ImportFailed):
    """The file cannot be read as contacts (unreadable, empty, no name column)."""


class InvalidRowsError(ImportFailed):
    """Some rows are invalid and the caller did not choose to skip or include them."""
