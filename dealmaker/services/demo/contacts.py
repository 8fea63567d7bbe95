"""Connectieplan relations and contact moments (the bulk of a large workspace)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from dealmaker.services.demo.base import Batch, DealState, Gen, Row, Rows, World
from dealmaker.services.demo.texts import FOLLOW_UPS, SUMMARIES

BATCH = 20_000
RELATIONS_PER_PERSON = 1.5
_REL_KINDS = ("werkrelatie",) * 4 + ("bestuurlijk",) * 2 + ("inhoudelijk",) * 3 + ("informeel",)
_STRENGTHS = (1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5)
#: (kind, fewest other participants, spread): calls and mails are one-to-one
_KINDS = (("overleg", 1, 2),) * 7 + (("telefoon", 1, 1),) * 4 + (("email", 1, 1),) * 6 + \
    (("evenement", 2, 3), ("werkbezoek", 1, 3), ("werkbezoek", 1, 3))
_BASE = ("id", "created_at", "updated_at", "deleted_at")
INTERACTION = (*_BASE, "occurred_on", "kind", "direction", "theme_id", "summary",
               "follow_up_on", "follow_up_action", "follow_up_done_on")
LINK_PARTICIPANT = (*_BASE, "interaction_id", "person_id")
LINK_DEAL = (*_BASE, "interaction_id", "deal_id")
_DIRECTIONS = ("wederzijds",) * 5 + ("uitgaand",) * 3 + ("inkomend",) * 2


def relations(g: Gen, w: World) -> Iterator[Batch]:
    rows: list[Row] = []
    everyone = range(len(w.person_ids))
    for _ in range(round(len(w.person_ids) * RELATIONS_PER_PERSON)):
        deal = g.pick(w.deals)
        regio = deal.pool or everyone
        rijk = deal.rijk_pool or everyone
        source = g.pick(rijk) if g.chance(0.4) else g.pick(regio)
        target_person = target_org = None
        if g.chance(0.75):
            target = g.pick(regio if w.orgs[w.person_org[source]].side == "rijk" else rijk)
            if target == source:
                target = g.pick(everyone)
            if target != source:
                target_person = w.person_ids[target]
            same_org = w.person_org[target] == w.person_org[source]
        if target_person is None:
            target_org = w.orgs[g.pick(deal.parties)[0]].id
            same_org = False
        since = g.between(g.ref - 10 * 365, g.ref - 30)
        theme = w.opgaven[g.pick(deal.opgaven)][2] if deal.opgaven and g.chance(0.5) else None
        rows.append(g.base(g.between(max(since, g.ref - w.scale.years * 365), g.ref)) | {
            "source_person_id": w.person_ids[source], "target_person_id": target_person,
            "target_organisation_id": target_org,
            "kind": "lijn" if same_org else g.pick(_REL_KINDS), "theme_id": theme,
            "strength": g.pick(_STRENGTHS), "since": g.days[since],
            "owner_id": w.person_ids[deal.dealmaker] if g.chance(0.6) else None, "note": ""})
    yield "relation", rows


def _phrases(w: World, deal: DealState, templates: tuple[str, ...]) -> list[str]:
    opgaven = [w.opgaven[k][1].lower() for k in deal.opgaven] or ["de regio"]
    ministries = deal.cosigners[2:] or ["BZK"]
    return [t.format(deal=deal.spec.name, opgave=o, ministry=m)
            for t in templates for o in opgaven[:2] for m in ministries[:2]]


def interactions(g: Gen, w: World) -> Iterator[Batch]:
    """Contact moments in time order, with participants and deals (rows as tuples)."""
    rnd, stamp, slot_stamp, prefix_of = g.random, g.stamp, g.slot_stamp, g.timed_prefix
    tail = g.timed_tails().__next__
    days, ref = g.days, g.ref
    plans = _plans(g, w)
    # Drawn first and sorted, so contact moments are made in time order (time-ordered ids).
    keys = []
    for _ in range(w.scale.interactions):
        k = int(rnd() * len(plans))
        day = plans[k][1] + int(rnd() * plans[k][2])
        keys.append((((day << 5) | g.rng.getrandbits(5)) << 8) | k)
    keys.sort()
    inter, parts, links = Rows(INTERACTION), Rows(LINK_PARTICIPANT), Rows(LINK_DEAL)
    n_kinds = len(_KINDS)
    moment = -1
    for n, key in enumerate(keys):
        deal_id, _f, _s, dealmaker, regio, rijk, summaries, actions, themes, sizes = \
            plans[key & 255]
        n_regio, n_rijk, n_summaries, n_actions, n_themes = sizes
        if key >> 8 != moment:  # a new day and time: sorted keys share them in runs
            moment = key >> 8
            day, slot = key >> 13, (key >> 8) & 31
            moment_ts, prefix = slot_stamp(day, slot), prefix_of(day, slot)
        ts = updated = moment_ts
        iid = prefix + tail()
        follow = done = None
        action = ""
        if rnd() < 0.2:
            due = day + 3 + int(rnd() * 42)
            follow, action = days[due], actions[int(rnd() * n_actions)]
            # Old follow-ups were nearly all dealt with; the last two months less so.
            if due < ref and rnd() < (0.98 if due < ref - 60 else 0.8):
                finished = min(max(due - 3 + int(rnd() * 13), day), ref - 1)
                done = days[finished]
                if finished > day:
                    updated = stamp(finished)
        kind, extra, spread = _KINDS[int(rnd() * n_kinds)]
        inter.append((iid, ts, updated, None, days[day], kind, _DIRECTIONS[int(rnd() * 10)],
                      themes[int(rnd() * n_themes)], summaries[int(rnd() * n_summaries)],
                      follow, action, done))
        people = [dealmaker if rnd() < 0.55 else rijk[int(rnd() * n_rijk)]]
        others, n_others = (rijk, n_rijk) if rnd() < 0.2 else (regio, n_regio)
        for _ in range(extra + int(rnd() * spread)):
            person = others[int(rnd() * n_others)]
            if person not in people:
                people.append(person)
        for person in people:
            parts.append((prefix + tail(), ts, ts, None, iid, person))
        if rnd() < 0.85:
            links.append((prefix + tail(), ts, ts, None, iid, deal_id))
        if len(inter) >= BATCH or n == len(keys) - 1:
            yield "interaction", inter
            yield "interaction_participant", parts
            yield "interaction_deal", links
            inter, parts, links = Rows(INTERACTION), Rows(LINK_PARTICIPANT), Rows(LINK_DEAL)


def _plans(g: Gen, w: World) -> list[tuple[Any, ...]]:
    """Per deal (at most 256): what its contact moments draw from."""
    window = g.ref - w.scale.years * 365
    everyone = list(range(len(w.person_ids)))
    pids = w.person_ids
    plans: list[tuple[Any, ...]] = []
    for deal in w.deals[:256]:
        first = max(window, min(deal.start - 180, g.ref - 30))
        regio = [pids[p] for p in deal.pool or everyone]
        rijk = [pids[p] for p in deal.rijk_pool or everyone]
        summaries = _phrases(w, deal, SUMMARIES)
        actions = _phrases(w, deal, FOLLOW_UPS)
        themes = [w.opgaven[k][2] for k in deal.opgaven] + [None] * 2
        sizes = (len(regio), len(rijk), len(summaries), len(actions), len(themes))
        plans.append((deal.id, first, g.ref - first, pids[deal.dealmaker], regio, rijk,
                      summaries, actions, themes, sizes))
    return plans
