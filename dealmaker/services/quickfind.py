"""Quick-find (Ctrl+K) and the completers of the contact-moment form.

Persons are found through the FTS index (50,000 rows); organisations, deals and themes
are a few hundred rows, matched in Python with the same rules as the index: accents and
case are ignored ("Fryslan" finds "Zuidoost Fryslân") and every word typed must start a
word of the name, short name or an alias ("zuid fry").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.services.directory import current_positions, full_name
from dealmaker.storage.models import Deal, Organisation, Person, Theme
from dealmaker.storage.search_query import person_search_condition
from dealmaker.storage.workspace import Workspace

_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower case without accents: "Fryslân" -> "fryslan", "Çelik" -> "celik"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text).replace("_", " "))


@dataclass(frozen=True)
class _Entry:
    """A searchable row: its texts folded once (name, short name, aliases)."""

    hit: Hit
    sort_key: str
    phrases: tuple[str, ...]
    pool: tuple[str, ...]

    def score(self, query: list[str]) -> int | None:
        """0: a text starts with the query; 1: every query word starts a word of the
        texts; ``None``: no match."""
        phrase = " ".join(query)
        if any(p.startswith(phrase) for p in self.phrases):
            return 0
        if all(any(w.startswith(q) for w in self.pool) for q in query):
            return 1
        return None


def _entry(hit: Hit, texts: Iterable[str]) -> _Entry:
    folded = [words(t) for t in texts if t]
    return _Entry(hit, fold(hit.label), tuple(" ".join(w) for w in folded),
                  tuple(w for ws in folded for w in ws))


def _ranked(entries: Iterable[_Entry], query: list[str]) -> list[Hit]:
    found = [(score, e.sort_key, e.hit) for e in entries
             if (score := e.score(query) if query else 1) is not None]
    return [hit for *_, hit in sorted(found, key=lambda x: (x[0], x[1]))]


#: folded entries per open workspace and table, rebuilt when the table's row count or
#: newest ``updated_at`` changes (every ORM write sets it; an index keeps it O(1))
_CACHE: WeakKeyDictionary[Workspace, dict[str, tuple[Any, list[_Entry]]]] = \
    WeakKeyDictionary()


def _cached(ws: Workspace, s: Session, model: type[Deal] | type[Organisation],
            build: Callable[[Session], list[_Entry]]) -> list[_Entry]:
    stamp = tuple(s.execute(select(func.count(), func.max(model.updated_at))
                            .select_from(model)).one())
    per_table = _CACHE.setdefault(ws, {})
    hit = per_table.get(model.__tablename__)
    if hit is None or hit[0] != stamp:
        hit = (stamp, build(s))
        per_table[model.__tablename__] = hit
    return hit[1]


@dataclass(frozen=True)
class Hit:
    kind: str  # "person" | "organisation" | "deal" | "theme"
    id: str
    label: str
    detail: str


def quick_find(ws: Workspace, text: str, limit: int = 20) -> list[Hit]:
    """Deals, then organisations, then persons matching ``text``; at most ``limit``."""
    if not words(text) or limit <= 0:
        return []
    query = words(text)
    with ws.read() as s:
        deals = _ranked(_cached(ws, s, Deal, _deal_entries), query)
        orgs = _ranked(_cached(ws, s, Organisation, _organisation_entries), query)
        persons = _persons(s, text, limit)
    room_for_orgs = max(limit // 2, limit - len(deals) - len(persons))
    return (deals + orgs[:room_for_orgs] + persons)[:limit]


def complete_persons(ws: Workspace, prefix: str, limit: int = 10) -> list[Hit]:
    """Participants for the form: matching persons, most recently contacted first."""
    with ws.read() as s:
        return _persons(s, prefix, limit)


def complete_deals(ws: Workspace, prefix: str, limit: int = 10) -> list[Hit]:
    with ws.read() as s:
        return _ranked(_cached(ws, s, Deal, _deal_entries), words(prefix))[:limit]


def complete_themes(ws: Workspace, prefix: str, limit: int = 10) -> list[Hit]:
    with ws.read() as s:
        themes = s.execute(select(Theme.id, Theme.name, Theme.parent_id, Theme.dimension)
                           .where(Theme.deleted_at.is_(None))).all()
    names = {t.id: t.name for t in themes}
    entries = [_entry(Hit("theme", tid, name, names.get(parent or "", "")
                          or (dimension.label if dimension else "")), [name])
               for tid, name, parent, dimension in themes]
    return _ranked(entries, words(prefix))[:limit]


def _persons(s: Session, text: str, limit: int) -> list[Hit]:
    condition = person_search_condition(text)
    if condition is None:
        return []
    persons = list(s.scalars(
        select(Person).where(Person.deleted_at.is_(None), condition)
        .order_by(Person.last_contact_on.desc().nulls_last(), Person.last_name,
                  Person.first_name, Person.id).limit(limit)))
    where = current_positions(s, [p.id for p in persons])
    hits = []
    for p in persons:
        pos = where.get(p.id)
        detail = ", ".join(x for x in (pos[0].title, pos[0].organisation) if x) if pos else ""
        hits.append(Hit("person", p.id, full_name(p.first_name, p.tussenvoegsel,
                                                  p.last_name), detail))
    return hits


def _deal_entries(s: Session) -> list[_Entry]:
    entries = []
    for d in s.scalars(select(Deal).where(Deal.deleted_at.is_(None))):
        detail = " · ".join(x for x in (
            f"Tranche {d.tranche}" if d.tranche else "", ", ".join(d.aliases)) if x)
        entries.append(_entry(Hit("deal", d.id, d.name, detail), [d.name, *d.aliases]))
    return entries


def _organisation_entries(s: Session) -> list[_Entry]:
    orgs = s.execute(select(Organisation.id, Organisation.name, Organisation.short_name,
                            Organisation.aliases, Organisation.kind, Organisation.parent_id)
                     .where(Organisation.deleted_at.is_(None))).all()
    names = {o.id: o.short_name or o.name for o in orgs}
    entries = []
    for oid, name, short, aliases, kind, parent_id in orgs:
        parent = names.get(parent_id or "", "")
        detail = f"{kind.label} · {parent}" if parent else kind.label
        label = f"{name} ({short})" if short else name
        entries.append(_entry(Hit("organisation", oid, label, detail),
                              [name, short or "", *aliases]))
    return entries
