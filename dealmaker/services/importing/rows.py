"""Apply a mapping to the rows of a table: contact values and their problems per row."""

from __future__ import annotations

from collections.abc import Callable
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
    MAX_LENGTH,
    TAG_LENGTH,
    cell_value,
    clean_email,
    clean_phone,
    note_lines,
    parse_import_date,
    several,
    split_tags,
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
        self.warnings: list[Problem] = []
        self.rejected: dict[str, str] = {}
        self.kept_lines: list[str] = []
        self.cells = [cell_value(c) for c in self.cells]

    def get(self, field: str) -> tuple[str, str]:
        """(first non-empty value, its column header) of a field."""
        for index in self.columns.get(field, []):
            value = self.cells[index].strip()
            if value:
                return value, self.headers[index]
        return "", self.column(field)

    def all(self, field: str) -> list[str]:
        return [self.cells[i] for i in self.columns.get(field, []) if self.cells[i].strip()]

    def warn(self, column: str, reason: str) -> None:
        self.warnings.append(Problem(self.number, column, reason))

    def keep(self, column: str, field: str, label: str, value: str, why: str) -> None:
        """A value that cannot go into its field: kept as typed in the notes, marked."""
        value = value.replace("\n", " ").strip()
        self.kept_lines.append(f"{label} ({why}): {value}")
        self.rejected.setdefault(field, value)
        self.warn(column, f"{why}: '{value}' staat in de notities")

    def column(self, *fields: str) -> str:
        names = [self.headers[i] for f in fields for i in self.columns.get(f, [])[:1]]
        return "/".join(names)

    def problem(self, column: str, reason: str) -> None:
        self.problems.append(Problem(self.number, column, reason))


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
        row.warnings[:0] = [Problem(number, "", w) for w in table.row_warnings.get(number, [])]
        out.append(PlanRow(number, values, row.problems, action="create",
                           warnings=row.warnings, rejected_values=row.rejected))
    return out


def _names(row: _Row) -> tuple[str, str, str]:
    first, tv, last = (tidy(row.get(f)[0]) for f in ("first_name", "tussenvoegsel",
                                                      "last_name"))
    if not first and not last:
        first, split_tv, last = split_full_name(tidy(row.get("full_name")[0]))
        tv = tv or split_tv
    if tv and not is_tussenvoegsel(tv):  # a middle name, not a tussenvoegsel
        first, tv = f"{first} {tv}".strip(), ""
    if not tv and last:
        tv, last = split_last_name(last)
    return first, tv, last


def _checked(row: _Row, field: str, label: str, clean: Callable[[str], tuple[str, bool]],
             why: str) -> tuple[str, list[str]]:
    """The first valid value of a field with several values, the other valid ones;
    invalid ones go to the notes with a warning."""
    good: list[str] = []
    for index in row.columns.get(field, []):
        for raw in several([row.cells[index]]):
            value, ok = clean(raw)
            if ok and len(value) <= MAX_LENGTH[field]:
                if value.casefold() not in {g.casefold() for g in good}:
                    good.append(value)
            else:
                row.keep(row.headers[index], field, label, value, why)
    return (good[0], good[1:]) if good else ("", [])


def _display_name(row: _Row, organisation: str, email: str, phone: str) -> str:
    """A contact without a name is named after its organisation, e-mail or phone."""
    for value, source in ((organisation, "de organisatie"), (email, "het e-mailadres"),
                          (phone, "het telefoonnummer")):
        if value:
            row.warn(row.column("first_name", "last_name", "full_name") or "naam",
                     f"geen naam: weergavenaam uit {source} ('{value[:60]}')")
            return value[:MAX_LENGTH["last_name"]]
    return ""


def _values(row: _Row) -> ContactValues:
    first, tv, last = _names(row)
    email, more_emails = _checked(row, "email", "E-mailadres", clean_email,
                                  "geen geldig e-mailadres")
    phone, more_phones = _checked(row, "phone", "Telefoon", clean_phone, "geen nummer")
    organisation, function = tidy(row.get("organisation")[0]), tidy(row.get("function")[0])
    if len(organisation) > MAX_LENGTH["organisation"]:
        row.keep(row.column("organisation"), "organisation", "Organisatie", organisation,
                 "te lang")
        organisation = ""
    if len(function) > MAX_LENGTH["function"]:
        row.keep(row.column("function"), "function", "Functie", function, "te lang")
        function = ""
    names = {"first_name": first, "tussenvoegsel": tv, "last_name": last}
    for field, value in names.items():
        if len(value) > MAX_LENGTH[field]:
            row.keep(row.column(field) or row.column("full_name"), field, FIELDS[field],
                     value, "te lang, ingekort")
            names[field] = value[:MAX_LENGTH[field]].rstrip()
    if not (names["first_name"] or names["last_name"]):
        names["last_name"] = _display_name(row, organisation, email, phone)
        if not names["last_name"]:
            row.problem(row.column("first_name", "last_name", "full_name") or "naam",
                        "leeg: geen naam, organisatie, e-mailadres of telefoonnummer")
    start: date | None = None
    raw_start, column = row.get("start_date")
    if raw_start:
        try:
            start = parse_import_date(raw_start)
        except ValueError:
            row.keep(column, "start_date", "In functie sinds", raw_start, "geen datum")
    tags = []
    for tag in split_tags(row.all("tags")):
        if len(tag) > TAG_LENGTH:
            row.keep(row.column("tags"), "tags", "Label", tag, "te lang voor een label")
        else:
            tags.append(tag)
    extra = [f"Ook e-mailadres: {e}" for e in more_emails]
    extra += [f"Ook telefoon: {p}" for p in more_phones]
    notes = "\n".join(n for n in (
        note_lines(row.all("notes"), row.get("url")[0], row.get("connected_on")[0]),
        *extra, *row.kept_lines) if n)
    return ContactValues(email=email, phone=phone, organisation=organisation,
                         function=function, notes=notes, tags=tuple(tags), start_date=start,
                         **names)
