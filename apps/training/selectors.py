"""Reads of training records: visibility, requirements, compliance, certificates and plans.

Compliance is summed in the database (grouped queries over the attendance table alone) and judged in Python
against the rule set in force, so a page runs the same queries for 10 people as for 10,000.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.utils import timezone

from apps.core.selectors import as_int
from apps.org.access import Access, access_for
from apps.org.models import Department, Employee
from apps.org.selectors import company_get
from apps.training import rules
from apps.training.models import (
    CERTIFICATE_WINDOW_DAYS,
    INDUCTION_LEVELS,
    MANAGER_INITIAL_LEVELS,
    REINDUCTION_LEVELS,
    Attendance,
    Certificate,
    CertificateType,
    Course,
    Reinduction,
    RuleSet,
    RuleSetRow,
    SessionLevel,
    TrainingPlan,
    TrainingPlanItem,
    TrainingSession,
    TrainingSettings,
)

ZERO = Decimal(0)


# ------------------------------------------------------------------------------
# Who sees what
# ------------------------------------------------------------------------------
def reads_training(access: Access) -> bool:
    """Department-wide training records: safety managers, leadership and department heads."""
    return access.sees_everything or access.is_department_head


def _scope_departments(access: Access) -> frozenset[int] | None:
    """Departments whose records this person reads; None means all."""
    if access.sees_everything:
        return None
    return access.headed_department_ids


def visible_employees(*, user, filters: dict | None = None) -> QuerySet[Employee]:
    """Department heads: their departments; safety managers and leadership: everyone;
    anyone else: only themselves."""
    filters = filters or {}
    access = access_for(user)
    qs = Employee.objects.all()
    scope = _scope_departments(access)
    if scope is not None:
        qs = qs.filter(Q(department_id__in=scope) | Q(pk=access.employee_id or 0))
    if department := as_int(filters.get("department")):
        if filters.get("direct") == "1":  # this department only, not its sub-units
            qs = qs.filter(department_id=department)
        else:
            path = Department.objects.filter(pk=department).values("path")
            qs = qs.filter(department__path__startswith=path[:1])
    if q := filters.get("q"):
        qs = qs.filter(Q(name__icontains=q) | Q(employee_no__icontains=q))
    if filters.get("active", "1") in ("1", "0"):
        qs = qs.filter(is_active=filters.get("active", "1") == "1")
    return qs


def creditable_employees(*, user) -> QuerySet[Employee]:
    """People in service whose training hours the user may record: a head's departments;
    everyone for a safety manager."""
    access = access_for(user)
    qs = Employee.objects.filter(is_active=True)
    if not access.manages_everything:
        qs = qs.filter(department_id__in=access.headed_department_ids)
    return qs


# ------------------------------------------------------------------------------
# Settings and requirements
# ------------------------------------------------------------------------------
def training_settings() -> TrainingSettings | None:
    return TrainingSettings.objects.select_related("ruleset").filter(pk=1).first()


def ruleset_list() -> QuerySet[RuleSet]:
    return RuleSet.objects.prefetch_related("rows").order_by("code")


@dataclass(frozen=True)
class Requirements:
    """The hours table in force: (role, high_risk) -> (initial, annual)."""

    ruleset_code: str
    ruleset_name: str
    high_risk: bool
    table: dict

    def hours(self, role: str, stage: str) -> int:
        initial, annual = self.table[(role, self.high_risk)]
        return initial if stage == "initial" else annual


def requirements() -> Requirements:
    """The rule set in force, read from the database (two queries); the pure module's default
    table when nothing is set up (a fresh or flushed database)."""
    settings_row = training_settings()
    company = company_get()
    high_risk = bool(company and company.is_high_risk)
    if settings_row is not None:
        ruleset = settings_row.ruleset
        rows = {
            (r.role, r.high_risk): (r.initial_hours, r.annual_hours)
            for r in RuleSetRow.objects.filter(ruleset=ruleset)
        }
        table = {**rules.TABLES.get(ruleset.code, rules.TABLES["default"]), **rows}
        return Requirements(ruleset.code, ruleset.name, high_risk, table)
    return Requirements(
        "default", rules.RULESET_NAMES["default"], high_risk, rules.TABLES["default"]
    )


# ------------------------------------------------------------------------------
# Compliance
# ------------------------------------------------------------------------------
@dataclass
class PersonCompliance:
    employee_id: int
    employee_no: str
    name: str
    department_id: int
    department_name: str
    department_path: str
    role: str
    hire_date: dt.date | None
    initial_hours: Decimal
    initial_required: int
    annual_hours: Decimal
    annual_required: int
    induction_levels: set = field(default_factory=set)
    reinduction_since: dt.date | None = None
    has_expired_certificate: bool = False

    @property
    def initial_short(self) -> Decimal:
        return max(ZERO, self.initial_required - self.initial_hours)

    @property
    def annual_short(self) -> Decimal:
        return max(ZERO, self.annual_required - self.annual_hours)

    @property
    def hours_ok(self) -> bool:
        return self.initial_short == 0 and self.annual_short == 0

    @property
    def induction_missing(self) -> list[str]:
        """The induction levels still to attend (all three, or two after a post change)."""
        needed = REINDUCTION_LEVELS if self.reinduction_since else INDUCTION_LEVELS
        return [level for level in needed if level not in self.induction_levels]

    @property
    def induction_complete(self) -> bool:
        return not self.induction_missing

    @property
    def is_compliant(self) -> bool:
        return self.hours_ok and self.induction_complete

    @property
    def role_label(self) -> str:
        from apps.training.models import TrainingRole

        return str(TrainingRole(self.role).label)

    @property
    def induction_missing_labels(self) -> list[str]:
        return [str(SessionLevel(level).label) for level in self.induction_missing]


def _latest_reinductions(employees: QuerySet[Employee], as_of: dt.date) -> dict[int, dt.date]:
    """Each person's latest repeated induction up to `as_of` (people with none are left out)."""
    return dict(
        Reinduction.objects.filter(employee_id__in=employees.values("id"), since__lte=as_of)
        .order_by()
        .values("employee_id")
        .annotate(since=Max("since"))
        .values_list("employee_id", "since")
    )


