import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client

from apps.assessment.models import Assessment, AssessmentStatus
from apps.equipment.models import Equipment
from apps.hazards.models import Hazard
from apps.org.models import Employee
from apps.training.models import Attendance
from tests.helpers import count_queries


def _dashboard_queries() -> int:
    browser = Client()
    browser.force_login(get_user_model().objects.get(username="lingdao"))
    cache.clear()
    return count_queries(lambda: browser.get("/dashboard/"))


@pytest.mark.django_db
def test_a_scaled_company_is_built_in_bulk_and_the_dashboard_stays_at_its_query_count():
    call_command("load_demo", "--quiet-users", stdout=io.StringIO())
    demo = _dashboard_queries()
    before = {m: m.objects.count() for m in (Employee, Attendance, Hazard, Equipment)}
    out = io.StringIO()
    call_command("seed_scale", "--factor", "0.02", stdout=out)
    grown = {m: m.objects.count() - before[m] for m in before}
    assert grown == {Employee: 100, Attendance: 4000, Hazard: 1000, Equipment: 200}
    assert Assessment.objects.filter(status=AssessmentStatus.SUBMITTED, score__isnull=False).exists()
    assert "Done in" in out.getvalue()
    assert _dashboard_queries() == demo
    with pytest.raises(CommandError, match="already holds scale data"):
        call_command("seed_scale", "--factor", "0.02", stdout=io.StringIO())
