"""Every reminder the apps remembered in their own columns (and the hazard statistics in their own
table) becomes a Reminder row meaning the same, so that nothing already sent is sent again
(apps/workflow/services/remind.py). Backwards, the columns are filled again from the rows."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.db import migrations
from django.utils import timezone

from apps.accidents import rules as accident_rules
from apps.emergency import rules as emergency_rules

NO_DUE_DATE = dt.date.min
RENEWAL_YEARS = 3  # apps/assessment/selectors.py

# (app, model, column, kind): the column holds the due date the reminder was sent for.
DATE_COLUMNS = [
    ("accidents", "accident", "report_reminded_for", "accident_report"),
    ("emergency", "plan", "drill_reminded_for", "drill_due"),
    ("emergency", "plan", "drill_overdue_reminded_for", "drill_overdue"),
    ("emergency", "plan", "evaluation_reminded_for", "evaluation_due"),
    ("emergency", "plan", "evaluation_overdue_reminded_for", "evaluation_overdue"),
    ("emergency", "supply", "expiry_reminded_for", "supply_expiry"),
    ("emergency", "supply", "check_reminded_for", "supply_check"),
    ("major_hazards", "unit", "assessment_task_for", "major_hazard_assessment"),
    ("training", "certificate", "review_reminded_for", "certificate_review"),
    ("training", "certificate", "expiry_reminded_for", "certificate_expiry"),
    ("training", "certificate", "expired_notified_for", "certificate_expired"),
]


def _accident_window_end(accident):
    code = accident.accident_type.code if accident.accident_type_id else ""
    return accident_rules.casualty_window_end(
        timezone.localtime(accident.occurred_at).date(),
        road_or_fire=accident.road_traffic or code in accident_rules.FIRE_OR_ROAD_TYPE_CODES,
    )


def _plan_filing_due(plan):
    return emergency_rules.filing_due(plan.published_on)


def _statistics_due(period: str) -> dt.date:
    """The deadline of a period key such as "2025-Q1" or "2025" (apps/hazards/rules.py)."""
    year, _, quarter = period.partition("-Q")
    year = int(year)
    if not quarter:
        return dt.date(year + 1, 1, 31)
    quarter = int(quarter)
    return dt.date(year + 1, 1, 15) if quarter == 4 else dt.date(year, 3 * quarter + 1, 15)


def _statistics_period(due: dt.date) -> str:
    if (due.month, due.day) == (1, 31):
        return str(due.year - 1)
    if due.month == 1:
        return f"{due.year - 1}-Q4"
    return f"{due.year}-Q{(due.month - 1) // 3}"


def _type(apps, app_label, model):
    content_type = apps.get_model("contenttypes", "ContentType")
    return content_type.objects.get_or_create(app_label=app_label, model=model)[0]


def forward(apps, schema_editor):
    Reminder = apps.get_model("workflow", "Reminder")
    today = timezone.localdate()
    rows = []

    def add(content_type, subject_id, kind, due, sent_on=today):
        rows.append(
            Reminder(
                subject_type=content_type,
                subject_id=subject_id,
                kind=kind,
                due=due,
                sent_on=sent_on,
            )
        )

    for app_label, model, column, kind in DATE_COLUMNS:
        content_type = _type(apps, app_label, model)
        for pk, due in (
            apps.get_model(app_label, model)
            .objects.filter(**{f"{column}__isnull": False})
            .values_list("pk", column)
        ):
            add(content_type, pk, kind, due)

    accident_type = _type(apps, "accidents", "accident")
    for accident in (
        apps.get_model("accidents", "Accident")
        .objects.filter(window_reminded=True)
        .select_related("accident_type")
    ):
        add(accident_type, accident.pk, "accident_window", _accident_window_end(accident))

    plan_type = _type(apps, "emergency", "plan")
    for plan in apps.get_model("emergency", "Plan").objects.filter(filing_reminded=True):
        add(plan_type, plan.pk, "filing_overdue", _plan_filing_due(plan))

    assessment_type = _type(apps, "assessment", "assessment")
    for pk, awarded_on, sent_on in (
        apps.get_model("assessment", "Assessment")
        .objects.filter(renewal_reminded_on__isnull=False, awarded_on__isnull=False)
        .values_list("pk", "awarded_on", "renewal_reminded_on")
    ):
        add(
            assessment_type,
            pk,
            "grade_renewal",
            awarded_on + relativedelta(years=RENEWAL_YEARS),
            sent_on,
        )

    letter_type = _type(apps, "responsibility", "responsibilityletter")
    for pk, sign_by, sent_on in (
        apps.get_model("responsibility", "ResponsibilityLetter")
        .objects.filter(last_reminded_on__isnull=False)
        .values_list("pk", "sign_by", "last_reminded_on")
    ):
        add(letter_type, pk, "letter_signature", sign_by, sent_on)

    task_type = _type(apps, "workflow", "task")
    for pk, due, sent_on in (
        apps.get_model("workflow", "Task")
        .objects.filter(last_reminded_on__isnull=False)
        .values_list("pk", "due_date", "last_reminded_on")
    ):
        # Reminded on or before the due date: the due-soon reminder; after it, the overdue one.
        add(task_type, pk, "task_due_soon" if sent_on <= due else "task_overdue", due, sent_on)

    hazard_type = _type(apps, "hazards", "hazard")
    for period, sent_on in apps.get_model("hazards", "StatisticsReminder").objects.values_list(
        "period", "sent_on"
    ):
        add(hazard_type, 0, "hazard_statistics", _statistics_due(period), sent_on)

    Reminder.objects.bulk_create(rows, ignore_conflicts=True)


def backward(apps, schema_editor):
    Reminder = apps.get_model("workflow", "Reminder")
    kinds = set()

    def reminders(app_label, model, kind):
        kinds.add(kind)
        return Reminder.objects.filter(
            subject_type=_type(apps, app_label, model), kind=kind
        ).order_by("due", "sent_on")

    for app_label, model, column, kind in DATE_COLUMNS:
        manager = apps.get_model(app_label, model).objects
        for reminder in reminders(app_label, model, kind):
            manager.filter(pk=reminder.subject_id).update(**{column: reminder.due})

    Accident = apps.get_model("accidents", "Accident")
    for reminder in reminders("accidents", "accident", "accident_window"):
        accident = Accident.objects.filter(pk=reminder.subject_id).first()
        if accident is not None and _accident_window_end(accident) == reminder.due:
            Accident.objects.filter(pk=accident.pk).update(window_reminded=True)

    Plan = apps.get_model("emergency", "Plan")
    for reminder in reminders("emergency", "plan", "filing_overdue"):
        plan = Plan.objects.filter(pk=reminder.subject_id).first()
        if plan is not None and _plan_filing_due(plan) == reminder.due:
            Plan.objects.filter(pk=plan.pk).update(filing_reminded=True)

    Assessment = apps.get_model("assessment", "Assessment")
    for reminder in reminders("assessment", "assessment", "grade_renewal"):
        Assessment.objects.filter(pk=reminder.subject_id).update(
            renewal_reminded_on=reminder.sent_on
        )

    Letter = apps.get_model("responsibility", "ResponsibilityLetter")
    for reminder in reminders("responsibility", "responsibilityletter", "letter_signature"):
        Letter.objects.filter(pk=reminder.subject_id, sign_by=reminder.due).update(
            last_reminded_on=reminder.sent_on
        )

    Task = apps.get_model("workflow", "Task")
    for kind in ("task_due_soon", "task_overdue"):
        for reminder in reminders("workflow", "task", kind):
            Task.objects.filter(pk=reminder.subject_id, due_date=reminder.due).update(
                last_reminded_on=reminder.sent_on
            )

    StatisticsReminder = apps.get_model("hazards", "StatisticsReminder")
    for reminder in reminders("hazards", "hazard", "hazard_statistics"):
        StatisticsReminder.objects.get_or_create(
            period=_statistics_period(reminder.due), defaults={"sent_on": reminder.sent_on}
        )

    Reminder.objects.filter(kind__in=kinds).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflow", "0006_reminder"),
        ("accidents", "0003_reminders"),
        ("assessment", "0002_assessment_gate_source_and_more"),
        ("emergency", "0002_separate_reminders"),
        ("hazards", "0003_statisticsreminder"),
        ("major_hazards", "0003_protect_records"),
        ("responsibility", "0001_initial"),
        ("training", "0003_alter_certificate_type_and_more"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forward, backward)]
