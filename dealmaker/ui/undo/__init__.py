"""Undo and redo of every recorded operation (Bewerken > Ongedaan maken / Opnieuw)."""
