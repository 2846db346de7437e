"""The daily reminders of drills, filings, evaluations and supplies coming due."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.emergency.models import REMINDER_FIELDS, Plan, Supply
from apps.emergency.services._common import _recipients
from apps.org.models import Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow

# Reminders are raised this many days before a drill, an evaluation or a supply check is due.
DRILL_LEAD_DAYS = 30
EVALUATION_LEAD_DAYS = 60
SUPPLY_LEAD_DAYS = 7


# Each reminder below says what is due, or None; it marks the record as reminded for that date
# so that it is raised once per record and due date.
def _drill_reminder(plan: Plan, today: dt.date) -> str | None:
    """The advance reminder and the overdue one are each raised once per due date; a plan found
    already overdue gets only the overdue one."""
    due = plan.next_drill_due
    if due and due < today and plan.drill_overdue_reminded_for != due:
        plan.drill_overdue_reminded_for = plan.drill_reminded_for = due
        return _("Drill overdue for %(plan)s: it was due on %(date)s.") % {
            "plan": plan,
            "date": due.isoformat(),
        }
    if (
        due
        and today <= due <= today + dt.timedelta(days=DRILL_LEAD_DAYS)
        and plan.drill_reminded_for != due
    ):
        plan.drill_reminded_for = due
        return _("Drill due for %(plan)s by %(date)s.") % {"plan": plan, "date": due.isoformat()}
    return None


def _filing_reminder(plan: Plan, today: dt.date) -> str | None:
    """A plan not filed by its deadline is reminded once."""
    if plan.filed_on or plan.filing_due >= today or plan.filing_reminded:
        return None
    plan.filing_reminded = True
    return _("%(plan)s is not filed with the authority: it was due by %(date)s.") % {
        "plan": plan,
        "date": plan.filing_due.isoformat(),
    }


def _evaluation_reminder(plan: Plan, today: dt.date) -> str | None:
    """As for drills: once ahead and once overdue per due date, only the latter when found
    late."""
    due = plan.evaluation_due
    if due < today and plan.evaluation_overdue_reminded_for != due:
        plan.evaluation_overdue_reminded_for = plan.evaluation_reminded_for = due
        return _("Evaluation of %(plan)s overdue: it was due by %(date)s.") % {
            "plan": plan,
            "date": due.isoformat(),
        }
    if (
        today <= due <= today + dt.timedelta(days=EVALUATION_LEAD_DAYS)
        and plan.evaluation_reminded_for != due
    ):
        plan.evaluation_reminded_for = due
        return _("Evaluation of %(plan)s due by %(date)s.") % {
            "plan": plan,
            "date": due.isoformat(),
        }
    return None


def _expiry_reminder(supply: Supply, today: dt.date) -> str | None:
    expires_on = supply.expires_on
    lead = today + dt.timedelta(days=SUPPLY_LEAD_DAYS)
    if not expires_on or expires_on > lead or supply.expiry_reminded_for == expires_on:
        return None
    supply.expiry_reminded_for = expires_on
    message = (
        _("%(supply)s expired on %(date)s.")
        if expires_on < today
        else _("%(supply)s expires on %(date)s.")
    )
    return message % {"supply": supply, "date": expires_on.isoformat()}


def _check_reminder(supply: Supply, today: dt.date) -> str | None:
    due = supply.next_check_due
    lead = today + dt.timedelta(days=SUPPLY_LEAD_DAYS)
    if not due or due > lead or supply.check_reminded_for == due:
        return None
    supply.check_reminded_for = due
    return _("%(supply)s is due for a check by %(date)s.") % {
        "supply": supply,
        "date": due.isoformat(),
    }


# The reminders of a plan, in the order they are sent, with the count each adds to.
PLAN_REMINDERS = (
    ("drills", _drill_reminder),
    ("filings", _filing_reminder),
    ("evaluations", _evaluation_reminder),
)
# The expiry and the check of a supply are reminded each on its own, once per date.
SUPPLY_REMINDERS = (_expiry_reminder, _check_reminder)


@transaction.atomic
def emergency_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    plans = list(
        Plan.objects.select_for_update(of=("self",))
        .filter(is_active=True)
        .select_related("department")
    )
    supplies = list(
        Supply.objects.select_for_update(of=("self",))
        .filter(is_active=True)
        .exclude(expires_on__isnull=True, next_check_due__isnull=True)
        .select_related("department")
    )
    recipients = _recipients(
        {p.department_id for p in plans} | {s.department_id for s in supplies}, managers
    )
    batch: list[tuple] = []
    counts = {"drills": 0, "filings": 0, "evaluations": 0, "supplies": 0}
    for plan in plans:
        users, url = recipients[plan.department_id], plan.get_absolute_url()
        for kind, reminder in PLAN_REMINDERS:
            message = reminder(plan, today)
            if message:
                batch.append((users, message, None, url))
                counts[kind] += 1
    Plan.objects.bulk_update(plans, REMINDER_FIELDS)
    changed = []
    for supply in supplies:
        users, url = recipients[supply.department_id], supply.get_absolute_url()
        messages = [m for m in (reminder(supply, today) for reminder in SUPPLY_REMINDERS) if m]
        batch.extend((users, message, None, url) for message in messages)
        if messages:
            changed.append(supply)
            counts["supplies"] += 1
    Supply.objects.bulk_update(changed, ["expiry_reminded_for", "check_reminded_for"])
    workflow.notify_many(batch)
    return counts