def _attendance_sums(attendance: QuerySet[Attendance], year_start: dt.date) -> QuerySet:
    """Per person: induction hours, hours of the levels that count as initial for managers,
    this year's other hours, and the last passed induction per level."""
    passed = ~Q(passed=False)
    # order_by(): the model's ordering would join sessions and people into the grouped query.
    return (
        attendance.order_by()
        .values("employee_id")
        .annotate(
            induction=Sum("hours_credited", filter=Q(level__in=INDUCTION_LEVELS)),
            manager_initial=Sum("hours_credited", filter=Q(level__in=MANAGER_INITIAL_LEVELS)),
            annual=Sum(
                "hours_credited", filter=Q(date__gte=year_start) & ~Q(level__in=INDUCTION_LEVELS)
            ),
            **{
                f"last_{level}": Max("date", filter=passed & Q(level=level))
                for level in INDUCTION_LEVELS
            },
        )
    )


def compliance(employees: QuerySet[Employee], *, as_of: dt.date) -> list[PersonCompliance]:
    """Each active employee's hours and induction against the rule set in force.

    A fixed number of queries whatever the number of people: settings, rule rows, company, the
    people, their latest repeated inductions, attendance summed per person over the attendance
    table alone (one grouped query), the same since the repeated induction for the people who
    had one, and expired certificates.
    """
    need = requirements()
    year_start = dt.date(as_of.year, 1, 1)
    active = employees.filter(is_active=True)
    # Initial training: the induction levels; for principal heads and safety management staff
    # also external and special-topic courses (their 32/48-hour qualification course is
    # usually external). After a repeated induction only what followed it counts: the person
    # is new staff again.
    present = Attendance.objects.filter(
        employee_id__in=active.values("id"), present=True, date__lte=as_of
    )
    sums = {row["employee_id"]: row for row in _attendance_sums(present, year_start)}
    reinduced_on = _latest_reinductions(active, as_of)
    since = {}
    if reinduced_on:
        latest = Reinduction.objects.filter(
            employee_id=OuterRef("employee_id"), since__lte=as_of
        ).order_by("-since")
        since = {
            row["employee_id"]: row
            for row in present.filter(employee_id__in=list(reinduced_on))
            .filter(date__gte=Subquery(latest.values("since")[:1]))
            .order_by()
            .values("employee_id")
            .annotate(
                induction=Sum("hours_credited", filter=Q(level__in=INDUCTION_LEVELS)),
                manager_initial=Sum("hours_credited", filter=Q(level__in=MANAGER_INITIAL_LEVELS)),
            )
        }
    people = active.values(
        "id",
        "employee_no",
        "name",
        "department_id",
        "department__name",
        "department__path",
        "is_principal_head",
        "is_safety_manager",
        "hire_date",
    ).order_by("department__path", "employee_no")
    expired = set(
        Certificate.objects.filter(holder_id__in=active.values("id"), valid_until__lt=as_of)
        .exclude(Exists(_newer_certificate(as_of)))
        .values_list("holder_id", flat=True)
    )
    empty: dict = {}
    rows = []
    for p in people:
        role = rules.role_of(
            is_principal_head=p["is_principal_head"], is_safety_manager=p["is_safety_manager"]
        )
        initial_need, annual_need = need.table[(role, need.high_risk)]
        hire = p["hire_date"]
        # People hired this year are held to the initial hours; the yearly refresher starts
        # the year after.
        if hire is not None and hire >= year_start:
            annual_need = 0
        totals = sums.get(p["id"], empty)
        reinduced = reinduced_on.get(p["id"])
        initial_from = since.get(p["id"], empty) if reinduced is not None else totals
        initial = initial_from.get("induction") or ZERO
        if p["is_principal_head"] or p["is_safety_manager"]:
            initial += initial_from.get("manager_initial") or ZERO
        levels = set()
        for level in INDUCTION_LEVELS:
            last = totals.get(f"last_{level}")
            if last is not None and (reinduced is None or last >= reinduced):
                levels.add(level)
        rows.append(
            PersonCompliance(
                employee_id=p["id"],
                employee_no=p["employee_no"],
                name=p["name"],
                department_id=p["department_id"],
                department_name=p["department__name"],
                department_path=p["department__path"],
                role=role,
                hire_date=hire,
                initial_hours=initial,
                initial_required=initial_need,
                annual_hours=totals.get("annual") or ZERO,
                annual_required=annual_need,
                induction_levels=levels,
                reinduction_since=reinduced,
                has_expired_certificate=p["id"] in expired,
            )
        )
    return rows


