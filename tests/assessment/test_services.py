import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from apps.assessment import selectors, services
from apps.assessment.models import AssessmentStatus, Finding, NonConformity
from apps.core.exceptions import ApplicationError
from apps.scoring import registry
from apps.workflow import services as workflow
from apps.workflow.models import Notification, TaskStatus
from tests.assessment.factories import make_assessment, score_all
from tests.scoring.factories import FakeProvider, make_standard

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def standard(db):
    return make_standard(8, veto=True)


@pytest.fixture
def assessment(world, standard):
    return make_assessment(world, standard)


def test_creating_an_assessment_makes_a_finding_per_item(assessment):
    assert assessment.findings.count() == 8
    assert assessment.status == AssessmentStatus.DRAFT


def test_scoring_starts_the_assessment_and_moves_the_score(world, assessment):
    finding = assessment.findings.select_related("item").first()
    services.finding_score(
        finding=finding, user=world.safety_manager, deduction=Decimal(4), reason="缺记录", department=world.dept_a
    )
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    summary = selectors.summary(assessment)
    assert summary.result.earned == Decimal(76)
    assert summary.result.score == Decimal("95.0")
    assert summary.scored == 1 and summary.total == 8


@pytest.mark.parametrize(
    "kwargs, field, message",
    [
        # a deduction says what was found
        ({"deduction": Decimal(2)}, "reason", "Say what was found, for the deduction"),
        # so does an item that does not apply
        ({"applicable": False}, "reason", "Say why this item does not apply"),
        ({"deduction": Decimal(-1), "reason": "x"}, "deduction", "cannot be negative"),
    ],
)
def test_scoring_needs_reasons(world, assessment, kwargs, field, message):
    finding = assessment.findings.select_related("item").last()
    with pytest.raises(ValidationError, match=message) as exc:
        services.finding_score(finding=finding, user=world.safety_manager, **kwargs)
    assert field in exc.value.message_dict
    finding.refresh_from_db()
    assert not finding.scored


def test_only_veto_items_fail_as_veto(world, assessment):
    plain = assessment.findings.select_related("item").filter(item__is_veto=False).first()
    with pytest.raises(ValidationError, match="Only a veto item can fail as a veto"):
        services.finding_score(finding=plain, user=world.safety_manager, veto_failed=True, reason="x")


def test_a_failed_veto_item_gives_no_grade(world, assessment):
    score_all(world, assessment)
    veto = assessment.findings.select_related("item").get(item__is_veto=True)
    services.finding_score(
        finding=veto, user=world.safety_manager, veto_failed=True, reason="无安全管理机构", department=world.dept_a
    )
    summary = selectors.summary(assessment)
    assert summary.result.score == Decimal("100.0")
    assert summary.final_level is None


def test_readers_cannot_score(world, assessment):
    finding = assessment.findings.select_related("item").first()
    for user in (world.leader, world.head_a):
        with pytest.raises(PermissionDenied, match="Only a safety manager runs assessments"):
            services.finding_score(finding=finding, user=user)


def test_submitting_needs_every_item_scored(world, assessment):
    with pytest.raises(ApplicationError, match="not scored"):
        services.assessment_submit(assessment=assessment, user=world.safety_manager)


def test_deducted_items_need_a_department(world, assessment):
    score_all(world, assessment)
    finding = assessment.findings.select_related("item").first()
    services.finding_score(finding=finding, user=world.safety_manager, deduction=Decimal(1), reason="x")
    with pytest.raises(ApplicationError, match=finding.item.code):
        services.assessment_submit(assessment=assessment, user=world.safety_manager)


