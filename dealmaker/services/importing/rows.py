"""Apply a mapping to the rows of a table: contact values and their problems per row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dealmaker.services.importing.mapping import columns_by_field
from dealmaker.services.importing.model import FIELDS, ContactValues, PlanRow, Problem
from dealmaker.services.importing.names import (
    is_tussenvoegsel,
    split_full_name,
    split_last_name,
    tidy,
)
from dealmaker.services.importing.table import Table
from dealmaker.services.importing.values import (
    TAG_LENGTH,
    clean_email,
    clean_phone,
    note_lines,
    parse_import_date,
    split_tags,
    too_long,
)


@dataclass
class _Row:
    """Reads the cells of one row through the mapping, noting problems as it goes."""

    number: int
    cells: list[str]
    headers: list[str]
    columns: dict[str, list[int]]

    def __post_init__(self) -> None:
        self.problems: list[Problem] = []
        self.rejected: dict[str, str] = {}

    def get(self, field: str) -> tuple[str, str]:
        """(first non-empty value, its column header) of a field."""
        for index in self.columns.get(field, []):
            value = self.cells[index].strip()
            if value:
                return value, self.headers[index]
        return "", self.column(field)

    def all(self, field: str) -> list[str]:
        return [self.cells[i] for i in self.columns.get(field, []) if self.cells[i].strip()]

    def column(self, *fields: str) -> str:
        names = [self.headers[i] for f in fields for i in self.columns.get(f, [])[:1]]
        return "/".join(names)

    def problem(self, column: str, reason: str, field: str = "", value: str = "") -> None:
        self.problems.append(Problem(self.number, column, reason))
        if field:
            self.rejected[field] = value


def check_mapping(mapping: dict[str, str | None]) -> None:
    for header, field in mapping.items():
        if field is not None and field not in FIELDS:
            raise ValueError(f"onbekend doelveld {field!r} voor kolom {header!r}")


def map_rows(table: Table, mapping: dict[str, str | None]) -> list[PlanRow]:
    """One :class:`PlanRow` per row of the table, values checked (no duplicates yet)."""
    check_mapping(mapping)
    columns = columns_by_field(table.headers, mapping)
    out = []
    for number, cells in table.rows:
        row = _Row(number, cells, table.headers, columns)
        if number in table.row_errors:  # nothing to read in it: only say why
            row.problem("", table.row_errors[number])
            out.append(PlanRow(number, ContactValues(), row.problems))
            continue
        values = _values(row)
        out.append(PlanRow(number, values, row.problems, action="create",
                           rejected_values=row.rejected))
    return out


def _names(row: _Row) -> tuple[str, str, str]:
    first, tv, last = (tidy(row.get(f)[0]) for f in ("first_name", "tussenvoegsel",
                                                      "last_name"))
    if not first and not last:
        first, split_tv, last = split_full_name(row.get("full_name")[0])
        tv = tv or split_tv
    if tv and not is_tussenvoegsel(tv):  # a middle name, not a tussenvoegsel
        first, tv = f"{first} {tv}".strip(), ""
    if not tv and last:
        tv, last = split_last_name(last)
    return first, tv, last


def _values(row: _Row) -> ContactValues:
    first, tv, last = _names(row)
    if not (first or last):
        row.problem(row.column("first_name", "last_name", "full_name") or "naam",
                    "naam ontbreekt (geen voornaam of achternaam)")
    email, column = row.get("email")
    if email:
        email, ok = clean_email(email)
        if not ok:
            row.problem(column, f"ongeldig e-mailadres: '{email}'", "email", email)
            email = ""
    phone, column = row.get("phone")
    if phone:
        phone, ok = clean_phone(phone)
        if not ok:
            row.problem(column, f"ongeldig telefoonnummer: '{phone}'", "phone", phone)
            phone = ""
    start: date | None = None
    raw_start, column = row.get("start_date")
    if raw_start:
        try:
            start = parse_import_date(raw_start)
        except ValueError as exc:
            row.problem(column, str(exc), "start_date", raw_start)
    values = {"first_name": first, "tussenvoegsel": tv, "last_name": last, "email": email,
              "phone": phone, "organisation": tidy(row.get("organisation")[0]),
              "function": tidy(row.get("function")[0])}
    for field, value in values.items():
        if reason := too_long(field, value):
            row.problem(row.column("full_name" if field in ("first_name", "last_name",
                        "tussenvoegsel") and not row.columns.get(field) else field),
                        reason, field, value)
            values[field] = ""
    tags = split_tags(row.all("tags"))
    for tag in tags:
        if len(tag) > TAG_LENGTH:
            row.problem(row.column("tags"), f"label te lang: '{tag[:20]}...' "
                        f"(maximaal {TAG_LENGTH} tekens)", "tags", tag)
    notes = note_lines(row.all("notes"), row.get("url")[0], row.get("connected_on")[0])
    return ContactValues(tags=tuple(t for t in tags if len(t) <= TAG_LENGTH), notes=notes,
                         start_date=start, **values)

