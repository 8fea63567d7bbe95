"""Plugs the Toezeggingen register into the shell."""

from __future__ import annotations

from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext


def install(context: AppContext) -> None:
    context.pages.register(CommitmentsPage(context))