def test_submitting_asks_leadership_and_approval_raises_nonconformities(world, assessment):
    score_all(world, assessment, {"1.1.1": Decimal(3), "3.1.1": Decimal(10)}, department=world.team_a)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.score == Decimal("83.8")  # 67 of 80
    assert assessment.level == 2
    assert not NonConformity.objects.filter(assessment=assessment).exists()
    # Leadership is asked to approve; heads and the safety manager cannot.
    approval = assessment.approval_task
    assert approval.status == TaskStatus.SUBMITTED
    with pytest.raises(PermissionDenied, match="Only leadership may sign off"):
        workflow.task_sign_off(task=approval, user=world.head_a, decision="approve")
    with pytest.raises(PermissionDenied, match="Only leadership may sign off"):
        workflow.task_sign_off(task=approval, user=world.safety_manager, decision="approve")
    assert Notification.objects.filter(recipient=world.leader, task=approval).exists()
    workflow.task_sign_off(task=approval, user=world.leader, decision="approve", comment="同意")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED
    assert assessment.approved_at is not None
    ncs = list(NonConformity.objects.filter(assessment=assessment).select_related("task"))
    assert {nc.group for nc in ncs} == {"basic", "electrical"}
    assert all(nc.task.department == world.team_a and nc.task.requires_evidence for nc in ncs)
    assert all(nc.task.source == nc for nc in ncs)
    # The head of A sees the rectification tasks in their inbox.
    assert {nc.task_id for nc in ncs} <= workflow_inbox(world.head_a)


def test_an_approval_decides_only_once(world, assessment):
    score_all(world, assessment)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    first = assessment.approval_task
    workflow.task_sign_off(task=first, user=world.leader, decision="reject", comment="补充")
    # The rejected approval is final: it cannot be resubmitted or reopened to approve the
    # assessment behind the team's back.
    with pytest.raises(ApplicationError, match="A rejected approval is final"):
        workflow.task_submit(task=first, user=world.safety_manager, note="again")
    with pytest.raises(ApplicationError, match="An approval is final and is not reopened"):
        workflow.task_reopen(task=first, user=world.safety_manager, reason="again")
    assert first.pk not in workflow_inbox(world.safety_manager)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    assert assessment.approval_task_id != first.pk
    workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="approve")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED
    # An approved assessment cannot be sent back through its old approval task.
    with pytest.raises(ApplicationError, match="An approval is final and is not reopened"):
        workflow.task_reopen(task=assessment.approval_task, user=world.safety_manager, reason="x")


def test_a_superuser_is_not_leadership(world, assessment):
    from tests.org.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    score_all(world, assessment)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    with pytest.raises(PermissionDenied, match="Only leadership may sign off"):
        workflow.task_sign_off(task=assessment.approval_task, user=root, decision="approve")


def test_the_gate_is_frozen_when_submitted(world, assessment, provider):
    score_all(world, assessment)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    assert selectors.summary(assessment).final_level == 1
    provider(**{"accidents.fatalities_12m": 3, "accidents.larger_or_worse_12m": True})
    assert selectors.summary(assessment).final_level == 1
    assert assessment.level == 1


def test_a_grade_is_recorded_only_on_an_approved_assessment(world, assessment):
    with pytest.raises(ApplicationError, match="A grade is recorded on an approved assessment"):
        services.assessment_award(
            assessment=assessment, level=2, awarded_on=dt.date(2026, 12, 1), user=world.safety_manager
        )


def approve(world, assessment):
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="approve")
    assessment.refresh_from_db()


def workflow_inbox(user):
    from apps.workflow.selectors import inbox

    return set(inbox(user=user)["to_do"].values_list("pk", flat=True))


def test_a_rejected_approval_reopens_the_assessment(world, assessment):
    score_all(world, assessment)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    assessment.refresh_from_db()
    workflow.task_sign_off(task=assessment.approval_task, user=world.leader, decision="reject", comment="补充说明")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert assessment.is_editable


def test_a_submitted_assessment_cannot_be_rescored(world, assessment):
    score_all(world, assessment)
    services.assessment_submit(assessment=assessment, user=world.safety_manager)
    finding = assessment.findings.select_related("item").first()
    with pytest.raises(ApplicationError, match="its scores can no longer be changed"):
        services.finding_score(finding=finding, user=world.safety_manager)


