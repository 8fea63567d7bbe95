"""Helpers of the Contacten tests (importable; fixtures live in conftest.py)."""

from __future__ import annotations

from datetime import date, timedelta

from dealmaker.storage.models import Person
from dealmaker.storage.workspace import Workspace
from dealmaker.ui.contacts.view import ContactsView

TODAY = date.today()


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def add_many(ws: Workspace, n: int, last_name: str = "Jansen") -> None:
    """``n`` persons in one unit of work (paging tests)."""
    with ws.uow("Veel testcontacten") as uow:
        uow.session.add_all([Person(first_name=f"P{i:04d}", last_name=last_name)
                             for i in range(n)])
        uow.commit()


def shown_names(view: ContactsView) -> list[str]:
    model = view.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]
