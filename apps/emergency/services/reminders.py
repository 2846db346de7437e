"""The daily reminders of drills, filings, evaluations and supplies coming due, and of drills not
reported to the authority."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from apps.core.text import stored
from apps.emergency import selectors
from apps.emergency.models import Drill, Plan, Supply
from apps.emergency.services._common import _recipients
from apps.org.models import Role
from apps.org.selectors import users_with_role
from apps.workflow import services as workflow

# Reminders are raised this many days before a drill, an evaluation or a supply check is due.
DRILL_LEAD_DAYS = 30
EVALUATION_LEAD_DAYS = 60
SUPPLY_LEAD_DAYS = 7


# The kinds of reminder (apps/workflow/services/remind.py), each raised once per record and
# due date: a plan found already overdue gets only the overdue one.
DRILL_REMINDER, DRILL_OVERDUE_REMINDER = "drill_due", "drill_overdue"
FILING_REMINDER = "filing_overdue"
EVALUATION_REMINDER, EVALUATION_OVERDUE_REMINDER = "evaluation_due", "evaluation_overdue"
SUPPLY_EXPIRY_REMINDER, SUPPLY_CHECK_REMINDER = "supply_expiry", "supply_check"
# A drill of a unit of 708号 第八条 not reported to the authority: reminded once, the day after it
# is recorded, for the drills of the last 12 months (the article gives no deadline for the report).
DRILL_REPORT_REMINDER = "drill_unreported"


# Each reminder below says what is due as (kind, due date, message), or None.
def _drill_reminder(plan: Plan, today: dt.date) -> tuple | None:
    """The advance reminder and the overdue one, each once per due date."""
    due = plan.next_drill_due
    if due and due < today:
        message = stored(
            gettext_noop("Drill overdue for %(plan)s: it was due on %(date)s."),
            **{"plan": plan, "date": due.isoformat()},
        )
        return DRILL_OVERDUE_REMINDER, due, message
    if due and today <= due <= today + dt.timedelta(days=DRILL_LEAD_DAYS):
        message = stored(gettext_noop("Drill due for %(plan)s by %(date)s."), **{"plan": plan, "date": due.isoformat()})
        return DRILL_REMINDER, due, message
    return None


def _filing_reminder(plan: Plan, today: dt.date) -> tuple | None:
    """A plan not filed by its deadline is reminded once."""
    if plan.filed_on or plan.filing_due >= today:
        return None
    message = stored(
        gettext_noop("%(plan)s is not filed with the authority: it was due by %(date)s."),
        **{"plan": plan, "date": plan.filing_due.isoformat()},
    )
    return FILING_REMINDER, plan.filing_due, message


def _evaluation_reminder(plan: Plan, today: dt.date) -> tuple | None:
    """As for drills: once ahead and once overdue per due date."""
    due = plan.evaluation_due
    if due < today:
        message = stored(
            gettext_noop("Evaluation of %(plan)s overdue: it was due by %(date)s."),
            **{"plan": plan, "date": due.isoformat()},
        )
        return EVALUATION_OVERDUE_REMINDER, due, message
    if today <= due <= today + dt.timedelta(days=EVALUATION_LEAD_DAYS):
        message = stored(
            gettext_noop("Evaluation of %(plan)s due by %(date)s."), **{"plan": plan, "date": due.isoformat()}
        )
        return EVALUATION_REMINDER, due, message
    return None


def _expiry_reminder(supply: Supply, today: dt.date) -> tuple | None:
    expires_on = supply.expires_on
    if not expires_on or expires_on > today + dt.timedelta(days=SUPPLY_LEAD_DAYS):
        return None
    message = (
        gettext_noop("%(supply)s expired on %(date)s.")
        if expires_on < today
        else gettext_noop("%(supply)s expires on %(date)s.")
    )
    return (SUPPLY_EXPIRY_REMINDER, expires_on, stored(message, **{"supply": supply, "date": expires_on.isoformat()}))


def _check_reminder(supply: Supply, today: dt.date) -> tuple | None:
    due = supply.next_check_due
    if not due or due > today + dt.timedelta(days=SUPPLY_LEAD_DAYS):
        return None
    message = stored(
        gettext_noop("%(supply)s is due for a check by %(date)s."), **{"supply": supply, "date": due.isoformat()}
    )
    return SUPPLY_CHECK_REMINDER, due, message


def _report_reminder(drill: Drill, today: dt.date) -> tuple | None:
    if drill.reported_on:
        return None
    message = stored(
        gettext_noop(
            "The drill “%(drill)s” of %(date)s is not reported to the authority (生产安全事故应急条例 第八条)."
        ),
        **{"drill": drill.scenario, "date": drill.held_on.isoformat()},
    )
    return DRILL_REPORT_REMINDER, drill.held_on, message


def _unreported_drills(today: dt.date) -> list[Drill]:
    """The drills of the last 12 months not reported, when the company reports its drills."""
    if not selectors.drills_half_yearly():
        return []
    since = today - dt.timedelta(days=selectors.OBLIGATION_WINDOW_DAYS)
    drills = Drill.objects.select_for_update(of=("self",)).filter(
        reported_on__isnull=True, held_on__gt=since, held_on__lt=today
    )
    return list(drills.select_related("department"))


# The reminders of a plan, in the order they are sent, with the count each adds to.
PLAN_REMINDERS = (("drills", _drill_reminder), ("filings", _filing_reminder), ("evaluations", _evaluation_reminder))
# The expiry and the check of a supply are reminded each on its own, once per date.
SUPPLY_REMINDERS = (_expiry_reminder, _check_reminder)


def _remind(subject, reminder, *, users, url: str, today: dt.date) -> bool:
    """Send what `reminder` says is due of the subject, unless it was sent for that date."""
    due = reminder(subject, today)
    if due is None:
        return False
    kind, date, message = due
    return workflow.remind_once(
        subject=subject, kind=kind, due=date, users=users, message=message, url=url, today=today
    )


@transaction.atomic
def emergency_reminders_send(*, today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    managers = list(users_with_role(Role.SAFETY_MANAGER))
    plans = list(Plan.objects.select_for_update(of=("self",)).filter(is_active=True).select_related("department"))
    supplies = list(
        Supply.objects.select_for_update(of=("self",))
        .filter(is_active=True)
        .exclude(expires_on__isnull=True, next_check_due__isnull=True)
        .select_related("department")
    )
    drills = _unreported_drills(today)
    departments = {r.department_id for r in (*plans, *supplies, *drills)}
    recipients = _recipients(departments, managers)
    counts = {"drills": 0, "filings": 0, "evaluations": 0, "supplies": 0, "reports": 0}
    for plan in plans:
        users, url = recipients[plan.department_id], plan.get_absolute_url()
        for kind, reminder in PLAN_REMINDERS:
            counts[kind] += _remind(plan, reminder, users=users, url=url, today=today)
    for supply in supplies:
        users, url = recipients[supply.department_id], supply.get_absolute_url()
        sent = [_remind(supply, reminder, users=users, url=url, today=today) for reminder in SUPPLY_REMINDERS]
        counts["supplies"] += any(sent)
    for drill in drills:
        users, url = recipients[drill.department_id], drill.get_absolute_url()
        counts["reports"] += _remind(drill, _report_reminder, users=users, url=url, today=today)
    return counts
