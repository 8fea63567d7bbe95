"""Overleggen: meetings (the Rijk-regio overleg among them), their participants, agenda and
decisions; a decision becomes a commitment made at that meeting."""
