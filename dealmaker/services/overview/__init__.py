"""Per sidebar page: live counts and the most recent records, as display-ready plain data.

Qt-free. Every query is a ``count(*)`` or an indexed ``ORDER BY ... LIMIT`` (``updated_at``
on every entity, ``occurred_on`` and ``held_on`` for dated records); related names for
the few rows shown are fetched with one ``IN`` query, never by loading a whole table.
Labels are Dutch source strings; the window passes them through Qt's translator.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from dealmaker.domain.enums import DealPhase, Side, TrafficLight
from dealmaker.services.overview.common import (
    _breaches,
    _count,
    _counts,
    _live,
    _money,
    _num,
    _open_commitments,
)
from dealmaker.services.overview.deal_tables import (
    _breaches_table,
    _commitments_table,
    _deals_table,
    _export_table,
    _indicators_table,
    _meetings_table,
    _pledges_table,
    _recent_everything,
)
from dealmaker.services.overview.people_tables import (
    _contacts_table,
    _interactions_table,
    _organisations_table,
    _relations_table,
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


def _overview(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = _open_commitments(today)
    n = _counts(s, [_count(Person), _count(Organisation), _count(Deal), _count(Commitment),
                    open_q, overdue_q, _count(Pledge), _count(Relation), _count(Interaction),
                    _count(Indicator), _count(Meeting)])
    breaches = _breaches(s)
    counts = (
        _num("Contacten", n[0]), _num("Organisaties", n[1]), _num("Deals", n[2]),
        _num("Toezeggingen", n[3]), _num("Open toezeggingen", n[4]),
        _num("Verlopen toezeggingen", n[5], warning=True),
        _num("Deals buiten cofinancieringsregel", len(breaches), warning=True),
        _num("Bijdragen", n[6]), _num("Relaties", n[7]), _num("Contactmomenten", n[8]),
        _num("Indicatoren", n[9]), _num("Overleggen", n[10]),
    )
    return PageSummary("overzicht", counts,
                       (_recent_everything(s, limit), _breaches_table(breaches)))


def _contacts(s: Session, limit: int, today: date) -> PageSummary:
    # one pass over the 500,000 interactions instead of a scan plus two index walks
    pending = and_(Interaction.follow_up_on.is_not(None), Interaction.follow_up_done_on.is_(None))
    late = and_(pending, Interaction.follow_up_on < today)
    moments, open_follow, late_follow = s.execute(
        select(func.count(), func.sum(case((pending, 1), else_=0)),
               func.sum(case((late, 1), else_=0)))
        .where(_live(Interaction))).one()
    counts = (_num("Contacten", _counts(s, [_count(Person)])[0]),
              _num("Contactmomenten", moments), _num("Open opvolgingen", open_follow),
              _num("Verlopen opvolgingen", late_follow, warning=True))
    return PageSummary("contacten", counts,
                       (_contacts_table(s, limit), _interactions_table(s, limit, today)))


def _organisations(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Organisation), _count(Organisation, Organisation.side == Side.RIJK),
                    _count(Organisation, Organisation.side == Side.REGIO),
                    _count(Position, Position.end_date.is_(None))])
    counts = (_num("Organisaties", n[0]), _num("Rijk", n[1]), _num("Regio", n[2]),
              _num("Actuele functies", n[3]))
    return PageSummary("organisaties", counts, (_organisations_table(s, limit),))


def _deals(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Deal), _count(Deal, Deal.phase == DealPhase.UITVOERING)])
    granted = s.execute(select(func.sum(Deal.granted_cents)).where(_live(Deal))).scalar()
    breaches = _breaches(s)
    counts = (_num("Deals", n[0]), _num("In uitvoering", n[1]),
              _num("Buiten cofinancieringsregel", len(breaches), warning=True),
              _money("Rijksbijdrage toegekend", granted))
    return PageSummary("deals", counts, (_deals_table(s, limit),))


def _commitments(s: Session, limit: int, today: date) -> PageSummary:
    open_q, overdue_q = _open_commitments(today)
    n = _counts(s, [_count(Commitment), open_q, overdue_q,
                    _count(Commitment, Commitment.state.in_(OPEN_STATES),
                           Commitment.within_mandate.is_(False))])
    counts = (_num("Toezeggingen", n[0]), _num("Open", n[1]),
              _num("Verlopen", n[2], warning=True), _num("Open buiten mandaat", n[3],
                                                         warning=True))
    return PageSummary("toezeggingen", counts, (_commitments_table(s, limit, today),))


def _cofinancing(s: Session, limit: int, today: date) -> PageSummary:
    sums = s.execute(select(func.count(), func.sum(Pledge.pledged_cents),
                            func.sum(Pledge.realised_cents)).where(_live(Pledge))).one()
    breaches = _breaches(s)
    counts = (_num("Bijdragen", sums[0]), _money("Toegezegd", sums[1]),
              _money("Gerealiseerd", sums[2]),
              _num("Deals buiten cofinancieringsregel", len(breaches), warning=True))
    return PageSummary("cofinanciering", counts,
                       (_pledges_table(s, limit), _breaches_table(breaches)))


def _connectieplan(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Relation), _count(Relation, Relation.target_person_id.is_not(None)),
                    _count(Relation, Relation.target_organisation_id.is_not(None))])
    counts = (_num("Relaties", n[0]), _num("Tussen personen", n[1]),
              _num("Met organisaties", n[2]))
    return PageSummary("connectieplan", counts, (_relations_table(s, limit),))


def _monitoring(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Indicator), _count(Measurement), _count(Project),
                    _count(Project, Project.status == TrafficLight.ROOD), _count(Meeting),
                    _count(Adjustment)])
    counts = (_num("Indicatoren", n[0]), _num("Metingen", n[1]), _num("Projecten", n[2]),
              _num("Projecten op rood", n[3], warning=True), _num("Overleggen", n[4]),
              _num("Bijsturingen", n[5]))
    return PageSummary("monitoring", counts,
                       (_indicators_table(s, limit), _meetings_table(s, limit)))


def _export(s: Session, limit: int, today: date) -> PageSummary:
    n = _counts(s, [_count(Deal), _count(Commitment), _count(Pledge), _count(Indicator),
                    _count(Meeting)])
    counts = (_num("Deals", n[0]), _num("Toezeggingen", n[1]), _num("Bijdragen", n[2]),
              _num("Indicatoren", n[3]), _num("Overleggen", n[4]))
    return PageSummary("export", counts, (_export_table(s, limit),))


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
