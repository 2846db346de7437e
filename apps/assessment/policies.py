"""Who may read and run self-assessments: the one place the pages, the API, the services, the
menu and the exports ask.

The self-assessment (scoring against the standard) is safety-manager work; leadership reads it
and approves it through its sign-off task (apps/workflow).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from apps.assessment.models import AssessmentStatus
from apps.org.policy import Decision, access, allow_if, only_while

RUNS = _("Only a safety manager runs assessments.")
READS = _("Only safety managers and leadership may see self-assessments.")


def can_read_assessment(user, assessment=None) -> Decision:
    """Safety managers and leadership."""
    return allow_if(access(user).sees_everything, READS)


def can_run_assessment(user, assessment=None) -> Decision:
    """Open, change, score, submit an assessment and record its grade (the services ask this;
    the state of the assessment is their own rule)."""
    return allow_if(access(user).manages_everything, RUNS)


can_create_assessment = can_run_assessment


@only_while(lambda assessment: assessment.is_editable)
def can_score_assessment(user, assessment=None) -> Decision:
    """Score items, attach evidence, fill suggestions, change the gate figures, submit: while
    the assessment can still be changed."""
    return can_run_assessment(user, assessment)


@only_while(lambda assessment: assessment.status == AssessmentStatus.APPROVED)
def can_award_grade(user, assessment=None) -> Decision:
    """Record the grade the review body awarded: on an approved assessment."""
    return can_run_assessment(user, assessment)


def assessment_actions(user, assessment) -> dict[str, Decision]:
    """What the assessment's pages offer."""
    return {"score": can_score_assessment(user, assessment), "award": can_award_grade(user, assessment)}
