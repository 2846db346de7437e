from __future__ import annotations

import functools

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from apps.core.import_pages import import_pages
from apps.core.selectors import history_entries
from apps.core.views import RecordPage, edit_page, finder, list_page, post_from_page
from apps.org import importers, policies, selectors, services
from apps.org.forms import AccountForm, CompanyForm, DepartmentForm, EmployeeForm, LeaveForm, PositionForm
from apps.org.models import DepartmentKind, EmploymentType
from apps.org.permissions import policy_required
from apps.org.sheets import DEPARTMENT_COLUMNS, EMPLOYEE_COLUMNS


# ------------------------------------------------------------------------------
# Company profile
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_company)
def company_detail(request):
    company = selectors.company_get()
    return render(
        request,
        "org/company_detail.html",
        {
            "company": company,
            "history": history_entries(company) if company else [],
            "can_edit": policies.can_edit_company(request.user),
        },
    )


@policy_required(policies.can_edit_company)
def company_edit(request):
    return edit_page(
        request,
        CompanyForm(request.POST or None, instance=selectors.company_get()),
        services.company_update,
        back="org:company",
    )


# ------------------------------------------------------------------------------
# Departments
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_departments)
def department_list(request):
    filters = request.GET.dict()
    departments = selectors.department_list(user=request.user, filters=filters)
    return render(
        request,
        "org/department_list.html",
        {
            "departments": departments,
            "filters": filters,
            "kinds": DepartmentKind.choices,
            "can_edit": policies.can_edit_department(request.user),
        },
    )


@policy_required(policies.can_read_departments)
def department_detail(request, pk: int):
    department = get_object_or_404(selectors.department_list(user=request.user), pk=pk)
    return render(
        request,
        "org/department_detail.html",
        {
            "department": department,
            "children": department.children.order_by("sort_order", "name"),
            "employees": selectors.employee_list(user=request.user, filters={"department": department.pk})[:200]
            if policies.can_read_employees(request.user)
            else None,
            "heads": selectors.department_heads(department),
            "history": history_entries(department),
            "can_edit": policies.can_edit_department(request.user),
        },
    )


@policy_required(policies.can_edit_department)
def department_create(request):
    initial = {"parent": request.GET.get("parent")} if request.GET.get("parent") else None
    return edit_page(
        request,
        DepartmentForm(request.POST or None, initial=initial),
        services.department_create,
        _("Department created."),
        title=_("New department"),
        cancel_url=reverse("org:department_list"),
        done=_department_url,
    )


@policy_required(policies.can_edit_department)
def department_edit(request, pk: int):
    department = get_object_or_404(selectors.department_list(user=request.user), pk=pk)
    return edit_page(
        request,
        DepartmentForm(request.POST or None, instance=department),
        functools.partial(services.department_update, department=department),
        back=_department_url(department),
    )


def _department_url(department) -> str:
    return reverse("org:department_detail", args=[department.pk])


department_import, department_import_template = import_pages(
    importer=importers.department_import,
    columns=DEPARTMENT_COLUMNS,
    title=_("Import departments"),
    sheet_title=_("Departments"),
    template_url_name="org:department_import_template",
    list_url_name="org:department_list",
    guard=policy_required(policies.can_import_departments),
)


# ------------------------------------------------------------------------------
# Positions
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_positions)
def position_list(request):
    return list_page(
        request,
        lambda user, filters: selectors.position_list(filters=filters),
        template="org/position_list.html",
        can_edit=policies.can_edit_position(request.user),
    )


position_edit = RecordPage(
    get=lambda request, pk: get_object_or_404(selectors.position_list(), pk=pk), record="position"
).edit(policy_required(policies.can_edit_position), PositionForm, services.position_save, back="org:position_list")


# ------------------------------------------------------------------------------
# Employees
# ------------------------------------------------------------------------------
@policy_required(policies.can_read_employees)
def employee_list(request):
    return list_page(
        request,
        selectors.employee_list,
        positions=selectors.position_list(),
        employment_types=EmploymentType.choices,
        flags=[
            ("principal_head", _("Principal head")),
            ("safety_manager", _("Safety management staff")),
            ("safety_officer", _("Safety officer")),
            ("special_operation", _("Special-operation worker")),
            ("high_risk_post", _("High-risk post")),
        ],
        can_edit=policies.can_edit_employee(request.user),
    )


def _employee_page(request, employee, *, account_form=None, leave_form=None, status=200):
    """The employee's page; safety managers also get the login form and, while the employee is
    in service, the leaving form."""
    actions = policies.employee_actions(request.user, employee)
    if actions["account"] and account_form is None:
        account = employee.user
        account_form = AccountForm(
            initial={
                "username": account.username if account else employee.employee_no,
                "roles": list(account.groups.values_list("name", flat=True)) if account else [],
                "headed_departments": list(selectors.headed_departments(account) if account else []),
            }
        )
    if actions["leave"] and leave_form is None:
        leave_form = LeaveForm(employee=employee, initial={"left_on": timezone.localdate()})
    return render(
        request,
        "org/employee_detail.html",
        {
            "employee": employee,
            "history": history_entries(employee),
            "actions": actions,
            "account_form": account_form,
            "leave_form": leave_form if employee.is_active else None,
        },
        status=status,
    )


_employee = finder(selectors.employee_list, active="")


@policy_required(policies.can_read_employees)
def employee_detail(request, pk: int):
    return _employee_page(request, _employee(request, pk))


@policy_required(policies.can_set_account)
@require_POST
def employee_account(request, pk: int):
    employee = _employee(request, pk)
    form = AccountForm(request.POST)
    return post_from_page(
        request,
        form,
        lambda data: services.employee_account_set(
            employee=employee,
            username=data["username"],
            password=data["password"] or None,
            roles=data["roles"],
            headed_departments=list(data["headed_departments"]),
            user=request.user,
        ),
        _("Login account and roles saved."),
        done=_employee_url(employee),
        page=lambda form: _employee_page(request, employee, account_form=form, status=400),
    )


@policy_required(policies.can_record_leaver)
@require_POST
def employee_leave(request, pk: int):
    employee = _employee(request, pk)
    form = LeaveForm(request.POST, employee=employee)

    def page(form):
        employee.refresh_from_db()  # the service may have changed it before refusing
        return _employee_page(request, employee, leave_form=form, status=400)

    return post_from_page(
        request,
        form,
        lambda data: services.employee_leave(
            employee=employee, left_on=data["left_on"], handover_to=data["handover_to"], user=request.user
        ),
        _("%(name)s has left; their open work was handed over.") % {"name": employee.name},
        done=_employee_url(employee),
        page=page,
    )


@policy_required(policies.can_edit_employee)
def employee_edit(request, pk: int | None = None):
    employee = (
        get_object_or_404(selectors.employee_list(user=request.user, filters={"active": ""}), pk=pk) if pk else None
    )
    save = functools.partial(services.employee_update, employee=employee) if employee else services.employee_create
    return edit_page(
        request,
        EmployeeForm(request.POST or None, instance=employee),
        save,
        cancel_url=_employee_url(employee) if employee else reverse("org:employee_list"),
        done=_employee_url,
    )


def _employee_url(employee) -> str:
    return reverse("org:employee_detail", args=[employee.pk])


employee_import, employee_import_template = import_pages(
    importer=importers.employee_import,
    columns=EMPLOYEE_COLUMNS,
    title=_("Import employees"),
    sheet_title=_("Employees"),
    template_url_name="org:employee_import_template",
    list_url_name="org:employee_list",
    guard=policy_required(policies.can_import_employees),
)
