"""Keep-in-touch cadence: how often to speak to whom, and who has gone cold ("koud").

A person's effective cadence is, in this order: their own ``cadence_days``; else the
*smallest* number of days among the rules that match them (a tag they carry, or a text in
the title of a current function, case-insensitive); else the workspace default (90 days).
Cold means no contact within that many days; never contacted counts as cold. Logging a
contact resets the clock, because ``person.last_contact_on`` is derived from contacts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Select, and_, case, or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import utcnow
from dealmaker.services.changes import Changes
from dealmaker.services.people import ValidationError
from dealmaker.storage.models import Person, PersonTag, Position, Tag
from dealmaker.storage.models.settings import CadenceRule, WorkspaceSetting
from dealmaker.storage.search_query import days_before
from dealmaker.storage.workspace import Workspace

DEFAULT_CADENCE_DAYS = 90
DEFAULT_KEY = "default_cadence_days"
MAX_DAYS = 3650


@dataclass(frozen=True)
class CadenceRuleRow:
    id: str
    days: int
    tag_id: str | None = None
    tag_name: str | None = None
    title_contains: str | None = None

    @property
    def label(self) -> str:
        """Dutch description, e.g. "tag 'bestuurder'" or "functie bevat 'wethouder'"."""
        if self.tag_id is not None:
            return f"tag '{self.tag_name}'"
        return f"functie bevat '{self.title_contains}'"

    def matches(self, tag_ids: Iterable[str], titles: Iterable[str]) -> bool:
        if self.tag_id is not None:
            return self.tag_id in set(tag_ids)
        needle = (self.title_contains or "").lower()
        return any(needle in t.lower() for t in titles)


@dataclass(frozen=True)
class CadencePolicy:
    """The rules (smallest ``days`` first) and the default, loaded once per query."""

    rules: tuple[CadenceRuleRow, ...]
    default_days: int = DEFAULT_CADENCE_DAYS

    def effective(self, own_days: int | None, tag_ids: Iterable[str] = (),
                  titles: Iterable[str] = ()) -> tuple[int, str]:
        """(days, Dutch source of that number) for one person."""
        if own_days is not None:
            return own_days, "eigen instelling"
        tags, names = list(tag_ids), list(titles)
        for rule in self.rules:
            if rule.matches(tags, names):
                return rule.days, rule.label
        return self.default_days, "standaard"

    def is_cold(self, last_contact_on: date | None, days: int, today: date) -> bool:
        return last_contact_on is None or last_contact_on < today - timedelta(days=days)

    def cold_condition(self, today: date) -> ColumnElement[bool]:
        """SQL on ``person``: True for cold persons. Rule matches are uncorrelated ``IN``
        lists (computed once per query), which stays fast whatever the planner knows."""
        lc = Person.last_contact_on
        whens = [(Person.id.in_(_matching(rule)), lc < today - timedelta(days=rule.days))
                 for rule in self.rules]
        fallback = lc < today - timedelta(days=self.default_days)
        by_rule: ColumnElement[bool] = case(*whens, else_=fallback) if whens else fallback
        return or_(
            lc.is_(None),
            and_(Person.cadence_days.is_not(None),
                 lc < days_before(today, Person.cadence_days)),
            and_(Person.cadence_days.is_(None), by_rule),
        )


def _matching(rule: CadenceRuleRow) -> Select[str]:
    if rule.tag_id is not None:
        return select(PersonTag.person_id).where(
            PersonTag.tag_id == rule.tag_id, PersonTag.deleted_at.is_(None))
    return select(Position.person_id).where(
        Position.deleted_at.is_(None), Position.end_date.is_(None),
        Position.title.icontains(rule.title_contains or "", autoescape=True))


def load_policy(session: Session) -> CadencePolicy:
    rows = session.execute(
        select(CadenceRule, Tag.name).outerjoin(Tag, Tag.id == CadenceRule.tag_id)
        .where(CadenceRule.deleted_at.is_(None))
        .order_by(CadenceRule.days, CadenceRule.title_contains, Tag.name))
    rules = tuple(CadenceRuleRow(r.id, r.days, r.tag_id, name, r.title_contains)
                  for r, name in rows)
    return CadencePolicy(rules, _default_days(session))


def _default_days(session: Session) -> int:
    raw = session.scalar(select(WorkspaceSetting.value).where(
        WorkspaceSetting.key == DEFAULT_KEY, WorkspaceSetting.deleted_at.is_(None)))
    return int(json.loads(raw)) if raw else DEFAULT_CADENCE_DAYS


def cadence_rules(ws: Workspace) -> list[CadenceRuleRow]:
    """The live rules, smallest number of days first."""
    with ws.read() as s:
        return list(load_policy(s).rules)


def default_cadence(ws: Workspace) -> int:
    with ws.read() as s:
        return _default_days(s)


def _check_days(days: int) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError("days", f"Het aantal dagen moet tussen 1 en {MAX_DAYS} liggen.")


def set_cadence_rule(ws: Workspace, *, days: int, tag_id: str | None = None,
                     title_contains: str | None = None) -> tuple[str, Changes]:
    """Add a rule, or change the days of the existing rule for the same tag or text."""
    _check_days(days)
    title = (title_contains or "").strip() or None
    if (tag_id is None) == (title is None):
        raise ValidationError("tag_id", "Kies een tag óf geef een tekst uit de functietitel op.")
    with ws.uow("Contactfrequentie-regel instellen") as uow:
        s = uow.session
        if tag_id is not None and s.scalar(select(Tag.id).where(
                Tag.id == tag_id, Tag.deleted_at.is_(None))) is None:
            raise ValidationError("tag_id", "Die tag bestaat niet (meer).")
        same = (CadenceRule.tag_id == tag_id if tag_id is not None
                else CadenceRule.title_contains.icontains(title or "", autoescape=True))
        rule = next((r for r in s.scalars(select(CadenceRule).where(
            same, CadenceRule.deleted_at.is_(None)))
            if tag_id is not None or (r.title_contains or "").lower() == (title or "").lower()),
            None)
        if rule is None:
            rule = CadenceRule(tag_id=tag_id, title_contains=title, days=days)
            s.add(rule)
        rule.days = days
        s.flush()
        op = uow.commit()
    return rule.id, Changes(frozenset({"cadence_rule"}), op)


def remove_cadence_rule(ws: Workspace, rule_id: str) -> Changes:
    with ws.uow("Contactfrequentie-regel verwijderen") as uow:
        rule = uow.session.get(CadenceRule, rule_id)
        if rule is None or rule.deleted_at is not None:
            raise LookupError(f"Regel {rule_id} bestaat niet (meer).")
        rule.deleted_at = utcnow()
        op = uow.commit()
    return Changes(frozenset({"cadence_rule"}), op)


def set_default_cadence(ws: Workspace, days: int) -> Changes:
    """The number of days for persons that no rule and no own setting covers."""
    _check_days(days)
    with ws.uow("Standaard contactfrequentie instellen") as uow:
        s = uow.session
        setting = s.scalar(select(WorkspaceSetting).where(WorkspaceSetting.key == DEFAULT_KEY))
        if setting is None:
            setting = WorkspaceSetting(key=DEFAULT_KEY)
            s.add(setting)
        setting.value = json.dumps(days)
        setting.deleted_at = None
        op = uow.commit()
    return Changes(frozenset({"workspace_setting"}), op)


def set_person_cadence(ws: Workspace, person_id: str, days: int | None) -> Changes:
    """A person's own cadence (``None``: follow the rules and the default)."""
    if days is not None:
        _check_days(days)
    with ws.uow("Contactfrequentie instellen") as uow:
        person = uow.session.get(Person, person_id)
        if person is None or person.deleted_at is not None:
            raise LookupError(f"Contact {person_id} bestaat niet (meer).")
        person.cadence_days = days
        op = uow.commit()
    return Changes(frozenset({"person"}), op)
