"""AVG: export everything about a person, forget a person, and the review list of
contacts not spoken for years (Bewerken > AVG-controlelijst…)."""

from __future__ import annotations

from dealmaker.ui.privacy.person import export_person, forget_person
from dealmaker.ui.privacy.review import open_review
from dealmaker.ui.shell.actions import QT_TRANSLATE_NOOP, ActionSpec
from dealmaker.ui.shell.context import AppContext, Parent

__all__ = ["export_person", "forget_person", "install", "open_review"]

REVIEW = "avg_review"
REVIEW_SPEC = ActionSpec(
    REVIEW, QT_TRANSLATE_NOOP("actions", "&AVG-controlelijst…"), "",
    QT_TRANSLATE_NOOP("actions", "Contacten die u al jaren niet hebt gesproken: exporteren "
                                 "of vergeten"))


def install(context: AppContext) -> None:
    """Offer ``commands.export_person`` / ``forget_person``; the review list at the end of
    Bewerken."""
    def export(parent: Parent, person_id: str) -> None:
        export_person(parent, context, person_id)

    def forget(parent: Parent, person_id: str) -> None:
        forget_person(parent, context, person_id)

    context.commands.export_person = export
    context.commands.forget_person = forget
    edit = context.window_menus().edit
    edit.addSeparator()
    context.add_action(edit, REVIEW_SPEC, lambda: open_review(context.window, context))
