"""Cofinanciering (pledges per party and year) and mandates.

The Rijksbijdrage of a deal is its ``granted_cents``; pledges are the regional
cofinancing. Most deals satisfy the rules; the deals chosen in ``deals.py`` break one.
"""

from __future__ import annotations

from collections.abc import Iterator

from dealmaker.domain.money import eur
from dealmaker.services.demo.base import REFERENCE_DATE, Batch, DealState, Gen, Row, World
from dealmaker.services.demo.texts import MANDATE_TOPICS

_THOUSAND = eur(1000)
_WEIGHT = {"provincie": 6.0, "gemeente": 3.0, "waterschap": 1.0, "kennisinstelling": 1.0,
           "bedrijf": 1.0, "maatschappelijke_organisatie": 0.5, "samenwerkingsverband": 0.5}
_PRIVATE = ("bedrijf", "maatschappelijke_organisatie", "inwonersinitiatief")
_IN_KIND = {"kennisinstelling": 0.7, "maatschappelijke_organisatie": 0.6, "bedrijf": 0.3}
_MAX_PLEDGERS = 10
BREACH_NOTES = {
    "rijk_share": "Demogegevens: cofinanciering bewust te laag (Rijksaandeel boven 50%).",
    "rijk_min": "Demogegevens: Rijksbijdrage bewust onder EUR 5 mln.",
    "rijk_max": "Demogegevens: Rijksbijdrage bewust boven EUR 40 mln.",
}


def pledges(g: Gen, w: World) -> Iterator[Batch]:
    rows: list[Row] = []
    for deal in w.deals:
        rows += _deal_pledges(g, w, deal)
    yield "pledge", rows


def _deal_pledges(g: Gen, w: World, deal: DealState) -> list[Row]:
    pledgers = [org for org, _role in deal.parties if w.orgs[org].kind in _WEIGHT]
    pledgers = pledgers[:_MAX_PLEDGERS]
    if not pledgers:
        return []
    reference = deal.granted or eur(100_000) * g.between(75, 301)
    factor = g.between(60, 86) if deal.breach == "rijk_share" else g.between(100, 161)
    total = -(-reference * factor // 100 // _THOUSAND)  # in thousands, rounded up
    first = REFERENCE_DATE.year + 1 if deal.signed is None else int(g.days[deal.signed][:4])
    slots = [(org, year) for org in pledgers for year in range(first, first + w.scale.years)]
    weights = [_WEIGHT[w.orgs[org].kind] * (0.5 + g.random()) for org, _year in slots]
    scale = total / sum(weights)
    amounts = [int(wt * scale) for wt in weights]
    amounts[0] += total - sum(amounts)
    note = BREACH_NOTES.get(deal.breach, "")
    rows: list[Row] = []
    for (org, year), thousands in zip(slots, amounts, strict=True):
        kind = w.orgs[org].kind
        pledged = thousands * _THOUSAND
        if year < REFERENCE_DATE.year:
            realised = pledged * g.between(55, 106) // 100 // _THOUSAND * _THOUSAND
        elif year == REFERENCE_DATE.year:
            realised = pledged * g.between(30, 81) // 100 // _THOUSAND * _THOUSAND
        else:
            realised = 0
        # recorded in January of its year, at signing at the earliest, never after today
        day = min(max(g.year_day(year, 1, 15), deal.signed or 0), g.ref - 1)
        rows.append(g.base(day) | {
            "deal_id": deal.id, "organisation_id": w.orgs[org].id,
            "sector": "privaat" if kind in _PRIVATE else "publiek",
            "form": "in_natura" if g.chance(_IN_KIND.get(kind, 0.1)) else "in_cash",
            "year": year, "pledged_cents": pledged, "realised_cents": realised, "note": note})
    return rows


def mandates(g: Gen, w: World) -> Iterator[Batch]:
    rows: list[Row] = []
    for deal in w.deals:
        start = deal.signed if deal.signed is not None else deal.start
        valid_to = None if deal.ends is None else g.days[deal.ends]
        holder = deal.dealmaker
        grantor = _superior(w, holder)
        grants: list[tuple[int, str, int | None, int | None]] = [
            (holder, MANDATE_TOPICS[0], None, grantor)]
        if g.chance(0.5):
            grants.append((holder, MANDATE_TOPICS[1], eur(250_000), grantor))
        bureau = [o for o, role in deal.parties if w.orgs[o].kind == "samenwerkingsverband"]
        province = [o for o, role in deal.parties if w.orgs[o].kind == "provincie"]
        if bureau and province and w.org_people[bureau[0]] and w.org_people[province[0]]:
            grants.append((w.org_people[bureau[0]][0], MANDATE_TOPICS[2], eur(500_000),
                           w.org_people[province[0]][0]))
        for who, topic, limit, by in grants:
            rows.append(g.base(min(start, g.ref - 1)) | {
                "holder_id": w.person_ids[who], "deal_id": deal.id, "topic": topic,
                "limit_cents": limit,
                "granted_by_id": None if by is None else w.person_ids[by],
                "valid_from": g.days[start], "valid_to": valid_to})
    yield "mandate", rows


def _superior(w: World, person: int) -> int | None:
    """The head of the nearest parent unit that has people (a Rijk hierarchy)."""
    unit = w.orgs[w.person_org[person]].parent
    while unit >= 0 and not w.org_people[unit]:
        unit = w.orgs[unit].parent
    return w.org_people[unit][0] if unit >= 0 else None
