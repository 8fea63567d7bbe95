"""Monitoring of a deal: programme goals and projects, indicators with their measurements
and computed status, the bijsturing log, and the series its charts show.

Every edit is one journalled, undoable operation and returns the ``Changes`` it made.
"""

from __future__ import annotations

#: the tables whose changes a monitoring screen reloads on
TABLES = frozenset({"programme_goal", "project", "project_goal", "indicator", "measurement",
                    "adjustment"})


def missing(what: str) -> LookupError:
    """The one message for a record deleted meanwhile."""
    return LookupError(f"Deze {what} bestaat niet (meer).")