def compliance_by_path(*, as_of: dt.date):
    """Everyone's compliance counted per department path: {path: (people, hours_ok,
    induction_ok)}, with when it was computed. Shared by the evidence provider and the dashboard,
    and cached until a training or organisation record changes (apps/scoring/live.py)."""
    from apps.scoring import live

    def compute() -> dict[str, tuple[int, int, int]]:
        counts: dict[str, list[int]] = {}
        for row in compliance(Employee.objects.all(), as_of=as_of):
            entry = counts.setdefault(row.department_path, [0, 0, 0])
            entry[0] += 1
            entry[1] += row.hours_ok
            entry[2] += row.induction_complete
        return {path: tuple(entry) for path, entry in counts.items()}

    return live.memo(
        f"training.compliance:{as_of.isoformat()}", apps=("training",), compute=compute
    )


def compliance_rows(
    *, user, filters: dict | None = None, as_of: dt.date | None = None
) -> list[PersonCompliance]:
    filters = filters or {}
    rows = compliance(
        visible_employees(user=user, filters=filters), as_of=as_of or timezone.localdate()
    )
    if filters.get("short") == "1":
        rows = [r for r in rows if not r.is_compliant]
    return rows


@dataclass
class DepartmentCompliance:
    department_id: int
    name: str
    path: str
    people: int = 0
    hours_ok: int = 0
    induction_ok: int = 0
    short_hours: Decimal = ZERO

    @property
    def hours_rate(self) -> Decimal | None:
        return _percent(self.hours_ok, self.people)

    @property
    def induction_rate(self) -> Decimal | None:
        return _percent(self.induction_ok, self.people)

    @property
    def depth(self) -> int:
        return max(0, self.path.count("/") - 2)


def by_department(rows: list[PersonCompliance]) -> list[DepartmentCompliance]:
    """Per-department totals of the same rows (no further query)."""
    result: dict[int, DepartmentCompliance] = {}
    for row in rows:
        entry = result.setdefault(
            row.department_id,
            DepartmentCompliance(row.department_id, row.department_name, row.department_path),
        )
        entry.people += 1
        entry.hours_ok += row.hours_ok
        entry.induction_ok += row.induction_complete
        entry.short_hours += row.initial_short + row.annual_short
    return sorted(result.values(), key=lambda d: d.path)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"))


