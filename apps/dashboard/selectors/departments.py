"""The department figures (hazards, tasks, training, certificates), rolled up to the rows under
the chosen department, and the departments a viewer may choose."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from apps.core import recurrence
from apps.dashboard import policies
from apps.dashboard.selectors.figures import Figure, Unit
from apps.hazards.models import OPEN_STATUSES, Hazard, HazardStatus
from apps.hazards.selectors import overdue_q
from apps.org.models import Department, DepartmentKind
from apps.org.policy import in_scope
from apps.scoring import live
from apps.training import selectors as training
from apps.training.models import Certificate
from apps.workflow.models import UNFINISHED_STATUSES, Task

CERTIFICATE_WINDOWS = (30, 60, 90)
TREND_MONTHS = 12


def department_scope(user, department_id: int | None):
    """Whether the viewer reads the whole company, the departments they may pick, the anchor
    chosen and the rows under it."""
    company = bool(policies.can_read_company_figures(user))
    fields = ("id", "name", "path", "parent_id", "kind", "is_active")
    every = list(in_scope(Department.objects.only(*fields), user, "id", heads_only=True))
    # Closed units are not offered in the filter, but their records still count in a row.
    departments = [d for d in every if d.is_active]
    by_id = {d.pk: d for d in departments}
    chosen = by_id.get(department_id) if department_id else None
    if chosen is not None:
        anchors = [chosen]
    elif company:
        anchors = [d for d in departments if d.parent_id is None]
    else:
        anchors = [d for d in departments if d.parent_id not in by_id]
    units = []
    for anchor in anchors:
        children = [d for d in every if d.parent_id == anchor.pk]
        if children and (chosen is not None or anchor.kind == DepartmentKind.COMPANY):
            units.append(Unit(anchor.pk, anchor.name, anchor.path, direct_only=True))
            units += [
                Unit(d.pk, d.name if d.is_active else _("%(name)s (closed)") % {"name": d.name}, d.path)
                for d in children
            ]
        else:
            units.append(Unit(anchor.pk, anchor.name, anchor.path))
    return company, departments, chosen, units


def _assign(units: list[Unit]):
    """A function mapping a department path to its row (None outside the rows)."""
    exact = {u.path: u for u in units if u.direct_only}
    prefixes = sorted((u for u in units if not u.direct_only), key=lambda u: -len(u.path))
    seen: dict[str, Unit | None] = {}

    def unit_of(path: str) -> Unit | None:
        if path not in seen:
            seen[path] = exact.get(path) or next((u for u in prefixes if path.startswith(u.path)), None)
        return seen[path]

    return unit_of


def _within(units: list[Unit], field_name: str) -> Q:
    """Records of the rows' departments (every record when a row is the whole company)."""
    if any(u.path.count("/") == 2 for u in units):
        return Q()
    q = Q()
    for unit in units:
        q |= Q(**{f"{field_name}__path__startswith": unit.path})
    return q


def hazard_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Open and overdue hazards per department path, and found/closed per month: two queries."""
    within = _within(units, "department")
    per_path = {
        row["department__path"]: (row["open"], row["overdue"])
        for row in Hazard.objects.filter(within, status__in=OPEN_STATUSES)
        .values("department__path")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=overdue_q(as_of)))
    }
    start = recurrence.add_months(as_of.replace(day=1), -(TREND_MONTHS - 1))
    months = [recurrence.add_months(start, i) for i in range(TREND_MONTHS)]
    counts = {m: [0, 0] for m in months}
    # Grouped by day (an index range, no date functions), bucketed into months here.
    for row in (
        Hazard.objects.filter(within, found_on__gte=start, found_on__lte=as_of)
        .values("found_on")
        .annotate(found=Count("pk"), closed=Count("pk", filter=Q(status=HazardStatus.CLOSED)))
    ):
        bucket = counts[row["found_on"].replace(day=1)]
        bucket[0] += row["found"]
        bucket[1] += row["closed"]
    trend = [(m, counts[m][0], counts[m][1]) for m in months]
    return {"per_path": per_path, "months": trend}


def task_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Unfinished and overdue tasks per department path: one query."""
    return {
        row["department__path"]: (row["open"], row["overdue"])
        for row in Task.objects.filter(_within(units, "department"), status__in=UNFINISHED_STATUSES)
        .values("department__path")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=as_of)))
    }


def certificate_figures(units: list[Unit], as_of: dt.date) -> dict:
    """Certificates of active people expiring within each window: one query."""
    return Certificate.objects.filter(
        _within(units, "holder__department"),
        holder__is_active=True,
        valid_until__gte=as_of,
        valid_until__lte=as_of + dt.timedelta(days=max(CERTIFICATE_WINDOWS)),
    ).aggregate(
        **{
            f"d{days}": Count("pk", filter=Q(valid_until__lte=as_of + dt.timedelta(days=days)))
            for days in CERTIFICATE_WINDOWS
        }
    )


def department_memo(units: list[Unit], as_of: dt.date, computed: list):
    """A department figure, cached until a record of `app` changes (the time it was computed
    goes into `computed`); nothing without rows."""
    scope = f"{as_of.isoformat()}:{','.join(u.path + ('=' if u.direct_only else '*') for u in units)}"

    def memo(name: str, app: str, compute, empty):
        if not units:
            return empty
        value, at = live.memo(f"dashboard.{name}:{scope}", apps=(app,), compute=compute)
        computed.append(at)
        return value

    return memo


def rows_add_up(units: list[Unit], hazards: dict, tasks: dict, as_of: dt.date, computed: list) -> None:
    """Each department path's hazards, tasks and training compliance added to its row."""
    unit_of = _assign(units)
    for path, (open_count, overdue) in hazards.items():
        if unit := unit_of(path):
            unit.hazards_open += open_count
            unit.hazards_overdue += overdue
    for path, (open_count, overdue) in tasks.items():
        if unit := unit_of(path):
            unit.tasks_open += open_count
            unit.tasks_overdue += overdue
    if units:
        counts, at = training.compliance_by_path(as_of=as_of)
        computed.append(at)
        for path, (people, hours_ok, _induction_ok) in counts.items():
            if unit := unit_of(path):
                unit.people += people
                unit.hours_ok += hours_ok


def certificate_rows(counts: dict, chosen: Department | None) -> list[Figure]:
    """Certificates expiring within each window, each linked to its list."""
    certificate_url = reverse("training:certificate_list")
    rows = []
    for days in CERTIFICATE_WINDOWS:
        params = {"within": days, **({"department": chosen.pk} if chosen else {})}
        rows.append(
            Figure(
                f"certificates.{days}",
                _("Certificates expiring within %(days)s days") % {"days": days},
                counts.get(f"d{days}") or 0,
                url=f"{certificate_url}?{urlencode(params)}",
            )
        )
    return rows
