"""The self-assessment policies by persona, and the reason its pages give to leadership, who
read an assessment but do not score it."""

import pytest

from apps.assessment import policies
from apps.assessment.models import Assessment, AssessmentStatus

# The safety manager, the head of a department, the head of another department, leadership
# and a plain employee: an assessment is company-wide, so both heads answer alike.
PERSONAS = ["safety_manager", "head_a", "outsider", "leader", "employee_a"]

TABLE = [
    # policy, status of the assessment (None: asked without one), allowed personas
    ("can_read_assessment", None, {"safety_manager", "leader"}),
    ("can_read_assessment", AssessmentStatus.APPROVED, {"safety_manager", "leader"}),
    ("can_run_assessment", None, {"safety_manager"}),
    ("can_create_assessment", None, {"safety_manager"}),
    ("can_score_assessment", AssessmentStatus.IN_PROGRESS, {"safety_manager"}),
    ("can_score_assessment", AssessmentStatus.SUBMITTED, set()),
    ("can_award_grade", AssessmentStatus.IN_PROGRESS, set()),
    ("can_award_grade", AssessmentStatus.APPROVED, {"safety_manager"}),
]


@pytest.mark.parametrize("policy, status, allowed", TABLE)
def test_assessment_policies_by_persona(world, policy, status, allowed):
    assessment = None if status is None else Assessment(status=status)
    check = getattr(policies, policy)
    answers = {p: bool(check(getattr(world, p), assessment)) for p in PERSONAS}
    assert answers == {p: p in allowed for p in PERSONAS}


def test_a_refusal_says_why_and_a_closed_assessment_says_nothing(world):
    open_ = Assessment(status=AssessmentStatus.IN_PROGRESS)
    assert policies.can_score_assessment(world.leader, open_).reason == policies.RUNS
    closed = Assessment(status=AssessmentStatus.SUBMITTED)
    assert policies.can_score_assessment(world.leader, closed).reason == ""
    assert policies.can_read_assessment(world.head_a).reason == policies.READS


def test_the_pages_tell_leadership_why_they_may_not_score(world, client_for):
    from tests.assessment.factories import make_assessment
    from tests.scoring.factories import make_standard

    assessment = make_assessment(world, make_standard(4))
    for url in (f"/assessments/{assessment.pk}/", f"/assessments/{assessment.pk}/elements/A1/"):
        html = client_for("leader").get(url).content.decode()
        assert "why-not" in html and "只有安全管理员可以开展评定。" in html, url
        assert f"/assessments/{assessment.pk}/submit/" not in html
        manager = client_for("safety_manager").get(url).content.decode()
        assert "why-not" not in manager, url
    manager = client_for("safety_manager").get(f"/assessments/{assessment.pk}/").content.decode()
    assert f"/assessments/{assessment.pk}/submit/" in manager