# ------------------------------------------------------------------------------
# Courses, sessions, attendance
# ------------------------------------------------------------------------------
def course_list(*, filters: dict | None = None) -> QuerySet[Course]:
    filters = filters or {}
    qs = Course.objects.annotate(session_count=Count("sessions"))
    if q := filters.get("q"):
        qs = qs.filter(Q(name__icontains=q) | Q(code__icontains=q))
    if filters.get("active") in ("1", "0"):
        qs = qs.filter(is_active=filters["active"] == "1")
    return qs.order_by("code")


def session_list(*, user, filters: dict | None = None) -> QuerySet[TrainingSession]:
    filters = filters or {}
    access = access_for(user)
    qs = TrainingSession.objects.select_related("course", "department").annotate(
        attendee_count=Count("attendances", filter=Q(attendances__present=True))
    )
    scope = _scope_departments(access)
    if scope is not None:
        # Heads see sessions their departments ran or their people attended.
        attended = Attendance.objects.filter(
            session=OuterRef("pk"), employee__department_id__in=scope
        )
        qs = qs.filter(Q(department_id__in=scope) | Exists(attended))
    if department := as_int(filters.get("department")):
        path = Department.objects.filter(pk=department).values("path")
        qs = qs.filter(department__path__startswith=path[:1])
    if level := filters.get("level"):
        qs = qs.filter(level=level)
    if year := as_int(filters.get("year")):
        qs = qs.filter(start_date__year=year)
    if q := filters.get("q"):
        qs = qs.filter(Q(course__name__icontains=q) | Q(trainer__icontains=q))
    return qs.order_by("-start_date", "-pk")


def _expired_flag(as_of: dt.date):
    return Exists(
        Certificate.objects.filter(holder=OuterRef("employee_id"), valid_until__lt=as_of).exclude(
            Exists(_newer_certificate(as_of))
        )
    )


def _newer_certificate(as_of: dt.date) -> QuerySet[Certificate]:
    """A valid certificate of the same holder and type replaces an expired one."""
    return Certificate.objects.filter(
        holder_id=OuterRef("holder_id"), type_id=OuterRef("type_id"), valid_until__gte=as_of
    )


def attendance_list(
    *, user, filters: dict | None = None, as_of: dt.date | None = None
) -> QuerySet[Attendance]:
    """Attendance rows the user may read, each with `holder_expired` for the red flag."""
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    people = visible_employees(user=user, filters={"active": "", **_only(filters, "department")})
    qs = (
        Attendance.objects.filter(employee_id__in=people.values("id"))
        .select_related("session__course", "session__department", "employee__department")
        .annotate(holder_expired=_expired_flag(as_of))
    )
    if session := as_int(filters.get("session")):
        qs = qs.filter(session_id=session)
    if employee := as_int(filters.get("employee")):
        qs = qs.filter(employee_id=employee)
    if year := as_int(filters.get("year")):
        qs = qs.filter(date__year=year)
    if level := filters.get("level"):
        qs = qs.filter(level=level)
    return qs.order_by("-date", "session_id", "employee__employee_no")


def _only(filters: dict, *keys: str) -> dict:
    return {k: filters[k] for k in keys if k in filters}


def reinduction_list(*, user) -> QuerySet[Reinduction]:
    people = visible_employees(user=user, filters={"active": ""})
    return Reinduction.objects.filter(employee_id__in=people.values("id")).select_related(
        "employee__department"
    )


# ------------------------------------------------------------------------------
# Certificates
# ------------------------------------------------------------------------------
def certificate_type_list(*, kind: str | None = None) -> QuerySet[CertificateType]:
    qs = CertificateType.objects.all()
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "code")


def certificate_list(
    *, user, filters: dict | None = None, as_of: dt.date | None = None
) -> QuerySet[Certificate]:
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    people = visible_employees(user=user, filters={"active": "", **_only(filters, "department")})
    qs = Certificate.objects.filter(holder_id__in=people.values("id")).select_related(
        "type", "holder__department"
    )
    if kind := filters.get("kind"):
        qs = qs.filter(kind=kind)
    if holder := as_int(filters.get("holder")):
        qs = qs.filter(holder_id=holder)
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    state = filters.get("state")
    if state == "expired":
        qs = qs.filter(valid_until__lt=as_of)
    elif state == "due":
        qs = qs.filter(
            Q(next_review_on__lte=as_of + window) | Q(valid_until__lte=as_of + window),
            valid_until__gte=as_of,
        )
    elif state == "valid":
        qs = qs.filter(valid_until__gte=as_of)
    if (within := as_int(filters.get("within"))) is not None:
        # Expiring within so many days (the dashboard's 30/60/90-day figures): people in service.
        qs = qs.filter(
            holder__is_active=True,
            valid_until__gte=as_of,
            valid_until__lte=as_of + dt.timedelta(days=within),
        )
    if q := filters.get("q"):
        qs = qs.filter(
            Q(number__icontains=q) | Q(holder__name__icontains=q) | Q(type__name__icontains=q)
        )
    return qs.order_by("valid_until", "pk")


