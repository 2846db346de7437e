"""A complete self-assessment of the built-in standard, done in the browser and approved."""

import pytest
from playwright.sync_api import expect

from apps.assessment.models import Assessment, AssessmentStatus, NonConformity
from apps.org.models import Employee
from apps.scoring.services import builtin_standard_load

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_safety_manager_scores_every_item_and_leadership_approves(page, live_server, login, console_errors, world):
    standard = builtin_standard_load()
    leader = Employee.objects.get(user=world.leader)
    login("safety")

    page.goto(f"{live_server.url}/assessments/new/")
    page.select_option("#id_standard", str(standard.pk))
    page.select_option("#id_leader", str(leader.pk))
    page.get_by_role("button", name="保存").click()
    page.wait_for_url("**/assessments/*/")
    assessment = Assessment.objects.get()

    for element in standard.elements.order_by("order"):
        page.goto(f"{live_server.url}/assessments/{assessment.pk}/elements/{element.code}/")
        rows = page.locator("[data-testid=finding]")
        for index in range(rows.count()):
            row = rows.nth(index)
            if element.code == "A8" and index == 0:
                row.locator("input[name=deduction]").fill("2")
                row.locator("input[name=reason]").fill("两项隐患超期整改")
                row.locator("select[name=department]").select_option(str(world.dept_a.pk))
            row.get_by_role("button", name="保存").click()
            expect(rows.nth(index).locator("[data-testid=earned]")).to_be_visible()
    expect(page.get_by_test_id("running-score")).to_contain_text("193 / 193")

    page.goto(f"{live_server.url}/assessments/{assessment.pk}/")
    page.get_by_role("button", name="提交审批").click()
    page.wait_for_url("**/summary/")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert assessment.score is not None and assessment.score < 100

    page.context.clear_cookies()
    login("leader")
    page.get_by_test_id("inbox-to-sign").get_by_role("link").first.click()
    page.get_by_label("通过").check()
    page.get_by_role("button", name="记录签核结论").click()
    expect(page.get_by_test_id("task-status")).to_have_text("已签核")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED
    assert NonConformity.objects.filter(assessment=assessment, department=world.dept_a).count() == 1
    page.goto(f"{live_server.url}/assessments/{assessment.pk}/summary/")
    expect(page.get_by_test_id("summary-table")).to_contain_text(str(assessment.score))
    assert console_errors == []
