"""Fixtures of the deals/commitments tests: two sides, a deal and a commitment maker."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from directory.factory import Factory

from dealmaker.domain.enums import CommitmentKind, OrgKind
from dealmaker.services.commitments.records import CommitmentData, create_commitment
from dealmaker.storage.workspace import Workspace


@dataclass
class Scene:
    make: Factory
    ws: Workspace
    bzk: str
    twente: str
    enschede: str
    deal: str
    maker: str

    def commitment(self, title: str = "Knelpunt wegnemen", *, rijk_to_regio: bool = True,
                   due: date | None = None, on: date = date(2026, 1, 5),
                   owner: str | None = None, deal: str | None = "deal") -> str:
        frm, to = (self.bzk, self.twente) if rijk_to_regio else (self.twente, self.bzk)
        cid, _ = create_commitment(self.ws, CommitmentData(
            title, CommitmentKind.PROCES, frm, to, self.deal if deal == "deal" else deal,
            owner_id=owner, due_on=due), on=on)
        return cid


@pytest.fixture
def make(workspace: Workspace) -> Factory:
    return Factory(workspace)


@pytest.fixture
def scene(workspace: Workspace, make: Factory) -> Scene:
    bzk = make.org("Ministerie van BZK", OrgKind.MINISTERIE)
    twente = make.org("Regio Twente", OrgKind.SAMENWERKINGSVERBAND)
    enschede = make.org("Gemeente Enschede", OrgKind.GEMEENTE)
    maker = make.person("Anna", "Berg", at=bzk, title="dealmaker")
    deal = make.deal("Regio Deal Twente", tranche="II", dealmaker=maker)
    return Scene(make, workspace, bzk, twente, enschede, deal, maker)
