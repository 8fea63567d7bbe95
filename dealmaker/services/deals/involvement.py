"""Ministry involvement and coalition coverage of a deal, from plain data (no database).

- Phase of a contact moment, by its date against the deal's dates: *voorstel* before the
  proposal was submitted; *dealmaking* from submission until the signing window;
  *ondertekening* the ``SIGNING_WINDOW`` days up to and including the signing date;
  *uitvoering* after it. Without a submission date there is no voorstel phase; without a
  signing date everything after submission is dealmaking.
- A Rijk participant's organisation is walked up the tree to its ministry; the directie
  on the way (if any) is named. A ministry relevant to the deal (it owns one of the
  deal's opgaven, or a theme of the deal maps to it) without any contact before signing
  is flagged.
- Coalition coverage: the regional parties by helix (their own helix, else the one their
  kind implies, else their parent's); a missing quadruple-helix place is a warning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from dealmaker.domain.enums import Helix, OrgKind, Side

VOORSTEL, DEALMAKING, ONDERTEKENING, UITVOERING = PHASES = (
    "voorstel", "dealmaking", "ondertekening", "uitvoering")
PHASE_LABELS = {VOORSTEL: "Voorstel", DEALMAKING: "Dealmaking",
                ONDERTEKENING: "Ondertekening", UITVOERING: "Uitvoering"}
#: the days before (and including) the signing date that count as 'ondertekening'
SIGNING_WINDOW = 42
#: the helix places a coalition should cover (inwoners is shown, not required)
REQUIRED_HELIX = (Helix.OVERHEID, Helix.ONDERNEMERS, Helix.ONDERWIJS_KENNIS,
                  Helix.MAATSCHAPPELIJK)
HELIX_OF_KIND = {
    OrgKind.PROVINCIE: Helix.OVERHEID, OrgKind.GEMEENTE: Helix.OVERHEID,
    OrgKind.WATERSCHAP: Helix.OVERHEID, OrgKind.SAMENWERKINGSVERBAND: Helix.OVERHEID,
    OrgKind.BEDRIJF: Helix.ONDERNEMERS, OrgKind.KENNISINSTELLING: Helix.ONDERWIJS_KENNIS,
    OrgKind.MAATSCHAPPELIJK: Helix.MAATSCHAPPELIJK,
    OrgKind.INWONERSINITIATIEF: Helix.INWONERS,
}


@dataclass(frozen=True)
class Org:
    id: str
    name: str
    kind: OrgKind
    side: Side
    parent_id: str | None = None
    helix: Helix | None = None
    short_name: str | None = None


@dataclass(frozen=True)
class Contact:
    """A Rijk participant's organisation at one contact moment."""

    moment_id: str
    on: date
    organisation_id: str


@dataclass(frozen=True)
class MinistryLine:
    id: str
    name: str
    #: per phase: the number of contact moments with someone of this ministry
    moments: Mapping[str, int]
    #: per phase: the directies (names) that were in contact
    directies: Mapping[str, tuple[str, ...]]
    #: why the ministry matters to the deal ("" when it does not by its themes)
    relevant: str = ""
    flagged: bool = False
    #: its short name (BZK), else its name
    short: str = ""

    @property
    def before_signing(self) -> int:
        return sum(self.moments.get(p, 0) for p in (VOORSTEL, DEALMAKING, ONDERTEKENING))


@dataclass(frozen=True)
class Involvement:
    ministries: tuple[MinistryLine, ...]
    #: helix place -> names of the regional parties in it
    helixes: Mapping[Helix, tuple[str, ...]]
    warnings: tuple[str, ...] = field(default=())


def phase_of(on: date, submitted: date | None, signed: date | None,
             window: int = SIGNING_WINDOW) -> str:
    if signed is not None and on > signed:
        return UITVOERING
    if signed is not None and on > signed - timedelta(days=window):
        return ONDERTEKENING
    if submitted is not None and on < submitted:
        return VOORSTEL
    return DEALMAKING


def _chain(org_id: str, orgs: Mapping[str, Org]) -> list[Org]:
    out: list[Org] = []
    seen: set[str] = set()
    current = orgs.get(org_id)
    while current is not None and current.id not in seen:
        out.append(current)
        seen.add(current.id)
        current = orgs.get(current.parent_id) if current.parent_id else None
    return out


def ministry_of(org_id: str, orgs: Mapping[str, Org]) -> str | None:
    return next((o.id for o in _chain(org_id, orgs) if o.kind is OrgKind.MINISTERIE), None)


def helix_of(org_id: str, orgs: Mapping[str, Org]) -> Helix | None:
    for o in _chain(org_id, orgs):
        found = o.helix or HELIX_OF_KIND.get(o.kind)
        if found is not None:
            return found
    return None


def _ministries(contacts: Iterable[Contact], orgs: Mapping[str, Org], submitted: date | None,
                signed: date | None, relevant: Mapping[str, str]) -> list[MinistryLine]:
    moments: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    units: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for c in contacts:
        chain = _chain(c.organisation_id, orgs)
        ministry = next((o for o in chain if o.kind is OrgKind.MINISTERIE), None)
        if ministry is None:
            continue
        phase = phase_of(c.on, submitted, signed)
        moments[ministry.id][phase].add(c.moment_id)
        directie = next((o for o in chain if o.kind is OrgKind.DIRECTIE), None)
        if directie is not None:
            units[ministry.id][phase].add(directie.name)
    lines = []
    for mid in set(moments) | {m for m in relevant if m in orgs}:
        counts = {p: len(moments[mid][p]) for p in PHASES if moments[mid][p]}
        line = MinistryLine(mid, orgs[mid].name, counts,
                            {p: tuple(sorted(units[mid][p], key=str.casefold))
                             for p in PHASES if units[mid][p]}, relevant.get(mid, ""))
        flagged = bool(line.relevant) and line.before_signing == 0
        lines.append(MinistryLine(line.id, line.name, line.moments, line.directies,
                                  line.relevant, flagged, orgs[mid].short_name or line.name))
    return sorted(lines, key=lambda m: (not m.flagged, m.name.casefold()))


def involvement(contacts: Iterable[Contact], orgs: Mapping[str, Org], *,
                submitted: date | None, signed: date | None,
                relevant: Mapping[str, str], parties: Sequence[str]) -> Involvement:
    """``relevant``: ministry id -> why it matters; ``parties``: the deal's organisations."""
    ministries = _ministries(contacts, orgs, submitted, signed, relevant)
    helixes: dict[Helix, list[str]] = defaultdict(list)
    for pid in dict.fromkeys(parties):
        org = orgs.get(pid)
        if org is None or org.side is not Side.REGIO:
            continue
        place = helix_of(pid, orgs)
        if place is not None:
            helixes[place].append(org.name)
    moment = "vóór de ondertekening" if signed is not None else "nog"
    warnings = [f"{m.name} is relevant ({m.relevant}) maar had {moment} geen contact"
                for m in ministries if m.flagged]
    warnings += [f"Geen partij uit de helix {h.label.lower()} in de coalitie"
                 for h in REQUIRED_HELIX if not helixes.get(h)]
    return Involvement(tuple(ministries),
                       {h: tuple(sorted(n, key=str.casefold)) for h, n in helixes.items()},
                       tuple(warnings))
