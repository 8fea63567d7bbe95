"""Instellingen (Ctrl+,): the lists the user extends (kinds of commitment, party roles)."""
