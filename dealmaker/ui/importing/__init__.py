"""Import contacts from .csv, .xlsx or .vcf: the wizard (file, mapping, preview, result).

``start_import(parent, context)`` opens it; ``install`` puts it in the Bestand menu.
"""

from dealmaker.ui.importing.wizard import ImportDialog, start_import

__all__ = ["ImportDialog", "start_import"]
