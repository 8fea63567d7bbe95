"""Deals: the portfolio of all deals and a deal's dossier (create and edit with parties)."""
