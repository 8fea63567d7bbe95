"""Find a person in free text however the name was written.

What counts as a mention of the person (the promise the "Vergeten" confirmation makes):
- the full name in any usual order ("José Müller", "José van Müller", "Müller, José"),
  case-, accent- and whitespace-insensitive: "jose  muller", "Jose\\nMuller" (also the
  JSON escape ``\\n`` that the journal stores) and "MÜLLER, José" all match;
- the e-mail address (any case) and the phone number by its digits, whatever the
  separators, with 0 or +31/0031 in front ("06-12345678", "+31 6 1234 5678");
- the first name alone (3+ letters) or the last name alone (4+ letters, with or without
  its tussenvoegsel), written as a name (capital first letter: "Roos", not "een roos"),
  and only when no other contact in the workspace has that name as first or last name:
  "Müller belde" is left alone while another Müller exists, since nobody can tell whom
  it is about.
Shorter single names ("Jo", "Li", "Ek") are matched only within a full name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

#: what a mention is replaced by, and the name a forgotten person keeps
REPLACEMENT = "[vergeten persoon]"
FORGOTTEN_NAME = "Vergeten persoon"
_MIN_FIRST, _MIN_LAST, _MIN_PHONE_DIGITS = 3, 4, 7
_GAP = r"(?:\s|\\[nrt])+"  # whitespace, or its JSON escape in journal values
_PHONE_SEP = r"(?:\s|\\[nrt]|[-./()])*"
#: a word starts here: after a non-word character, or after a JSON escape like \n
_START = r"(?:(?<!\w)|(?<=\\[nrt]))"


@dataclass(frozen=True)
class Identity:
    """One state of a person's identifying fields (current, or earlier in the journal)."""

    first_name: str = ""
    tussenvoegsel: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""


def _strip(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.combining(c)).casefold()


