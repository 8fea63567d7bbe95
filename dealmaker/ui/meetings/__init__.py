"""Overleggen: every meeting (the Rijk-regio overleg among them), its editor, and a decision
that becomes a commitment."""
