"""Import contacts (wizard) and export them as vCards.

Other screens call ``export_vcards_for(parent, context, person_ids)`` with their
``PageContext``; ``start_import(parent, context)`` opens the import dialog.
"""

from dealmaker.ui.importing.vcard_export import export_vcards_for, open_vcard_export
from dealmaker.ui.importing.wizard import ImportDialog, start_import

__all__ = ["ImportDialog", "export_vcards_for", "open_vcard_export", "start_import"]
