"""Toezeggingen both ways, in every state, with their dated state history."""

from __future__ import annotations

from collections.abc import Iterator

from dealmaker.domain.money import eur
from dealmaker.services.demo.base import Batch, Gen, Row, World
from dealmaker.services.demo.texts import COMMITMENTS

#: the states a commitment passed through, per final state
_PATHS: dict[str, tuple[tuple[str, ...], ...]] = {
    "concept": (("concept",),),
    "afgesproken": (("concept", "afgesproken"),),
    "bevestigd": (("concept", "afgesproken", "bevestigd"),),
    "nagekomen": (("concept", "afgesproken", "bevestigd", "nagekomen"),),
    "vervallen": (("concept", "vervallen"), ("concept", "afgesproken", "vervallen")),
}
_FINAL = ("concept",) + ("afgesproken",) * 3 + ("bevestigd",) * 3 + ("nagekomen",) * 3 + \
    ("vervallen",)
_KINDS = ("financieel",) * 3 + ("capaciteit",) * 2 + ("inhoudelijk",) * 2 + ("proces",) * 3
_NOTES = {"afgesproken": "Afgesproken in het overleg", "bevestigd": "Schriftelijk bevestigd",
          "nagekomen": "Afgerond en teruggekoppeld", "vervallen": "Niet meer nodig"}
OVERDUE_SHARE = 0.15


def commitments(g: Gen, w: World) -> Iterator[Batch]:
    rows: list[Row] = []
    changes: list[Row] = []
    everyone = range(len(w.person_ids))
    window = g.ref - w.scale.years * 365
    for k in range(w.scale.commitments):
        deal = w.deals[k % len(w.deals)]
        final = ("concept", "afgesproken", "bevestigd", "nagekomen", "vervallen")[k] \
            if k < 5 else g.pick(_FINAL)
        rijk_owner = deal.dealmaker if g.chance(0.6) else g.pick(deal.rijk_pool or everyone)
        regio = g.pick(deal.pool or everyone)
        r = g.random()
        owner, counterpart = (rijk_owner, regio) if r < 0.45 else (regio, rijk_owner)
        if r > 0.8:
            counterpart = g.pick(deal.pool or everyone)
        kind = g.pick(_KINDS)
        ministry = g.pick(deal.cosigners) if deal.cosigners else "BZK"
        opgave = w.opgaven[g.pick(deal.opgaven)][1].lower() if deal.opgaven else "de regio"
        title = g.pick(COMMITMENTS[kind]).format(deal=deal.spec.name, opgave=opgave,
                                                 ministry=ministry)
        # Still-open commitments are recent ones: old promises were kept or lapsed.
        recent = g.ref - 270 if final in ("concept", "afgesproken", "bevestigd") else window
        created = g.between(max(deal.start, window, recent), g.ref - 14)
        path = g.pick(_PATHS[final])
        day, dated = created, []
        for state in path:
            dated.append((state, day))
            day = min(day + g.between(7, 120), g.ref - 1)
        last = dated[-1][1]
        due = created + g.between(30, 400)
        if final in ("concept", "afgesproken", "bevestigd") and g.chance(OVERDUE_SHARE) \
                and created + 7 < g.ref:
            due = g.between(created + 7, g.ref)
        to_org = w.person_org[counterpart]
        confirmed = None
        if final in ("bevestigd", "nagekomen"):
            heads = w.org_people[to_org]
            confirmed = w.person_ids[heads[0] if heads and g.chance(0.5) else counterpart]
        row = g.base(created) | {
            "deal_id": deal.id, "title": title,
            "description": "Demogegevens (verzonnen toezegging).", "kind": kind,
            "from_organisation_id": w.orgs[w.person_org[owner]].id,
            "to_organisation_id": w.orgs[to_org].id,
            "owner_id": w.person_ids[owner], "counterpart_id": w.person_ids[counterpart],
            "amount_cents": eur(5000) * g.between(2, 400) if kind == "financieel" else None,
            "due_on": g.days[due], "within_mandate": g.chance(0.88),
            "confirmed_by_id": confirmed, "state": final}
        if last > created:
            row["updated_at"] = g.stamp(last)
        rows.append(row)
        for state, when in dated:
            changes.append(g.base(when) | {
                "commitment_id": row["id"], "state": state, "changed_on": g.days[when],
                "note": _NOTES.get(state, "")})
    yield "commitment", rows
    yield "commitment_state_change", changes
