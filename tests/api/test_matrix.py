"""The API matrix: every operation of the OpenAPI schema for every persona.

The expected status comes from the policies, never from rules written here: the view is
instantiated for the URL, `PolicyPermission.check_for` names its check, the viewset's
`get_queryset()` says whether the record is in the persona's scope (404 when not), and the check's
decision says 2xx or 403. Writes send a valid payload (tests/api/cases), so an allowed write that
answers 400 shows a payload or a service disagreeing with the policy."""

from __future__ import annotations

import functools
import re

import pytest
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIRequestFactory

from apps.org.permissions import PolicyPermission
from tests.api.cases import CASES
from tests.conftest import PERSONAS

METHODS = ("get", "post", "put", "patch", "delete")
ANONYMOUS = "anonymous"
# Session authentication comes first and asks for no WWW-Authenticate challenge, so DRF answers
# a request without credentials with 403 (not 401).
ANONYMOUS_STATUS = 403


@functools.cache
def operations() -> dict[str, tuple[str, str]]:
    """operationId -> (method, path template), from the schema itself."""
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        op["operationId"]: (method.upper(), path)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in METHODS
    }


def test_every_operation_has_a_case():
    missing = sorted(set(operations()) - set(CASES))
    assert not missing, f"operations without a case in tests/api/cases: {missing}"


def test_every_case_names_an_operation():
    stale = sorted(set(CASES) - set(operations()))
    assert not stale, f"cases for operations the schema no longer has: {stale}"


def _url(template: str, kwargs: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(kwargs[m.group(1)]), template)


def _view_for(method: str, url: str, user):
    """The view instance DRF would build for this request, up to the permission check."""
    match = resolve(url)
    func = match.func
    view = func.cls(**getattr(func, "initkwargs", {}))
    if getattr(func, "actions", None):
        view.action_map = func.actions
    view.args, view.kwargs, view.format_kwarg, view.headers = (), match.kwargs, None, {}
    request = view.initialize_request(getattr(APIRequestFactory(), method.lower())(url))
    request.user = user
    view.request = request
    return view


class NewRecord:
    """What a create makes, as far as a policy asks before it exists: its department (every case
    creates in department A). A check that needs more of the record is answered without it."""

    def __init__(self, department):
        self.department, self.department_id, self.pk = department, department.pk, None


def _decide(check, user, obj, department):
    if obj is None and department is not None:
        try:
            return check(user, NewRecord(department))
        except AttributeError:
            pass
    return check(user, obj)


def expected_status(method: str, url: str, user, record, department=None) -> int | str:
    """404, 403 or "2xx", as the policy (and the scope) say."""
    view = _view_for(method, url, user)
    obj = None
    if getattr(view, "detail", False):
        obj = view.get_queryset().filter(pk=record.pk).first()
        if obj is None:
            return 404
    check = PolicyPermission.check_for(view, method)
    if check is None:
        return "2xx"
    creating = method == "POST" and not getattr(view, "detail", False)
    if _decide(check, user, obj, department if creating else None):
        return "2xx"
    return 403


def _request(client, method: str, url: str, case, body: dict):
    call = getattr(client, method.lower())
    if method == "GET":
        return call(url, case.query)
    if case.multipart:
        return call(url, body, format="multipart")
    return call(url, body, format="json")


@pytest.mark.parametrize("persona", [*PERSONAS, ANONYMOUS])
@pytest.mark.parametrize("operation_id", sorted(CASES))
def test_operation(operation_id, persona, world, api_for):
    from tests.conftest import TestAPIClient

    if operation_id not in operations():
        pytest.fail(f"{operation_id} is not in the schema")
    method, template = operations()[operation_id]
    case = CASES[operation_id]
    record = case.record(world) if case.record else None
    kwargs = case.path_kwargs(world, record) if case.path_kwargs else {}
    if "{id}" in template:
        assert record is not None, f"{operation_id} needs a record for its {{id}}"
        kwargs["id"] = record.pk
    url = _url(template, kwargs)
    body = case.body(world, record)

    if persona == ANONYMOUS:
        client = TestAPIClient()
        expected = "2xx" if case.public else ANONYMOUS_STATUS
    else:
        client, user = api_for(persona), world.persona(persona)
        if persona in case.refused:
            expected = case.refused[persona]
        else:
            expected = "2xx" if case.public else expected_status(method, url, user, record, world.dept_a)

    response = _request(client, method, url, case, body)
    status = response.status_code
    shown = getattr(response, "data", None)
    assert status != 500, f"{operation_id} as {persona}: 500"
    if expected == "2xx":
        assert 200 <= status < 300, f"{method} {url} as {persona}: the policy allows, got {status} {shown}"
    else:
        assert status == expected, f"{method} {url} as {persona}: expected {expected}, got {status} {shown}"


def _employee_creates(world) -> set[str]:
    """The creates (writes without a record in the path) the policies let a plain employee
    make."""
    allowed = set()
    for operation_id, (method, template) in operations().items():
        if method != "POST" or "{" in template or CASES[operation_id].public:
            continue
        if expected_status(method, template, world.employee_a, None, world.dept_a) == "2xx":
            allowed.add(operation_id)
    return allowed


# What a plain employee may create, pinned by hand: the matrix takes its expectations from the
# policies, so a policy that let everyone write would pass it; this list would not.
EMPLOYEE_CREATES = {
    "v1_hazards_create",  # anyone reports a hazard
    "v1_exports_create",  # anyone may ask; each export's own policy then decides
}


def test_a_plain_employee_creates_only_what_employees_do(world):
    assert _employee_creates(world) == EMPLOYEE_CREATES
