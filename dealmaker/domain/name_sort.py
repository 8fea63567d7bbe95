"""Dutch directory order of names: "de Vries" under V, "'s-Gravesande" under G.

The key is case- and accent-insensitive ("Özil" with the O's, "IJzerman" and "ijzerman"
together) and leaves the shown name alone: only the sort columns hold it. A tussenvoegsel
typed into the last name ("de Vries", as imports often deliver it) is treated like one
typed in its own field.
"""

from __future__ import annotations

import unicodedata

#: words that open a Dutch (or Flemish, German, French) surname without being sorted on
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "te", "ter", "ten", "'t", "'s", "in", "op", "aan",
    "bij", "uit", "voor", "onder", "over", "tot", "vd", "v/d", "v.d.", "von", "zu", "vom",
    "la", "le", "les", "du", "des", "da", "di", "del", "della", "dos", "el", "l'", "d'",
})
#: separates surname, first name and tussenvoegsel: sorts before any letter
SEP = "\x1f"
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})


def fold(text: str) -> str:
    """Lower case without accents, 'Ĳ' as 'ij', spaces single: the comparable form."""
    if text.isascii():  # most names: nothing to decompose (a pull folds thousands)
        return " ".join(text.translate(_APOSTROPHES).casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def split_surname(tussenvoegsel: str, last_name: str) -> tuple[str, str]:
    """(tussenvoegsel, the part sorted on): 'de Vries' -> ('de', 'Vries'),
    "'s-Gravesande" -> ("'s-", 'Gravesande'); the last word always stays."""
    words = last_name.split()
    prefix = tussenvoegsel.split()
    while len(words) > 1 and fold(words[0]) in TUSSENVOEGSELS:
        prefix.append(words.pop(0))
    rest = " ".join(words)
    for glued in ("'s-", "'t-", "\u2019s-", "\u2019t-"):
        if rest.lower().startswith(glued) and len(rest) > len(glued):
            prefix.append(rest[:len(glued)])
            rest = rest[len(glued):]
            break
    return " ".join(prefix), rest


def name_key(first_name: str, tussenvoegsel: str, last_name: str) -> str:
    """Surname, first name, tussenvoegsel, each folded; a person known by a first name
    only sorts on it."""
    prefix, core = split_surname(tussenvoegsel, last_name)
    if not core.strip():
        core, first_name = first_name, ""
    return SEP.join((fold(core), fold(first_name), fold(prefix)))


def text_key(text: str | None) -> str | None:
    """The sort form of an organisation or function; ``None`` when empty (sorts last)."""
    if not text:
        return None
    return fold(text) or None
