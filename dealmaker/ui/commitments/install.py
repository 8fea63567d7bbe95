"""Plugs the Toezeggingen register into the shell."""

from __future__ import annotations

from dealmaker.services.commitments.register import register_options
from dealmaker.ui.commitments.dialog import CommitmentDialog
from dealmaker.ui.commitments.page import CommitmentsPage
from dealmaker.ui.shell.context import AppContext, Parent


def install(context: AppContext) -> None:
    def open_commitment(parent: Parent, commitment_id: str) -> None:
        CommitmentDialog(context, commitment_id, parent or context.window).exec()

    page = CommitmentsPage(context)

    def show_commitments(deal_id: str, view: str) -> None:
        """The register filtered to one deal and a view ('open', 'verlopen', ...)."""
        ws = context.workspace()
        if ws is None:
            return
        filters = page.register.filters
        filters.set_options(register_options(ws))  # the deal may not be listed yet
        for combo, value in ((filters.view, view), (filters.deal, deal_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        context.pages.show(page.key)

    def from_decision(parent: Parent, meeting_id: str, decision: str) -> None:
        CommitmentDialog(context, None, parent or context.window, meeting_id=meeting_id,
                         title=decision).exec()

    context.commands.open_commitment = open_commitment
    context.commands.show_commitments = show_commitments
    context.commands.commitment_from_decision = from_decision
    context.pages.register(page)
