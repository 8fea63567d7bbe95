"""Plugs the Toezeggingen register into the shell."""

from __future__ import annotations

from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext, Parent


def install(context: AppContext) -> None:
    def open_commitment(parent: Parent, commitment_id: str) -> None:
        CommitmentDialog(context, commitment_id, parent or context.window).exec()

    context.commands.open_commitment = open_commitment
    context.pages.register(CommitmentsPage(context))
