"""Dutch names: split 'Jan van der Berg' and normalise names for duplicate search."""

from __future__ import annotations

import re
import unicodedata

#: Words that make up a tussenvoegsel (compared in lower case). Not "el", "al", "ben":
#: in "El Amrani" the article belongs to the surname.
TUSSENVOEGSEL_WORDS = frozenset({
    "van", "de", "der", "den", "het", "'t", "t", "te", "ter", "ten", "in", "op", "aan",
    "bij", "uit", "voor", "onder", "over", "'s", "d'", "l'", "la", "le", "les", "du", "da",
    "das", "dos", "di", "del", "della", "des", "von", "vom", "zu", "zum", "zur", "vd",
    "v.d.", "v/d",
})


def is_tussenvoegsel(text: str) -> bool:
    """True when every word of ``text`` is a tussenvoegsel word ('van der', "in 't")."""
    words = text.split()
    return bool(words) and all(w.lower() in TUSSENVOEGSEL_WORDS for w in words)


def split_full_name(full: str) -> tuple[str, str, str]:
    """'Jan van der Berg' -> ('Jan', 'van der', 'Berg'); 'Berg, Jan van der' too.

    Every word of the input ends up in exactly one part, in order; a single word is a
    last name. The tussenvoegsel is the first run of tussenvoegsel words after the first
    name that still leaves a last name after it.
    """
    if "," in full:
        last, _, rest = full.partition(",")
        words = rest.split()
        tv_start = len(words)
        while tv_start > 0 and words[tv_start - 1].lower() in TUSSENVOEGSEL_WORDS:
            tv_start -= 1
        if last.strip() and words:
            return (" ".join(words[:tv_start]), " ".join(words[tv_start:]),
                    " ".join(last.split()))
        full = full.replace(",", " ")
    words = full.split()
    if len(words) <= 1:
        return "", "", " ".join(words)
    for start in range(1, len(words) - 1):
        if words[start].lower() in TUSSENVOEGSEL_WORDS:
            end = start
            while end < len(words) - 1 and words[end].lower() in TUSSENVOEGSEL_WORDS:
                end += 1
            return (" ".join(words[:start]), " ".join(words[start:end]),
                    " ".join(words[end:]))
    return " ".join(words[:-1]), "", words[-1]


def split_last_name(last: str) -> tuple[str, str]:
    """'van der Berg' -> ('van der', 'Berg'); only lower-case prefixes are split off.

    A capitalised 'De Vries' (Flemish, or a name written on its own) stays whole.
    """
    words = last.split()
    end = 0
    while end < len(words) - 1 and words[end] in TUSSENVOEGSEL_WORDS:
        end += 1
    return " ".join(words[:end]), " ".join(words[end:])


def tidy(text: str) -> str:
    """Collapse inner white space and strip (keeps line breaks out of names)."""
    return " ".join(text.split())


_NOT_WORD = re.compile(r"[^\w\s]", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without accents: 'Zoë' -> 'zoe' (for comparing, never for storing)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_name(text: str) -> str:
    """A name for fuzzy comparison: folded, punctuation removed, single spaces."""
    return " ".join(_NOT_WORD.sub(" ", fold(text)).split())


def spelled_as_in(text: str, part: str) -> str:
    """``part`` as ``text`` spells it, when ``part`` is all lower or all upper case.

    BlackBerry writes ``N:Doe;john`` beside ``FN:John Doe``: the name part 'john' is
    found in FN as a whole word (or words) and FN's 'John' is taken. Only the case can
    change; a part in mixed case ('McDonald') is taken as it is.
    """
    if not part or part not in (part.lower(), part.upper()):
        return part
    pattern = r"(?<![^\s,;])" + re.escape(part) + r"(?![^\s,;])"
    found = re.search(pattern, text, re.IGNORECASE)
    if found is None or found.group(0).casefold() != part.casefold():
        return part
    return found.group(0)
