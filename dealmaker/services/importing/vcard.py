"""Read vCards (2.1, 3.0, 4.0; several per file) into a :class:`Table`.

The file is read as a stream of lines and cut into cards; photos, logos, sounds and
keys (base64 payloads of megabytes) are dropped while reading, never joined or decoded,
and a card holding more than :data:`MAX_CARD_CHARS` of other text is a problem of its
row. Folded lines are unfolded and quoted-printable soft line breaks joined here; blank
lines (Outlook ends photo lines with CR CR LF) are ignored. Each card is read on its own
by the tolerant line reader of :mod:`vcard_lines`: a line that is not a property is
skipped with a warning of its row, never a failure of the card or the file. A file
without any ``BEGIN:VCARD``, or with a card that never ends (``END:VCARD`` missing: a
cut-off copy), is refused whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TextIO

from dealmaker.services.importing.limits import MAX_LINE_CHARS, MAX_ROWS, too_many_rows
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.names import spelled_as_in
from dealmaker.services.importing.table import Table
from dealmaker.services.importing.vcard_lines import (
    Property,
    components,
    is_quoted_printable,
    list_values,
    parse_line,
    text_of,
)

COLUMNS: dict[str, str | None] = {
    "N (voornaam)": "first_name",
    "N (tussenvoegsel)": "tussenvoegsel",
    "N (achternaam)": "last_name",
    "FN": "full_name",
    "ORG": "organisation",
    "TITLE": "function",
    "EMAIL": "email",
    "TEL": "phone",
    "NOTE": "notes",
    "CATEGORIES": "tags",
    "URL": "url",
}
#: Properties with binary payloads that are not imported (and can be megabytes).
BINARY = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
#: The text of one card, without those payloads.
MAX_CARD_CHARS = 1 << 20
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
TOO_BIG = "vCard te groot (meer dan 1 MB tekst zonder foto's)"


def _physical_lines(text: TextIO) -> Iterator[tuple[int, str, bool]]:
    """(line number, piece, whole): a line longer than the limit comes in pieces."""
    number, whole = 0, True
    while piece := text.readline(MAX_LINE_CHARS):
        if whole:
            number += 1
        ends = piece.endswith(("\n", "\r"))
        yield number, piece.rstrip("\r\n"), whole and ends
        whole = ends


def _is_binary(line: str) -> bool:
    name = line.split(":", 1)[0].split(";", 1)[0].rsplit(".", 1)[-1]
    return name.strip().upper() in BINARY


def _continues_qp(line: str) -> bool:
    """A quoted-printable property line that ends in a soft line break ('=')."""
    if not line.endswith("="):
        return False
    prop = parse_line(line)
    return prop is not None and is_quoted_printable(prop.params)


class _Card:
    def __init__(self, start: int) -> None:
        self.start = start
        self.lines: list[str] = []
        self.size = 0
        self.skipping = False
        self.problem: str | None = None

    def add(self, line: str, whole: bool) -> None:
        if self.skipping and (not line.strip() or line[:1] in (" ", "\t")
                              or _BASE64_LINE.fullmatch(line)):
            return  # the folded or 2.1-style rest of a photo, blank lines between
        self.skipping = False
        if self.problem is not None:
            return
        joins = bool(self.lines) and _continues_qp(self.lines[-1])
        if not line.strip():
            if joins:  # a soft break before a blank line ends the value
                self.lines[-1] = self.lines[-1][:-1]
            return
        if not joins and _is_binary(line):
            self.skipping = True
        elif not whole or self.size + len(line) > MAX_CARD_CHARS:
            self.problem = TOO_BIG
        elif joins:
            self.lines[-1] = self.lines[-1][:-1] + line
        elif line[:1] in (" ", "\t") and self.lines:
            self.lines[-1] += line[1:]
        else:
            self.lines.append(line)
        self.size += len(line)


def split_cards(text: TextIO, name: str = "") -> Iterator[tuple[int, list[str], str | None]]:
    """(line of BEGIN:VCARD, the card's logical lines, problem); ``ImportFileError`` for a
    card without END:VCARD."""
    card: _Card | None = None
    nested = 0  # inside a 2.1 AGENT's own vCard (skipped)
    for number, line, whole in _physical_lines(text):
        upper = line.strip().upper()
        if nested:
            nested += (upper == "BEGIN:VCARD") - (upper == "END:VCARD")
        elif upper == "BEGIN:VCARD" and whole:
            if card is not None and card.lines and _is_agent(card.lines[-1]):
                nested = 1
                continue
            if card is not None:
                raise _unfinished(name, card.start)
            card = _Card(number)
        elif card is None:
            continue
        elif upper == "END:VCARD":
            yield card.start, card.lines, card.problem
            card = None
        else:
            card.add(line, whole)
    if card is not None:
        raise _unfinished(name, card.start)


def _is_agent(line: str) -> bool:
    return line.split(":", 1)[0].split(";", 1)[0].strip().upper() == "AGENT"


def _unfinished(name: str, start: int) -> ImportFileError:
    return ImportFileError(f"{name}, rij {start}: vCard zonder END:VCARD; het bestand is "
                           "afgebroken of beschadigd, niets geïmporteerd.")


def read_vcards(text: TextIO, name: str) -> Table:
    """All cards of the file as rows; raises ``ImportFileError`` when there are none."""
    table = Table("vcard", list(COLUMNS), [], header_row=0, mapping=dict(COLUMNS))
    for start, lines, problem in split_cards(text, name):
        if len(table.rows) >= MAX_ROWS:
            raise too_many_rows(name)
        cells = [""] * len(COLUMNS)
        if problem is not None:
            table.row_errors[start] = problem
        else:
            props = []
            for line in lines:
                prop = parse_line(line)
                if prop is None:
                    shown = line if len(line) <= 40 else line[:39] + "…"
                    table.row_warnings.setdefault(start, []).append(
                        f"regel '{shown}' is geen vCard-gegeven en is overgeslagen")
                else:
                    props.append(prop)
            cells = card_cells(props)
        table.rows.append((start, cells))
    if not table.rows:
        raise ImportFileError(f"{name}: geen vCards gevonden (BEGIN:VCARD ... END:VCARD).")
    return table


def _all(props: list[Property], key: str) -> list[str]:
    """Every value of a property, the preferred ones first, 'tel:'/'mailto:' removed."""
    found = [p for p in props if p.name == key]
    found.sort(key=lambda p: not p.preferred)
    values = [text_of(p).removeprefix("tel:").removeprefix("mailto:").strip() for p in found]
    return list(dict.fromkeys(v for v in values if v))


def card_cells(props: list[Property]) -> list[str]:
    """The values of one card in the order of :data:`COLUMNS` (several values: one a
    line)."""
    first: dict[str, Property] = {}
    for prop in props:
        first.setdefault(prop.name, prop)
    given = middle = family = ""
    if "N" in first:
        parts = [*components(first["N"]), "", "", ""]
        family, given, middle = parts[0], parts[1], parts[2]
    full = text_of(first["FN"]) if "FN" in first else ""
    # lower-case N beside a capitalised FN (BlackBerry); the tussenvoegsel stays as is
    given, family = spelled_as_in(full, given), spelled_as_in(full, family)
    if not (full or given or family) and "NICKNAME" in first:
        full = list_values(first["NICKNAME"])[0] if list_values(first["NICKNAME"]) else ""
    org = components(first["ORG"])[0] if "ORG" in first else ""
    if not (given or family) and full and full.casefold() == org.casefold():
        full, family = "", org  # a company card (Apple's X-ABShowAs:COMPANY): no split
    title = text_of(first["TITLE"]) if "TITLE" in first else ""
    categories = [v for p in props if p.name == "CATEGORIES" for v in list_values(p)]
    # the first web address is read as a file's URL column (into the notes), the others
    # join the notes as they are: nothing of the card is dropped
    urls = _all(props, "URL")
    notes = "\n".join([*(text_of(p) for p in props if p.name == "NOTE" and text_of(p)),
                       *(f"Website: {u}" for u in urls[1:])])
    return [given, middle, family, full, org, title, "\n".join(_all(props, "EMAIL")),
            "\n".join(_all(props, "TEL")), notes, ", ".join(categories),
            urls[0] if urls else ""]
