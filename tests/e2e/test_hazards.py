"""At phone size: report with a photo, assign, rectify, sign off, verify and close."""

import datetime as dt
import io
import re

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from apps.hazards.models import Hazard, HazardStatus

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def picture(tmp_path):
    path = tmp_path / "现场照片.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_hazard_goes_round_the_closed_loop_on_a_phone(page, live_server, login, console_errors, world, picture):
    page.set_viewport_size({"width": 390, "height": 844})
    login("employee_a")
    page.goto(f"{live_server.url}/hazards/report/")
    page.locator("#id_description").fill("砂轮机防护罩缺失")
    page.locator("#id_location").fill("机加工车间 2 号砂轮机")
    page.locator("#id_department").select_option(str(world.dept_a.pk))
    page.locator("#id_photos").set_input_files(str(picture))
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(re.compile(r".*/hazards/\d+/$"))
    hazard = Hazard.objects.get()
    expect(page.get_by_test_id("hazard-status")).to_have_text("已上报待分派")

    page.context.clear_cookies()
    login("safety")
    page.goto(f"{live_server.url}/hazards/{hazard.pk}/")
    page.locator("#id_department").select_option(str(world.dept_a.pk))
    page.locator("#id_assignee").select_option(str(world.employee_a.pk))
    page.locator("#id_deadline").fill((timezone.localdate() + dt.timedelta(days=5)).isoformat())
    for name, text in [
        ("plan_goals", "消除隐患"),
        ("plan_methods", "加装防护罩"),
        ("plan_resources", "500 元"),
        ("plan_organisation", "车间主任负责"),
        ("plan_requirements", "5 天内完成"),
    ]:
        page.locator(f"#id_{name}").fill(text)
    page.get_by_role("button", name="分派").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("整改中")

    page.context.clear_cookies()
    login("employee_a")
    page.goto(f"{live_server.url}/hazards/{hazard.pk}/")
    page.get_by_label("工程技术").check()
    page.locator("#id_measures").fill("已加装防护罩并纳入点检")
    page.locator("#id_photos").set_input_files(str(picture))
    page.get_by_role("button", name="提交签核").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("已整改待签核")

    page.context.clear_cookies()
    login("outsider")
    assert page.goto(f"{live_server.url}/hazards/{hazard.pk}/").status == 404
    console_errors.clear()  # the browser logs the expected 404

    page.context.clear_cookies()
    login("head_a")
    page.goto(f"{live_server.url}/hazards/{hazard.pk}/")
    page.get_by_role("link", name="前往签核").click()
    page.get_by_label("通过").check()
    page.get_by_role("button", name="记录签核结论").click()
    expect(page.get_by_test_id("task-status")).to_have_text("已签核")

    page.context.clear_cookies()
    login("safety")
    page.goto(f"{live_server.url}/hazards/{hazard.pk}/")
    page.get_by_label("验收通过并销号").check()
    page.get_by_role("button", name="记录验收结果").click()
    expect(page.get_by_test_id("hazard-status")).to_have_text("已验收销号")
    hazard.refresh_from_db()
    assert hazard.status == HazardStatus.CLOSED
    assert console_errors == []
