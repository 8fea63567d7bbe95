"""Reading the contact-moment form: dates as typed, and the names of prefilled persons.

Qt-free helpers of ``dialog``; ``participant_hits`` runs on the task runner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from dealmaker.domain.dates import parse_date
from dealmaker.services.contact_card import person_card
from dealmaker.services.quickfind import Hit
from dealmaker.storage.workspace import Workspace

_RELATIVE = re.compile(r"^\+\s*(\d{1,4})\s*(d|w|dag|dagen|week|weken)?$", re.IGNORECASE)


class Invalid(ValueError):
    """A field the user must correct; ``field`` is the service's name for it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def read_date(text: str, base: date | None = None) -> date | None:
    """``dd-mm-jjjj`` (and the other Dutch forms), or ``+7`` / ``+2w`` after ``base``
    (today when there is none); empty is ``None``; ``ValueError`` otherwise."""
    raw = text.strip()
    if not raw:
        return None
    if m := _RELATIVE.match(raw):
        n = int(m.group(1))
        weeks = (m.group(2) or "d").lower().startswith("w")
        return (base or date.today()) + timedelta(days=7 * n if weeks else n)
    return parse_date(raw)


def participant_hits(ws: Workspace, person_ids: Sequence[str]) -> list[Hit]:
    """Chips for persons chosen beforehand (e.g. selected in Contacten): name, and their
    first current function and organisation. Persons deleted meanwhile are left out."""
    hits = []
    for pid in dict.fromkeys(person_ids):
        try:
            card = person_card(ws, pid, timeline_limit=0)
        except LookupError:
            continue
        now = next((p for p in card.positions if p.current), None)
        detail = ", ".join(x for x in (now.title, now.organisation) if x) if now else ""
        hits.append(Hit("person", card.id, card.display_name, detail))
    return hits
