"""Read vCards (2.1, 3.0, 4.0; several per file) into a :class:`Table` with vobject.

vobject unfolds lines and decodes 2.1 quoted-printable with its ``CHARSET``, but it
cannot parse a quoted-printable soft line break (a value line ending in ``=`` followed
by a line that does not start with a space), so those lines are joined first. Each card
is parsed on its own: a broken card becomes a problem of its row (the line of its
``BEGIN:VCARD``), not a failure of the file.
"""

from __future__ import annotations

from typing import Any

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


def split_cards(text: str) -> list[tuple[int, list[str]]]:
    """(line number of BEGIN:VCARD, the card's lines with QP soft breaks joined)."""
    cards: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD" and current is None:
            current, start = [line.strip()], number
        elif current is not None:
            if _continues_qp(current[-1]):
                current[-1] = current[-1][:-1] + line
            else:
                current.append(line)
            if upper == "END:VCARD":
                cards.append((start, current))
                current = None
    return cards


def _continues_qp(line: str) -> bool:
    """A quoted-printable property line that ends in a soft line break ('=')."""
    if not line.endswith("=") or line[:1] in (" ", "\t"):
        return False
    params = line.split(":", 1)[0].upper()
    return "QUOTED-PRINTABLE" in params


def read_vcards(text: str, name: str) -> Table:
    """All cards of the file as rows; raises ``ImportFileError`` when there are none."""
    import vobject

    cards = split_cards(text)
    if not cards:
        raise ImportFileError(f"{name}: geen vCards gevonden (BEGIN:VCARD ... END:VCARD).")
    table = Table("vcard", list(COLUMNS), [], header_row=0, mapping=dict(COLUMNS))
    for start, lines in cards:
        try:
            card = vobject.readOne("\r\n".join(lines) + "\r\n")
            cells = card_cells(card)
        except Exception as exc:  # vobject raises ParseError, ValueError, UnicodeError...
            table.row_errors[start] = f"onleesbare vCard ({exc})"
            cells = [""] * len(COLUMNS)
        table.rows.append((start, cells))
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
