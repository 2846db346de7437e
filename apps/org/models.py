from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from apps.core.models import AuditedModel, BaseModel, Named, link


class Role(models.TextChoices):
    """Roles are auth groups of these names, created by a data migration."""

    SAFETY_MANAGER = "safety_manager", _("Safety manager")
    DEPARTMENT_HEAD = "department_head", _("Department head")
    LEADERSHIP = "leadership", _("Leadership")
    EMPLOYEE = "employee", _("Employee")


# 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a check character.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def validate_credit_code(value: str) -> None:
    from django.core.exceptions import ValidationError

    code = value.upper()
    if len(code) != 18 or any(ch not in CREDIT_CODE_ALPHABET for ch in code):
        raise ValidationError(
            _("A unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)."),
            code="credit_code_format",
        )
    total = sum(CREDIT_CODE_ALPHABET.index(ch) * w for ch, w in zip(code[:17], CREDIT_CODE_WEIGHTS, strict=True))
    check = CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]
    if code[17] != check:
        raise ValidationError(
            _("The check character of this credit code is wrong; please check the code."), code="credit_code_check"
        )


class EmergencyUnitKind(models.TextChoices):
    """The units of 生产安全事故应急条例 (国务院令第708号) 第八条第二款: they drill their emergency
    plans at least every half-year and report each drill to the authority."""

    NONE = "", _("None of these")
    DANGEROUS_GOODS = "dangerous_goods", _("Producer, dealer, store or carrier of dangerous goods")
    MINE = "mine", _("Mine")
    METAL_SMELTING = "metal_smelting", _("Metal smelting")
    URBAN_RAIL = "urban_rail", _("Urban rail transit operator")
    CONSTRUCTION = "construction", _("Construction")
    CROWDED_PLACE = "crowded_place", _("Operator of a crowded place (hotel, mall, entertainment venue, scenic area)")


class Company(Named, AuditedModel):
    """The one company this installation serves."""

    name = models.CharField(_("company name"), max_length=200)
    credit_code = models.CharField(
        _("unified social credit code"), max_length=18, blank=True, validators=[validate_credit_code]
    )
    industry = models.CharField(_("industry"), max_length=100, blank=True)
    is_high_risk = models.BooleanField(
        _("high-risk industry"),
        default=False,
        help_text=_(
            "Coal mines, non-coal mines, hazardous chemicals, fireworks, metal smelting: higher training hours apply."
        ),
    )
    emergency_unit_kind = models.CharField(
        _("unit of 708号 第八条"),
        max_length=20,
        choices=EmergencyUnitKind.choices,
        default=EmergencyUnitKind.NONE,
        blank=True,
        help_text=_(
            "Units of these kinds drill their emergency plans at least every half-year and report each drill "
            "to the authority (生产安全事故应急条例 第八条)."
        ),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    head_count = models.PositiveIntegerField(_("head count"), default=0)
    task_escalation_days = models.PositiveSmallIntegerField(
        _("escalate overdue tasks after (days)"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_("Leadership is told of a task this many days after its due date."),
    )

    class Meta:
        verbose_name = _("company profile")
        verbose_name_plural = _("company profile")

    @property
    def drills_half_yearly(self) -> bool:
        """A unit of 708号 第八条: every plan kind drilled each half-year, each drill reported."""
        return bool(self.emergency_unit_kind)


class DepartmentKind(models.TextChoices):
    COMPANY = "company", _("Company")
    DEPARTMENT = "department", _("Department")
    WORKSHOP = "workshop", _("Workshop")
    SECTION = "section", _("Section")
    TEAM = "team", _("Team")


# Depth of each kind in the tree: company → department/workshop → section → team.
KIND_LEVEL = {
    DepartmentKind.COMPANY: 0,
    DepartmentKind.DEPARTMENT: 1,
    DepartmentKind.WORKSHOP: 1,
    DepartmentKind.SECTION: 2,
    DepartmentKind.TEAM: 3,
}

PATH_WIDTH = 7


class Department(Named, BaseModel):
    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=30,
        unique=True,
        validators=[RegexValidator(r"^[A-Za-z0-9_.-]+$", _("Use letters, digits, - _ . only."))],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DepartmentKind.choices)
    parent = link("self", _("parent"), optional=True, related_name="children")
    # Materialised path of zero-padded ids ("/0000001/0000004/"): a subtree is one prefix query.
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords(excluded_fields=["path"])

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["path"]
        permissions = [("head_department", _("Can act as head of this department"))]

    @property
    def depth(self) -> int:
        return max(0, self.path.count("/") - 2)

    @property
    def indent(self) -> range:
        return range(self.depth)


class Position(Named, AuditedModel):
    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("duties"), blank=True)
    is_high_risk = models.BooleanField(_("high-risk post"), default=False)

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["name"]


class SafetyOfficer(models.TextChoices):
    NONE = "", _("Not a safety officer")
    FULL_TIME = "full_time", _("Full-time safety officer")
    PART_TIME = "part_time", _("Part-time safety officer")


class EmploymentType(models.TextChoices):
    REGULAR = "regular", _("Own staff")
    CONTRACTOR = "contractor", _("Contractor's staff")
    DISPATCHED = "dispatched", _("Dispatched worker")


class Employee(AuditedModel):
    employee_no = models.CharField(_("employee number"), max_length=30, unique=True)
    name = models.CharField(_("full name"), max_length=50)
    department = link(Department, _("department"), related_name="employees")
    position = link(Position, _("position"), on_delete=models.SET_NULL, optional=True, related_name="employees")
    hire_date = models.DateField(_("hire date"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    user = link(
        settings.AUTH_USER_MODEL,
        _("login account"),
        on_delete=models.SET_NULL,
        optional=True,
        related_name="employee",
        one_to_one=True,
    )
    is_principal_head = models.BooleanField(_("principal head"), default=False)
    is_safety_manager = models.BooleanField(_("safety management staff"), default=False)
    safety_officer = models.CharField(
        _("safety officer"), max_length=20, choices=SafetyOfficer.choices, blank=True, default=SafetyOfficer.NONE
    )
    is_special_operation_worker = models.BooleanField(_("special-operation worker"), default=False)
    employment_type = models.CharField(
        _("employment"), max_length=20, choices=EmploymentType.choices, default=EmploymentType.REGULAR
    )
    is_high_risk_post = models.BooleanField(_("high-risk post"), default=False)
    is_active = models.BooleanField(_("in service"), default=True)
    # Set by the org services when someone leaves (employee_leave); empty while in service.
    left_on = models.DateField(_("left on"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["employee_no"]
        # Employee lists are filtered by department and by who is still in service.
        indexes = [models.Index(fields=["department", "is_active"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.employee_no})"
