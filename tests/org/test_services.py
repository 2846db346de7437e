import pytest
from django.core.exceptions import ValidationError

from apps.org import services
from apps.org.access import access_for
from apps.org.models import Department, DepartmentKind, validate_credit_code
from tests.org.factories import DepartmentFactory, EmployeeFactory

pytestmark = pytest.mark.usefixtures("english")

FORMAT = "has 18 digits or capital letters"


@pytest.mark.parametrize(
    "code, problem",
    [
        ("91350100M000100Y43", None),  # the example of GB 32100-2015
        ("91320500MA1XK7Q83D", None),
        ("91350100M000100Y44", "check character of this credit code is wrong"),
        ("91350100M000100Y4", FORMAT),  # 17 characters
        ("91350100M000100YI3", FORMAT),  # I is not in the alphabet
        ("91350100m000100y43", None),  # lower case is accepted and upper-cased
    ],
)
def test_credit_code_check(code, problem):
    if problem is None:
        validate_credit_code(code)
    else:
        with pytest.raises(ValidationError, match=problem):
            validate_credit_code(code)


@pytest.mark.parametrize(
    "parent_kind, child_kind, allowed",
    [
        ("company", "department", True),
        ("company", "workshop", True),
        ("company", "team", True),
        ("workshop", "section", True),
        ("workshop", "team", True),
        ("section", "team", True),
        ("department", "workshop", False),
        ("team", "team", False),
        ("section", "workshop", False),
    ],
)
def test_the_tree_goes_company_department_section_team(world, parent_kind, child_kind, allowed):
    parent = world.root if parent_kind == "company" else DepartmentFactory(kind=parent_kind)
    data = {"name": "新单位", "code": "NEW", "kind": child_kind, "parent": parent}
    if allowed:
        assert services.department_create(data=data, user=None).parent == parent
    else:
        with pytest.raises(ValidationError, match="cannot belong to a") as exc:
            services.department_create(data=data, user=None)
        assert "kind" in exc.value.message_dict


def test_there_is_one_company_at_the_top(world):
    with pytest.raises(ValidationError, match="There is already a company at the top"):
        services.department_create(data={"name": "另一家", "code": "X", "kind": DepartmentKind.COMPANY}, user=None)


def test_moving_a_unit_moves_its_subtree_and_the_heads_scope(world):
    section = DepartmentFactory(kind=DepartmentKind.SECTION, parent=world.dept_b, code="B-S")
    team = DepartmentFactory(kind=DepartmentKind.TEAM, parent=section, code="B-S-1")
    assert team.pk not in access_for(world.head_a).headed_department_ids

    services.department_update(department=section, data={"parent": world.dept_a}, user=None)
    team.refresh_from_db()
    assert team.path.startswith(world.dept_a.path)
    world.head_a.refresh_from_db()
    assert team.pk in access_for(type(world.head_a).objects.get(pk=world.head_a.pk)).headed_department_ids


def test_a_unit_cannot_move_below_itself(world):
    with pytest.raises(ValidationError, match="A unit cannot be placed under itself"):
        services.department_update(department=world.dept_a, data={"parent": world.team_a}, user=None)


def test_a_unit_with_staff_cannot_be_closed(world):
    with pytest.raises(ValidationError, match="Move or release its employees") as exc:
        services.department_update(department=world.team_a, data={"is_active": False}, user=None)
    assert "is_active" in exc.value.message_dict


def test_department_scope_is_inherited_by_sub_departments(world):
    access = access_for(world.head_a)
    assert access.headed_department_ids == {world.dept_a.pk, world.team_a.pk}
    assert access.heads(world.team_a.pk)
    assert not access.heads(world.dept_b.pk)
    assert access_for(world.safety_manager).heads(world.dept_b.pk)
    assert not access_for(world.leader).heads(world.dept_a.pk)
    assert access_for(world.leader).visible_department_ids() is None
    assert access_for(world.employee_a).visible_department_ids() == {world.team_a.pk}


def test_an_account_gets_roles_and_headed_departments(world):
    employee = EmployeeFactory(department=world.dept_b)
    account = services.employee_account_set(
        employee=employee,
        username="newhead",
        password="Str0ng-pass-2026",
        roles=["leadership"],
        headed_departments=[world.dept_b],
        user=world.safety_manager,
    )
    assert set(account.groups.values_list("name", flat=True)) == {"leadership", "department_head", "employee"}
    assert access_for(account).heads(world.dept_b.pk)
    services.employee_account_set(
        employee=employee, username="newhead", password=None, roles=[], headed_departments=[], user=world.safety_manager
    )
    account.refresh_from_db()
    assert set(account.groups.values_list("name", flat=True)) == {"employee"}
    assert not access_for(type(account).objects.get(pk=account.pk)).is_department_head


def test_changes_are_audited_with_who(world):
    services.department_update(department=world.dept_b, data={"name": "总装车间"}, user=world.safety_manager)
    latest = Department.history.filter(id=world.dept_b.pk).latest("history_date")
    assert latest.name == "总装车间"
    assert latest.history_user == world.safety_manager


def test_a_unit_cannot_change_to_a_kind_its_children_do_not_fit_under(world):
    with pytest.raises(ValidationError, match="would no longer fit under a") as exc:
        services.department_update(department=world.dept_a, data={"kind": "team"}, user=None)
    assert "kind" in exc.value.message_dict


def test_a_safety_manager_cannot_take_over_an_administrators_login(world):
    from tests.org.factories import UserFactory

    root = UserFactory(username="root", is_superuser=True, is_staff=True)
    employee = EmployeeFactory(department=world.dept_b, user=root)
    with pytest.raises(ValidationError, match="only a superuser may change it"):
        services.employee_account_set(
            employee=employee,
            username="root",
            password="Str0ng-pass-2026",
            roles=[],
            headed_departments=[],
            user=world.safety_manager,
        )
    root.refresh_from_db()
    assert root.check_password("pass-1234")


def test_an_employee_who_leaves_loses_login_and_head_rights(world):
    from apps.org.models import Employee

    head = Employee.objects.get(user=world.head_a)
    services.employee_update(employee=head, data={"is_active": False}, user=world.safety_manager)
    world.head_a.refresh_from_db()
    assert not world.head_a.is_active
    assert not world.head_a.groups.exists()
    assert not access_for(type(world.head_a).objects.get(pk=world.head_a.pk)).headed_department_ids
