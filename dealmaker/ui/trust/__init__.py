"""Trust features: undo/redo, history per record, merging contacts, AVG (privacy).

Entry points for other screens, all taking the caller's ``PageContext``:
``show_history(parent, context, entity, entity_id)``,
``start_merge(parent, context, person_ids)``,
``export_person(parent, context, person_id)``,
``forget_person(parent, context, person_id)``.
"""

from dealmaker.ui.trust.history import show_history
from dealmaker.ui.trust.merge import start_merge
from dealmaker.ui.trust.privacy import export_person, forget_person
from dealmaker.ui.trust.review import open_review

__all__ = ["export_person", "forget_person", "open_review", "show_history", "start_merge"]
