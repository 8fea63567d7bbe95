"""Exports to files other programs read (vCard); Qt-free."""

from dealmaker.export.vcard import export_vcards, person_ids_matching

__all__ = ["export_vcards", "person_ids_matching"]
