"""Organisations: the Rijk hierarchy, the regional government of every deal region, and
invented businesses, societal organisations and citizens' initiatives."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from dealmaker.services.demo.base import Batch, Gen, Org, Row, World, id_of
from dealmaker.services.demo.catalog import PROVINCES
from dealmaker.services.demo.names import DEMO_NOTE, SURNAMES, slug, split_surname
from dealmaker.services.demo.rijk import DEALMAKER_MINISTRIES, DEALMAKER_TEAMS, KOEPELS, MINISTRIES
from dealmaker.services.demo.texts import (
    BUSINESS_FORMS,
    BUSINESS_SECTORS,
    CITIZEN_KINDS,
    SOCIETAL_KINDS,
)

#: (levensgemeenschap, helix) per organisation kind on the regional side
_PROFILE: dict[str, tuple[str, str]] = {
    "provincie": ("bestuurlijk", "overheid"), "gemeente": ("bestuurlijk", "overheid"),
    "waterschap": ("bestuurlijk", "overheid"), "samenwerkingsverband": ("bestuurlijk", "overheid"),
    "kennisinstelling": ("maatschappelijk", "onderwijs_kennis"),
    "bedrijf": ("economisch", "ondernemers"),
    "maatschappelijke_organisatie": ("maatschappelijk", "maatschappelijk"),
    "inwonersinitiatief": ("maatschappelijk", "inwoners"),
}


def org_slug(text: str) -> str:
    """``"Provincie Noord-Brabant"`` -> ``"provincie-noord-brabant"`` (mail domain part)."""
    return re.sub(r"-+", "-", slug(re.sub(r"[^\w]+", "-", text))).strip("-")[:40]


class _Orgs:
    def __init__(self, g: Gen, w: World) -> None:
        self.g, self.w = g, w
        self.rows: list[Row] = []
        self.day = g.ref - w.scale.years * 365 - 30
        self.by_name: dict[str, int] = {}

    def add(self, name: str, kind: str, side: str, *, parent: int | None = None,
            short: str | None = None, aliases: tuple[str, ...] = (), demo: bool = False,
            ministry: str = "", profile: tuple[str, str] | None = None) -> int:
        lg, helix = profile or _PROFILE.get(kind, ("bestuurlijk", "overheid"))
        row = self.g.base(self.day)
        row.update(
            name=name, short_name=short, aliases=json.dumps(list(aliases), ensure_ascii=False),
            kind=kind, side=side,
            parent_id=None if parent is None else self.w.orgs[parent].id,
            levensgemeenschap=lg, helix=helix, notes=DEMO_NOTE if demo else "", is_demo=demo)
        self.rows.append(row)
        index = len(self.w.orgs)
        domain = "min" + org_slug(ministry) if ministry else org_slug(name)
        self.w.orgs.append(Org(id_of(row), name, kind, side, domain, ministry,
                               -1 if parent is None else parent))
        self.w.org_people.append([])
        self.by_name[name] = index
        return index

    def shared(self, name: str, kind: str) -> int:
        """A real regional organisation, made once even if several deals include it."""
        found = self.by_name.get(name)
        return found if found is not None else self.add(name, kind, "regio")


def organisations(g: Gen, w: World) -> Iterator[Batch]:
    o = _Orgs(g, w)
    _rijk(o)
    for name, short, helix, lg in KOEPELS:
        o.add(name, "koepel", "regio", short=short, profile=(lg, helix))
    provinces = {p: o.add(f"Provincie {p}", "provincie", "regio") for p in PROVINCES}
    counts = _invented_counts(w)
    used: set[str] = set()
    for i, deal in enumerate(w.deals):
        spec = deal.spec
        region = [provinces[p] for p in spec.split("provinces")]
        gemeenten = spec.split("gemeenten")
        region += [o.shared(f"Gemeente {gm}", "gemeente") for gm in gemeenten]
        region += [o.shared(ws, "waterschap") for ws in spec.split("waterschappen")]
        region += [o.shared(k, "kennisinstelling") for k in spec.split("kennis")]
        region.append(o.add(f"Programmabureau Regio Deal {spec.name}", "samenwerkingsverband",
                            "regio", demo=True))
        for kind, n in counts:
            for _ in range(n // len(w.deals) + (1 if i < n % len(w.deals) else 0)):
                name = _unique(_invented_name(g, kind, gemeenten), used)
                region.append(o.add(name, kind, "regio", demo=True))
        deal.region = region
    yield "organisation", o.rows


def _rijk(o: _Orgs) -> None:
    for spec in MINISTRIES:
        top = o.add(spec.name, "ministerie", "rijk", short=spec.short, aliases=spec.aliases,
                    ministry=spec.short)
        o.w.ministries[spec.short] = top
        units = o.w.rijk_units.setdefault(spec.short, [top])
        for d, (dg, directies) in enumerate(spec.dgs):
            dg_i = o.add(dg, "directoraat_generaal", "rijk", parent=top, demo=True,
                         ministry=spec.short)
            units.append(dg_i)
            for k, directie in enumerate(directies):
                dir_i = o.add(directie, "directie", "rijk", parent=dg_i, demo=True,
                              ministry=spec.short)
                units.append(dir_i)
                if d == 0 and k == 0 and spec.short in DEALMAKER_MINISTRIES:
                    for team in DEALMAKER_TEAMS:
                        team_i = o.add(f"{team} ({spec.short})", "afdeling", "rijk",
                                       parent=dir_i, demo=True, ministry=spec.short)
                        units.append(team_i)
                        if team == DEALMAKER_TEAMS[0]:
                            o.w.dealmaker_units.append(team_i)


def _invented_counts(w: World) -> list[tuple[str, int]]:
    n, deals = w.scale.persons, len(w.deals)
    return [("bedrijf", max(3 * deals, n // 25)),
            ("maatschappelijke_organisatie", max(2 * deals, n // 60)),
            ("inwonersinitiatief", max(deals, n // 250))]


def _invented_name(g: Gen, kind: str, gemeenten: list[str]) -> str:
    place = g.pick(gemeenten)
    if kind == "bedrijf":
        sector, form = g.pick(BUSINESS_SECTORS), g.pick(BUSINESS_FORMS)
        if g.chance(0.5):
            return f"{split_surname(g.pick(SURNAMES))[1]} {sector} {form}"
        return f"{sector} {place} {form}"
    if kind == "maatschappelijke_organisatie":
        return f"{g.pick(SOCIETAL_KINDS)} {place}"
    return f"{g.pick(CITIZEN_KINDS)} {place}"


def _unique(name: str, used: set[str]) -> str:
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    used.add(candidate)
    return candidate
