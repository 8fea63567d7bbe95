"""The life of a toezegging: concept -> afgesproken -> bevestigd -> nagekomen | vervallen.

Every step is dated and may carry a note; ``refusal`` says, in one Dutch line, why a
step is not allowed (``None``: allowed). The storage keeps the steps; the service that
takes a step (``services.commitments.states``) asks this module first, so the current
state always equals the last dated step.
"""

from __future__ import annotations

from datetime import date

from dealmaker.domain.dates import format_date
from dealmaker.domain.enums import CommitmentState as S

#: the steps allowed from each state; a final state has none (undo reverses a mistake)
NEXT: dict[S, tuple[S, ...]] = {
    S.CONCEPT: (S.AFGESPROKEN, S.VERVALLEN),
    S.AFGESPROKEN: (S.BEVESTIGD, S.VERVALLEN),
    S.BEVESTIGD: (S.NAGEKOMEN, S.VERVALLEN),
    S.NAGEKOMEN: (),
    S.VERVALLEN: (),
}
#: the state of a new commitment
START = S.CONCEPT


def forward(state: S) -> S | None:
    """The next state on the main line (board: a card dragged one column on), if any."""
    steps = NEXT[state]
    return steps[0] if steps and steps[0] is not S.VERVALLEN else None


def refusal(current: S, new: S, on: date, last_on: date | None, today: date,
            note: str = "") -> str | None:
    """Why the step ``current -> new`` dated ``on`` is refused, or ``None`` if allowed.

    ``last_on`` is the date of the current state's step: a step cannot predate it, nor
    lie in the future. Lapsing (``vervallen``) needs a note saying why.
    """
    if new is current:
        return f"De toezegging staat al op '{new.label}'."
    if not NEXT[current]:
        return (f"'{current.label}' is een eindtoestand: er volgt geen stap meer. Was het "
                "een vergissing, maak de stap dan ongedaan (Ctrl+Z).")
    if new not in NEXT[current]:
        allowed = " of ".join(f"'{s.label}'" for s in NEXT[current])
        return (f"Van '{current.label}' kan een toezegging alleen naar {allowed}, "
                f"niet naar '{new.label}'.")
    if last_on is not None and on < last_on:
        return (f"De datum {format_date(on)} ligt vóór de vorige stap "
                f"({format_date(last_on)}).")
    if on > today:
        return (f"De datum {format_date(on)} ligt in de toekomst; leg een stap vast als "
                "hij gezet is.")
    if new is S.VERVALLEN and not note.strip():
        return "Schrijf bij 'vervallen' waarom de toezegging is vervallen."
    return None