def fold(text: str) -> tuple[str, list[int] | None]:
    """Lower case without accents, and for non-ASCII text the original index of each
    folded character (None: same indices)."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = ch.lower() if ch.isascii() else _strip(ch)
        out.append(piece)
        where += [i] * len(piece)
    return "".join(out), where


def fold_name(text: str) -> str:
    return " ".join(fold(text)[0].split())


def _tokens(text: str) -> list[str]:
    return [re.escape(t) for t in fold_name(text).split()]


def _longest(text: str) -> str:
    """The longest folded word of ``text`` (every pattern made from it contains it)."""
    return max(fold_name(text).split(), key=len, default="")


def _name_pattern(*parts: str, comma_after: int | None = None) -> str | None:
    pieces: list[str] = []
    words = 0
    for n, part in enumerate(parts):
        more = _tokens(part)
        if more and pieces:
            pieces.append(r"\s*,\s*" if comma_after == n else _GAP)
        if more:
            pieces.append(_GAP.join(more))
            words += len(more)
    return "".join(pieces) if words > 1 else None


def _phone_patterns(phone: str) -> set[str]:
    digits = re.sub(r"\D", "", phone)
    if len(digits) < _MIN_PHONE_DIGITS:
        return set()
    variants = {digits}
    if digits.startswith("0031"):
        digits = digits[2:]
    if digits.startswith("31"):
        variants |= {digits, "0" + digits[2:]}
    elif digits.startswith("0"):
        variants.add("31" + digits[1:])
    out = set()
    for v in variants:
        body = _PHONE_SEP.join(v)
        lead = r"(?:\+|00)?" if v.startswith("31") else ""
        out.add(rf"(?<![\d+]){lead}{body}(?!\d)")
    return out


def _full_names(who: Identity) -> set[str]:
    f, t, last = who.first_name, who.tussenvoegsel, who.last_name
    forms = [_name_pattern(f, t, last), _name_pattern(f, last),
             _name_pattern(last, f, comma_after=1), _name_pattern(last, f, t, comma_after=1),
             _name_pattern(t, last, f, comma_after=2)]
    return {form for form in forms if form}


#: what joins the cells of a chunk that ``Mentions.might_mention`` tests at once
CELL_SEPARATOR = "\x01"


def _cells_with(text: str, anchors: Iterable[str]) -> Iterator[str]:
    """The cells of ``text`` (split at ``CELL_SEPARATOR``) that contain an anchor, each
    once; nothing when no anchor occurs (found at C speed)."""
    seen: set[int] = set()
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            start = text.rfind(CELL_SEPARATOR, 0, at) + 1
            end = text.find(CELL_SEPARATOR, at)
            end = len(text) if end < 0 else end
            if start not in seen:
                seen.add(start)
                yield text[start:end]
            at = text.find(anchor, end)


class Mentions:
    """A matcher for the mentions of a set of identities (see the module docstring)."""

    def __init__(self, people: Iterable[Identity], others: Iterable[Identity] = (),
                 phrases: Iterable[str] = ()) -> None:
        """``others``: the rest of the workspace's contacts (whose names are not matched
        alone); ``phrases``: extra texts matched whole, in any case and spacing."""
        taken = {fold_name(n) for o in others for n in (o.first_name, o.last_name)}
        full = {_GAP.join(_tokens(p)) for p in phrases if p.strip()}
        #: literals of which every match contains one (None: a phone has none)
        anchors: set[str] | None = {_longest(p) for p in phrases if p.strip()}
        single: set[str] = set()
        for who in people:
            if who == Identity(last_name=FORGOTTEN_NAME):
                continue  # already forgotten: nothing left to find
            forms = _full_names(who)
            full |= forms
            if forms and anchors is not None:
                anchors |= ({_longest(who.last_name)} if fold_name(who.last_name)
                            else set(fold_name(f"{who.first_name} {who.tussenvoegsel}").split()))
            if who.email.strip():
                email = fold(who.email.strip())[0]
                full.add(rf"(?<![\w.+-]){re.escape(email)}(?![\w-])")
                anchors = None if anchors is None else anchors | {email}
            phones = _phone_patterns(who.phone)
            full |= phones
            anchors = None if phones else anchors
            first, last = fold_name(who.first_name), fold_name(who.last_name)
            if len(first) >= _MIN_FIRST and first not in taken:
                single.add(re.escape(first))
                anchors = None if anchors is None else anchors | {first}
            if len(last.replace(" ", "")) >= _MIN_LAST and last not in taken:
                with_tv = _name_pattern(who.tussenvoegsel, who.last_name)
                single |= {p for p in (with_tv, _GAP.join(_tokens(last))) if p}
                anchors = None if anchors is None else anchors | {_longest(last)}
        alternatives = []
        if full:
            names = "|".join(sorted(full, key=len, reverse=True))
            alternatives.append(rf"{_START}(?:{names})(?!\w)")
        if single:
            names = "|".join(sorted(single, key=len, reverse=True))
            alternatives.append(rf"(?P<single>{_START}(?:{names})(?!\w))")
        self.empty = not alternatives
        self._pattern = re.compile("|".join(alternatives) or r"(?!x)x")
        self._has_single = bool(single)
        self._ascii = self._pattern.pattern.isascii()
        self._anchors = (tuple(a.lower() for a in anchors if a)
                         if anchors is not None and all(anchors) else None)

    def spans(self, text: str, *, alone: bool = True) -> list[tuple[int, int]]:
        """Where the person is mentioned in ``text`` (start, end in the original).

        ``alone=False``: full names, addresses and numbers only, not a first or last name
        on its own (the text is itself a name: "Visser Installatietechniek").
        """
        if self.empty or not text:
            return []
        folded, where = fold(text)
        found: list[tuple[int, int]] = []
        for m in self._pattern.finditer(folded):
            start = m.start() if where is None else where[m.start()]
            end = m.end() if where is None else where[m.end() - 1] + 1
            if self._has_single and m.group("single") is not None \
                    and (not alone or not any(c.isupper() for c in text[start:end])):
                continue  # "een roos", "de visser": a word, not the name
            found.append((start, end))
        return found

    def __call__(self, text: str) -> bool:
        return bool(self.spans(text))

    def might_mention(self, text: str) -> bool:
        """A fast over-approximation of ``__call__`` (for scanning whole tables): no
        capital-letter check, and accents removed in C rather than per character."""
        if self.empty or not text:
            return False
        if not text.isascii():
            if not self._ascii:
                return self(text)
            text = unicodedata.normalize("NFKD", text.casefold()).encode(
                "ascii", "ignore").decode()
        text = text.lower()
        if self._anchors is None:
            return self._pattern.search(text) is not None
        # every match holds an anchor and lies within one cell (cells of a scanned chunk
        # are joined by \x01, which no pattern matches): search only the cells holding one
        return any(self._pattern.search(cell) for cell in _cells_with(text, self._anchors))

    def replace(self, text: str, *, alone: bool = True) -> str:
        spans = self.spans(text, alone=alone)
        for start, end in reversed(spans):
            text = text[:start] + REPLACEMENT + text[end:]
        return text
