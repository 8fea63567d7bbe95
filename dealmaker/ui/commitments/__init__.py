"""Toezeggingen: the register over all commitments, the record editor and its states."""
