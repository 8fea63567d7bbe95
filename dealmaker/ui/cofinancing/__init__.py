"""Cofinanciering: the ledger of pledges per deal, party and year, and the pledge form."""