def test_a_nonconformity_task_closes_only_with_evidence(world, assessment):
    from django.core.files.uploadedfile import SimpleUploadedFile

    score_all(world, assessment, {"1.1.1": Decimal(3)})
    approve(world, assessment)
    task = NonConformity.objects.get(assessment=assessment).task
    with pytest.raises(ApplicationError, match="evidence"):
        workflow.task_submit(task=task, user=world.head_a, note="已整改")
    pdf = SimpleUploadedFile("整改记录.pdf", b"%PDF-1.4 evidence", content_type="application/pdf")
    workflow.task_submit(task=task, user=world.head_a, note="已整改", files=[pdf])
    workflow.task_sign_off(task=task, user=world.safety_manager, decision="approve")
    task.refresh_from_db()
    assert task.status == TaskStatus.SIGNED_OFF


@pytest.fixture
def provider():
    registered = []

    def register(**values):
        registry.register("test", FakeProvider(**values))
        registered.append("test")

    yield register
    for name in registered:
        registry.unregister(name)


@pytest.mark.parametrize(
    "deaths, limit, larger, expected", [(0, 0, False, 1), (1, 1, False, 2), (2, 1, False, None), (0, 0, True, None)]
)
def test_the_gate_reads_accident_records_when_an_app_provides_them(
    world, assessment, provider, deaths, limit, larger, expected
):
    score_all(world, assessment)
    services.assessment_update(assessment=assessment, data={"fatality_limit": limit}, user=world.safety_manager)
    assessment.refresh_from_db()
    provider(**{"accidents.fatalities_12m": deaths, "accidents.larger_or_worse_12m": larger})
    summary = selectors.summary(assessment)
    assert summary.gate["source"] == "records"
    assert summary.final_level == expected


def test_without_accident_records_the_gate_uses_the_entered_figures(world, assessment):
    score_all(world, assessment)
    services.assessment_update(
        assessment=assessment, data={"fatalities": 1, "fatality_limit": 2}, user=world.safety_manager
    )
    assessment.refresh_from_db()
    summary = selectors.summary(assessment)
    assert summary.gate["source"] == "manual"
    assert summary.final_level == 2


def test_a_linked_indicator_suggests_a_deduction_and_overriding_needs_a_reason(world, provider):
    from apps.scoring.services import standard_create
    from tests.scoring.factories import standard_data

    data = standard_data(4, name="带指标", version="1")
    item = data["elements"][0]["b_items"][0]["items"][0]
    item.update({"indicator": "training.annual_hours_compliance", "auto_rule": "below:100:5:1"})
    assessment = make_assessment(world, standard_create(data=data))
    provider(**{"training.annual_hours_compliance": Decimal("88")})
    assert services.findings_suggest(assessment=assessment, user=world.safety_manager) == 1
    finding = Finding.objects.select_related("item").get(assessment=assessment, item__code=item["code"])
    assert finding.suggested_deduction == Decimal(3)
    assert finding.indicator_value == "88"
    with pytest.raises(ValidationError, match="The indicator suggests 3; give the reason") as exc:
        services.finding_score(finding=finding, user=world.safety_manager, deduction=Decimal(0))
    assert "reason" in exc.value.message_dict
    services.finding_score(
        finding=finding, user=world.safety_manager, deduction=Decimal(3), reason="培训学时不足", department=world.dept_a
    )


@pytest.mark.parametrize(
    "today, reminded",
    [
        (dt.date(2029, 9, 21), False),  # 91 days before 2029-12-21
        (dt.date(2029, 9, 22), True),  # 90 days before: remind
        (dt.date(2030, 1, 5), True),
    ],
)
def test_a_grade_is_reminded_90_days_before_its_3_year_rereview(world, assessment, today, reminded):
    score_all(world, assessment)
    approve(world, assessment)
    services.assessment_award(
        assessment=assessment, level=2, awarded_on=dt.date(2026, 12, 21), user=world.safety_manager
    )
    with time_machine.travel(dt.datetime.combine(today, dt.time(8)), tick=False):
        assert services.renewal_reminders_send(today=today) == int(reminded)
        assert services.renewal_reminders_send(today=today) == 0  # once
    assert Notification.objects.filter(recipient=world.leader, message__contains="3-year").exists() is reminded
