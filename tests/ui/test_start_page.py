"""Overzicht as the start page for today: what to follow up (today's first, not 2021's),
commitments due this week, meetings coming, people who matter going cold, and deals
breaking a rule; every line opens its record."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from trust.factories import add, interaction, org, person

from dealmaker.domain.enums import CommitmentKind, CommitmentState, MeetingKind
from dealmaker.services.overview import page_summary
from dealmaker.storage.models import Commitment, Meeting, PersonTag, Tag
from dealmaker.storage.workspace import Workspace

TODAY = date.today()


def _day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def _fill(ws: Workspace) -> dict[str, str]:
    with ws.uow("Testgegevens") as uow:
        s = uow.session
        anna = person(s, "Anna", "de Vries", last_contact_on=_day(-10))
        oud = person(s, "Oud", "Contact", last_contact_on=_day(-400))
        stil = person(s, "Stille", "Wethouder", last_contact_on=_day(-200))
        gewoon = person(s, "Gewone", "Kennis", last_contact_on=_day(-300))
        moments = {}
        for on, who, what in ((_day(0), anna, "Nota nabellen"),
                              (date(2021, 3, 1), oud, "Oude actie"),
                              (_day(-6), anna, "Agenda sturen")):
            moments[what] = interaction(s, on - timedelta(days=3), who, follow_up_on=on,
                                        follow_up_action=what).id
        interaction(s, _day(-20), anna, follow_up_on=_day(-2), follow_up_action="Gedaan",
                    follow_up_done_on=_day(-1))
        tag = add(s, Tag(name="Bestuurder"))
        add(s, PersonTag(person_id=stil.id, tag_id=tag.id))
        gemeente = org(s)
        for title, due in (("Deze week", _day(3)), ("Te laat", _day(-5)),
                           ("Volgende maand", _day(30))):
            add(s, Commitment(title=title, kind=CommitmentKind.INHOUDELIJK, due_on=due,
                              state=CommitmentState.AFGESPROKEN,
                              from_organisation_id=gemeente.id, to_organisation_id=gemeente.id))
        kind = MeetingKind.RIJK_REGIO_OVERLEG
        soon = add(s, Meeting(kind=kind, held_on=_day(5), title="Overleg"))
        add(s, Meeting(kind=kind, held_on=_day(40), title="Later"))
        uow.commit()
        return {"anna": anna.id, "stil": stil.id, "gewoon": gewoon.id, "meeting": soon.id,
                "nota": moments["Nota nabellen"]}


def _table(ws: Workspace, key: str) -> Any:
    return next(t for t in page_summary(ws, "overzicht").tables if t.key == key)


def test_follow_ups_today_first_then_newest_late_ones(workspace: Workspace) -> None:
    _fill(workspace)
    rows = _table(workspace, "today_follow_ups").rows
    assert [r.values[3] for r in rows] == ["Nota nabellen", "Agenda sturen", "Oude actie"]
    assert rows[0].values[1] == "vandaag" and rows[1].values[1] == "6 dagen te laat"


def test_this_weeks_commitments_meetings_and_cooling_people(workspace: Workspace) -> None:
    ids = _fill(workspace)
    commitments = _table(workspace, "today_commitments")
    assert [r.values[2] for r in commitments.rows] == ["Deze week", "Te laat"]
    assert commitments.opens == "commitment"
    meetings = _table(workspace, "today_meetings")
    assert [r.id for r in meetings.rows] == [ids["meeting"]]
    cooling = _table(workspace, "today_cooling")
    assert [r.id for r in cooling.rows] == [ids["stil"]]  # tagged; 'Gewone Kennis' is not


def test_a_line_on_the_start_page_opens_its_record(make_main_window: Any, qtbot: QtBot,
                                                   workspace_path: Any) -> None:
    from dealmaker.storage.workspace import open_workspace

    with open_workspace(workspace_path) as ws:
        ids = _fill(ws)
    window = make_main_window(workspace_path)
    opened: list[tuple[str, str]] = []
    commands = window.context.commands
    commands.open_contact_moment = lambda _parent, iid: opened.append(("moment", iid))
    page = window.page("overzicht")
    view = page.sections["today_follow_ups"].view
    first = view.model().index(0, 0)
    view.setCurrentIndex(first)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened and opened[0] == ("moment", ids["nota"])
