"""Persona fixtures (a safety manager, the head of department A, an employee of A, leadership,
and an outsider heading department B) and shared helpers."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from rest_framework.test import APIClient

from apps.org import services as org_services
from apps.org.models import DepartmentKind, Role
from tests.org.factories import DepartmentFactory, EmployeeFactory, UserFactory, company_root


@dataclass
class World:
    root: object
    dept_a: object
    team_a: object  # a team inside department A: heads of A see it too
    dept_b: object
    safety_manager: object
    head_a: object
    employee_a: object
    leader: object
    outsider: object

    def persona(self, name: str):
        return getattr(self, name)


PERSONAS = ["safety_manager", "head_a", "employee_a", "leader", "outsider"]


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _cache():
    """Cached figures never cross tests (each test's database starts afresh)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def english():
    """Messages checked in English (the Chinese catalogue is checked on its own): a module says
    `pytestmark = pytest.mark.usefixtures("english")`, a test asks for `english`."""
    with translation.override("en"):
        yield


@pytest.fixture
def world(db) -> World:
    root = company_root()
    dept_a = DepartmentFactory(name="机加工车间", code="A", kind=DepartmentKind.WORKSHOP)
    team_a = DepartmentFactory(name="车削一班", code="A-1", kind=DepartmentKind.TEAM, parent=dept_a)
    dept_b = DepartmentFactory(name="装配车间", code="B", kind=DepartmentKind.WORKSHOP)
    safety_manager = UserFactory(username="safety", roles=[Role.SAFETY_MANAGER])
    head_a = UserFactory(username="head_a")
    employee_a = UserFactory(username="employee_a")
    leader = UserFactory(username="leader", roles=[Role.LEADERSHIP])
    outsider = UserFactory(username="outsider")
    org_services.department_head_assign(department=dept_a, head=head_a, user=safety_manager)
    org_services.department_head_assign(department=dept_b, head=outsider, user=safety_manager)
    EmployeeFactory(name="张敏", department=dept_a, user=safety_manager)
    EmployeeFactory(name="李强", department=dept_a, user=head_a)
    EmployeeFactory(name="赵磊", department=team_a, user=employee_a)
    EmployeeFactory(name="王建国", department=root, user=leader)
    EmployeeFactory(name="何静", department=dept_b, user=outsider)
    return World(root, dept_a, team_a, dept_b, safety_manager, head_a, employee_a, leader, outsider)


class _SpeaksTheTestLanguage:
    """A request made under translation.override("en") asks for English the way a person does
    (the language cookie): pages otherwise speak Chinese whatever the thread's language."""

    def request(self, **request):
        language = translation.get_language() or ""
        if language.startswith("en"):
            self.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        return super().request(**request)


class TestClient(_SpeaksTheTestLanguage, Client):
    pass


class TestAPIClient(_SpeaksTheTestLanguage, APIClient):
    pass


@pytest.fixture
def client_for(world):
    def make(persona: str) -> Client:
        client = TestClient()
        client.force_login(world.persona(persona))
        return client

    return make


@pytest.fixture
def api_for(world):
    def make(persona: str) -> APIClient:
        client = TestAPIClient()
        client.force_authenticate(world.persona(persona))
        return client

    return make
