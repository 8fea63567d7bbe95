"""The display name of a record, for dialog titles and confirmations (Qt-free).

No service returns just a name; ``services.history.record_name`` does, given a read
session, so this one function opens that session (off the UI thread, via the task
runner). A ``record_title(ws, entity, id)`` service would make this module unnecessary.
"""

from __future__ import annotations

from dealmaker.services.history import record_name
from dealmaker.storage.workspace import Workspace


def record_title(ws: Workspace, entity: str, entity_id: str) -> str:
    """'Anna van den Berg' for a person; the table label ('contactmoment') otherwise."""
    with ws.read() as session:
        return record_name(session, entity, entity_id)


def safe_file_name(text: str) -> str:
    """A name usable in a file name on Windows, macOS and Linux."""
    cleaned = "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text)
    return " ".join(cleaned.split()).strip(" .") or "contact"
