"""Toezeggingen: the register (a lazy, filtered list), the record and its dated states."""