def reviews_due(*, today: dt.date) -> QuerySet[Certificate]:
    """Valid certificates whose review window (60 days before the review) is open and which
    were not reminded of this review yet."""
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    return (
        Certificate.objects.filter(
            next_review_on__isnull=False,
            next_review_on__lte=today + window,
            valid_until__gte=today,
            holder__is_active=True,
        )
        .exclude(review_reminded_for=F("next_review_on"))
        .select_related("type", "holder")
    )


def expiries_due(*, today: dt.date) -> QuerySet[Certificate]:
    """Certificates within 60 days of expiry, not yet reminded of this expiry date."""
    window = dt.timedelta(days=CERTIFICATE_WINDOW_DAYS)
    return (
        Certificate.objects.filter(
            valid_until__gte=today, valid_until__lte=today + window, holder__is_active=True
        )
        .exclude(expiry_reminded_for=F("valid_until"))
        .select_related("type", "holder")
    )


def expired_unnotified(*, today: dt.date) -> QuerySet[Certificate]:
    return (
        Certificate.objects.filter(valid_until__lt=today, holder__is_active=True)
        .exclude(expired_notified_for=F("valid_until"))
        .exclude(Exists(_newer_certificate(today)))
        .select_related("type", "holder")
    )


# ------------------------------------------------------------------------------
# Plans
# ------------------------------------------------------------------------------
def plan_list(
    *, user, filters: dict | None = None, as_of: dt.date | None = None
) -> QuerySet[TrainingPlan]:
    """Plans with their planned items, those due by now and those held (a session linked to
    the item took place), counted in the same query."""
    filters = filters or {}
    as_of = as_of or timezone.localdate()
    access = access_for(user)
    qs = TrainingPlan.objects.select_related("department", "approval_task").annotate(
        planned=Count("items", distinct=True),
        held=Count(
            "items",
            filter=Q(items__sessions__start_date__lte=as_of),
            distinct=True,
        ),
    )
    scope = _scope_departments(access)
    if scope is not None:
        qs = qs.filter(department_id__in=scope)
    if year := as_int(filters.get("year")):
        qs = qs.filter(year=year)
    if department := as_int(filters.get("department")):
        qs = qs.filter(department_id=department)
    if status := filters.get("status"):
        qs = qs.filter(status=status)
    return qs.order_by("-year", "department__path")


def plan_items(plan: TrainingPlan, *, as_of: dt.date | None = None) -> QuerySet[TrainingPlanItem]:
    as_of = as_of or timezone.localdate()
    return (
        TrainingPlanItem.objects.filter(plan=plan)
        .select_related("course")
        .annotate(
            held_count=Count("sessions", filter=Q(sessions__start_date__lte=as_of)),
            last_held=Max("sessions__start_date", filter=Q(sessions__start_date__lte=as_of)),
        )
        .order_by("month", "pk")
    )


def plan_completion(*, as_of: dt.date) -> tuple[int, int]:
    """Company-wide (held, due) plan items of approved plans of the year, due by this month."""
    items = TrainingPlanItem.objects.filter(
        plan__year=as_of.year, plan__status="approved", month__lte=as_of.month
    ).annotate(
        is_held=Exists(
            TrainingSession.objects.filter(plan_item=OuterRef("pk"), start_date__lte=as_of)
        )
    )
    counts = items.aggregate(due=Count("pk"), held=Count("pk", filter=Q(is_held=True)))
    return counts["held"] or 0, counts["due"] or 0


def certificate_validity(*, as_of: dt.date) -> tuple[int, int]:
    """(valid, total) of the current certificates of people in service: for each holder and
    type the latest certificate counts."""
    latest = (
        Certificate.objects.filter(holder__is_active=True)
        .values("holder_id", "type_id")
        .annotate(latest=Max("valid_until"))
        .values_list("latest", flat=True)
    )
    dates = list(latest)
    return sum(1 for d in dates if d >= as_of), len(dates)
