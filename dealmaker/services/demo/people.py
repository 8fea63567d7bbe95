"""Invented persons with their positions (some changed jobs, with a successor), tags."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import accumulate

from dealmaker.services.demo.base import Batch, Gen, Row, World, id_of
from dealmaker.services.demo.names import (
    DEALMAKER_TITLE,
    DEMO_NOTE,
    EMAIL_DOMAIN,
    FIRST_NAMES,
    SURNAMES,
    TITLES,
    slug,
    split_surname,
)
from dealmaker.services.demo.texts import TAGS

RIJK_SHARE = 0.12
JOB_CHANGE_SHARE = 0.08
CADENCES = (14, 30, 42, 60, 90)
_REGION_WEIGHT = {
    "provincie": 12, "gemeente": 6, "waterschap": 3, "samenwerkingsverband": 6,
    "kennisinstelling": 5, "bedrijf": 2, "maatschappelijke_organisatie": 2,
    "inwonersinitiatief": 1, "koepel": 2,
}
_RIJK_WEIGHT = {"ministerie": 0.5, "directoraat_generaal": 1, "directie": 3, "afdeling": 4}


def people(g: Gen, w: World) -> Iterator[Batch]:
    n = w.scale.persons
    n_rijk = min(n, max(1, round(n * RIJK_SHARE)))
    n_dm = min(n_rijk, max(1, -(-len(w.deals) * 2 // 3)))
    assign = [w.dealmaker_units[i % len(w.dealmaker_units)] for i in range(n_dm)]
    # the directeur above each dealmakers' team, who grants their mandates
    assign += [w.orgs[u].parent for u in w.dealmaker_units][:n_rijk - n_dm]
    assign += _weighted(g, w, "rijk", _RIJK_WEIGHT, n_rijk - len(assign))
    assign += _weighted(g, w, "regio", _REGION_WEIGHT, n - n_rijk)
    for i, deal in enumerate(w.deals):
        deal.dealmaker = i % n_dm
    first_day = g.ref - w.scale.years * 365 - 20
    persons: list[Row] = []
    emails: set[str] = set()
    for i, org in enumerate(assign):
        first = g.pick(FIRST_NAMES)
        tv, last = split_surname(g.pick(SURNAMES))
        local = f"{slug(first)}.{slug(tv)}{slug(last)}"
        email = f"{local}@{w.orgs[org].slug}.{EMAIL_DOMAIN}"
        k = 1
        while email in emails:
            k += 1
            email = f"{local}{k}@{w.orgs[org].slug}.{EMAIL_DOMAIN}"
        emails.add(email)
        row = g.base(g.between(first_day, g.ref - 1))
        row.update(first_name=first, tussenvoegsel=tv, last_name=last, email=email, phone="",
                   notes=DEMO_NOTE,
                   cadence_days=g.pick(CADENCES) if i < n_dm or g.chance(0.15) else None,
                   is_demo=True)
        persons.append(row)
        w.person_ids.append(id_of(row))
        w.person_org.append(org)
        w.org_people[org].append(i)
    yield "person", persons
    yield "position", _positions(g, w, n_dm)
    yield from _tags(g, w)


def _weighted(g: Gen, w: World, side: str, weights: Mapping[str, float],
              k: int) -> list[int]:
    pool = [i for i, o in enumerate(w.orgs) if o.side == side and o.kind in weights]
    if k <= 0 or not pool:
        return []
    cum = list(accumulate(weights[w.orgs[i].kind] for i in pool))
    return g.rng.choices(pool, cum_weights=cum, k=k)


def _positions(g: Gen, w: World, n_dm: int) -> list[Row]:
    current: list[Row] = []
    start: list[int] = []
    for i, org in enumerate(w.person_org):
        titles = TITLES[w.orgs[org].kind]
        if i < n_dm:
            title = DEALMAKER_TITLE
        elif w.org_people[org][0] == i or len(titles) == 1:
            title = titles[0]
        else:
            title = g.pick(titles[1:])
        day = g.between(g.ref - 12 * 365, g.ref - 30)
        row = g.base(day)
        row.update(person_id=w.person_ids[i], organisation_id=w.orgs[org].id, title=title,
                   start_date=g.days[day], end_date=None, successor_id=None)
        current.append(row)
        start.append(day)
    ended: list[Row] = []
    taken: set[int] = set()
    for _ in range(round(len(current) * JOB_CHANGE_SHARE)):
        mover = g.between(0, len(current))
        successor = g.between(0, len(current))
        if taken.intersection((mover, successor)) or \
                w.person_org[successor] == w.person_org[mover]:
            continue
        taken.update((mover, successor))
        left = max(start[successor] - g.between(1, 30), 1)
        # the mover took the current job after leaving the old one
        start[mover] = max(start[mover], left + g.between(1, 90))
        current[mover]["start_date"] = g.days[min(start[mover], g.ref - 1)]
        began = left - g.between(365, 8 * 365)
        row = g.base(left)
        succ = current[successor]
        row.update(person_id=w.person_ids[mover], organisation_id=succ["organisation_id"],
                   title=succ["title"], start_date=g.days[began], end_date=g.days[left],
                   successor_id=succ["id"])
        ended.append(row)
    return current + ended


def _tags(g: Gen, w: World) -> Iterator[Batch]:
    day = g.ref - w.scale.years * 365 - 20
    tags = [g.base(day) | {"name": name} for name in TAGS]
    yield "tag", tags
    links: list[Row] = []
    for pid in w.person_ids:
        if g.chance(0.25):
            chosen = g.rng.sample(tags, 1 if g.chance(0.7) else 2)  # distinct tags
            links += [g.base(g.between(day, g.ref)) | {"person_id": pid, "tag_id": tag["id"]}
                      for tag in chosen]
    yield "person_tag", links
