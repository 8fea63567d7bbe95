"""What a merge of two contacts did: which one stayed, what came from the other.

The outcome is returned to the window (a summary line and dialog) and recorded, ids only,
in the merge operation's ``detail`` so that the journal names the survivor of every
merged person (forget follows it to the duplicates merged into a person).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from dealmaker.services.changes import Changes
from dealmaker.storage.scrub import MERGE_DETAIL_KEY as DETAIL_KEY


@dataclass(frozen=True)
class MergeOutcome:
    changes: Changes
    survivor_id: str
    other_id: str
    survivor_name: str
    other_name: str
    #: labels of the fields whose value came from the other contact ("E-mailadres")
    taken: tuple[str, ...] = ()
    #: labels of fields where both texts were kept (the notes)
    joined: tuple[str, ...] = ()
    #: (label, count) of links moved from the other contact to the survivor
    moved: tuple[tuple[str, int], ...] = field(default=())

    def summary(self) -> str:
        """One Dutch line: who stayed and what came from the other."""
        parts = [f"{self.survivor_name} blijft; {self.other_name} is opgegaan in dit contact"]
        came = [label.lower() for label in self.taken]
        came += [f"{label.lower()} (beide bewaard)" for label in self.joined]
        came += [f"{count} × {label.lower()}" for label, count in self.moved if count]
        parts.append("overgenomen: " + ", ".join(came) if came else
                     "er kwam niets bij van het andere contact")
        return "; ".join(parts) + "."


def detail_json(survivor_id: str, other_id: str, fields: list[str],
                moved: dict[str, int]) -> str:
    """The record in the operation's detail: ids and field names, never values."""
    return json.dumps({DETAIL_KEY: {"blijft": survivor_id, "opgegaan": other_id,
                                    "velden": fields, "verplaatst": moved}})
