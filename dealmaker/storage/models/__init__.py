"""All mapped tables; importing this package registers them on ``Base.metadata``."""

from dealmaker.storage.models.base import Base, Entity
from dealmaker.storage.models.commitments import Commitment, CommitmentStateChange, Mandate
from dealmaker.storage.models.deals import (
    Deal,
    DealOpgave,
    DealParty,
    DealTheme,
    Opgave,
    Theme,
)
from dealmaker.storage.models.interactions import (
    Interaction,
    InteractionDeal,
    InteractionParticipant,
    Relation,
)
from dealmaker.storage.models.journal import Change, Operation
from dealmaker.storage.models.money import Pledge
from dealmaker.storage.models.monitoring import (
    Adjustment,
    Indicator,
    Measurement,
    Meeting,
    MeetingParticipant,
    ProgrammeGoal,
    Project,
    ProjectGoal,
)
from dealmaker.storage.models.people import Organisation, Person, PersonTag, Position, Tag
from dealmaker.storage.models.plan import OpgaveLink, OrganisationRelation, PlanPosition
from dealmaker.storage.models.settings import CadenceRule, WorkspaceSetting  # noqa: F401
from dealmaker.storage.models.sync import SyncConflict, SyncState  # noqa: F401

__all__ = [
    "Adjustment",
    "Base",
    "Change",
    "Commitment",
    "CommitmentStateChange",
    "Deal",
    "DealOpgave",
    "DealParty",
    "DealTheme",
    "Entity",
    "Indicator",
    "Interaction",
    "InteractionDeal",
    "InteractionParticipant",
    "Mandate",
    "Measurement",
    "Meeting",
    "MeetingParticipant",
    "Operation",
    "Opgave",
    "OpgaveLink",
    "Organisation",
    "OrganisationRelation",
    "Person",
    "PersonTag",
    "PlanPosition",
    "Pledge",
    "Position",
    "ProgrammeGoal",
    "Project",
    "ProjectGoal",
    "Relation",
    "Tag",
    "Theme",
]
