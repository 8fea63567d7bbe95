"""Plugs the Contacten screen into the shell: its page and ``commands.open_person``."""

from __future__ import annotations

from dealmaker.ui.contacts.cards import open_person_card
from dealmaker.ui.contacts.page import ContactsPage
from dealmaker.ui.shell.context import AppContext, Parent


def install(context: AppContext) -> None:
    def open_person(parent: Parent, person_id: str) -> None:
        open_person_card(parent or context.window, context, person_id)

    context.commands.open_person = open_person
    context.pages.register(ContactsPage(context))
