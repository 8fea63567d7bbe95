"""Sidebar page 'Overleggen', and ``commands.open_meeting`` for the other screens."""

from __future__ import annotations

from typing import Any

from dealmaker.ui.meetings.dialog import MeetingDialog
from dealmaker.ui.meetings.view import MeetingsView
from dealmaker.ui.shell.context import AppContext, Parent
from dealmaker.ui.shell.view_page import ViewPage


class MeetingsPage(ViewPage):
    key = "overleggen"
    tables = ("meeting", "meeting_participant", "commitment", "deal")

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        view = MeetingsView(context)
        super().__init__(context, view, view.search, parent)
        self.register = view

    def title(self) -> str:
        return self.tr("Overleggen")


def install(context: AppContext) -> None:
    def open_meeting(parent: Parent, meeting_id: str) -> None:
        MeetingDialog(context, meeting_id, parent or context.window).exec()

    context.commands.open_meeting = open_meeting
    context.pages.register(MeetingsPage(context))
