"""Monitoring: programme goals, projects (traffic lights), indicators with nulmeting and
streefwaarde, half-yearly measurements; the overleg and the rare bijsturing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from dealmaker.services.demo.base import REFERENCE_DATE, Batch, DealState, Gen, Row, World
from dealmaker.services.demo.texts import (
    ADJUSTMENT_REASONS,
    GOALS,
    INDICATORS,
    PROJECT_PREFIXES,
    PROJECT_TOPICS,
    TENTHS_UNITS,
)

_LIGHTS = ("groen",) * 11 + ("oranje",) * 6 + ("rood",) * 3


def _value(units: int, unit: str) -> int:
    """A stored decimal (millionths, ``storage.types.ExactDecimal``): tenths for percentages
    and indexes, whole numbers otherwise."""
    units = max(units, 0)
    return units * 100_000 if unit in TENTHS_UNITS else units * 1_000_000


class _Deal:
    """Rows of one deal's monitoring, kept per table."""

    def __init__(self, g: Gen, w: World, deal: DealState) -> None:
        self.g, self.w, self.deal = g, w, deal
        self.day = max(deal.start, g.ref - w.scale.years * 365 - 10)
        self.goals: list[Row] = []
        self.projects: list[Row] = []
        self.links: list[Row] = []
        self.indicators: list[Row] = []
        self.measurements: list[Row] = []

    def build(self) -> None:
        g, deal = self.g, self.deal
        themes: list[bytes | None] = [self.w.opgaven[k][2] for k in deal.opgaven] or [None]
        for title in g.rng.sample(GOALS, 3 + int(g.chance(0.5))):
            self.goals.append(g.base(self.day) | {
                "deal_id": deal.id, "title": title, "description": "", "theme_id": g.pick(themes)})
            self._indicator(self.goals[-1], None, "programma")
        regional = [o for o, _r in deal.parties if self.w.orgs[o].side == "regio"]
        for topic in g.rng.sample(PROJECT_TOPICS, g.between(4, 9)):
            project = g.base(self.day) | {
                "deal_id": deal.id, "name": f"{g.pick(PROJECT_PREFIXES)} {topic}",
                "lead_organisation_id": self.w.orgs[g.pick(regional)].id if regional else None,
                "status": None if deal.signed is None else g.pick(_LIGHTS)}
            self.projects.append(project)
            goals = g.rng.sample(self.goals, 1 + int(g.chance(0.3)))
            self.links += [g.base(self.day) | {"project_id": project["id"], "goal_id": gl["id"]}
                           for gl in goals]
            if g.chance(0.5):
                self._indicator(goals[0], project, "project")

    def _indicator(self, goal: Row, project: Row | None, level: str) -> None:
        g, deal = self.g, self.deal
        name, unit, source, direction, base, step = g.pick(INDICATORS)
        baseline = base * g.between(80, 121) // 100
        start = deal.signed if deal.signed is not None else self.day
        target_day = deal.ends if deal.ends is not None else start + 4 * 365
        years = max(1, (target_day - start) // 365)
        indicator = g.base(self.day) | {
            "deal_id": deal.id, "project_id": None if project is None else project["id"],
            "goal_id": goal["id"], "level": level, "name": name, "theme_id": goal["theme_id"],
            "unit": unit, "source": source, "baseline_value": _value(baseline, unit),
            "baseline_on": g.days[start], "target_value": _value(baseline + step * years * 3 // 2,
                                                                   unit),
            "target_on": g.days[target_day], "direction": direction}
        self.indicators.append(indicator)
        first_year = REFERENCE_DATE.year - self.w.scale.years + 1
        for year in range(max(first_year, int(g.days[start][:4])), REFERENCE_DATE.year + 1):
            for month, day in ((6, 30), (12, 31)):
                when = g.year_day(year, month, day)
                if when <= start or when >= g.ref:
                    continue
                progress = (when - start) / 365 * g.between(30, 131) / 100
                self.measurements.append(g.base(when) | {
                    "indicator_id": indicator["id"], "measured_on": g.days[when],
                    "value": _value(baseline + int(step * progress), unit), "note": ""})


def monitoring(g: Gen, w: World) -> Iterator[Batch]:
    built = []
    for deal in w.deals:
        part = _Deal(g, w, deal)
        part.build()
        built.append(part)
    for table in ("goals", "projects", "links", "indicators", "measurements"):
        name = {"goals": "programme_goal", "links": "project_goal", "projects": "project",
                "indicators": "indicator", "measurements": "measurement"}[table]
        yield name, [row for part in built for row in getattr(part, table)]
    yield from _meetings(g, w, built)


def _decisions(g: Gen, part: _Deal, kind: str, year: int) -> str:
    if kind == "rijk_regio_overleg":
        lights = Counter(str(p["status"]) for p in part.projects if p["status"])
        return (f"Voortgangsrapportage {year} besproken: {lights['groen']} projecten groen, "
                f"{lights['oranje']} oranje, {lights['rood']} rood. Actiepunten vastgelegd.")
    return g.pick(_DECISIONS)


_DECISIONS = (
    "Voortgang besproken; actiepunten vastgelegd.",
    "Projectplannen vastgesteld; cofinanciering van partners bevestigd.",
    "Planning bijgesteld; terugkoppeling in het volgende overleg.",
    "Monitoringsopzet en nulmeting besproken.",
)

#: (kind, times a year, regional participants, Rijk participants besides the dealmaker)
_MEETINGS = (("rijk_regio_overleg", 1, 5, 2), ("stuurgroep", 4, 6, 0), ("regiegroep", 2, 4, 0),
             ("kernteam", 4, 3, 0), ("bestuurlijk_overleg", 1, 3, 1))


def _meetings(g: Gen, w: World, built: list[_Deal]) -> Iterator[Batch]:
    meetings: list[Row] = []
    people: list[Row] = []
    adjustments: list[Row] = []
    everyone = range(len(w.person_ids))
    for part in built:
        deal = part.deal
        for year in range(REFERENCE_DATE.year - w.scale.years + 1, REFERENCE_DATE.year + 1):
            for kind, per_year, n_regio, n_rijk in _MEETINGS:
                for k in range(per_year):
                    lo = g.year_day(year, 1 + 12 * k // per_year, 5)
                    when = g.between(max(lo, deal.start), lo + 330 // per_year)
                    if kind == "rijk_regio_overleg":
                        when = g.between(g.year_day(year, 10, 1), g.year_day(year, 11, 20))
                    if when >= g.ref or when < deal.start:
                        continue
                    label = kind.replace("_", " ").capitalize().replace("Rijk regio", "Rijk-regio")
                    meeting = g.base(when) | {
                        "deal_id": deal.id, "kind": kind, "held_on": g.days[when],
                        "title": f"{label} Regio Deal {deal.spec.name}",
                        "decisions": _decisions(g, part, kind, year)}
                    meetings.append(meeting)
                    who = [deal.dealmaker]
                    who += [g.pick(deal.pool or everyone) for _ in range(n_regio)]
                    who += [g.pick(deal.rijk_pool or everyone) for _ in range(n_rijk)]
                    people += [g.base(when) | {"meeting_id": meeting["id"],
                                               "person_id": w.person_ids[p]}
                               for p in dict.fromkeys(who)]
                    if kind == "rijk_regio_overleg" and g.chance(0.2):
                        project = g.pick(part.projects) if g.chance(0.6) else None
                        adjustments.append(g.base(when) | {
                            "deal_id": deal.id, "decided_on": g.days[when],
                            "level": "programma" if project is None else "project",
                            "reason": g.pick(ADJUSTMENT_REASONS), "meeting_id": meeting["id"],
                            "project_id": None if project is None else project["id"]})
    yield "meeting", meetings
    yield "meeting_participant", people
    yield "adjustment", adjustments
