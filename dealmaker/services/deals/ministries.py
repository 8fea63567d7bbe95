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

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.services.changes import Changes
from dealmaker.storage.models import Opgave
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
