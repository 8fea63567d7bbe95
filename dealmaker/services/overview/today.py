"""The start page's lists for today: what to follow up, what is due, who is going cold.

Each list is a ``RecentTable`` whose rows open a record (``opens``): a follow-up its
contact moment, a cold relation the person, commitments the commitment, meetings the
meeting. Most urgent
first: a follow-up due today above last week's, and last week's above one from 2021.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dealmaker.domain.dates import format_date
from dealmaker.services.cadence import load_policy
from dealmaker.services.overview.common import fold, is_live, label_of, person_name, shorten
from dealmaker.services.overview.types import OPEN_STATES, Column, RecentRow, RecentTable
from dealmaker.storage.models import (
    Commitment,
    Deal,
    Interaction,
    InteractionParticipant,
    Meeting,
    Person,
    PersonTag,
)

#: rows per list on the start page (the full lists are on their own pages)
TODAY_LIMIT = 50
WEEK = timedelta(days=7)
MEETINGS_AHEAD = timedelta(days=14)


def _late(on: date | None, today: date) -> str:
    if on is None:
        return ""
    days = (today - on).days
    return "vandaag" if days == 0 else (f"{days} dagen te laat" if days > 0
                                        else f"over {-days} dagen")


def _soon_then_newest(on: date, today: date) -> tuple[bool, int]:
    """Sort key: what is still to come (soonest first), then what is late (newest first)."""
    days = (on - today).days
    return (days < 0, days if days >= 0 else -days)


def follow_ups_today(s: Session, today: date) -> RecentTable:
    """Follow-ups due today or earlier and not done: today's first, then the newest."""
    first = (select(InteractionParticipant.person_id)
             .where(InteractionParticipant.interaction_id == Interaction.id,
                    InteractionParticipant.deleted_at.is_(None))
             .limit(1).scalar_subquery())
    rows = s.execute(
        select(Interaction.id, Interaction.follow_up_on, Interaction.follow_up_action,
               Interaction.summary, first, Person.first_name, Person.tussenvoegsel,
               Person.last_name)
        .outerjoin(Person, Person.id == first)
        .where(is_live(Interaction), Interaction.follow_up_done_on.is_(None),
               Interaction.follow_up_on <= today)
        .order_by(Interaction.follow_up_on.desc()).limit(TODAY_LIMIT)).all()
    out = tuple(RecentRow(
        iid, (format_date(on), _late(on, today), person_name(f, t, last),
              shorten(action or summary, 90)),
        (on, (today - on).days, fold(person_name(f, t, last)), action or summary),
        frozenset({1}) if on < today else frozenset())
        for iid, on, action, summary, pid, f, t, last in rows if pid is not None)
    cols = (Column("on", "Opvolgen op"), Column("late", "Wanneer"), Column("who", "Met"),
            Column("what", "Wat", stretch=True))
    return RecentTable("today_follow_ups", "Opvolgen: vandaag en achterstallig", cols, out,
                       "Niets op te volgen vandaag.", opens="contact_moment")


def commitments_this_week(s: Session, today: date) -> RecentTable:
    """Open commitments due within a week (overdue ones in red), soonest first."""
    rows = s.execute(
        select(Commitment.id, Commitment.due_on, Commitment.title, Commitment.state, Deal.name)
        .outerjoin(Deal, Deal.id == Commitment.deal_id)
        .where(is_live(Commitment), Commitment.state.in_(OPEN_STATES),
               Commitment.due_on <= today + WEEK)
        .order_by(Commitment.due_on.desc()).limit(TODAY_LIMIT)).all()
    dated = [(cid, due, title, state, deal) for cid, due, title, state, deal in rows
             if due is not None]  # selected by due_on <= …, so never None
    dated.sort(key=lambda r: _soon_then_newest(r[1], today))
    out = tuple(RecentRow(
        cid, (format_date(due), _late(due, today), title, label_of(state), deal or ""),
        (due, (today - due).days, fold(title), label_of(state), fold(deal or "")),
        frozenset({1}) if due < today else frozenset())
        for cid, due, title, state, deal in dated)
    cols = (Column("due", "Deadline"), Column("late", "Wanneer"),
            Column("title", "Toezegging", stretch=True), Column("state", "Status"),
            Column("deal", "Deal"))
    return RecentTable("today_commitments", "Toezeggingen: deze week en verlopen", cols, out,
                       "Geen toezeggingen die deze week aflopen.", opens="commitment")


def meetings_ahead(s: Session, today: date) -> RecentTable:
    """Meetings in the coming two weeks, the first one first."""
    rows = s.execute(
        select(Meeting.id, Meeting.held_on, Meeting.title, Meeting.kind, Deal.name)
        .outerjoin(Deal, Deal.id == Meeting.deal_id)
        .where(is_live(Meeting), Meeting.held_on >= today,
               Meeting.held_on <= today + MEETINGS_AHEAD)
        .order_by(Meeting.held_on).limit(TODAY_LIMIT)).all()
    out = tuple(RecentRow(
        mid, (format_date(on), _late(on, today), title or label_of(kind), deal or ""),
        (on, (today - on).days, fold(title), fold(deal or "")))
        for mid, on, title, kind, deal in rows)
    cols = (Column("on", "Datum"), Column("when", "Wanneer"),
            Column("title", "Overleg", stretch=True), Column("deal", "Deal"))
    return RecentTable("today_meetings", "Overleggen: komende twee weken", cols, out,
                       "Geen overleggen in de komende twee weken.", opens="meeting")


def cooling_relations(s: Session, today: date) -> RecentTable:
    """People who matter (tagged, or dealmaker of a deal) with no contact within their
    cadence, longest silence first."""
    policy = load_policy(s)
    matters = or_(Person.id.in_(select(PersonTag.person_id).where(is_live(PersonTag))),
                  Person.id.in_(select(Deal.dealmaker_id).where(is_live(Deal))))
    # the people who matter are a few hundred or thousand: sorted here, not by a
    # database sort of the person table
    found = sorted(s.execute(select(Person.id, Person.last_contact_on)
                             .where(is_live(Person), matters, policy.cold_condition(today))),
                   key=lambda r: (r[1] is not None, r[1] or today))  # never first
    first = [pid for pid, _on in found[:TODAY_LIMIT]]
    named = {r[0]: r for r in s.execute(
        select(Person.id, Person.first_name, Person.tussenvoegsel, Person.last_name,
               Person.last_contact_on).where(Person.id.in_(first)))}
    rows = [named[pid] for pid in first]
    out = tuple(RecentRow(
        pid, (person_name(f, t, last), format_date(on) if on else "nooit",
              f"{(today - on).days} dagen" if on else ""),
        (fold(person_name(f, t, last)), on, (today - on).days if on else 10**6),
        frozenset({2}))
        for pid, f, t, last, on in rows)
    cols = (Column("who", "Wie", stretch=True), Column("last", "Laatste contact"),
            Column("quiet", "Stil sinds", numeric=True))
    return RecentTable("today_cooling", "Relaties die afkoelen (getagd of dealmaker)", cols,
                       out, "Alle belangrijke relaties zijn warm.", opens="person")
