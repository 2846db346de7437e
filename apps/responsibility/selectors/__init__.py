"""All reads of the responsibility app and who may see what, by subject: objectives with their
targets and assessments, duty documents, letters, the safety organisation and meetings."""

from apps.responsibility.selectors._common import LOWER_KINDS, TOP_KINDS
from apps.responsibility.selectors.duties import duty_list
from apps.responsibility.selectors.letters import letter_list, letter_pairs, signing_progress
from apps.responsibility.selectors.meetings import ComplianceRow, meeting_compliance, meeting_list
from apps.responsibility.selectors.objectives import ObjectiveRow, assessment_list, objective_rows, target_list
from apps.responsibility.selectors.organisation import body_list, officer_list, units_without_officer

__all__ = [
    "LOWER_KINDS",
    "TOP_KINDS",
    "ComplianceRow",
    "ObjectiveRow",
    "assessment_list",
    "body_list",
    "duty_list",
    "letter_list",
    "letter_pairs",
    "meeting_compliance",
    "meeting_list",
    "objective_rows",
    "officer_list",
    "signing_progress",
    "target_list",
    "units_without_officer",
]
