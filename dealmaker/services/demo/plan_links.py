"""The connectieplan's own edges in the demo: per deal opgave a Rijk unit that owns it
(most of them) and a few people on each side who work on it; per deal a couple of
organisations working together (a Rijk party with a regional one). Runs last, so the
rows of every earlier table stay as they were for a given seed."""

from __future__ import annotations

from collections.abc import Iterator

from dealmaker.services.demo.base import Batch, Gen, Row, World

_STRENGTHS = (2, 3, 3, 4, 4, 5)
_ORG_KINDS = ("bestuurlijk", "werkrelatie", "inhoudelijk")


def plan_links(g: Gen, w: World) -> Iterator[Batch]:
    day = g.ref - 120
    links: list[Row] = []
    together: list[Row] = []

    def link(opgave: bytes, role: str, person: bytes | None = None,
             org: bytes | None = None) -> None:
        links.append(g.base(day) | {"opgave_id": opgave, "person_id": person,
                                    "organisation_id": org, "role": role,
                                    "strength": g.pick(_STRENGTHS),
                                    "since": g.days[g.between(day - 700, day)],
                                    "until": None, "note": ""})

    for deal in w.deals:
        for k in deal.opgaven:
            opgave, _name, _theme, ministry = w.opgaven[k]
            units = w.rijk_units.get(ministry, [])[1:]
            if units and g.chance(0.75):
                link(opgave, "eigenaar", org=w.orgs[g.pick(units)].id)
            for pool, n in ((deal.rijk_pool, 1 + int(g.chance(0.4))),
                            (deal.pool, 1 + int(g.chance(0.6)) + int(g.chance(0.3)))):
                for p in sorted({g.pick(pool) for _ in range(n)} if pool else set()):
                    link(opgave, "werkt_aan", person=w.person_ids[p])
        rijk = [o for o, _r in deal.parties if w.orgs[o].side == "rijk"]
        regio = [o for o, _r in deal.parties if w.orgs[o].side == "regio"]
        for _ in range(2 if rijk and regio else 0):
            a = g.pick(w.rijk_units.get(w.orgs[g.pick(rijk)].ministry, []) or rijk)
            b = g.pick(regio)
            since = g.between(g.ref - 5 * 365, g.ref - 60)
            together.append(g.base(since) | {
                "source_organisation_id": w.orgs[a].id, "target_organisation_id": w.orgs[b].id,
                "kind": g.pick(_ORG_KINDS), "theme_id": None, "strength": g.pick(_STRENGTHS),
                "since": g.days[since], "until": None, "note": ""})
    yield "opgave_link", links
    yield "organisation_relation", together
