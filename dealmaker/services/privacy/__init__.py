"""Privacy (AVG) per person: export everything held, forget a person, review old contacts."""

from dealmaker.services.privacy.export import export_person_data
from dealmaker.services.privacy.forget import (
    FORGET_OPERATION,
    FORGOTTEN_NAME,
    ForgetResult,
    forget_person,
)
from dealmaker.services.privacy.review import ReviewCandidate, review_candidates

__all__ = [
    "FORGET_OPERATION", "FORGOTTEN_NAME", "ForgetResult", "ReviewCandidate",
    "export_person_data", "forget_person", "review_candidates",
]
