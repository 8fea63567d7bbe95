"""Which ministries a theme concerns: data, not code.

By default a theme concerns the ministries that own an opgave on that theme (an opgave
is owned on the Rijk side by an organisation, walked up to its ministry). The workspace
setting ``thema_ministeries`` (JSON ``{theme id: [organisation id, ...]}``) replaces that
default per theme; ``set_theme_ministries`` edits it (journalled, undoable).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import OrgKind, Side
from dealmaker.services.changes import Changes
from dealmaker.storage.models import Opgave, Organisation, Theme
from dealmaker.storage.models.settings import WorkspaceSetting
from dealmaker.storage.workspace import Workspace

KEY = "thema_ministeries"


def _setting(s: Session) -> dict[str, list[str]]:
    raw = s.scalar(select(WorkspaceSetting.value).where(
        WorkspaceSetting.key == KEY, WorkspaceSetting.deleted_at.is_(None)))
    data = json.loads(raw) if raw else {}
    return {str(k): [str(x) for x in v] for k, v in data.items()} \
        if isinstance(data, dict) else {}


def theme_owners(s: Session) -> dict[str, set[str]]:
    """Theme id -> the organisations (usually ministries) it concerns."""
    out: dict[str, set[str]] = defaultdict(set)
    for theme_id, owner in s.execute(select(Opgave.theme_id, Opgave.owner_organisation_id)
                                     .where(Opgave.deleted_at.is_(None),
                                            Opgave.theme_id.is_not(None),
                                            Opgave.owner_organisation_id.is_not(None))):
        if theme_id is not None and owner is not None:
            out[theme_id].add(owner)
    for theme_id, owners in _setting(s).items():
        out[theme_id] = set(owners)
    return dict(out)


def set_theme_ministries(ws: Workspace, theme_id: str, ministry_ids: Sequence[str]) -> Changes:
    """The ministries ``theme_id`` concerns from now on (replacing the default)."""
    with ws.uow("Ministeries bij thema") as uow:
        s = uow.session
        merged = _setting(s)
        merged[theme_id] = list(dict.fromkeys(ministry_ids))
        setting = s.scalar(select(WorkspaceSetting).where(WorkspaceSetting.key == KEY))
        if setting is None:
            setting = WorkspaceSetting(key=KEY)
            s.add(setting)
        setting.value = json.dumps(merged, sort_keys=True)
        setting.deleted_at = None
        op = uow.commit()
    return Changes(frozenset({"workspace_setting"}), op)


@dataclass(frozen=True)
class ThemeMinistries:
    """What the 'Ministeries per thema' dialog shows: every theme and ministry (id, name)
    and, per theme, the ministries it concerns now (defaults included)."""

    themes: tuple[tuple[str, str], ...]
    ministries: tuple[tuple[str, str], ...]
    by_theme: dict[str, frozenset[str]]


def theme_map(ws: Workspace) -> ThemeMinistries:
    with ws.read() as s:
        themes = tuple((i, n) for i, n in s.execute(
            select(Theme.id, Theme.name).where(Theme.deleted_at.is_(None))
            .order_by(func.lower(Theme.name))))
        rijk = {r[0]: (r[1], r[2], r[3]) for r in s.execute(
            select(Organisation.id, Organisation.name, Organisation.kind,
                   Organisation.parent_id).where(Organisation.side == Side.RIJK,
                                                 Organisation.deleted_at.is_(None)))}
        owners = theme_owners(s)

    def ministry(org_id: str) -> str | None:
        seen: set[str] = set()
        while org_id in rijk and org_id not in seen:
            seen.add(org_id)
            _name, kind, parent = rijk[org_id]
            if kind is OrgKind.MINISTERIE:
                return org_id
            if parent is None:
                return None
            org_id = parent
        return None

    ministries = tuple(sorted(((i, v[0]) for i, v in rijk.items()
                               if v[1] is OrgKind.MINISTERIE), key=lambda m: m[1].casefold()))
    by_theme = {t: frozenset(m for m in (ministry(o) for o in found) if m is not None)
                for t, found in owners.items()}
    return ThemeMinistries(themes, ministries, by_theme)
