"""Per sidebar page: live counts and the most recent records, as display-ready plain data.

Qt-free. Every query is a ``count(*)`` or an indexed ``ORDER BY ... LIMIT`` (``updated_at``
on every entity, ``occurred_on`` and ``held_on`` for dated records); related names for
the few rows shown are fetched with one ``IN`` query, never by loading a whole table.
Labels are Dutch source strings; the window passes them through Qt's translator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import DealPhase, Side, TrafficLight
from dealmaker.services.overview.common import (
    count_of,
    euros,
    find_breaches,
    is_live,
    num,
    open_commitments,
    run_counts,
)
from dealmaker.services.overview.deal_tables import (
    breaches_table,
    commitments_table,
    deals_table,
    export_table,
    indicators_table,
    meetings_table,
    pledges_table,
)
from dealmaker.services.overview.people_tables import (
    contacts_table,
    interactions_table,
    organisations_table,
    relations_table,
)
from dealmaker.services.overview.today import (
    commitments_this_week,
    cooling_relations,
    follow_ups_today,
    meetings_ahead,
)
from dealmaker.services.overview.types import (
    OPEN_STATES,
    RECENT_LIMIT,
    Column,
    Count,
    PageSummary,
    RecentRow,
    RecentTable,
    SortValue,
)
from dealmaker.storage.models import (
    Adjustment,
    Commitment,
    Deal,
    Indicator,
    Interaction,
    Measurement,
    Meeting,
    Organisation,
    Person,
    Pledge,
    Position,
    Project,
    Relation,
)
from dealmaker.storage.workspace import Workspace

EMPTY_WORKSPACE = ("Deze werkruimte is nog leeg. Kies Bestand > Contacten importeren om met uw "
                   "eigen contacten te beginnen, of Bestand > Nieuwe demowerkruimte om eerst "
                   "rond te kijken met voorbeeldgegevens.")


def _overview(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = open_commitments(today)
    n = run_counts(s, [count_of(Person), count_of(Organisation), count_of(Deal),
                       count_of(Commitment), open_q, overdue_q, count_of(Pledge),
                       count_of(Relation), count_of(Interaction), count_of(Indicator),
                       count_of(Meeting)])
    breaches = find_breaches(s)
    counts = (
        num("Contacten", n[0]), num("Organisaties", n[1]), num("Deals", n[2]),
        num("Toezeggingen", n[3]), num("Open toezeggingen", n[4]),
        num("Verlopen toezeggingen", n[5], warning=True),
        num("Deals buiten cofinancieringsregel", len(breaches), warning=True),
        num("Bijdragen", n[6]), num("Relaties", n[7]), num("Contactmomenten", n[8]),
        num("Indicatoren", n[9]), num("Overleggen", n[10]),
    )
    first = follow_ups_today(s, today)
    if not n[0]:  # nobody yet: say how to begin instead of "nothing to follow up"
        first = replace(first, empty_text=EMPTY_WORKSPACE)
    return PageSummary("overzicht", counts, (
        first, commitments_this_week(s, today), meetings_ahead(s, today),
        cooling_relations(s, today), breaches_table(breaches)))


def _contacts(s: Session, limit: int, today: date) -> PageSummary:
    # one pass over the 500,000 interactions instead of a scan plus two index walks
    pending = and_(Interaction.follow_up_on.is_not(None), Interaction.follow_up_done_on.is_(None))
    late = and_(pending, Interaction.follow_up_on < today)
    moments, open_follow, late_follow = s.execute(
        select(func.count(), func.sum(case((pending, 1), else_=0)),
               func.sum(case((late, 1), else_=0)))
        .where(is_live(Interaction))).one()
    counts = (num("Contacten", run_counts(s, [count_of(Person)])[0]),
              num("Contactmomenten", moments), num("Open opvolgingen", open_follow),
              num("Verlopen opvolgingen", late_follow, warning=True))
    return PageSummary("contacten", counts,
                       (contacts_table(s, limit), interactions_table(s, limit, today)))


def _organisations(s: Session, limit: int, today: date) -> PageSummary:
    n = run_counts(s, [count_of(Organisation),
                       count_of(Organisation, Organisation.side == Side.RIJK),
                       count_of(Organisation, Organisation.side == Side.REGIO),
                       count_of(Position, Position.end_date.is_(None))])
    counts = (num("Organisaties", n[0]), num("Rijk", n[1]), num("Regio", n[2]),
              num("Actuele functies", n[3]))
    return PageSummary("organisaties", counts, (organisations_table(s, limit),))


def _deals(s: Session, limit: int, today: date) -> PageSummary:
    n = run_counts(s, [count_of(Deal), count_of(Deal, Deal.phase == DealPhase.UITVOERING)])
    granted = s.execute(select(func.sum(Deal.granted_cents)).where(is_live(Deal))).scalar()
    breaches = find_breaches(s)
    counts = (num("Deals", n[0]), num("In uitvoering", n[1]),
              num("Buiten cofinancieringsregel", len(breaches), warning=True),
              euros("Rijksbijdrage toegekend", granted))
    return PageSummary("deals", counts, (deals_table(s, limit),))


def _commitments(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = open_commitments(today)
    n = run_counts(s, [count_of(Commitment), open_q, overdue_q,
                       count_of(Commitment, Commitment.state.in_(OPEN_STATES),
                           Commitment.within_mandate.is_(False))])
    counts = (num("Toezeggingen", n[0]), num("Open", n[1]),
              num("Verlopen", n[2], warning=True), num("Open buiten mandaat", n[3],
                                                         warning=True))
    return PageSummary("toezeggingen", counts, (commitments_table(s, limit, today),))


def _cofinancing(s: Session, limit: int, today: date) -> PageSummary:
    sums = s.execute(select(func.count(), func.sum(Pledge.pledged_cents),
                            func.sum(Pledge.realised_cents)).where(is_live(Pledge))).one()
    breaches = find_breaches(s)
    counts = (num("Bijdragen", sums[0]), euros("Toegezegd", sums[1]),
              euros("Gerealiseerd", sums[2]),
              num("Deals buiten cofinancieringsregel", len(breaches), warning=True))
    return PageSummary("cofinanciering", counts,
                       (pledges_table(s, limit), breaches_table(breaches)))


def _connectieplan(s: Session, limit: int, today: date) -> PageSummary:
    n = run_counts(s, [count_of(Relation),
                       count_of(Relation, Relation.target_person_id.is_not(None)),
                       count_of(Relation, Relation.target_organisation_id.is_not(None))])
    counts = (num("Relaties", n[0]), num("Tussen personen", n[1]),
              num("Met organisaties", n[2]))
    return PageSummary("connectieplan", counts, (relations_table(s, limit),))


def _monitoring(s: Session, limit: int, today: date) -> PageSummary:
    n = run_counts(s, [count_of(Indicator), count_of(Measurement), count_of(Project),
                       count_of(Project, Project.status == TrafficLight.ROOD), count_of(Meeting),
                       count_of(Adjustment)])
    counts = (num("Indicatoren", n[0]), num("Metingen", n[1]), num("Projecten", n[2]),
              num("Projecten op rood", n[3], warning=True), num("Overleggen", n[4]),
              num("Bijsturingen", n[5]))
    return PageSummary("monitoring", counts,
                       (indicators_table(s, limit), meetings_table(s, limit)))


def _export(s: Session, limit: int, today: date) -> PageSummary:
    n = run_counts(s, [count_of(Deal), count_of(Commitment), count_of(Pledge), count_of(Indicator),
                       count_of(Meeting)])
    counts = (num("Deals", n[0]), num("Toezeggingen", n[1]), num("Bijdragen", n[2]),
              num("Indicatoren", n[3]), num("Overleggen", n[4]))
    return PageSummary("export", counts, (export_table(s, limit),))


_PAGES: dict[str, Callable[[Session, int, date], PageSummary]] = {
    "overzicht": _overview,
    "contacten": _contacts,
    "organisaties": _organisations,
    "deals": _deals,
    "toezeggingen": _commitments,
    "cofinanciering": _cofinancing,
    "connectieplan": _connectieplan,
    "monitoring": _monitoring,
    "export": _export,
}

#: The sidebar pages, in order.
PAGE_KEYS: tuple[str, ...] = tuple(_PAGES)

#: The tables each page reads: a ``Changes`` touching one of them makes it reload.
PAGE_TABLES: dict[str, frozenset[str]] = {
    "overzicht": frozenset({"person", "organisation", "deal", "commitment", "pledge",
                            "relation", "interaction", "indicator", "meeting"}),
    "contacten": frozenset({"person", "position", "organisation", "interaction",
                            "interaction_participant"}),
    "organisaties": frozenset({"organisation", "position"}),
    "deals": frozenset({"deal", "pledge", "organisation"}),
    "toezeggingen": frozenset({"commitment", "organisation", "deal"}),
    "cofinanciering": frozenset({"pledge", "deal", "organisation"}),
    "connectieplan": frozenset({"relation", "person", "organisation"}),
    "monitoring": frozenset({"indicator", "measurement", "project", "meeting", "adjustment",
                             "deal"}),
    "export": frozenset({"deal", "commitment", "pledge", "indicator", "meeting"}),
}


def page_summary(ws: Workspace, page_key: str, *, limit: int = RECENT_LIMIT,
                 today: date | None = None) -> PageSummary:
    """Counts and recent records for the sidebar page ``page_key`` (one short session)."""
    try:
        build = _PAGES[page_key]
    except KeyError:
        raise ValueError(f"onbekende pagina: {page_key}") from None
    with ws.read() as session:
        return build(session, limit, today or date.today())

__all__ = [
    "PAGE_KEYS", "PAGE_TABLES", "RECENT_LIMIT", "Column", "Count", "PageSummary", "RecentRow",
    "RecentTable", "SortValue", "page_summary",
]
