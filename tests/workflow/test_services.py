import pytest
from django.core.exceptions import PermissionDenied

from apps.core.exceptions import ApplicationError
from apps.workflow import services
from apps.workflow.models import Notification, SignOff, TaskStatus
from tests.workflow.factories import make_task

# Messages are checked in English here; the Chinese catalogue is checked elsewhere.
pytestmark = pytest.mark.usefixtures("english")


def test_it_runs_a_task_from_open_to_signed_off(world):
    task = make_task(department=world.team_a, user=world.safety_manager, assignee=world.employee_a)
    assert task.status == TaskStatus.OPEN

    services.task_submit(task=task, user=world.employee_a, note="已完成")
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert task.submitted_by == world.employee_a

    signoff = services.task_sign_off(task=task, user=world.head_a, decision="approve")
    task.refresh_from_db()
    assert task.status == TaskStatus.SIGNED_OFF
    assert task.closed_at == signoff.signed_at
    assert signoff.signer == world.head_a


def test_a_rejected_task_goes_back_and_can_be_resubmitted(world):
    task = make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="做了")
    services.task_sign_off(task=task, user=world.head_a, decision="reject", comment="照片不清楚")
    task.refresh_from_db()
    assert task.status == TaskStatus.REJECTED
    services.task_reopen(task=task, user=world.employee_a)
    task.refresh_from_db()
    assert task.status == TaskStatus.REOPENED
    services.task_submit(task=task, user=world.employee_a, note="补拍照片")
    services.task_sign_off(task=task, user=world.head_a, decision="approve")
    assert [s.decision for s in SignOff.objects.filter(task=task)] == ["reject", "approve"]


def test_it_rejects_a_rejection_without_a_reason(world):
    task = make_task(department=world.dept_a, user=world.head_a, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="做了")
    with pytest.raises(ApplicationError, match="reason"):
        services.task_sign_off(task=task, user=world.head_a, decision="reject", comment="  ")
    task.refresh_from_db()
    assert task.status == TaskStatus.SUBMITTED
    assert not SignOff.objects.exists()


def test_a_head_cannot_sign_off_another_departments_task(world):
    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="做了")
    refused = "Only a head of the department or a safety manager may sign off"
    with pytest.raises(PermissionDenied, match=refused):
        services.task_sign_off(task=task, user=world.outsider, decision="approve")
    with pytest.raises(PermissionDenied, match=refused):
        services.task_sign_off(task=task, user=world.leader, decision="approve")


def test_a_head_signs_off_tasks_of_sub_departments(world):
    task = make_task(department=world.team_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="做了")
    services.task_sign_off(task=task, user=world.head_a, decision="approve")
    task.refresh_from_db()
    assert task.status == TaskStatus.SIGNED_OFF


def test_nobody_signs_off_their_own_submission(world):
    task = make_task(department=world.dept_a, user=world.safety_manager)
    services.task_submit(task=task, user=world.head_a, note="我自己做的")
    with pytest.raises(PermissionDenied, match="yourself"):
        services.task_sign_off(task=task, user=world.head_a, decision="approve")
    services.task_sign_off(task=task, user=world.safety_manager, decision="approve")


@pytest.mark.parametrize(
    "status_path, action, message",
    [
        ([], "sign_off", "Only a submitted task can be signed off; this one is “Open”"),
        (["submit"], "submit", "can be submitted; this one is “Submitted for sign-off”"),
        ([], "reopen", "Only a rejected or signed-off task can be reopened; this one is “Open”"),
        (["submit", "approve"], "submit", "can be submitted; this one is “Signed off”"),
    ],
)
def test_it_refuses_transitions_from_the_wrong_status(world, status_path, action, message):
    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    for step in status_path:
        if step == "submit":
            services.task_submit(task=task, user=world.employee_a, note="x")
        else:
            services.task_sign_off(task=task, user=world.head_a, decision="approve")
    before = type(task).objects.get(pk=task.pk).status
    with pytest.raises(ApplicationError, match=message):
        if action == "submit":
            services.task_submit(task=task, user=world.employee_a, note="again")
        elif action == "sign_off":
            services.task_sign_off(task=task, user=world.head_a, decision="approve")
        else:
            services.task_reopen(task=task, user=world.head_a)
    assert type(task).objects.get(pk=task.pk).status == before


def test_only_a_safety_manager_reopens_a_signed_off_task_and_says_why(world):
    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="x")
    services.task_sign_off(task=task, user=world.head_a, decision="approve")
    with pytest.raises(PermissionDenied, match="Only a safety manager may reopen"):
        services.task_reopen(task=task, user=world.head_a, reason="复查不合格")
    with pytest.raises(ApplicationError, match="Give the reason for reopening"):
        services.task_reopen(task=task, user=world.safety_manager, reason="")
    services.task_reopen(task=task, user=world.safety_manager, reason="复查不合格")
    task.refresh_from_db()
    assert task.status == TaskStatus.REOPENED
    assert task.closed_at is None


def test_creating_a_task_outside_ones_departments_is_refused(world):
    refused = "You may only create tasks for departments you head"
    with pytest.raises(PermissionDenied, match=refused):
        make_task(department=world.dept_b, user=world.head_a)
    with pytest.raises(PermissionDenied, match=refused):
        make_task(department=world.dept_a, user=world.employee_a)


def test_submitting_tells_the_heads_and_signing_tells_the_assignee(world):
    task = make_task(department=world.team_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="x")
    assert Notification.objects.filter(recipient=world.head_a, task=task).exists()
    services.task_sign_off(task=task, user=world.head_a, decision="approve")
    assert Notification.objects.filter(recipient=world.employee_a, task=task).count() == 2


def test_every_transition_is_in_the_audit_history(world):
    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    services.task_submit(task=task, user=world.employee_a, note="x")
    services.task_sign_off(task=task, user=world.head_a, decision="reject", comment="不合格")
    history = list(task.history.order_by("history_date"))
    assert [h.status for h in history] == ["open", "submitted", "rejected"]
    assert [h.history_user for h in history] == [world.safety_manager, world.employee_a, world.head_a]
    assert history[-1].history_change_reason == "不合格"


def test_a_bad_evidence_file_submits_nothing(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    task = make_task(department=world.dept_a, user=world.safety_manager, assignee=world.employee_a)
    bad = SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream")
    with pytest.raises(ApplicationError, match="virus.exe"):
        services.task_submit(task=task, user=world.employee_a, note="x", files=[bad])
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


@pytest.mark.parametrize(("length", "accepted"), [(200, True), (201, False)])
def test_a_typed_title_is_held_to_its_200_characters(world, length, accepted):
    """The title is stored as text for every language, in an unbounded column; what it reads is
    still bounded as the form and the API bound it."""
    from django.core.exceptions import ValidationError

    title = "检" * length
    if accepted:
        assert make_task(department=world.team_a, user=world.safety_manager, title=title).title == title
    else:
        with pytest.raises(ValidationError, match="at most 200 characters") as refused:
            make_task(department=world.team_a, user=world.safety_manager, title=title)
        assert list(refused.value.message_dict) == ["title"]


def test_a_title_the_code_composes_is_not_cut_to_the_typed_bound(world):
    """A reminder's title names its record, however long the record's name: the daily job must
    not fail on it."""
    from django.utils.translation import gettext_noop

    from apps.core.text import stored

    title = stored(gettext_noop("Statutory inspection due: %(equipment)s"), equipment="设" * 250)
    task = make_task(department=world.team_a, user=world.safety_manager, title=title)
    assert str(task.title).endswith("设" * 250)
