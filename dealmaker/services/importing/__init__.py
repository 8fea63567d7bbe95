"""Importing contacts from .csv, .xlsx and .vcf files (Qt-free).

Two steps, so that the window can show a preview and let the user correct it::

    plan = plan_import(ws, "Connections.csv")        # reads, maps, checks; writes nothing
    plan.set_action(7, "create")                      # optional corrections
    result = apply_import(ws, plan, only_valid=True)  # one journalled operation

``plan.mapping`` is the recognised column mapping; pass a corrected one to
``plan_import(..., mapping=...)`` to plan again.
"""

from dealmaker.services.importing.apply import apply_import, describe_problems
from dealmaker.services.importing.mapping import guess_mapping
from dealmaker.services.importing.model import (
    ACTIONS,
    FIELDS,
    Action,
    Added,
    ContactValues,
    Difference,
    DuplicateCandidate,
    ImportFailed,
    ImportFileError,
    ImportPlan,
    ImportResult,
    InvalidRowsError,
    Kept,
    Match,
    PlanRow,
    Problem,
)
from dealmaker.services.importing.names import split_full_name
from dealmaker.services.importing.plan import plan_import

__all__ = [
    "ACTIONS",
    "FIELDS",
    "Action",
    "Added",
    "ContactValues",
    "Difference",
    "DuplicateCandidate",
    "ImportFailed",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "InvalidRowsError",
    "Kept",
    "Match",
    "PlanRow",
    "Problem",
    "apply_import",
    "describe_problems",
    "guess_mapping",
    "plan_import",
    "split_full_name",
]
