"""The cofinancing rules per tranche, kept as data in the workspace (one setting).

``workspace_setting`` key ``cofinancieringsregels`` holds JSON
``{"*": {...}, "III": {...}}``: the rules of a tranche, else those of ``"*"``, else the
Regio Envelop's defaults. Amounts are cents, the share a decimal string (exact).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from dealmaker.domain.rules import DEFAULT_RULES, CofinancingRules
from dealmaker.services.changes import Changes
from dealmaker.storage.models.settings import WorkspaceSetting
from dealmaker.storage.workspace import Workspace

KEY = "cofinancieringsregels"
ANY_TRANCHE = "*"


@dataclass(frozen=True)
class RuleBook:
    by_tranche: dict[str, CofinancingRules] = field(default_factory=dict)

    def for_tranche(self, tranche: str | None) -> CofinancingRules:
        return self.by_tranche.get(tranche or "", self.by_tranche.get(ANY_TRANCHE,
                                                                      DEFAULT_RULES))


def _to_json(rules: CofinancingRules) -> dict[str, object]:
    return {"rijk_min": rules.rijk_min, "rijk_max": rules.rijk_max,
            "max_rijk_share_pct": str(rules.max_rijk_share_pct),
            "regional_at_least_rijk": rules.regional_at_least_rijk}


def _from_json(raw: dict[str, object]) -> CofinancingRules:
    d = DEFAULT_RULES
    return CofinancingRules(
        int(str(raw.get("rijk_min", d.rijk_min))), int(str(raw.get("rijk_max", d.rijk_max))),
        Decimal(str(raw.get("max_rijk_share_pct", d.max_rijk_share_pct))),
        bool(raw.get("regional_at_least_rijk", d.regional_at_least_rijk)))


def load_rules(s: Session) -> RuleBook:
    raw = s.scalar(select(WorkspaceSetting.value).where(
        WorkspaceSetting.key == KEY, WorkspaceSetting.deleted_at.is_(None)))
    if not raw:
        return RuleBook()
    data = json.loads(raw)
    return RuleBook({k: _from_json(v) for k, v in data.items()} if isinstance(data, dict)
                    else {})


def rule_book(ws: Workspace) -> RuleBook:
    with ws.read() as s:
        return load_rules(s)


def set_tranche_rules(ws: Workspace, tranche: str, rules: CofinancingRules) -> Changes:
    """Set the rules of ``tranche`` (``"*"``: every tranche without its own)."""
    if rules.rijk_min > rules.rijk_max:
        raise ValueError("De minimale Rijksbijdrage is hoger dan de maximale.")
    if not Decimal(0) < rules.max_rijk_share_pct <= Decimal(100):
        raise ValueError("Het Rijksaandeel ligt tussen 0 en 100%.")
    with ws.uow(f"Cofinancieringsregels tranche {tranche}") as uow:
        s = uow.session
        book = load_rules(s)
        merged = {k: _to_json(v) for k, v in book.by_tranche.items()}
        merged[tranche] = _to_json(rules)
        setting = s.scalar(select(WorkspaceSetting).where(WorkspaceSetting.key == KEY))
        if setting is None:
            setting = WorkspaceSetting(key=KEY)
            s.add(setting)
        setting.value = json.dumps(merged, sort_keys=True)
        setting.deleted_at = None
        op = uow.commit()
    return Changes(frozenset({"workspace_setting"}), op)
