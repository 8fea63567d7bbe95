"""Tests of importing and exporting contacts (services.importing, export.vcard, CLI)."""
