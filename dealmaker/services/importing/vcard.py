"""Read vCards (2.1, 3.0, 4.0; several per file) into a :class:`Table` with vobject.

The file is read as a stream of lines and cut into cards; photos, logos, sounds and
keys (base64 payloads of megabytes) are dropped while reading, never joined or decoded,
and a card holding more than :data:`MAX_CARD_CHARS` of other text is a problem of its
row. vobject unfolds lines and decodes 2.1 quoted-printable with its ``CHARSET``, but
it cannot parse a quoted-printable soft line break (a value line ending in ``=``
followed by a line that does not start with a space), so those lines are joined first.
Each card is parsed on its own: a broken card becomes a problem of its row (the line
of its ``BEGIN:VCARD``), not a failure of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TextIO

from dealmaker.services.importing.limits import MAX_LINE_CHARS, MAX_ROWS, too_many_rows
from dealmaker.services.importing.model import ImportFileError
from dealmaker.services.importing.table import Table

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


def split_cards(text: TextIO) -> Iterator[tuple[int, list[str], str | None]]:
    """(line of BEGIN:VCARD, the card's lines with QP soft breaks joined, problem)."""
    current: list[str] | None = None
    start = size = 0
    skipping = False
    problem: str | None = None
    for number, line, whole in _physical_lines(text):
        upper = line.strip().upper()
        if current is None:
            if upper == "BEGIN:VCARD" and whole:
                current, start, size, skipping, problem = [line.strip()], number, 0, False, None
            continue
        if upper == "END:VCARD":
            yield start, [*current, line], problem
            current = None
            continue
        if skipping and (line[:1] in (" ", "\t") or _BASE64_LINE.fullmatch(line)):
            continue  # the folded or 2.1-style rest of a photo
        skipping = False
        if problem is not None:
            continue
        joins = _continues_qp(current[-1])
        if not joins and _is_binary(line):
            skipping = True
        elif not whole or size + len(line) > MAX_CARD_CHARS:
            problem = TOO_BIG
        elif joins:
            current[-1] = current[-1][:-1] + line
        else:
            current.append(line)
        size += len(line)


def _continues_qp(line: str) -> bool:
    """A quoted-printable property line that ends in a soft line break ('=')."""
    if not line.endswith("=") or line[:1] in (" ", "\t"):
        return False
    params = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in params


def read_vcards(text: TextIO, name: str) -> Table:
    """All cards of the file as rows; raises ``ImportFileError`` when there are none."""
    import vobject

    table = Table("vcard", list(COLUMNS), [], header_row=0, mapping=dict(COLUMNS))
    for start, lines, problem in split_cards(text):
        if len(table.rows) >= MAX_ROWS:
            raise too_many_rows(name)
        cells = [""] * len(COLUMNS)
        if problem is not None:
            table.row_errors[start] = problem
        else:
            try:
                card = vobject.readOne("\r\n".join(lines) + "\r\n")
                cells = card_cells(card)
            except Exception as exc:  # vobject raises ParseError, ValueError, UnicodeError...
                table.row_errors[start] = f"onleesbare vCard ({exc})"
        table.rows.append((start, cells))
    if not table.rows:
        raise ImportFileError(f"{name}: geen vCards gevonden (BEGIN:VCARD ... END:VCARD).")
    return table


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if v)
    return str(value or "").strip()


def _preferred(children: list[Any]) -> str:
    """The value marked PREF (2.1 bare param, 3.0 TYPE=pref, 4.0 PREF=1), else first."""
    def is_pref(child: Any) -> bool:
        types = [t.lower() for t in child.params.get("TYPE", [])]
        singles = [s.upper() for s in getattr(child, "singletonparams", [])]
        return "pref" in types or "PREF" in singles or "PREF" in child.params
    ordered = sorted(children, key=lambda c: not is_pref(c))
    for child in ordered:
        value = _text(child.value)
        if value:
            return value.removeprefix("tel:").removeprefix("mailto:")
    return ""


def card_cells(card: Any) -> list[str]:
    """The values of one card in the order of :data:`COLUMNS`."""
    contents: dict[str, list[Any]] = card.contents
    given = middle = family = ""
    if "n" in contents:
        n = contents["n"][0].value
        given, middle, family = _text(n.given), _text(n.additional), _text(n.family)
    org = ""
    if "org" in contents:
        value = contents["org"][0].value
        org = _text(value[0] if isinstance(value, list) and value else value)
    categories: list[str] = []
    for child in contents.get("categories", []):
        values = child.value if isinstance(child.value, list) else [child.value]
        categories.extend(_text(v) for v in values if _text(v))

    def first(key: str) -> str:
        return _text(contents[key][0].value) if key in contents else ""

    notes = "\n".join(_text(c.value) for c in contents.get("note", []) if _text(c.value))
    return [given, middle, family, first("fn"), org, first("title"),
            _preferred(contents.get("email", [])), _preferred(contents.get("tel", [])),
            notes, ", ".join(categories)]
