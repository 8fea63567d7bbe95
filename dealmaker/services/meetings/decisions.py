"""A decision of a meeting becomes a commitment: one undoable operation, the commitment's
``meeting_id`` pointing to the meeting (where it was made) and its deal the meeting's
unless chosen otherwise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from dealmaker.services.changes import Changes
from dealmaker.services.commitments.records import CommitmentData, create_commitment
from dealmaker.services.meetings.records import live_meeting
from dealmaker.storage.workspace import Workspace


def commitment_from_decision(ws: Workspace, meeting_id: str,
                             data: CommitmentData) -> tuple[str, Changes]:
    """Create the commitment ``data`` made at ``meeting_id`` (its first step dated the
    meeting's day, or today if the meeting lies ahead)."""
    with ws.read() as s:
        meeting = live_meeting(s, meeting_id)
        held_on, deal_id = meeting.held_on, meeting.deal_id
    made = replace(data, meeting_id=meeting_id, deal_id=data.deal_id or deal_id)
    return create_commitment(ws, made, on=min(held_on, date.today()))
