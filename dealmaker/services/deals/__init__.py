"""Deals: the portfolio, the dossier, creating and editing a deal with its parties, and
the cofinancing rules per tranche."""
