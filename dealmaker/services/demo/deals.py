"""Themes, opgaven, the deals themselves (invented amounts), their parties and opgaven."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dealmaker.domain.money import eur
from dealmaker.services.demo.base import Batch, DealState, Gen, Row, World, id_of
from dealmaker.services.demo.catalog import ALL_DEALS, NAMED_COUNT
from dealmaker.services.demo.rijk import COSIGN_WEIGHTS, DEALMAKER_MINISTRIES
from dealmaker.services.demo.texts import OPGAVEN, THEMES

#: tranche -> (year signed, shortest and longest looptijd in years)
_TRANCHES: dict[str | None, tuple[int, int, int]] = {
    "I": (2018, 7, 8), "II": (2019, 7, 8), "III": (2020, 6, 8), None: (2018, 7, 8),
    "IV": (2023, 4, 6), "V": (2025, 4, 5),
}
_ROLES = {
    "provincie": "ondertekenaar", "gemeente": "ondertekenaar", "waterschap": "ondertekenaar",
    "samenwerkingsverband": "indiener", "kennisinstelling": "uitvoerder",
    "bedrijf": "cofinancier", "maatschappelijke_organisatie": "uitvoerder",
    "inwonersinitiatief": "adviseur",
}
_MAX_PER_KIND = {"bedrijf": 12, "maatschappelijke_organisatie": 6, "inwonersinitiatief": 3}
BREACHES = ("rijk_share", "rijk_min", "rijk_max")


def plan_deals(g: Gen, w: World) -> None:
    """Choose the deals (before organisations, which are made per deal region)."""
    for spec in ALL_DEALS[:w.scale.deals]:
        w.deals.append(DealState(spec=spec, id=g.uid()))


def themes_and_opgaven(g: Gen, w: World) -> Iterator[Batch]:
    day = g.ref - w.scale.years * 365 - 30
    themes: list[Row] = []
    for name, dimension, parent in THEMES:
        row = g.base(day) | {"name": name, "dimension": dimension,
                             "parent_id": w.themes[parent] if parent else None}
        w.themes[name] = id_of(row)
        themes.append(row)
    yield "theme", themes
    opgaven: list[Row] = []
    for name, theme, ministry, description in OPGAVEN:
        row = g.base(day) | {"name": name, "description": description,
                             "theme_id": w.themes[theme],
                             "owner_organisation_id": w.orgs[w.ministries[ministry]].id}
        w.opgaven.append((id_of(row), name, w.themes[theme], ministry))
        opgaven.append(row)
    yield "opgave", opgaven


def deals(g: Gen, w: World) -> Iterator[Batch]:
    day = g.ref - w.scale.years * 365 - 25
    signed_deals = [i for i, d in enumerate(w.deals) if d.spec.tranche != "V"]
    breakers = g.rng.sample(signed_deals, 3 if len(w.deals) >= 40 else 2)
    rows: list[Row] = []
    for i, deal in enumerate(w.deals):
        if i in breakers:
            deal.breach = BREACHES[breakers.index(i)]
        rows.append(_deal_row(g, w, deal, day, invented=i >= NAMED_COUNT))
    yield "deal", rows
    yield "deal_party", [row for deal in w.deals for row in _parties(g, w, deal)]
    links: list[Row] = []
    for deal in w.deals:
        n = 3 + int(g.chance(0.4))
        picks = g.rng.sample(range(len(w.opgaven)), n)
        if "Bodemdaling" in deal.spec.name:
            picks[0] = next(k for k, o in enumerate(w.opgaven) if "Bodemdaling" in o[1])
        deal.opgaven = list(dict.fromkeys(picks))
        links += [g.base(day) | {"deal_id": deal.id, "opgave_id": w.opgaven[k][0]}
                  for k in deal.opgaven]
    yield "deal_opgave", links


def _deal_row(g: Gen, w: World, deal: DealState, day: int, *, invented: bool) -> Row:
    spec = deal.spec
    year, shortest, longest = _TRANCHES[spec.tranche]
    signed: int | None = g.between(g.year_day(year, 3), g.year_day(year, 12))
    if spec.tranche == "V" and g.chance(0.5):
        signed = None
    submitted = (signed or g.between(g.ref - 300, g.ref - 60)) - g.between(120, 300)
    ends = None if signed is None else signed + 365 * g.between(shortest, longest + 1)
    deal.signed, deal.ends = signed, ends
    deal.start = max(signed or submitted, g.ref - w.scale.years * 365)
    granted = eur(100_000) * g.between(75, 301)
    if deal.breach == "rijk_min":
        granted = eur(100_000) * g.between(35, 49)
    elif deal.breach == "rijk_max":
        granted = eur(100_000) * g.between(420, 451)
    requested = granted if g.chance(0.6) else granted * g.between(110, 151) // 100
    deal.granted = granted if signed is not None else None
    if signed is None:
        phase = "uitwerking" if g.chance(0.6) else "voorstel"
    else:
        phase = "afgerond" if ends is not None and ends < g.ref else "uitvoering"
    where = ", ".join(spec.split("gemeenten"))
    note = ("Verzonnen demodeal (geen echte Regio Deal). " if invented else "") + \
        "Demogegevens: bedragen en personen zijn verzonnen."
    return g.base(day) | {
        "id": deal.id, "name": spec.name,
        "aliases": json.dumps(list(spec.aliases), ensure_ascii=False),
        "tranche": spec.tranche,
        "region_description": f"Gemeenten {where} (provincie {spec.provinces}). {note}",
        "instrument": "decentralisatie_uitkering" if spec.tranche in (None, "I", "II")
        else "specifieke_uitkering",
        "submitted_on": g.days[submitted],
        "signed_on": None if signed is None else g.days[signed],
        "ends_on": None if ends is None else g.days[ends],
        "requested_cents": requested, "granted_cents": deal.granted,
        "dealmaker_id": w.person_ids[deal.dealmaker], "phase": phase, "is_demo": True,
    }


def _parties(g: Gen, w: World, deal: DealState) -> list[Row]:
    joined = deal.signed if deal.signed is not None else g.ref - 60
    counts: dict[str, int] = {}
    for k, org in enumerate(deal.region):
        kind = w.orgs[org].kind
        counts[kind] = counts.get(kind, 0) + 1
        if counts[kind] <= _MAX_PER_KIND.get(kind, 99):
            role = "indiener" if kind == "gemeente" and counts[kind] == 1 and k % 2 else \
                _ROLES[kind]
            deal.parties.append((org, role))
        deal.pool += w.org_people[org]
    weights = dict(COSIGN_WEIGHTS)
    cosigners = list(DEALMAKER_MINISTRIES)
    for _ in range(1 + g.between(0, 4)):
        extra = g.rng.choices(list(weights), weights=list(weights.values()))[0]
        cosigners.append(extra)
        weights.pop(extra)
    deal.cosigners = cosigners
    deal.parties += [(w.ministries[m], "ondertekenaar") for m in cosigners]
    for m in cosigners:
        for unit in w.rijk_units[m]:
            deal.rijk_pool += w.org_people[unit]
    rows: list[Row] = []
    for org, role in deal.parties:
        late = w.orgs[org].side == "rijk" and g.chance(0.2)
        day = joined + (g.between(200, 700) if late else 0)
        left = g.days[g.between(day + 200, g.ref)] if role == "cofinancier" and \
            g.chance(0.05) and day + 200 < g.ref else None
        rows.append(g.base(min(day, g.ref - 1)) | {
            "deal_id": deal.id, "organisation_id": w.orgs[org].id, "role": role,
            "joined_on": g.days[day], "left_on": left})
    return rows
